// The facilitator's follow-ups (docs/protocol.md, v1.1 §2): a member whose connection dropped and
// who did not come back, and a member at the locked door. Calm cards that stay until dealt with;
// everything a member typed is set as text, and a phone number becomes a "call" link.
import { $, el } from './dom.js';

const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function call(phone) {
  return el('a', { href: `tel:${phone.replace(/[^0-9+]/g, '')}`, text: `Call ${phone}` });
}

/** Shows participant.dropped and lock.knock frames as cards; {@code act} sends a command, {@code notify} catches the ear. */
export function followUps(live, act, notify) {
  const alerts = $('.support-alerts');
  live.addEventListener('participant.dropped', (e) => {
    const d = e.detail;
    const name = d.memberName && d.memberName !== d.displayName ? `${d.displayName} (invited as ${d.memberName})` : d.displayName;
    const c = d.checkIn;
    const card = el('div', { class: 'support-card follow-up', 'data-participant': d.participant },
      el('strong', { text: `${name} dropped at ${clock(d.at)} — follow up` }),
      c?.location ? el('p', { text: `Where they are: ${c.location}` }) : null,
      c?.phone ? el('p', {}, call(c.phone)) : null,
      c?.emergencyContact ? el('p', { text: `Emergency contact: ${c.emergencyContact}` }) : null,
      c ? null : el('p', { class: 'quiet', text: 'No check-in for this session.' }),
      el('button', { type: 'button', onclick: () => card.remove() }, 'Done'));
    alerts.prepend(card);
    $('#alert').textContent = `${d.displayName} dropped out of the session and has not come back.`;
    notify();
  });
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
