// Numbers and dates as every view shows them. Local dates are 'YYYY-MM-DD' strings in the user's zone, computed
// with UTC Date arithmetic (a date has no zone; adding days to it must not cross DST).

/** Minutes rounded to the nearest; "7h 05m", "42m", "0m" (docs/WEB.md: tests parse this back). */
export function formatDuration(seconds) {
  const minutes = Math.round((seconds || 0) / 60);
  if (minutes >= 60) return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${minutes}m`;
}

/** Hours with one decimal for axes: "7.5h". */
export function formatHours(seconds) {
  const hours = seconds / 3600;
  return `${hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10}h`;
}

export function parseDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isoDate(utcDate) {
  return utcDate.toISOString().slice(0, 10);
}

export function addDays(date, days) {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

export function daysBetween(from, to) {
  return Math.round((parseDate(to) - parseDate(from)) / 86400000);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(date) {
  return (parseDate(date).getUTCDay() + 6) % 7;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function weekStart(date, startOfWeek) {
  const first = Math.max(0, WEEKDAYS.indexOf(String(startOfWeek || 'monday').toLowerCase()));
  return addDays(date, -((weekdayIndex(date) - first + 7) % 7));
}

export function weekdayNames(startOfWeek) {
  const first = Math.max(0, WEEKDAYS.indexOf(String(startOfWeek || 'monday').toLowerCase()));
  return Array.from({ length: 7 }, (_, i) => WEEKDAYS[(first + i) % 7]);
}

export function dayLabel(date, options = { weekday: 'short', month: 'short', day: 'numeric' }) {
  return parseDate(date).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

export function monthLabel(month) {
  return parseDate(month + '-01').toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Today's local date in the user's zone, where a day starts at startOfDay ("04:00"). */
export function todayIn(settings, now = Date.now()) {
  const [h, m] = String(settings.startOfDay || '00:00').split(':').map(Number);
  const shifted = new Date(now - (h * 60 + (m || 0)) * 60000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(shifted);
}

/** "14:05" in the user's zone for epoch milliseconds. */
export function clock(ms, zone, withSeconds = false) {
  // building a formatter costs far more than using one, and a timeline formats thousands of times
  const key = `${zone}|${withSeconds}`;
  let formatter = CLOCKS.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      timeZone: zone, hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined, hourCycle: 'h23',
    });
    CLOCKS.set(key, formatter);
  }
  return formatter.format(ms);
}
const CLOCKS = new Map();

/** "3 min ago", "2 h ago" for an ISO timestamp. */
export function ago(iso, now = Date.now()) {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}
