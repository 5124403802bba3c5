// The facilitator's follow-up on a member at the locked door (docs/protocol.md, v1.1 §2): a calm
// card that stays until dealt with; names are set as text. (Drop-outs are console-support.js's.)
import { $, el } from './dom.js';

const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Shows lock.knock frames as cards; {@code act} sends a command, {@code notify} catches the ear. */
export function followUps(live, act, notify) {
  const alerts = $('.support-alerts');
  live.addEventListener('lock.knock', (e) => {
    const k = e.detail;
    const card = el('div', { class: 'support-card knock', 'data-knock': k.id },
      el('strong', { text: `${k.memberName} is at the door (${clock(k.at)}); the session is locked` }),
      el('button', { type: 'button', class: 'primary', onclick: () => act('lock.letIn', { member: k.member }) }, `Let ${k.memberName} into the waiting room`),
      el('button', { type: 'button', onclick: () => card.remove() }, 'Not now'));
    alerts.prepend(card);
    $('#alert').textContent = `${k.memberName} knocked: the session is locked.`;
    notify();
  });
  live.addEventListener('lock.knock.closed', (e) => {
    for (const card of alerts.querySelectorAll('.knock')) if (card.dataset.knock === e.detail.id) card.remove();
  });
}
