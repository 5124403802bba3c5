// A member's line to the facilitators, in the waiting room and in the session: "I need support"
// told truthfully (how many facilitators heard it, or that none has yet, with the group's crisis
// text), who acknowledged it, and a small message panel. What anyone wrote is set as text only.
import { $, el, announce } from './dom.js';

const GENERIC_CRISIS = 'If you are in danger or might harm yourself, call your local emergency number now.';

export class MemberCare {
  constructor(panel, live, crisisText) {
    this.panel = panel;
    this.live = live;
    this.crisisText = crisisText || GENERIC_CRISIS;
    live.addEventListener('support.acknowledged', (e) => {
      this.#status(`${e.detail.by} has seen your request for support and will be in touch with you.`);
      $('.crisis', panel).hidden = true;
    });
    live.addEventListener('message', (e) => this.#show(e.detail));
    // Assigned, not added: a page that connects again (another name) has one live connection, one sender.
    $('#message-facilitators', panel).onsubmit = (event) => {
      event.preventDefault();
      const box = event.target.elements.text;
      const text = box.value.trim();
      if (!text) return;
      live.call('message.facilitators', { text })
        .then((ack) => {
          box.value = '';
          $('.message-status', panel).textContent = ack.delivered > 0
            ? `Sent to ${plural(ack.delivered)}.`
            : 'No facilitator is connected right now, so nobody has read this, and messages are not kept. If you need help, use "I need support": that is kept until a facilitator sees it.';
        })
        .catch((e) => { $('.message-status', panel).textContent = e.message; });
    };
  }

  /** Shown while the member is in the waiting room or the session. */
  show(on) { this.panel.hidden = !on; }

  /** Sends a support request; resolves with what the member was told. */
  ask(note) {
    return this.live.call('support.request', { note: note || undefined }).then((ack) => {
      if (ack.delivered > 0) {
        this.#status(`${plural(ack.delivered, true)} been told, privately. Nobody else sees it.`);
        $('.crisis', this.panel).hidden = true;
      } else {
        this.#status('No facilitator is connected right now, so nobody has been told yet. Your request is kept: the first facilitator to connect will see it at once.');
        $('.crisis-text', this.panel).textContent = this.crisisText;
        $('.crisis', this.panel).hidden = false;
      }
      return $('.support-status', this.panel).textContent;
    }, (e) => { this.#status(e.message); return e.message; });
  }

  #status(text) {
    $('.support-status', this.panel).textContent = text;
    announce(text);
  }

  #show(m) {
    const mine = m.from === this.live.me?.id;
    const to = m.to === 'facilitators' ? 'to the facilitators' : m.to === 'everyone' ? 'to everyone' : 'to you';
    const who = mine ? 'You' : m.fromName;
    $('.messages', this.panel).append(el('li', {},
      el('span', { class: 'quiet', text: `${who}, ${to}, ${time(m.at)}: ` }), el('span', { class: 'message-text', text: m.text })));
    $('.messages-empty', this.panel).hidden = true;
    if (!mine) announce(`Message from ${m.fromName}: ${m.text}`);
  }
}

function plural(n, has) {
  const who = n === 1 ? '1 facilitator' : `${n} facilitators`;
  return has ? `${who} ${n === 1 ? 'has' : 'have'}` : who;
}

function time(at) {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
