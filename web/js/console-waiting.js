// The facilitator's waiting room: who is waiting and for how long, whether they can be admitted
// (agreements, check-in, a second device), and a word to each of them. A new arrival chimes once
// and the tab's title carries a count, so that nobody waits unseen while the facilitator is
// looking elsewhere.
import { $, el, announce } from './dom.js';
import { t } from './strings.js';

function waited(since) {
  const minutes = Math.floor((Date.now() - Date.parse(since)) / 60000);
  return minutes < 1 ? t('waiting.justArrived') : t('waiting.minutes', { n: minutes });
}

/** {@code message(id)} opens the console's message box written to that person. */
export function waitingRoom(live, act, who, chime, message) {
  const TITLE = document.title; // as the page's language made it
  const seen = new Set();
  let first = true;
  const status = (w) => [w.consent === 'complete' ? t('waiting.agreementsComplete') : t('waiting.agreementsMissing'),
    w.checkIn === 'done' ? (w.privateSpace ? t('waiting.checkedInPrivate') : t('waiting.checkedInNotPrivate')) : t('waiting.notCheckedIn'),
    w.secondDevice ? t('waiting.secondDevice') : null].filter(Boolean).join(' · ');
  live.addEventListener('waiting.list', (e) => {
    const list = e.detail.waiting;
    $('.waiting-empty').hidden = list.length > 0;
    $('.waiting-list').replaceChildren(...list.map((w) => el('li', { 'data-id': w.id },
      el('span', { text: `${who(w)} · ${status(w)}` }), ' · ', el('span', { class: 'wait-time', 'data-since': w.since, text: waited(w.since) }), ' ',
      el('button', { type: 'button', class: 'primary', disabled: w.consent !== 'complete', onclick: () => act('admit', { participant: w.id }) }, t('waiting.admit', { name: w.displayName })),
      el('button', { type: 'button', onclick: () => act('deny', { participant: w.id }) }, t('waiting.deny', { name: w.displayName })),
      el('button', { type: 'button', class: 'quiet-button', onclick: () => message(w.id) }, t('console.messageTo', { name: w.displayName })))));
    const arrived = list.filter((w) => !seen.has(w.id));
    arrived.forEach((w) => seen.add(w.id));
    // The first list after opening the console is who was already there, not an arrival.
    if (arrived.length && !first) {
      chime();
      announce(arrived.length === 1 ? t('waiting.arrivedOne', { name: arrived[0].displayName }) : t('waiting.arrivedMany', { n: arrived.length }));
    } else if (first && list.length) {
      announce(t('waiting.count', { n: list.length }));
    }
    first = false;
    badge();
  });
  const timer = setInterval(() => {
    for (const span of document.querySelectorAll('.waiting-list .wait-time')) span.textContent = waited(span.dataset.since);
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
