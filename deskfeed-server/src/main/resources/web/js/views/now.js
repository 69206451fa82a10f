// Now: every device's live presence (pushed over SSE) and today's totals.
import { api, dashboard } from '../api.js';
import { ago, clock, formatDuration } from '../format.js';
import { h } from '../svg.js';

export async function render(root, params, ctx) {
  const [presence, today] = await Promise.all([api('/api/v1/presence'), dashboard('today', {}, params)]);
  const totals = h('section', { class: 'card' });
  const cards = h('section', { class: 'devices-now' });
  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Now' }),
    h('span', { class: 'muted small', id: 'live', text: 'live' })]), totals, h('h2', { text: 'Devices', style: 'margin-top:1.2rem' }), cards);

  let state = { presence, today };
  const draw = () => {
    drawTotals(totals, state.today);
    drawDevices(cards, state.presence, state.today, ctx.settings.timeZone);
  };
  draw();

  // Presence is pushed; today's totals are re-read every minute and whenever a device changes status.
  const stream = new EventSource('/api/v1/presence/stream');
  const live = root.querySelector('#live');
  stream.onmessage = (message) => {
    const next = JSON.parse(message.data);
    const statusChanged = JSON.stringify(statuses(next)) !== JSON.stringify(statuses(state.presence));
    state = { ...state, presence: next };
    draw();
    live.textContent = 'live';
    if (statusChanged) refreshToday();
  };
  stream.onerror = () => { live.textContent = 'reconnecting…'; };
  const refreshToday = async () => {
    try {
      state = { ...state, today: await dashboard('today', {}, params) };
      draw();
    } catch (e) { /* keep the last totals; the next tick tries again */ }
  };
  const timer = setInterval(refreshToday, 60000);
  return () => { stream.close(); clearInterval(timer); };
}

function statuses(presence) {
  return (presence.devices || []).map((d) => [d.device, d.status]);
}

function drawTotals(section, today) {
  const goal = today.goal_seconds || 0;
  const share = goal ? Math.min(100, (today.seconds / goal) * 100) : 0;
  section.replaceChildren(
    h('div', { class: 'stats' }, [
      h('div', { class: 'stat' }, [h('span', { class: 'label', text: `Active today (${today.date})` }),
        h('span', { class: 'value', 'data-testid': 'today-total', 'data-seconds': today.seconds, text: formatDuration(today.seconds) })]),
      goal ? h('div', { class: 'stat' }, [h('span', { class: 'label', text: 'Daily goal' }),
        h('span', { class: 'value', 'data-seconds': goal, text: formatDuration(goal) })]) : null,
      h('div', { class: 'stat' }, [h('span', { class: 'label', text: 'Devices used today' }),
        h('span', { class: 'value', text: String((today.devices || []).filter((d) => d.seconds > 0).length) })]),
    ]),
    goal ? h('div', { class: 'progress', title: `${Math.round(share)} % of the goal` }, [h('span', { style: `width:${share}%` })]) : null,
  );
}

function drawDevices(section, presence, today, zone) {
  const seconds = new Map((today.devices || []).map((d) => [d.device, d]));
  const devices = presence.devices || [];
  if (!devices.length) {
    section.replaceChildren(h('p', { class: 'empty' }, ['No device has reported yet. ',
      h('a', { href: '#/devices', text: 'Pair a computer' }), ' or run ', h('code', { text: 'deskfeed up' }), ' on it.']));
    return;
  }
  section.replaceChildren(...devices.map((device) => {
    const day = seconds.get(device.device) || seconds.get(device.name) || { seconds: 0 };
    const category = device.category ? device.category.join(' › ') : null;
    return h('article', { class: 'card device-card', 'data-testid': 'now-device', 'data-device': device.device,
      'data-status': device.status, 'data-app': device.app || '' }, [
      h('header', {}, [h('span', { class: `dot ${device.status}` }), h('strong', { text: device.name || device.device }),
        h('span', { class: 'pill', text: device.status })]),
      h('div', { class: 'app', text: device.status === 'offline' ? (device.app ? `last: ${device.app}` : '—') : device.app || '—' }),
      device.title ? h('div', { class: 'title', text: device.title }) : null,
      h('div', { class: 'small muted' }, [
        device.workspace ? h('span', { class: 'pill', title: 'workspace', text: device.workspace }) : null, ' ',
        device.task ? h('span', { class: 'pill', title: 'task', text: `task ${device.task}` }) : null, ' ',
        category ? h('span', { class: 'pill', text: category }) : null]),
      h('footer', {}, [
        h('span', { text: `${device.status} since ${clock(Date.parse(device.since), zone)} · seen ${ago(device.last_seen || device.since)}` }),
        h('span', {}, ['today ', h('strong', { 'data-testid': 'today-device', 'data-seconds': day.seconds,
          text: formatDuration(day.seconds) })])]),
    ]);
  }));
}
