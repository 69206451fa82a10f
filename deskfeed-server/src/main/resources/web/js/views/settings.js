// Settings: time zone, start of day and week, the daily goal, and what counts as work (categories and a schedule).
import { api } from '../api.js';
import { h } from '../svg.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const capital = (day) => day[0].toUpperCase() + day.slice(1);

export async function render(root, params, ctx) {
  const settings = await api('/api/v1/dashboard/settings');
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const paths = (list) => (list || []).map((path) => path.join(' > ')).join('\n');
  const status = h('span', { class: 'small', 'data-testid': 'settings-status' });
  const schedule = DAYS.map((day) => h('input', { name: `schedule-${day}`, value: ((settings.workSchedule || {})[day] || []).join(', '),
    placeholder: 'free', 'aria-label': `${capital(day)} working hours`, pattern: '^\\s*(\\d{2}:\\d{2}-\\d{2}:\\d{2}\\s*(,\\s*|$))*$' }));
  const form = h('form', { 'data-testid': 'settings-form', class: 'grid' }, [
    h('div', { class: 'form-grid' }, [
      h('label', {}, ['Time zone', h('input', { name: 'timeZone', value: settings.timeZone, list: 'zones', required: true }),
        h('datalist', { id: 'zones' }, zones.map((zone) => h('option', { value: zone })))]),
      h('label', {}, ['Day starts at', h('input', { name: 'startOfDay', type: 'time', value: settings.startOfDay, required: true })]),
      h('label', {}, ['Week starts on', h('select', { name: 'startOfWeek' }, DAYS.map((day) =>
        h('option', { value: capital(day), text: capital(day), selected: capital(day) === settings.startOfWeek })))]),
      h('label', {}, ['Daily goal (hours)', h('input', { name: 'dailyGoalHours', type: 'number', min: 0, max: 24, step: 0.25,
        value: settings.dailyGoalHours })])]),
    h('h2', { text: 'Work and personal', style: 'margin-top:.6rem' }),
    h('p', { class: 'small muted', text: 'A category marked work or personal (or any category under it; the deepest mark wins) decides by '
      + 'itself. All other time is work inside the schedule below and personal outside it.' }),
    h('div', { class: 'form-grid' }, [
      h('label', {}, ['Work categories (one per line, Parent > Child)', h('textarea', { name: 'workCategories', rows: 4, text: paths(settings.workCategories) })]),
      h('label', {}, ['Personal categories', h('textarea', { name: 'personalCategories', rows: 4, text: paths(settings.personalCategories) })])]),
    h('h3', { text: 'Working hours' }),
    h('div', { class: 'form-grid' }, DAYS.map((day, i) => h('label', {}, [capital(day), schedule[i]]))),
    h('div', { class: 'toolbar' }, [h('button', { class: 'primary', text: 'Save settings' }), status])]);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const lines = (name) => String(data.get(name) || '').split('\n').map((line) => line.split('>').map((p) => p.trim()).filter(Boolean))
      .filter((path) => path.length);
    const body = {
      timeZone: data.get('timeZone').trim(), startOfDay: data.get('startOfDay').slice(0, 5), startOfWeek: data.get('startOfWeek'),
      dailyGoalHours: Number(data.get('dailyGoalHours')), workCategories: lines('workCategories'), personalCategories: lines('personalCategories'),
      workSchedule: Object.fromEntries(DAYS.map((day, i) => [day, schedule[i].value.split(',').map((x) => x.trim()).filter(Boolean)])
        .filter(([, spans]) => spans.length)),
    };
    try {
      await api('/api/v1/dashboard/settings', { method: 'PUT', body });
      await ctx.reloadSettings();
      status.className = 'ok small';
      status.textContent = 'Saved.';
    } catch (error) {
      status.className = 'error small';
      status.textContent = error.message;
    }
  });
  root.append(h('div', { class: 'toolbar' }, [h('h1', { text: 'Settings' })]), h('section', { class: 'card' }, [form]));
}
