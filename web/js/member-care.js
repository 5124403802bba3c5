// A member's line to the facilitators, in the waiting room and in the session: "I need support"
// told truthfully (how many facilitators heard it, or that none has yet, with the group's crisis
// text), who acknowledged it, and a small message panel. What anyone wrote is set as text only.
import { $, el, announce } from './dom.js';
import { t, clock } from './strings.js';

export class MemberCare {
  constructor(panel, live, crisisText) {
    this.panel = panel;
    this.live = live;
    this.crisisText = crisisText || t('care.genericCrisis');
    live.addEventListener('support.acknowledged', (e) => {
      this.#status(t('care.acknowledged', { name: e.detail.by }));
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
            ? t(ack.delivered === 1 ? 'care.sentOne' : 'care.sentMany', { n: ack.delivered })
            : t('care.messageUnread');
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
        this.#status(t(ack.delivered === 1 ? 'care.toldOne' : 'care.toldMany', { n: ack.delivered }));
        $('.crisis', this.panel).hidden = true;
      } else {
        this.#status(t('care.kept'));
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
    const to = m.to === 'facilitators' ? t('messages.toFacilitators') : m.to === 'everyone' ? t('messages.toEveryone') : t('messages.toYou');
    const who = mine ? t('view.you') : m.fromName;
    $('.messages', this.panel).append(el('li', {},
      el('span', { class: 'quiet', text: `${who}, ${to}, ${clock(m.at)}: ` }), el('span', { class: 'message-text', text: m.text })));
    $('.messages-empty', this.panel).hidden = true;
    if (!mine) announce(t('care.messageFrom', { name: m.fromName, text: m.text }));
  }
}

