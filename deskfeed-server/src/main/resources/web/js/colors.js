// Colours: a key keeps its colour on every view and every day (a hash, not its rank), categories use the colour
// of their rule (or the nearest ancestor's), statuses use the theme's.

const PALETTE = ['#4f5bd5', '#18a058', '#e07b00', '#d03050', '#0e9aa7', '#8a4fd5', '#c2a000', '#2f7fe0', '#d4578f',
  '#5a9e2f', '#b5651d', '#6b7a8f', '#00a37a', '#c74b2a', '#7a5cff', '#3f8f9f'];

function hash(text) {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

export function colorOf(key) {
  return PALETTE[hash(String(key)) % PALETTE.length];
}

export function statusColor(status) {
  return `var(--${status === 'online' || status === 'idle' ? status : 'offline'})`;
}

/** A function from a category path (array) to its colour, from the rules' data.color up the hierarchy. */
export function categoryColors(categories) {
  const byName = new Map();
  for (const category of categories || []) {
    if (category.data && category.data.color) byName.set(JSON.stringify(category.name), category.data.color);
  }
  return (path) => {
    if (!path || !path.length) return colorOf('');
    if (path[0] === 'Uncategorized') return '#9aa3b2';
    for (let n = path.length; n > 0; n--) {
      const found = byName.get(JSON.stringify(path.slice(0, n)));
      if (found) return found;
    }
    return colorOf(path.join('>'));
  };
}
