// The facilitator's care in the live console: support requests and members who dropped out, as
// alerts that stay until someone acknowledges them (with the member's check-in and a number to
// call), and private messages to one person or everyone in the room. Whatever members wrote is
// set as text, never as HTML.
import { $, el, announce } from './dom.js';
import { t, clock, clockZoned } from './strings.js';

export function watchSupport(live, notice, chime) {
  const cards = new Map();
  const alerts = $('.support-alerts');
  alerts.replaceChildren(); // a new live session starts with its own requests
  const whoWaits = new Map();
  live.addEventListener('waiting.list', (e) => { whoWaits.clear(); for (const w of e.detail.waiting) whoWaits.set(w.id, w.displayName); });

  const alert = (r, headline, what, done) => {
    // A reconnect brings every open request again, and a member asking again updates theirs: the
    // card shows how often and the newest note, without another chime.
    if (cards.has(r.id)) { repeated(cards.get(r.id), r); return; }
    const status = el('p', { class: 'support-card-status', role: 'status' });
    const card = el('div', { class: 'support-card', 'data-request': r.id },
      el('strong', { text: headline }),
      el('span', { class: 'quiet', text: ` · ${clockZoned(r.at)}` }),
      el('span', { class: 'quiet support-card-repeats' }),
      el('p', { class: 'message-text', text: r.note ?? '', hidden: !r.note }),
      checkIn(r.checkIn),
      el('button', { type: 'button', class: 'primary', onclick: () => acknowledge(r, status, done) }, t(what, { name: r.displayName })),
      status);
    cards.set(r.id, card);
    repeated(card, r);
    alerts.prepend(card);
    $('#alert').textContent = `${headline}.`;
    chime();
  };
  live.addEventListener('support.requested', (e) => {
    const name = e.detail.displayName;
    alert(e.detail, t(whoWaits.has(e.detail.participant) ? 'support.askedWaiting' : 'support.asked', { name }), 'support.ackRequest',
      t('support.acknowledgedRequest', { name }));
  });
  // Follow up at once when someone vanishes mid-session: the alert stays until someone acknowledges it.
  live.addEventListener('participant.dropped', (e) => alert(e.detail,
    t('support.dropped', { name: e.detail.displayName }), 'support.ackDrop',
    t('support.acknowledgedDrop', { name: e.detail.displayName })));
  live.addEventListener('support.closed', (e) => {
    const card = cards.get(e.detail.id);
    if (!card) return;
    cards.delete(e.detail.id);
    card.remove();
    notice(t('support.closedBy', { name: e.detail.by }));
  });

  function acknowledge(r, status, done) {
    live.call('support.ack', { id: r.id }).then(() => {
      cards.get(r.id)?.remove();
      cards.delete(r.id);
      notice(done);
    }, (e) => {
      status.textContent = e.message;
      if (e.code === 'UNKNOWN_REQUEST') { cards.get(r.id)?.remove(); cards.delete(r.id); notice(e.message); }
    });
  }
}

function repeated(card, r) {
  if ((r.count ?? 1) > 1) $('.support-card-repeats', card).textContent = ` · ${t('support.repeats', { n: r.count, time: clockZoned(r.lastAt) })}`;
  const note = $('.message-text', card);
  if (r.note) { note.textContent = r.note; note.hidden = false; }
}

/** The member's check-in for this session, for calling them back or sending help. */
function checkIn(c) {
  if (!c) return el('p', { class: 'quiet', text: t('support.noCheckIn') });
  const phone = (c.phone ?? '').replace(/[^0-9+]/g, '');
  return el('dl', {},
    el('dt', { text: t('support.where') }), el('dd', { text: c.location ?? t('support.unknown') }),
    el('dt', { text: t('support.phone') }), el('dd', {}, phone ? el('a', { href: `tel:${phone}`, text: t('support.call', { phone: c.phone }) }) : el('span', { text: t('support.unknown') })),
    el('dt', { text: t('support.emergencyContact') }), el('dd', { text: c.emergencyContact ?? t('support.noneGiven') }),
    el('dt', { text: t('support.private') }), el('dd', { text: c.privateSpace ? t('support.privateYes') : t('support.privateNo') }));
}

export function messagesPanel(live) {
  const panel = $('.messages-panel');
  const list = $('.messages', panel);
  const to = $('#message-to');
  const people = { room: [], waiting: [] };
  const names = new Map();
  list.replaceChildren();
  $('.messages-empty', panel).hidden = false;
  const options = () => {
    const chosen = to.value;
    to.replaceChildren(el('option', { value: '', text: t('messages.everyone') }),
      ...people.room.filter((p) => p.id !== live.me.id).map((p) => el('option', { value: p.id, text: p.displayName })),
      ...people.waiting.map((w) => el('option', { value: w.id, text: t('messages.waitingName', { name: w.displayName }) })));
    to.value = [...to.options].some((o) => o.value === chosen) ? chosen : '';
  };
  live.addEventListener('roster', (e) => { people.room = e.detail.participants; people.room.forEach((p) => names.set(p.id, p.displayName)); options(); });
  live.addEventListener('waiting.list', (e) => { people.waiting = e.detail.waiting; people.waiting.forEach((w) => names.set(w.id, w.displayName)); options(); });
  live.addEventListener('message', (e) => {
    const m = e.detail;
    const mine = m.from === live.me.id;
    const toWhom = m.to === 'facilitators' ? t('messages.toFacilitators') : m.to === 'everyone' ? t('messages.toEveryone')
      : m.to === live.me.id ? t('messages.toYou') : t('messages.toName', { name: names.get(m.to) ?? t('messages.onePerson') });
    list.append(el('li', {},
      el('span', { class: 'quiet', text: `${mine ? t('view.you') : m.fromName}, ${toWhom}, ${clock(m.at)}: ` }),
      el('span', { class: 'message-text', text: m.text }), ' ',
      mine || m.to === 'everyone' ? null : el('button', { type: 'button', class: 'link', onclick: () => { options(); to.value = m.from; $('#message-text').focus(); } }, t('messages.reply', { name: m.fromName }))));
    list.scrollTop = list.scrollHeight;
    $('.messages-empty', panel).hidden = true;
    if (!mine) announce(t('messages.from', { name: m.fromName }));
  });
  $('#message-send').onsubmit = (event) => {
    event.preventDefault();
    const text = $('#message-text').value.trim();
    if (!text) return;
    live.call('message.send', { text, participant: to.value || undefined })
      .then(() => { $('#message-text').value = ''; $('.message-status', panel).textContent = ''; })
      .catch((e) => { $('.message-status', panel).textContent = e.message; });
  };
}
