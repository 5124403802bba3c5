// The facilitator's care in the live console: support requests and members who dropped out, as
// alerts that stay until someone acknowledges them (with the member's check-in and a number to
// call), and private messages to one person or everyone in the room. Whatever members wrote is
// set as text, never as HTML.
import { $, el, announce } from './dom.js';

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
      el('span', { class: 'quiet', text: ` at ${time(r.at)}` }),
      el('span', { class: 'quiet support-card-repeats' }),
      el('p', { class: 'message-text', text: r.note ?? '', hidden: !r.note }),
      checkIn(r.checkIn),
      el('button', { type: 'button', class: 'primary', onclick: () => acknowledge(r, status, done) }, `Acknowledge ${r.displayName}'s ${what}`),
      status);
    cards.set(r.id, card);
    repeated(card, r);
    alerts.prepend(card);
    $('#alert').textContent = `${headline}.`;
    chime();
  };
  live.addEventListener('support.requested', (e) => {
    const where = whoWaits.has(e.detail.participant) ? ' (in the waiting room)' : '';
    alert(e.detail, `${e.detail.displayName} asked for support${where}`, 'request',
      `You acknowledged ${e.detail.displayName}'s request: they have been told that you saw it.`);
  });
  // Follow up at once when someone vanishes mid-session: the alert stays until someone acknowledges it.
  live.addEventListener('participant.dropped', (e) => alert(e.detail,
    `${e.detail.displayName}'s connection dropped and they have not come back`, 'drop-out',
    `You acknowledged that ${e.detail.displayName} dropped out: the other facilitators know that you are following up.`));
  live.addEventListener('support.closed', (e) => {
    const card = cards.get(e.detail.id);
    if (!card) return;
    cards.delete(e.detail.id);
    card.remove();
    notice(`${e.detail.by} acknowledged an alert and is following up.`);
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

const time = (at) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function repeated(card, r) {
  if ((r.count ?? 1) > 1) $('.support-card-repeats', card).textContent = ` · asked ${r.count} times, last at ${time(r.lastAt)}`;
  const note = $('.message-text', card);
  if (r.note) { note.textContent = r.note; note.hidden = false; }
}

/** The member's check-in for this session, for calling them back or sending help. */
function checkIn(c) {
  if (!c) return el('p', { class: 'quiet', text: 'No check-in for this session.' });
  const phone = (c.phone ?? '').replace(/[^0-9+]/g, '');
  return el('dl', {},
    el('dt', { text: 'Where' }), el('dd', { text: c.location ?? 'unknown' }),
    el('dt', { text: 'Phone' }), el('dd', {}, phone ? el('a', { href: `tel:${phone}`, text: `Call ${c.phone}` }) : el('span', { text: 'unknown' })),
    el('dt', { text: 'Emergency contact' }), el('dd', { text: c.emergencyContact ?? 'none given' }),
    el('dt', { text: 'Private' }), el('dd', { text: c.privateSpace ? 'Somewhere private' : 'Not somewhere private' }));
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
    to.replaceChildren(el('option', { value: '', text: 'Everyone in the room' }),
      ...people.room.filter((p) => p.id !== live.me.id).map((p) => el('option', { value: p.id, text: p.displayName })),
      ...people.waiting.map((w) => el('option', { value: w.id, text: `${w.displayName} (waiting)` })));
    to.value = [...to.options].some((o) => o.value === chosen) ? chosen : '';
  };
  live.addEventListener('roster', (e) => { people.room = e.detail.participants; people.room.forEach((p) => names.set(p.id, p.displayName)); options(); });
  live.addEventListener('waiting.list', (e) => { people.waiting = e.detail.waiting; people.waiting.forEach((w) => names.set(w.id, w.displayName)); options(); });
  live.addEventListener('message', (e) => {
    const m = e.detail;
    const mine = m.from === live.me.id;
    const toWhom = m.to === 'facilitators' ? 'to the facilitators' : m.to === 'everyone' ? 'to everyone' : `to ${m.to === live.me.id ? 'you' : names.get(m.to) ?? 'one person'}`;
    list.append(el('li', {},
      el('span', { class: 'quiet', text: `${mine ? 'You' : m.fromName}, ${toWhom}, ${new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: ` }),
      el('span', { class: 'message-text', text: m.text }), ' ',
      mine || m.to === 'everyone' ? null : el('button', { type: 'button', class: 'link', onclick: () => { options(); to.value = m.from; $('#message-text').focus(); } }, `Reply to ${m.fromName}`)));
    list.scrollTop = list.scrollHeight;
    $('.messages-empty', panel).hidden = true;
    if (!mine) announce(`Message from ${m.fromName}.`);
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
