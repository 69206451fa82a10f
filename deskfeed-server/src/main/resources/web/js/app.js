// Start-up, login, the hash router and the ready signal of docs/WEB.md.
import { api } from './api.js';
import { todayIn } from './format.js';
import { h, hideTooltip } from './svg.js';

const VIEWS = ['now', 'timeline', 'calendar', 'daily', 'switches', 'top', 'split', 'devices', 'categories', 'import',
  'settings'];
const $ = (id) => document.getElementById(id);
const root = document.documentElement;

/** What every view may read: the user, the dashboard settings, today's local date, and navigation. */
export const context = {
  user: null,
  settings: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, startOfDay: '04:00', startOfWeek: 'Monday' },
  today() { return todayIn(this.settings); },
  /** Goes to a route: go('timeline', {date: '2026-03-01'}). */
  go(view, params = {}) {
    const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const hash = `#/${view}${search.toString() ? '?' + search : ''}`;
    if (location.hash === hash) route(); else location.hash = hash;
  },
  /** Replaces the current route's parameters (keeping source=...). */
  update(params) {
    const { view, params: current } = parseHash();
    this.go(view, { ...current, ...params });
  },
  async reloadSettings() {
    this.settings = await api('/api/v1/dashboard/settings');
  },
};

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const view = VIEWS.includes(path) ? path : 'now';
  return { view, params: Object.fromEntries(new URLSearchParams(query)) };
}

let cleanup = null;
let generation = 0;

async function route() {
  const { view, params } = parseHash();
  const mine = ++generation;
  delete root.dataset.ready;
  delete root.dataset.error;
  hideTooltip();
  if (cleanup) { try { cleanup(); } catch (e) { /* a view's teardown must not break the next view */ } }
  cleanup = null;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const main = $('view');
  document.title = `${document.querySelector(`#nav a[data-view="${view}"]`).textContent} · Deskfeed`;
  try {
    const module = await import(`./views/${view}.js`);
    // attached before drawing, so charts can measure the width they have
    const container = h('div', { class: 'view-body', 'data-view': view });
    main.replaceChildren(container);
    const result = await module.render(container, params, context);
    if (mine !== generation) { if (typeof result === 'function') result(); return; }
    cleanup = typeof result === 'function' ? result : null;
    // charts are drawn; wait for the frame that paints them before saying so
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  } catch (error) {
    if (mine !== generation) return;
    if (error.status === 401) { showLogin(); return; }
    main.replaceChildren(h('div', { class: 'card' }, [h('h2', { text: 'Something went wrong' }),
      h('p', { class: 'error', text: error.message }), h('button', { text: 'Try again', onclick: route })]));
    root.dataset.error = error.message;
  }
  if (mine === generation) {
    window.deskfeedRender = { view, ms: performance.now() };
    root.dataset.ready = view;
  }
}

function showLogin() {
  $('shell').hidden = true;
  $('login').hidden = false;
  root.dataset.ready = 'login';
  $('login-form').querySelector('input[name=user]').focus();
}

async function start() {
  try {
    const me = await api('/api/v1/me');
    context.user = me.user;
    await context.reloadSettings();
  } catch (error) {
    if (error.status === 401) { showLogin(); return; }
    throw error;
  }
  $('who').textContent = context.user;
  $('login').hidden = true;
  $('shell').hidden = false;
  window.addEventListener('hashchange', route);
  await route();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    await api('/api/v1/auth/login', { method: 'POST', body: { user: form.get('user'), password: form.get('password') } });
    $('login-error').textContent = '';
    event.target.reset();
    await start();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
});

$('logout').addEventListener('click', async () => {
  await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => {});
  location.hash = '';
  location.reload();
});

$('theme').addEventListener('click', () => {
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  try { localStorage.setItem('deskfeed.theme', root.dataset.theme); } catch (e) { /* private mode */ }
});

start().catch((error) => {
  document.body.prepend(h('p', { class: 'error', text: `Deskfeed could not start: ${error.message}` }));
  root.dataset.error = error.message;
  root.dataset.ready = 'error';
});
