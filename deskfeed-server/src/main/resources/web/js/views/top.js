// Top applications, titles, domains, categories, workspaces and tasks for any range (and any one device).
import { api, dashboard } from '../api.js';
import { categoryColors, colorOf } from '../colors.js';
import { formatDuration } from '../format.js';
import { rangeOf, rangePicker } from '../range.js';
import { h } from '../svg.js';

const LISTS = [
  ['app', 'Applications'], ['category', 'Categories'], ['title', 'Window titles'], ['domain', 'Domains'],
  ['workspace', 'Workspaces'], ['task', 'Tasks']];

export async function render(root, params, ctx) {
  const range = rangeOf(params, ctx, 7);
  const limit = Number(params.limit) || 10;
  const device = params.device || '';
  const [devices, rules, ...answers] = await Promise.all([
    api('/api/v1/devices'),
    api('/api/v1/dashboard/categories'),
    ...LISTS.map(([dimension]) => dashboard(`top/${dimension}`, { from: range.from, to: range.to, limit, device }, params))]);
  const categoryColor = categoryColors(rules.categories);

  const picker = h('select', { 'aria-label': 'Device', onchange: (e) => ctx.update({ device: e.target.value }) }, [
    h('option', { value: '', text: 'All devices' }),
    ...devices.devices.map((d) => h('option', { value: d.name, text: d.name, selected: d.name === device }))]);
  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Top' }), picker, rangePicker(range, ctx)]));
  root.append(h('div', { class: 'grid three' }, LISTS.map(([dimension, label], i) => {
    const items = answers[i].items;
    const max = items.length ? items[0].seconds : 1;
    const color = (item) => (dimension === 'category' ? categoryColor(item.path) : colorOf(item.key));
    return h('section', { class: 'card' }, [
      h('h2', { text: label }),
      items.length ? h('ol', { class: 'toplist', 'data-testid': `top-${dimension}` }, items.map((item) => h('li', {
        'data-key': item.key, 'data-seconds': item.seconds, title: item.name || item.key }, [
        h('span', { class: 'key', text: item.name || item.key || '(none)' }),
        h('span', { class: 'value', text: formatDuration(item.seconds) }),
        h('span', { class: 'bar' }, [h('span', { style: `width:${(item.seconds / max) * 100}%;background:${color(item)}` })])])))
        : h('p', { class: 'empty', 'data-testid': `top-${dimension}`, text: 'Nothing in this range.' }),
      items.length >= limit ? h('button', { class: 'link small', style: 'margin-top:.5rem', text: 'Show more',
        onclick: () => ctx.update({ limit: limit * 3 }) }) : null]);
  })));
}
