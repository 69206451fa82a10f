// The date-range picker of the range views (daily, top, split): presets and two date inputs, in the route.
import { addDays, weekStart } from './format.js';
import { h } from './svg.js';

/** The route's {from, to}, or the last `days` days up to today. */
export function rangeOf(params, ctx, days) {
  const today = ctx.today();
  const to = params.to || today;
  const from = params.from || addDays(to, -(days - 1));
  return from <= to ? { from, to } : { from: to, to: from };
}

export function rangePicker(range, ctx) {
  const today = ctx.today();
  const presets = [
    ['Today', today, today],
    ['This week', weekStart(today, ctx.settings.startOfWeek), today],
    ['7 days', addDays(today, -6), today],
    ['30 days', addDays(today, -29), today],
    ['90 days', addDays(today, -89), today],
    ['Year', addDays(today, -364), today],
  ];
  const from = h('input', { type: 'date', value: range.from, 'aria-label': 'From', max: today });
  const to = h('input', { type: 'date', value: range.to, 'aria-label': 'To' });
  const apply = () => { if (from.value && to.value) ctx.update({ from: from.value, to: to.value }); };
  from.addEventListener('change', apply);
  to.addEventListener('change', apply);
  return h('div', { class: 'toolbar-range', style: 'display:flex;flex-wrap:wrap;gap:.5rem;align-items:center' }, [
    h('div', { class: 'group' }, presets.map(([label, f, t]) => h('button', {
      text: label, 'aria-pressed': String(range.from === f && range.to === t),
      onclick: () => ctx.update({ from: f, to: t }) }))),
    from, '–', to]);
}
