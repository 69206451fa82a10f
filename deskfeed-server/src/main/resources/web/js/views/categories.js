// Categories: the rule editor. Rules are ActivityWatch's `classes` setting (aw-webui edits the same list): a path,
// a regex searched in the chosen fields (app, title, url, workspace; none chosen = every field), a colour and a
// productivity score. Saving applies them to all history: rollups are recomputed in the background.
import { api } from '../api.js';
import { h } from '../svg.js';

const FIELDS = ['app', 'title', 'url', 'workspace'];

export async function render(root, params, ctx) {
  const answer = await api('/api/v1/dashboard/categories');
  const rows = answer.categories.map(rowOf);
  const body = h('tbody');
  const status = h('span', { class: 'small', 'data-testid': 'categories-status' });
  const redraw = () => body.replaceChildren(...rows.map((row, i) => row.element(() => { rows.splice(i, 1); redraw(); })));
  redraw();
  showState(status, answer);

  const save = async (list) => {
    status.className = 'small muted';
    status.textContent = 'Saving…';
    try {
      const saved = await api('/api/v1/dashboard/categories', { method: 'PUT', body: list });
      rows.splice(0, rows.length, ...saved.categories.map(rowOf));
      redraw();
      showState(status, saved, 'Saved. ');
    } catch (error) {
      status.className = 'error small';
      status.textContent = error.message;
    }
  };
  const upload = h('input', { type: 'file', accept: 'application/json,.json', 'aria-label': 'Import ActivityWatch categories',
    onchange: async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      try { await save(JSON.parse(await file.text())); } catch (error) { status.className = 'error small'; status.textContent = `${file.name}: ${error.message}`; }
    } });

  root.append(
    h('div', { class: 'toolbar' }, [h('h1', { text: 'Categories' }),
      h('label', { class: 'inline small' }, ['Import aw-webui export', upload])]),
    h('section', { class: 'card' }, [
      h('p', { class: 'small muted' }, ['The deepest matching category wins. A regex is searched (not fully matched) in the chosen ',
        'fields; with none chosen, in every text field. Parents without a rule only group their children. ',
        'Work and personal categories are set in ', h('a', { href: '#/settings', text: 'Settings' }), '.']),
      h('div', { class: 'chart' }, [h('table', { class: 'data rules' }, [
        h('thead', {}, [h('tr', {}, ['Category (Parent > Child)', 'Regex', 'Match in', 'Aa', 'Colour', 'Score', ''].map((t) =>
          h('th', { text: t, title: t === 'Aa' ? 'ignore case' : undefined })))]), body])]),
      h('div', { class: 'toolbar', style: 'margin-top:.8rem' }, [
        h('button', { text: 'Add category', onclick: () => { rows.push(rowOf({ name: ['New'], rule: { type: 'regex', regex: '' }, data: {} })); redraw(); } }),
        h('button', { class: 'primary', 'data-testid': 'categories-save', text: 'Save and apply to all history',
          onclick: () => {
            try { save(rows.map((row, id) => row.value(id))); } catch (error) { status.className = 'error small'; status.textContent = error.message; }
          } }),
        status])]));
}

function showState(status, answer, prefix = '') {
  const remaining = answer.rebuild ? answer.rebuild.remaining_hours : 0;
  status.className = answer.problem ? 'error small' : 'ok small';
  status.textContent = answer.problem ? answer.problem
    : `${prefix}${answer.defaults ? 'ActivityWatch\'s default rules. ' : ''}${remaining ? `Recomputing ${remaining} hours of history…` : 'All history uses these rules.'}`;
}

function hex6(color) {
  if (!color) return '#888888';
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : color;
}

function rowOf(category) {
  const rule = category.rule || { type: 'none' };
  const data = category.data || {};
  const name = h('input', { type: 'text', value: (category.name || []).join(' > '), 'aria-label': 'Category path', required: true });
  const regex = h('input', { type: 'text', value: rule.type === 'regex' ? rule.regex || '' : '', placeholder: '(no rule: a parent only)',
    'aria-label': 'Regex', class: 'mono' });
  const keys = new Set(rule.select_keys || []);
  const fields = FIELDS.map((field) => h('input', { type: 'checkbox', checked: keys.has(field), 'aria-label': `match ${field}` }));
  const ignoreCase = h('input', { type: 'checkbox', checked: !!rule.ignore_case, 'aria-label': 'ignore case' });
  const color = h('input', { type: 'color', value: hex6(data.color), 'aria-label': 'Colour' });
  let colorChosen = !!data.color;
  color.addEventListener('input', () => { colorChosen = true; });
  const score = h('input', { type: 'number', step: 1, value: data.score ?? '', 'aria-label': 'Productivity score' });
  return {
    element(remove) {
      return h('tr', { 'data-testid': 'category-row' }, [
        h('td', {}, [name]), h('td', {}, [regex]),
        h('td', { class: 'small' }, FIELDS.map((field, i) => h('label', { class: 'inline', style: 'margin-right:.4rem' }, [fields[i], field]))),
        h('td', {}, [ignoreCase]), h('td', {}, [color]), h('td', {}, [score]),
        h('td', {}, [h('button', { class: 'link danger', text: 'Remove', onclick: remove })])]);
    },
    /** The rule as aw-webui stores it. */
    value(id) {
      const path = name.value.split('>').map((part) => part.trim()).filter(Boolean);
      if (!path.length) throw new Error(`row ${id + 1}: a category needs a name`);
      const selected = FIELDS.filter((_, i) => fields[i].checked);
      const out = { id, name: path, rule: regex.value ? { type: 'regex', regex: regex.value } : { type: 'none' }, data: { ...(category.data || {}) } };
      if (regex.value && ignoreCase.checked) out.rule.ignore_case = true;
      if (regex.value && selected.length) out.rule.select_keys = selected;
      if (colorChosen) out.data.color = color.value; else delete out.data.color;
      if (score.value !== '') out.data.score = Number(score.value); else delete out.data.score;
      return out;
    },
  };
}
