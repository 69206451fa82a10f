// Work and personal: the split per day and per week (categories marked work or personal, else the schedule).
import { dashboard } from '../api.js';
import { dayLabel, formatDuration } from '../format.js';
import { rangeOf, rangePicker } from '../range.js';
import { h } from '../svg.js';

export async function render(root, params, ctx) {
  const range = rangeOf(params, ctx, 14);
  const data = await dashboard('split', { from: range.from, to: range.to }, params);
  const max = Math.max(1, ...data.days.map((d) => d.work_seconds + d.personal_seconds));
  const bar = (work, personal, scale) => h('div', { class: 'block-bar', style: `width:${Math.max(2, ((work + personal) / scale) * 100)}%` }, [
    h('span', { style: `flex:${work};background:var(--accent)`, title: `work ${formatDuration(work)}` }),
    h('span', { style: `flex:${personal};background:var(--warn)`, title: `personal ${formatDuration(personal)}` })]);
  const row = (attrs, label, work, personal, scale) => h('tr', { ...attrs, 'data-work': work, 'data-personal': personal }, [
    h('td', { text: label }),
    h('td', { class: 'num', 'data-seconds': work, text: formatDuration(work) }),
    h('td', { class: 'num', 'data-seconds': personal, text: formatDuration(personal) }),
    h('td', { class: 'num muted', text: work + personal ? `${Math.round((work / (work + personal)) * 100)} %` : '—' }),
    h('td', { style: 'width:40%' }, [bar(work, personal, scale)])]);
  const head = (first) => h('thead', {}, [h('tr', {}, [h('th', { text: first }), h('th', { class: 'num', text: 'Work' }),
    h('th', { class: 'num', text: 'Personal' }), h('th', { class: 'num', text: 'Work share' }), h('th', {})])]);
  const weekMax = Math.max(1, ...data.weeks.map((w) => w.work_seconds + w.personal_seconds));

  root.append(
    h('div', { class: 'toolbar' }, [h('h1', { text: 'Work / personal' }), rangePicker(range, ctx)]),
    h('div', { class: 'card', 'data-testid': 'split' }, [
      h('div', { class: 'stats' }, [
        h('div', { class: 'stat' }, [h('span', { class: 'label', text: 'Work' }),
          h('span', { class: 'value', 'data-seconds': data.work_seconds, text: formatDuration(data.work_seconds) })]),
        h('div', { class: 'stat' }, [h('span', { class: 'label', text: 'Personal' }),
          h('span', { class: 'value', 'data-seconds': data.personal_seconds, text: formatDuration(data.personal_seconds) })]),
        h('p', { class: 'small muted', style: 'max-width:32rem' }, ['Categories marked work or personal decide by themselves; ',
          'other time counts as work inside the weekly schedule. ', h('a', { href: '#/settings', text: 'Change them' })])]),
      h('h2', { text: 'Weeks' }),
      h('table', { class: 'data' }, [head('Week of'), h('tbody', {}, data.weeks.map((w) =>
        row({ 'data-week': w.start }, dayLabel(w.start), w.work_seconds, w.personal_seconds, weekMax)))]),
      h('h2', { text: 'Days', style: 'margin-top:1rem' }),
      h('table', { class: 'data' }, [head('Day'), h('tbody', {}, data.days.map((d) =>
        row({ 'data-date': d.date }, dayLabel(d.date), d.work_seconds, d.personal_seconds, max)))])]));
}
