// How many are behind each tab of the console's panel, on the tab itself: people waiting, people
// in the room, hands raised, messages not yet looked at. A facilitator on another tab still sees
// that someone is waiting or has written.
import { $ } from './dom.js';

export function counts(live, root) {
  const set = (tab, n) => { $(`#${tab} .count`, root).textContent = n ? `(${n})` : ''; }; // read with the tab: "Waiting (2)"
  live.addEventListener('waiting.list', (e) => set('tab-waiting', e.detail.waiting.length));
  live.addEventListener('roster', (e) => set('tab-people', e.detail.participants.filter((p) => p.id !== live.me.id).length));
  live.addEventListener('hands', (e) => set('tab-hands', e.detail.queue.length));
  // Messages count until the Messages tab is opened.
  const tab = $('#tab-messages', root);
  let unread = 0;
  live.addEventListener('message', (e) => {
    if (e.detail.from === live.me.id || tab.getAttribute('aria-selected') === 'true') return;
    set('tab-messages', ++unread);
  });
  new MutationObserver(() => {
    if (tab.getAttribute('aria-selected') === 'true' && unread) { unread = 0; set('tab-messages', 0); }
  }).observe(tab, { attributes: true, attributeFilter: ['aria-selected'] });
}
