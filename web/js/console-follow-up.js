// The facilitator's follow-up on a member at the locked door (docs/protocol.md, v1.1 §2): a calm
// card that stays until dealt with; names are set as text. (Drop-outs are console-support.js's.)
import { $, el } from './dom.js';
import { t, clockZoned } from './strings.js';

/** Shows lock.knock frames as cards; {@code act} sends a command, {@code notify} catches the ear. */
export function followUps(live, act, notify) {
  const alerts = $('.support-alerts');
  live.addEventListener('lock.knock', (e) => {
    const k = e.detail;
    const card = el('div', { class: 'support-card knock', 'data-knock': k.id },
      el('strong', { text: t('knock.atDoor', { name: k.memberName, time: clockZoned(k.at) }) }),
      el('button', { type: 'button', class: 'primary', onclick: () => act('lock.letIn', { member: k.member }) }, t('knock.letIn', { name: k.memberName })),
      el('button', { type: 'button', onclick: () => card.remove() }, t('knock.notNow')));
    alerts.prepend(card);
    $('#alert').textContent = t('knock.alert', { name: k.memberName });
    notify();
  });
  live.addEventListener('lock.knock.closed', (e) => {
    for (const card of alerts.querySelectorAll('.knock')) if (card.dataset.knock === e.detail.id) card.remove();
  });
}
