// Daily hours (the blog's "time mountain"): active hours per day over a range, stacked by device or by category,
// with the goal line. The bar's height is the union over devices; stacked by device, two computers busy at once
// make the stack taller than the bar's total (docs/ROLLUPS.md), so the stack is drawn to its own sum.
import { api, dashboard } from '../api.js';
import { categoryColors, colorOf } from '../colors.js';
import { dayLabel, formatDuration, formatHours } from '../format.js';
import { rangeOf, rangePicker } from '../range.js';
import { h, s, title, tooltips, widthOf } from '../svg.js';

export async function render(root, params, ctx) {
  const range = rangeOf(params, ctx, 30);
  const stack = params.stack === 'category' ? 'category' : 'device';
  const [data, rules] = await Promise.all([
    dashboard('daily', { from: range.from, to: range.to, stack, depth: 1 }, params),
    stack === 'category' ? api('/api/v1/dashboard/categories') : Promise.resolve(null)]);
  const categoryColor = rules ? categoryColors(rules.categories) : null;
  const keyColor = (key) => (categoryColor ? categoryColor(key.path) : colorOf(key.key));

  const total = data.days.reduce((sum, day) => sum + day.seconds, 0);
  const activeDays = data.days.filter((day) => day.seconds > 0).length;
  const goalDays = data.goal_seconds ? data.days.filter((day) => day.seconds >= data.goal_seconds).length : 0;
  const chart = h('div', { class: 'chart' });
  root.append(
    h('div', { class: 'toolbar' }, [h('h1', { text: 'Daily hours' }),
      h('div', { class: 'group' }, ['device', 'category'].map((by) => h('button', {
        text: `by ${by}`, 'aria-pressed': String(stack === by), onclick: () => ctx.update({ stack: by }) }))),
      rangePicker(range, ctx)]),
    h('div', { class: 'card' }, [
      h('div', { class: 'stats' }, [
        stat('Total', formatDuration(total), total),
        stat('Average active day', formatDuration(activeDays ? total / activeDays : 0)),
        data.goal_seconds ? stat(`Days at the ${formatDuration(data.goal_seconds)} goal`, `${goalDays} of ${data.days.length}`) : null]),
      chart,
      legend(data, keyColor)]));
  drawBars(chart, data, keyColor, ctx);
}

function stat(label, text, seconds) {
  return h('div', { class: 'stat' }, [h('span', { class: 'label', text: label }),
    h('span', { class: 'value', 'data-seconds': seconds, text })]);
}

function legend(data, keyColor) {
  const sums = new Map(data.keys.map((key) => [key.key, 0]));
  for (const day of data.days) {
    for (const [key, seconds] of Object.entries(day.stacks)) sums.set(key, (sums.get(key) || 0) + seconds);
  }
  return h('ul', { class: 'legend', 'data-testid': 'daily-legend' }, data.keys.map((key) => h('li', {
    'data-key': key.key, 'data-seconds': sums.get(key.key) }, [
    h('span', { class: 'swatch', style: `background:${keyColor(key)}` }), key.name || key.key, ' ',
    h('span', { class: 'muted', text: formatDuration(sums.get(key.key)) })])));
}

function drawBars(container, data, keyColor, ctx) {
  const days = data.days;
  const width = widthOf(container, 320);
  const height = 280, left = 40, right = 8, top = 10, bottom = 26;
  const stackSum = (day) => Object.values(day.stacks).reduce((a, b) => a + b, 0);
  const max = Math.max(data.goal_seconds || 0, ...days.map((day) => Math.max(day.seconds, stackSum(day))), 3600);
  const yMax = Math.ceil(max / 7200) * 7200;
  const y = (seconds) => top + (height - top - bottom) * (1 - seconds / yMax);
  const step = (width - left - right) / Math.max(1, days.length);
  const barWidth = Math.max(1, step * (days.length > 60 ? 0.9 : 0.72));
  const svg = s('svg', { width, height, role: 'img', 'aria-label': 'Active hours per day', 'data-testid': 'daily' });

  for (let hours = 0; hours * 3600 <= yMax; hours += yMax > 14 * 3600 ? 4 : 2) {
    svg.append(s('line', { x1: left, x2: width - right, y1: y(hours * 3600), y2: y(hours * 3600), style: 'stroke: var(--line)' }),
      s('text', { x: left - 6, y: y(hours * 3600) + 4, 'text-anchor': 'end', text: formatHours(hours * 3600) }));
  }
  const labelEvery = Math.ceil(days.length / Math.max(1, Math.floor((width - left) / 64)));
  days.forEach((day, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    const group = s('g', { 'data-date': day.date, 'data-seconds': day.seconds, 'data-tip': tip(day, data),
      style: 'cursor:pointer', onclick: () => ctx.go('timeline', { date: day.date }) });
    // scale the stack to the union's height when devices overlapped, so the bar shows the real total
    const sum = stackSum(day);
    const fit = sum > day.seconds && sum > 0 ? day.seconds / sum : 1;
    let base = 0;
    for (const key of data.keys) {
      const seconds = day.stacks[key.key];
      if (!seconds) continue;
      const y0 = y(base), y1 = y(base + seconds * fit);
      group.append(s('rect', { x, y: y1, width: barWidth, height: Math.max(0, y0 - y1), fill: keyColor(key),
        'data-key': key.key, 'data-seconds': seconds }));
      base += seconds * fit;
    }
    if (!sum && day.seconds) {
      group.append(s('rect', { x, y: y(day.seconds), width: barWidth, height: y(0) - y(day.seconds), style: 'fill: var(--accent)' }));
    }
    group.append(s('rect', { x: left + i * step, y: top, width: step, height: height - top - bottom, fill: 'transparent' }),
      title(`${day.date}: ${formatDuration(day.seconds)}`));
    svg.append(group);
    if (i % labelEvery === 0) {
      svg.append(s('text', { x: left + i * step + step / 2, y: height - 8, 'text-anchor': 'middle',
        text: dayLabel(day.date, days.length > 14 ? { month: 'short', day: 'numeric' } : { weekday: 'short', day: 'numeric' }) }));
    }
  });
  if (data.goal_seconds) {
    svg.append(s('line', { x1: left, x2: width - right, y1: y(data.goal_seconds), y2: y(data.goal_seconds),
      'stroke-dasharray': '5 4', style: 'stroke: var(--bad); stroke-width: 1.5', 'data-testid': 'goal-line',
      'data-seconds': data.goal_seconds }, [title(`goal: ${formatDuration(data.goal_seconds)}`)]));
  }
  container.append(svg);
  tooltips(container);
}

function tip(day, data) {
  const lines = [`${dayLabel(day.date)} — ${formatDuration(day.seconds)}`];
  for (const key of data.keys) {
    if (day.stacks[key.key]) lines.push(`${key.name || key.key}: ${formatDuration(day.stacks[key.key])}`);
  }
  return lines.join('\n');
}
