// Import: upload a Tockler tracker.db, an ActivityWatch export (JSON or sqlite.db) or a Deskmeter mongoexport, and
// follow the upload and then the import with progress. Re-importing the same file adds nothing.
import { api } from '../api.js';
import { h } from '../svg.js';

const KINDS = [
  ['tockler', 'Tockler tracker.db', '.db,.sqlite,.sqlite3'],
  ['activitywatch', 'ActivityWatch export (JSON) or sqlite.db', '.json,.db'],
  ['deskmeter', 'Deskmeter switches (mongoexport --jsonArray)', '.json']];

export async function render(root, params, ctx) {
  const devices = await api('/api/v1/devices');
  const kind = h('select', { name: 'kind', 'aria-label': 'What the file is' }, KINDS.map(([value, label]) => h('option', { value, text: label })));
  const file = h('input', { type: 'file', name: 'file', required: true, accept: KINDS[0][2] });
  kind.addEventListener('change', () => { file.accept = KINDS.find(([v]) => v === kind.value)[2]; });
  const hostname = h('input', { name: 'hostname', list: 'import-hosts', placeholder: 'the computer it came from', required: true,
    value: devices.devices[0] ? devices.devices[0].hostname : '' });
  const hosts = h('datalist', { id: 'import-hosts' }, devices.devices.map((d) => h('option', { value: d.hostname })));
  const bar = h('span', { style: 'width:0%' });
  const progress = h('div', { 'data-testid': 'import-progress', hidden: true }, [h('div', { class: 'progress' }, [bar]), h('p', { class: 'small' })]);
  const button = h('button', { class: 'primary', text: 'Upload and import' });
  const form = h('form', { class: 'form-grid', 'data-testid': 'import-form' }, [
    h('label', {}, ['File kind', kind]), h('label', {}, ['Computer (hostname)', hostname, hosts]), h('label', {}, ['File', file]),
    h('div', { style: 'align-self:end' }, [button])]);
  let polling = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files[0]) return;
    button.disabled = true;
    progress.hidden = false;
    const say = (state, text, done = 0, total = 0) => {
      progress.dataset.state = state;
      progress.dataset.done = done;
      progress.dataset.total = total;
      bar.style.width = `${state === 'done' ? 100 : total > 0 ? Math.min(100, (done / total) * 100) : 0}%`;
      progress.querySelector('p').textContent = text;
      progress.querySelector('p').className = state === 'failed' ? 'error small' : 'small';
    };
    try {
      const started = await upload(file.files[0], `/api/v1/imports?kind=${kind.value}&hostname=${encodeURIComponent(hostname.value)}`,
        (sent, size) => say('uploading', `Uploading… ${Math.round((sent / size) * 100)} %`, sent, size));
      const follow = async () => {
        const job = await api(`/api/v1/imports/${started.id}`);
        const n = (value) => (value ?? 0).toLocaleString();
        const counts = job.summary || `${n(job.read)} read, ${n(job.inserted)} new, ${n(job.updated)} updated, `
          + `${n(job.unchanged)} already there, ${n(job.skipped)} skipped`;
        // total is -1 while the importer cannot know it (a streamed export): then it is the count done so far
        const total = job.total >= 0 ? job.total : job.done;
        if (job.state === 'running') {
          say('running', `Importing… ${n(job.done)}${job.total >= 0 ? ' of ' + n(job.total) : ''}`, job.done, total);
          polling = setTimeout(follow, 400);
          return;
        }
        const problems = (job.problems || []).slice(0, 5).map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
        say(job.state, job.state === 'done' ? `Done: ${counts}.` : `Failed: ${job.error || problems[0] || 'see the server log'}`,
          job.done, total);
        if (problems.length) progress.append(h('ul', { class: 'small' }, problems.map((p) => h('li', { text: p }))));
        button.disabled = false;
      };
      await follow();
    } catch (error) {
      say('failed', error.message);
      button.disabled = false;
    }
  });

  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Import history' })]),
    h('section', { class: 'card' }, [
      h('p', { class: 'small muted' }, ['Bring years of history along. Rows that cannot be read are reported with their position and ',
        'skipped; everything else is imported. Importing the same file again adds nothing. Large files work too (up to the ',
        'server\'s upload limit); from a terminal, ', h('code', { text: 'deskfeed import tockler|activitywatch|deskmeter FILE' }),
        ' does the same with a progress bar.']),
      form, progress]));
  return () => clearTimeout(polling);
}

/** POSTs the file as the body, reporting upload progress (fetch cannot). */
function upload(file, url, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body && body.error ? body.error.message : `upload failed: ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('upload failed: the connection broke'));
    xhr.send(file);
  });
}
