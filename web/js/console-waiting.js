// The facilitator's waiting room: who is waiting and for how long, whether they can be admitted
// (agreements, check-in, a second device), and a word to each of them. A new arrival chimes once
// and the tab's title carries a count, so that nobody waits unseen while the facilitator is
// looking elsewhere.
import { $, el, announce } from './dom.js';

const TITLE = document.title;

function waited(since) {
  const minutes = Math.floor((Date.now() - Date.parse(since)) / 60000);
  return minutes < 1 ? 'just arrived' : `waiting ${minutes} min`;
}

export function waitingRoom(live, act, who, chime) {
  const seen = new Set();
  let first = true;
  const status = (w) => [w.consent === 'complete' ? 'agreements complete' : 'agreements missing',
    w.checkIn === 'done' ? (w.privateSpace ? 'checked in, somewhere private' : 'checked in, not somewhere private') : 'not checked in',
    w.secondDevice ? 'a second device of a member already in the room: admitting it closes the other' : null].filter(Boolean).join(' · ');
  const message = (w) => {
    const to = $('#message-to');
    to.value = w.id;
    $('#message-text').scrollIntoView({ block: 'center' });
    $('#message-text').focus();
  };
  live.addEventListener('waiting.list', (e) => {
    const list = e.detail.waiting;
    $('.waiting-empty').hidden = list.length > 0;
    $('.waiting-list').replaceChildren(...list.map((w) => el('li', { 'data-id': w.id },
      el('span', { text: `${who(w)} · ${status(w)}` }), ' · ', el('span', { class: 'wait-time', 'data-since': w.since, text: waited(w.since) }), ' ',
      el('button', { type: 'button', class: 'primary', disabled: w.consent !== 'complete', onclick: () => act('admit', { participant: w.id }) }, `Admit ${w.displayName}`),
      el('button', { type: 'button', onclick: () => act('deny', { participant: w.id }) }, `Deny ${w.displayName}`),
      el('button', { type: 'button', class: 'quiet-button', onclick: () => message(w) }, `Message ${w.displayName}`))));
    const arrived = list.filter((w) => !seen.has(w.id));
    arrived.forEach((w) => seen.add(w.id));
    // The first list after opening the console is who was already there, not an arrival.
    if (arrived.length && !first) {
      chime();
      announce(arrived.length === 1 ? `${arrived[0].displayName} is in the waiting room.` : `${arrived.length} people arrived in the waiting room.`);
    } else if (first && list.length) {
      announce(`${list.length} waiting.`);
    }
    first = false;
    badge();
  });
  const timer = setInterval(() => {
    for (const t of document.querySelectorAll('.waiting-list .wait-time')) t.textContent = waited(t.dataset.since);
  }, 15_000);
  // The count in the title: people waiting and alerts not yet acknowledged.
  const badge = () => {
    const n = document.querySelectorAll('.waiting-list li').length + document.querySelectorAll('.support-alerts .support-card').length;
    document.title = n ? `(${n}) ${TITLE}` : TITLE;
  };
  const watch = new MutationObserver(badge);
  watch.observe($('.support-alerts'), { childList: true, subtree: true });
  live.addEventListener('closed', () => { clearInterval(timer); watch.disconnect(); document.title = TITLE; });
}
