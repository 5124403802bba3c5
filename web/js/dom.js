// Small DOM helpers. User text is only ever set as text, never parsed as HTML.

export const $ = (selector, root = document) => root.querySelector(selector);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else if (value !== false && value != null) node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/** Shows one step of a page and hides the others; moves focus to its heading for screen readers. */
export function show(stepId) {
  for (const step of document.querySelectorAll('[data-step]')) step.hidden = step.id !== stepId;
  const heading = document.querySelector(`#${stepId} h1, #${stepId} h2`);
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) { region.textContent = ''; setTimeout(() => { region.textContent = text; }, 50); }
}
