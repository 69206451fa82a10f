// Timeline of a day: swimlanes per device for status, application, workspace and task. Drag across the chart (or
// the overview strip above it) to zoom into a span; hovering shows the window title and the times.
import { dashboard } from '../api.js';
import { colorOf, statusColor } from '../colors.js';
import { addDays, clock, dayLabel, formatDuration } from '../format.js';
import { h, s, tooltips, widthOf } from '../svg.js';

const LANES = [['status', 'status'], ['app', 'app'], ['workspace', 'workspace'], ['task', 'task']];
const LANE_HEIGHT = 18, LANE_GAP = 4, LEFT = 86, RIGHT = 10, DEVICE_GAP = 26, AXIS = 22;

export async function render(root, params, ctx) {
  const date = params.date || ctx.today();
  const data = await dashboard('timeline', { date }, params);
  const zone = ctx.settings.timeZone;
  const busy = busySpan(data);
  let view = params.from && params.to ? [Number(params.from), Number(params.to)] : busy;

  const dateInput = h('input', { type: 'date', value: date, 'aria-label': 'Day',
    onchange: (e) => e.target.value && ctx.update({ date: e.target.value, from: undefined, to: undefined }) });
  const overview = h('div', { class: 'chart timeline' });
  const chart = h('div', { class: 'chart timeline' });
  const summary = h('div', { class: 'stats' });
  root.append(
    h('div', { class: 'toolbar' }, [h('h1', { text: `Timeline · ${dayLabel(date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })}` }),
      h('div', { class: 'group' }, [
        h('button', { text: '‹ Day', onclick: () => ctx.update({ date: addDays(date, -1), from: undefined, to: undefined }) }),
        h('button', { text: 'Today', onclick: () => ctx.update({ date: undefined, from: undefined, to: undefined }) }),
        h('button', { text: 'Day ›', onclick: () => ctx.update({ date: addDays(date, 1), from: undefined, to: undefined }) })]),
      dateInput,
      h('div', { class: 'group' }, [
        h('button', { text: 'Zoom out', onclick: () => zoom(widen(view, data, 2)) }),
        h('button', { text: 'Active hours', onclick: () => zoom(busy) }),
        h('button', { text: 'Whole day', onclick: () => zoom([data.start, data.end]) })])]),
    h('div', { class: 'card' }, [summary, h('p', { class: 'small muted', style: 'margin:.2rem 0 .4rem',
      text: 'Drag across the day to zoom in; hover for titles.' }), overview, chart, legend(data)]));

  drawSummary(summary, data);
  if (!data.devices.length) {
    summary.replaceChildren(h('p', { class: 'empty' }, ['Nothing was recorded on this day. ',
      h('a', { href: '#/devices', text: 'Pair a computer' }), ' or ', h('a', { href: '#/import', text: 'import history' }), '.']));
  }
  const draw = () => {
    drawOverview(overview, data, view, zone, zoom);
    drawLanes(chart, data, view, zone, zoom);
  };
  function zoom(next) {
    view = [Math.max(data.start, Math.min(next[0], next[1])), Math.min(data.end, Math.max(next[0], next[1]))];
    if (view[1] - view[0] < 60000) view = [view[0], view[0] + 60000];
    draw();
  }
  draw();
  tooltips(chart);
  const onResize = () => draw();
  // ← and → step through days, as in a calendar app
  const onKey = (event) => {
    if (event.target.closest('input, select, textarea') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft') ctx.update({ date: addDays(date, -1), from: undefined, to: undefined });
    if (event.key === 'ArrowRight') ctx.update({ date: addDays(date, 1), from: undefined, to: undefined });
  };
  window.addEventListener('resize', onResize);
  window.addEventListener('keydown', onKey);
  return () => { window.removeEventListener('resize', onResize); window.removeEventListener('keydown', onKey); };
}

/** From the first to the last moment any device was not offline, padded by half an hour. */
function busySpan(data) {
  let first = Infinity, last = -Infinity;
  for (const device of data.devices) {
    for (const span of device.status) {
      if (span.status === 'offline') continue;
      first = Math.min(first, span.start);
      last = Math.max(last, span.end);
    }
  }
  if (first === Infinity) return [data.start, data.end];
  return [Math.max(data.start, first - 1800000), Math.min(data.end, last + 1800000)];
}

function widen([from, to], data, factor) {
  const middle = (from + to) / 2, half = ((to - from) * factor) / 2;
  return [Math.max(data.start, middle - half), Math.min(data.end, middle + half)];
}

function drawSummary(summary, data) {
  summary.replaceChildren(...data.devices.map((device) => {
    const online = device.status.filter((span) => span.status === 'online').reduce((sum, span) => sum + (span.end - span.start), 0) / 1000;
    return h('div', { class: 'stat' }, [h('span', { class: 'label', text: `${device.device} online` }),
      h('span', { class: 'value', 'data-seconds': online, text: formatDuration(online) })]);
  }));
}

/** Tick times at a round step, at most one per `spacing` pixels of `width`. */
function ticks([from, to], data, width, spacing = 56) {
  const span = to - from, most = Math.max(2, Math.floor((width - LEFT) / spacing));
  const step = [5, 10, 15, 30, 60, 120, 180, 240, 360].map((m) => m * 60000).find((ms) => span / ms <= most) || 21600000;
  const result = [];
  for (let t = data.start + Math.ceil((from - data.start) / step) * step; t <= to; t += step) result.push(t);
  return result;
}

function drawAxis(svg, scale, view, data, zone, width, height) {
  for (const t of ticks(view, data, width)) {
    svg.append(s('line', { x1: scale(t), x2: scale(t), y1: AXIS - 4, y2: height, style: 'stroke: var(--line)' }),
      s('text', { x: scale(t), y: AXIS - 8, 'text-anchor': 'middle', text: clock(t, zone) }));
  }
}

/** Drag horizontally on svg to pick a span; calls done([t0, t1]) in epoch ms. */
function brush(svg, invert, top, height, done) {
  let start = null, band = null;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const x = event.clientX - svg.getBoundingClientRect().left;
    if (x < LEFT) return;
    start = x;
    band = s('rect', { class: 'brush', x, y: top, width: 0, height });
    svg.append(band);
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (start === null) return;
    const x = Math.max(LEFT, event.clientX - svg.getBoundingClientRect().left);
    band.setAttribute('x', Math.min(start, x));
    band.setAttribute('width', Math.abs(x - start));
  });
  svg.addEventListener('pointerup', (event) => {
    if (start === null) return;
    const x = Math.max(LEFT, event.clientX - svg.getBoundingClientRect().left);
    const from = start;
    start = null;
    band.remove();
    if (Math.abs(x - from) > 4) done([invert(Math.min(from, x)), invert(Math.max(from, x))]);
  });
}

function drawOverview(container, data, view, zone, zoom) {
  const width = widthOf(container, 320), height = 34;
  const scale = (t) => LEFT + ((t - data.start) / (data.end - data.start)) * (width - LEFT - RIGHT);
  const invert = (x) => data.start + ((x - LEFT) / (width - LEFT - RIGHT)) * (data.end - data.start);
  const svg = s('svg', { width, height, 'aria-label': 'Whole day; drag to choose the span shown below' });
  svg.append(s('text', { x: 0, y: 22, class: 'lane', text: 'whole day' }));
  data.devices.forEach((device, i) => {
    for (const span of device.status) {
      if (span.status === 'offline') continue;
      svg.append(s('rect', { x: scale(span.start), y: 6 + i * 7, width: Math.max(0.5, scale(span.end) - scale(span.start)), height: 5,
        style: `fill: ${statusColor(span.status)}` }));
    }
  });
  for (const t of ticks([data.start, data.end], data, width, 64)) {
    svg.append(s('text', { x: scale(t), y: height - 1, 'text-anchor': 'middle', style: 'font-size:9px', text: clock(t, zone) }));
  }
  svg.append(s('rect', { x: scale(view[0]), y: 2, width: Math.max(2, scale(view[1]) - scale(view[0])), height: 24,
    style: 'fill: color-mix(in srgb, var(--accent) 12%, transparent); stroke: var(--accent)', rx: 3 }));
  brush(svg, invert, 2, 24, zoom);
  container.replaceChildren(svg);
}

function drawLanes(container, data, view, zone, zoom) {
  const width = widthOf(container, 320);
  const deviceHeight = LANES.length * (LANE_HEIGHT + LANE_GAP) + DEVICE_GAP;
  const height = AXIS + data.devices.length * deviceHeight;
  const span = view[1] - view[0];
  const scale = (t) => LEFT + ((t - view[0]) / span) * (width - LEFT - RIGHT);
  const invert = (x) => view[0] + ((x - LEFT) / (width - LEFT - RIGHT)) * span;
  const svg = s('svg', { width, height, 'data-testid': 'timeline', role: 'img', 'aria-label': 'Timeline per device' });
  const clipId = 'timeline-clip';
  svg.append(s('defs', {}, [s('clipPath', { id: clipId }, [s('rect', { x: LEFT, y: 0, width: width - LEFT - RIGHT, height })])]));
  drawAxis(svg, scale, view, data, zone, width, height);
  data.devices.forEach((device, d) => {
    const top = AXIS + d * deviceHeight;
    const group = s('g', { 'data-device': device.device });
    group.append(s('text', { class: 'device', x: 0, y: top + 14, text: device.device }));
    LANES.forEach(([key, label], l) => {
      const y = top + 20 + l * (LANE_HEIGHT + LANE_GAP);
      const lane = s('g', { 'data-lane': key, 'clip-path': `url(#${clipId})` });
      group.append(s('text', { class: 'lane', x: 8, y: y + 13, text: label }));
      lane.append(s('rect', { x: LEFT, y, width: width - LEFT - RIGHT, height: LANE_HEIGHT, style: 'fill: var(--panel-2)', rx: 3 }));
      for (const item of intervals(device, key)) {
        const x0 = scale(item.start), x1 = scale(item.end);
        const visible = x1 >= LEFT && x0 <= width - RIGHT;
        lane.append(s('rect', { x: x0, y, width: Math.max(visible ? 0.6 : 0, x1 - x0), height: LANE_HEIGHT,
          style: `fill: ${item.color}`, 'data-start': item.start, 'data-end': item.end, 'data-label': item.label,
          'data-tip': `${item.tip}\n${clock(item.start, zone, true)}–${clock(item.end, zone, true)} (${formatDuration((item.end - item.start) / 1000)})` }));
      }
      group.append(lane);
    });
    svg.append(group);
  });
  brush(svg, invert, AXIS, height - AXIS, zoom);
  container.replaceChildren(svg);
}

function intervals(device, key) {
  switch (key) {
    case 'status': return device.status.map((x) => ({ ...x, label: x.status, tip: x.status, color: statusColor(x.status) }));
    case 'app': return device.apps.map((x) => ({ ...x, label: x.app, tip: `${x.app}\n${x.title || ''}`, color: colorOf(x.app) }));
    case 'workspace': return device.workspaces.map((x) => ({ ...x, label: x.workspace,
      tip: `workspace ${x.workspace}${x.task ? `\ntask ${x.task}` : ''}`, color: colorOf('ws:' + x.workspace) }));
    default: return device.tasks.map((x) => ({ ...x, label: x.task, tip: `task ${x.task}`, color: colorOf('task:' + x.task) }));
  }
}

function legend(data) {
  const apps = new Map();
  for (const device of data.devices) {
    for (const app of device.apps) apps.set(app.app, (apps.get(app.app) || 0) + (app.end - app.start) / 1000);
  }
  const top = [...apps.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return h('ul', { class: 'legend' }, [
    ...['online', 'idle', 'offline'].map((status) => h('li', {}, [h('span', { class: 'swatch', style: `background:${statusColor(status)}` }), status])),
    ...top.map(([app, seconds]) => h('li', {}, [h('span', { class: 'swatch', style: `background:${colorOf(app)}` }), app, ' ',
      h('span', { class: 'muted', text: formatDuration(seconds) })]))]);
}
