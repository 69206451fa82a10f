// Calendar: a year heatmap of daily active hours (union over devices); a click opens that day's timeline.
import { dashboard } from '../api.js';
import { daysBetween, formatDuration, parseDate, weekStart, weekdayIndex, weekdayNames } from '../format.js';
import { h, s, title, tooltips, widthOf } from '../svg.js';

const LEVELS = [0, 25, 45, 70, 100]; // % of the accent mixed in, by quarter of the year's busiest day

export async function render(root, params, ctx) {
  const year = Number(params.year) || Number(ctx.today().slice(0, 4));
  const data = await dashboard('calendar', { year }, params);
  const days = data.days;
  const total = days.reduce((sum, day) => sum + day.seconds, 0);
  const active = days.filter((day) => day.seconds > 0);
  const best = active.reduce((top, day) => (day.seconds > (top ? top.seconds : -1) ? day : top), null);

  const chart = h('div', { class: 'chart heatmap' });
  root.append(
    h('div', { class: 'toolbar' }, [h('h1', { text: `Calendar ${year}` }),
      h('div', { class: 'group' }, [
        h('button', { text: '‹ ' + (year - 1), onclick: () => ctx.update({ year: year - 1 }) }),
        h('button', { text: 'This year', onclick: () => ctx.update({ year: undefined }) }),
        h('button', { text: (year + 1) + ' ›', onclick: () => ctx.update({ year: year + 1 }) })])]),
    h('div', { class: 'card' }, [
      h('div', { class: 'stats' }, [
        stat('Active in ' + year, h('span', { class: 'value', 'data-testid': 'calendar-total', 'data-seconds': total, text: formatDuration(total) })),
        stat('Active days', h('span', { class: 'value', text: String(active.length) })),
        stat('Average active day', h('span', { class: 'value', text: formatDuration(active.length ? total / active.length : 0) })),
        best ? stat('Busiest day', h('a', { class: 'value', href: `#/timeline?date=${best.date}`, text: formatDuration(best.seconds) })) : null,
      ]),
      chart,
      scale(data.max_seconds)]));
  drawHeatmap(chart, days, data.max_seconds, ctx);
}

function stat(label, value) {
  return h('div', { class: 'stat' }, [h('span', { class: 'label', text: label }), value]);
}

function fill(seconds, max) {
  if (!seconds || !max) return 'fill: var(--heat-0)';
  const level = LEVELS[Math.min(4, 1 + Math.floor((seconds / max) * 3.999))];
  return `fill: color-mix(in srgb, var(--accent) ${level}%, var(--heat-0))`;
}

function scale(max) {
  return h('div', { class: 'scale', style: 'margin-top:.5rem' }, ['less',
    ...LEVELS.map((_, i) => h('span', { class: 'swatch', style: fill(i === 0 ? 0 : (i / 4) * max, max).replace('fill', 'background') })),
    'more']);
}

function drawHeatmap(container, days, max, ctx) {
  if (!days.length) { container.append(h('p', { class: 'empty', text: 'No days.' })); return; }
  const first = weekStart(days[0].date, ctx.settings.startOfWeek);
  const weeks = Math.floor(daysBetween(first, days[days.length - 1].date) / 7) + 1;
  const left = 30, top = 18;
  const cell = Math.max(9, Math.min(18, Math.floor((widthOf(container, 600) - left - 4) / weeks)));
  const firstWeekday = weekdayIndex(first);
  const svg = s('svg', { width: left + weeks * cell + 4, height: top + 7 * cell + 4, role: 'img', 'data-testid': 'calendar',
    'aria-label': 'Active hours per day' });
  const names = weekdayNames(ctx.settings.startOfWeek);
  for (const row of [0, 2, 4]) {
    svg.append(s('text', { x: 0, y: top + row * cell + cell * 0.75, text: names[row].slice(0, 3) }));
  }
  let lastMonth = -1;
  for (const day of days) {
    const offset = daysBetween(first, day.date);
    const column = Math.floor(offset / 7);
    const row = (weekdayIndex(day.date) - firstWeekday + 7) % 7;
    const month = parseDate(day.date).getUTCMonth();
    if (month !== lastMonth) {
      // label the month above the first week that starts in it (or the year's first week)
      svg.append(s('text', { x: left + (row === 0 || lastMonth === -1 ? column : column + 1) * cell, y: 11,
        text: parseDate(day.date).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' }) }));
      lastMonth = month;
    }
    const label = `${day.date}: ${formatDuration(day.seconds)}`;
    svg.append(s('rect', { class: 'day', x: left + column * cell, y: top + row * cell, width: cell - 2, height: cell - 2,
      style: fill(day.seconds, max), 'data-date': day.date, 'data-seconds': day.seconds, 'data-tip': label,
      onclick: () => ctx.go('timeline', { date: day.date }) }, [title(label)]));
  }
  container.append(svg);
  tooltips(container);
}
