// Switches (Deskmeter's dmweb): the period's workspace switches with heights proportional to their duration, a grid of
// 1-, 3- or 6-hour blocks with the active time per workspace, and the month calendar with week totals.
import { dashboard } from '../api.js';
import { colorOf } from '../colors.js';
import { addDays, clock, dayLabel, formatDuration, monthLabel, weekdayNames } from '../format.js';
import { h } from '../svg.js';

export async function render(root, params, ctx) {
  const date = params.date || ctx.today();
  const period = ['day', 'week', 'month'].includes(params.period) ? params.period : 'day';
  const block = ['1', '3', '6'].includes(params.block) ? params.block : '3';
  const month = date.slice(0, 7);
  const filter = params.workspace ? { workspace: params.workspace } : params.task ? { task: params.task } : {};
  const [data, calendar] = await Promise.all([
    dashboard('switches', { date, period, block }, params),
    dashboard('month', { month, ...filter }, params)]);
  const zone = ctx.settings.timeZone;
  const step = { day: 1, week: 7, month: 30 }[period];

  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Switches' }),
    h('div', { class: 'group' }, ['day', 'week', 'month'].map((p) => h('button', { text: p, 'aria-pressed': String(p === period),
      onclick: () => ctx.update({ period: p }) }))),
    h('div', { class: 'group' }, [
      h('button', { text: '‹', 'aria-label': 'Earlier', onclick: () => ctx.update({ date: addDays(date, -step) }) }),
      h('button', { text: 'Today', onclick: () => ctx.update({ date: undefined }) }),
      h('button', { text: '›', 'aria-label': 'Later', onclick: () => ctx.update({ date: addDays(date, step) }) })]),
    h('input', { type: 'date', value: date, 'aria-label': 'Day', onchange: (e) => e.target.value && ctx.update({ date: e.target.value }) })]));

  root.append(h('div', { class: 'grid two' }, [
    h('section', { class: 'card' }, [
      h('h2', { text: `${data.switches.length} switches · ${data.from === data.to ? dayLabel(data.from) : `${dayLabel(data.from)} – ${dayLabel(data.to)}`}` }),
      switchList(data.switches, zone, period)]),
    h('section', { class: 'card' }, [
      h('div', { class: 'toolbar' }, [h('h2', { text: 'Blocks', style: 'margin:0 auto 0 0' }),
        h('div', { class: 'group' }, ['1', '3', '6'].map((b) => h('button', { text: `${b} h`, 'aria-pressed': String(b === block),
          onclick: () => ctx.update({ block: b }) })))]),
      blockGrid(data.grid, zone)])]));

  const workspaces = [...new Set(data.switches.map((x) => x.workspace))].sort();
  root.append(h('section', { class: 'card', style: 'margin-top:1rem' }, [
    h('div', { class: 'toolbar' }, [h('h2', { text: monthLabel(month), style: 'margin:0 auto 0 0' }),
      h('select', { 'aria-label': 'Only one workspace', onchange: (e) => ctx.update({ workspace: e.target.value, task: undefined }) }, [
        h('option', { value: '', text: 'All workspaces' }),
        ...[...new Set([...workspaces, params.workspace].filter(Boolean))].map((w) => h('option', { value: w, text: w, selected: w === params.workspace }))])]),
    monthTable(calendar, ctx)]));
}

function switchList(switches, zone, period) {
  if (!switches.length) return h('p', { class: 'empty', text: 'No workspace switches in this period.' });
  const total = switches.reduce((sum, x) => sum + x.seconds, 0);
  // a day reads at a pixel per minute; longer periods shrink to stay on a few screens
  const perSecond = Math.min(1 / 60, (period === 'day' ? 900 : 2400) / total);
  const devices = new Set(switches.map((x) => x.device)).size;
  const list = h('div', { class: 'switch-list', 'data-testid': 'switches' });
  let lastDay = null;
  for (const x of switches) {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(x.start);
    if (period !== 'day' && day !== lastDay) {
      list.append(h('div', { class: 'small muted', style: 'margin-top:.4rem', text: dayLabel(day) }));
      lastDay = day;
    }
    const height = Math.max(3, x.seconds * perSecond);
    const label = `${clock(x.start, zone)}–${clock(x.end, zone)}`;
    list.append(h('div', { class: 'switch', style: `height:${height}px;background:${colorOf('ws:' + x.workspace)}`,
      'data-start': x.start, 'data-seconds': x.seconds, 'data-workspace': x.workspace,
      title: `${label} ${x.workspace}${x.task ? ' · ' + x.task : ''}${devices > 1 ? ' · ' + x.device : ''} (${formatDuration(x.seconds)})` },
    height >= 14 ? [h('span', { class: 'when', text: label }),
      h('span', { class: 'what', text: `${x.workspace}${x.task ? ' · ' + x.task : ''}${devices > 1 ? ' · ' + x.device : ''}` }),
      h('span', { class: 'dur', text: formatDuration(x.seconds) })] : []));
  }
  return list;
}

function blockGrid(grid, zone) {
  const hours = grid.block_hours;
  const first = grid.days[0];
  const table = h('table', { class: 'data blocks', 'data-testid': 'switch-grid' }, [
    h('thead', {}, [h('tr', {}, [h('th', { text: 'Day' }),
      ...(first ? first.blocks : []).map((b) => h('th', { text: clock(b.start, zone) }))])]),
    h('tbody', {}, grid.days.map((day) => h('tr', {}, [h('td', { text: dayLabel(day.date, { weekday: 'short', day: 'numeric' }) }),
      ...day.blocks.map((b) => {
        const entries = Object.entries(b.workspaces).sort((x, y) => y[1] - x[1]);
        const seconds = entries.reduce((sum, [, v]) => sum + v, 0);
        const fill = Math.min(100, (seconds / (hours * 3600)) * 100);
        return h('td', { class: 'block', 'data-date': day.date, 'data-block-start': b.start, 'data-seconds': seconds,
          title: entries.length ? entries.map(([w, v]) => `${w}: ${formatDuration(v)}`).join('\n') : 'nothing' }, [
          h('div', { class: 'block-bar' }, [h('div', { style: `display:flex;width:${fill}%` },
            entries.map(([w, v]) => h('span', { style: `flex:${v};background:${colorOf('ws:' + w)}` })))])]);
      })]))),
  ]);
  return h('div', { class: 'chart' }, [table]);
}

function monthTable(calendar, ctx) {
  const names = weekdayNames(ctx.settings.startOfWeek);
  const inMonth = (date) => date.slice(0, 7) === calendar.month;
  return h('div', { class: 'chart' }, [h('table', { class: 'data month', 'data-testid': 'month' }, [
    h('thead', {}, [h('tr', {}, [...names.map((n) => h('th', { text: n.slice(0, 3) })), h('th', { class: 'num', text: 'Week' })])]),
    h('tbody', {}, calendar.weeks.map((week) => h('tr', {}, [
      ...week.days.map((day) => inMonth(day.date)
        ? h('td', { 'data-date': day.date, 'data-seconds': day.seconds === null ? undefined : day.seconds }, [
          h('a', { class: 'date', href: `#/switches?date=${day.date}`, text: String(Number(day.date.slice(8))) }),
          h('div', { class: 'value', text: day.seconds ? formatDuration(day.seconds) : '' })])
        : h('td', { class: 'out' }, [h('span', { class: 'date', text: String(Number(day.date.slice(8))) })])),
      h('td', { class: 'num week', 'data-week': week.start, 'data-seconds': week.seconds }, [
        h('div', { class: 'value', text: formatDuration(week.seconds) })])]))),
    h('tfoot', {}, [h('tr', {}, [h('td', { colspan: 7, text: `${monthLabel(calendar.month)} total` }),
      h('td', { class: 'num', 'data-seconds': calendar.seconds }, [h('strong', { text: formatDuration(calendar.seconds) })])])])])]);
}
