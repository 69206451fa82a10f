// Devices: pair a computer with a one-time code, manage tokens, set the privacy rules of the public status and see
// exactly what the public sees.
import { api } from '../api.js';
import { ago } from '../format.js';
import { h } from '../svg.js';

const LEVELS = ['full', 'app_only', 'category_only', 'online_only', 'hidden'];

export async function render(root, params, ctx) {
  const [devices, presence, tokens, privacy, preview] = await Promise.all([api('/api/v1/devices'), api('/api/v1/presence'),
    api('/api/v1/tokens').catch(() => ({ tokens: null })), api('/api/v1/privacy'), api('/api/v1/privacy/preview')]);
  const live = new Map((presence.devices || []).map((d) => [d.device, d]));
  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Devices' })]));
  root.append(h('div', { class: 'grid two' }, [
    h('section', { class: 'card' }, [h('h2', { text: 'Computers' }), deviceTable(devices.devices, live), pairing()]),
    h('section', { class: 'card' }, [h('h2', { text: 'API tokens' }), tokenSection(tokens.tokens, devices.devices, ctx)])]));
  root.append(privacySection(privacy, preview, devices.devices, ctx));
}

function deviceTable(devices, live) {
  if (!devices.length) return h('p', { class: 'empty', text: 'No devices yet: pair one below.' });
  return h('table', { class: 'data' }, [
    h('thead', {}, [h('tr', {}, ['Name', 'Host', 'OS', 'Status'].map((t) => h('th', { text: t })))]),
    h('tbody', {}, devices.map((d) => {
      const now = live.get(d.name);
      return h('tr', { 'data-testid': 'device', 'data-name': d.name }, [
        h('td', {}, [h('strong', { text: d.name })]), h('td', { text: d.hostname }), h('td', { text: d.os }),
        h('td', {}, now ? [h('span', { class: `dot ${now.status}` }), ` ${now.status} · ${ago(now.last_seen || now.since)}`]
          : [h('span', { class: 'muted', text: 'never seen' })])]);
    }))]);
}

function pairing() {
  const result = h('div');
  const form = h('form', { 'data-testid': 'add-device', class: 'toolbar', style: 'margin-top:1rem' }, [
    h('input', { name: 'name', placeholder: 'New device name, e.g. laptop', required: true, pattern: '[A-Za-z0-9._-]{1,64}',
      title: 'letters, digits, dot, dash and underscore' }),
    h('button', { class: 'primary', text: 'Add device' })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = new FormData(form).get('name').trim();
    try {
      const answer = await api(`/api/v1/devices/${encodeURIComponent(name)}/pairing`, { method: 'POST' });
      result.replaceChildren(
        h('p', {}, [`Pairing code for `, h('strong', { text: answer.device.name }), `, valid until ${new Date(answer.expires).toLocaleTimeString()}:`]),
        h('div', { class: 'code-box', 'data-testid': 'pairing-code', text: answer.code }),
        h('p', { class: 'small' }, ['On that computer run ',
          h('code', { text: `deskfeed agent pair ${location.origin} ${answer.code}` }), ' — it fetches its own token; nothing to copy by hand.']));
    } catch (error) {
      result.replaceChildren(h('p', { class: 'error', text: error.message }));
    }
  });
  return h('div', {}, [h('h3', { text: 'Add a computer', style: 'margin-top:1rem' }), form, result]);
}

function tokenSection(tokens, devices, ctx) {
  if (tokens === null) return h('p', { class: 'muted', text: 'Only an admin session manages tokens.' });
  const shown = h('div');
  const device = h('select', { name: 'device', 'aria-label': 'Device' }, devices.map((d) => h('option', { value: d.name, text: d.name })));
  const scope = h('select', { name: 'scope', 'aria-label': 'Scope', onchange: () => { device.hidden = scope.value !== 'ingest'; } },
    ['read', 'ingest', 'admin'].map((s) => h('option', { value: s, text: s })));
  device.hidden = true;
  const form = h('form', { class: 'toolbar', style: 'margin-top:1rem' }, [
    h('input', { name: 'name', placeholder: 'Token name, e.g. website', required: true }), scope, device,
    h('button', { text: 'Create token' })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: new FormData(form).get('name'), scope: scope.value };
    if (scope.value === 'ingest') body.device = device.value;
    try {
      const answer = await api('/api/v1/tokens', { method: 'POST', body });
      shown.replaceChildren(h('p', {}, ['Copy it now; it is shown only once: ', h('code', { text: answer.token })]),
        h('button', { class: 'link', text: 'Done', onclick: () => ctx.update({}) }));
    } catch (error) {
      shown.replaceChildren(h('p', { class: 'error', text: error.message }));
    }
  });
  const rows = tokens.map((t) => h('tr', { 'data-testid': 'token', 'data-id': t.id }, [
    h('td', { text: t.name || '—' }), h('td', { text: t.scope + (t.device ? ` · ${t.device}` : '') }),
    h('td', { class: 'small muted', text: t.last_used ? `used ${ago(t.last_used)}` : 'never used' }),
    h('td', {}, [t.revoked ? h('span', { class: 'muted', text: 'revoked' }) : h('button', { class: 'danger', text: 'Revoke',
      onclick: async () => { if (confirm(`Revoke the token "${t.name}"?`)) { await api(`/api/v1/tokens/${t.id}`, { method: 'DELETE' }); ctx.update({}); } } })])]));
  return h('div', {}, [
    tokens.length ? h('table', { class: 'data' }, [h('tbody', {}, rows)]) : h('p', { class: 'muted', text: 'No tokens yet.' }),
    form, shown,
    h('p', { class: 'small muted' }, ['read: a website or script reading your data; ingest: one device writing its own buckets; ',
      'admin: everything. Agents get their ingest token by pairing.'])]);
}

function privacySection(rules, preview, devices, ctx) {
  const status = h('p', { class: 'small', 'data-testid': 'privacy-status' });
  const previewBox = h('pre', { class: 'json', 'data-testid': 'privacy-preview', text: JSON.stringify(preview, null, 2) });
  const byDevice = new Map((rules.devices || []).map((d) => [d.device, d]));
  const profile = h('input', { type: 'checkbox', name: 'public_profile', checked: rules.public_profile });
  const level = h('select', { name: 'default_level' }, LEVELS.filter((l) => l !== 'hidden').map((l) =>
    h('option', { value: l, text: l.replace('_', ' '), selected: l === rules.default_level })));
  const deviceRows = devices.map((d) => {
    const rule = byDevice.get(d.name) || {};
    return {
      device: d.name,
      isPublic: h('input', { type: 'checkbox', checked: rule.public === true, 'aria-label': `${d.name} is public` }),
      level: h('select', { 'aria-label': `${d.name} level` }, [h('option', { value: '', text: 'default' }),
        ...LEVELS.filter((l) => l !== 'hidden').map((l) => h('option', { value: l, text: l.replace('_', ' '), selected: l === rule.level }))]),
      name: h('input', { type: 'text', value: rule.name || '', placeholder: d.name, 'aria-label': `${d.name} public name` }),
    };
  });
  const advanced = h('textarea', { rows: 7, spellcheck: 'false', 'aria-label': 'App rules, renames and redactions (JSON)' });
  advanced.value = JSON.stringify({ apps: rules.apps || [], rename: rules.rename || [], redact: rules.redact || [] }, null, 2);

  const save = async () => {
    let extra;
    try { extra = JSON.parse(advanced.value || '{}'); } catch (e) { status.className = 'error'; status.textContent = `App rules: ${e.message}`; return; }
    const body = {
      public_profile: profile.checked, default_level: level.value, ...extra,
      devices: deviceRows.map((r) => ({ device: r.device, public: r.isPublic.checked, ...(r.level.value ? { level: r.level.value } : {}),
        ...(r.name.value.trim() ? { name: r.name.value.trim() } : {}) })),
    };
    try {
      await api('/api/v1/privacy', { method: 'PUT', body });
      previewBox.textContent = JSON.stringify(await api('/api/v1/privacy/preview'), null, 2);
      status.className = 'ok small';
      status.textContent = 'Saved. The preview shows what the public sees now.';
    } catch (error) {
      status.className = 'error small';
      status.textContent = error.message;
    }
  };
  const user = encodeURIComponent(ctx.user);
  return h('section', { class: 'card', style: 'margin-top:1rem' }, [
    h('h2', { text: 'Public status and privacy' }),
    h('div', { class: 'grid two' }, [
      h('div', {}, [
        h('label', { class: 'inline' }, [profile, 'Publish a public status (off: every public address answers 404)']),
        h('label', { style: 'margin:.6rem 0' }, ['Default level of a public device', level]),
        h('table', { class: 'data' }, [h('thead', {}, [h('tr', {}, ['Device', 'Public', 'Level', 'Shown as'].map((t) => h('th', { text: t })))]),
          h('tbody', {}, deviceRows.map((r) => h('tr', {}, [h('td', { text: r.device }), h('td', {}, [r.isPublic]), h('td', {}, [r.level]), h('td', {}, [r.name])])))]),
        h('h3', { text: 'Apps, renames, redactions', style: 'margin-top:1rem' }),
        h('p', { class: 'small muted' }, ['e.g. ', h('code', { text: '{"apps": [{"app": "Signal", "level": "hidden"}], "rename": [{"app": "code", "to": "Coding"}], "redact": [{"regex": "\\\\S+@\\\\S+", "replacement": "[email]"}]}' })]),
        advanced,
        h('div', { class: 'toolbar', style: 'margin-top:.6rem' }, [h('button', { class: 'primary', text: 'Save privacy rules', onclick: save }), status])]),
      h('div', {}, [
        h('h3', { text: 'What the public sees now' }), previewBox,
        h('p', { class: 'small' }, ['Public addresses: ', h('a', { href: `/public/${user}/status`, text: 'status JSON' }), ' · ',
          h('a', { href: `/public/${user}/badge.svg`, text: 'badge' }), ' · ', h('a', { href: `/public/${user}/today`, text: 'today' })]),
        h('p', { class: 'small muted' }, ['On your website: ', h('code', { text: `<script src="${location.origin}/public/${user}/widget.js" async></script>` })])])])]);
}
