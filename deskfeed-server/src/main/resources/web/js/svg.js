// Building DOM and SVG without a framework, and the one tooltip every chart shares.

const SVG = 'http://www.w3.org/2000/svg';

function apply(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of [].concat(children || [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: h('li', {class: 'x', 'data-key': k}, [children]). */
export function h(tag, attrs, children) {
  return apply(document.createElement(tag), attrs, children);
}

/** An SVG element, same shape as h(). */
export function s(tag, attrs, children) {
  return apply(document.createElementNS(SVG, tag), attrs, children);
}

/** An SVG <title>, which browsers show on hover and tests can read. */
export function title(text) {
  return s('title', { text });
}

let tip;

/** Shows the element's data-tip (or the function's answer) next to the pointer inside root. */
export function tooltips(root, textOf = (node) => node.dataset.tip) {
  tip = tip || document.getElementById('tooltip');
  root.addEventListener('pointermove', (event) => {
    const target = event.target.closest('[data-tip]');
    const text = target && root.contains(target) ? textOf(target) : null;
    if (!text) { tip.hidden = true; return; }
    tip.textContent = text;
    tip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = event.clientY + 18 + tip.offsetHeight > window.innerHeight ? event.clientY - tip.offsetHeight - 10 : event.clientY + 18;
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${y}px`;
  });
  root.addEventListener('pointerleave', () => { tip.hidden = true; });
}

export function hideTooltip() {
  if (tip) tip.hidden = true;
}

/** Width available to a chart inside its container (at least min). */
export function widthOf(container, min = 320) {
  return Math.max(min, Math.floor(container.clientWidth || container.getBoundingClientRect().width || 800));
}
