// A menu button after the WAI-ARIA pattern: Enter, Space or Down opens it on the first item, Up on
// the last; arrows, Home and End move inside it; Escape closes it and gives focus back to the
// button; Tab or a click elsewhere closes it. Items are made when it opens, from the state of that
// moment, so a menu never offers what no longer applies.
import { el } from './dom.js';

let counter = 0;

/** {@code items()} returns [{label, run, danger?}] each time the menu opens. */
export function menuButton(label, items) {
  const id = `menu-${++counter}`;
  const button = el('button', { type: 'button', class: 'menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id }, label);
  const menu = el('div', { class: 'menu', role: 'menu', id, 'aria-label': label, hidden: true });
  const wrap = el('div', { class: 'menu-wrap' }, button, menu);
  const entries = () => [...menu.querySelectorAll('[role=menuitem]')];
  const close = (refocus) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (refocus) button.focus();
  };
  const outside = (event) => { if (!wrap.contains(event.target)) close(false); };
  const open = (focusLast) => {
    menu.replaceChildren(...items().map((item) => el('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: item.danger ? 'danger' : null,
      onclick: () => { close(true); item.run(); },
    }, item.label)));
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    const list = entries();
    list[focusLast ? list.length - 1 : 0]?.focus();
  };
  button.addEventListener('click', () => (menu.hidden ? open(false) : close(true)));
  button.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowUp');
  });
  menu.addEventListener('keydown', (event) => {
    const list = entries();
    const at = list.indexOf(document.activeElement);
    if (event.key === 'Escape') { event.preventDefault(); close(true); return; }
    if (event.key === 'Tab') { close(false); return; }
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    list[(to + list.length) % list.length].focus();
  });
  return wrap;
}
