// The facilitator's live controls: the waiting room, the people in the room, turns, mode, lock, end,
// and support requests that catch the eye and the ear without alarming the group.
import { $, el, announce } from './dom.js';
import { Live } from './live.js';
import { SessionView } from './session-view.js';
import { watchSupport, messagesPanel } from './console-support.js';
import { followUps } from './console-follow-up.js';
import { talkTime } from './console-talk.js';

export async function startLive(s, getTicket, afterEnd) {
  const live = new Live(getTicket);
  let view = null;
  // Before the socket opens: a facilitator's first frames carry every open support request.
  watchSupport(live, (text) => view?.notice(text), chime);
  messagesPanel(live);
  const root = $('#live');
  let stream = null;
  try { stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } }); } catch { /* join without devices */ }
  // The devices first, then the socket: the frames right after the welcome (roster, waiting list)
  // come once and must find the view and the listeners below already there.
  const welcome = await live.open();
  view = new SessionView($('.room', root), live, stream, welcome.iceServers);
  const act = (type, fields) => live.call(type, fields).catch((e) => view.notice(e.message));
  // The name the person chose, and beside it the name the facilitator gave the member (facilitators only).
  const who = (p) => (p.memberName && p.memberName !== p.displayName ? `${p.displayName} (invited as ${p.memberName})` : p.displayName);

  live.addEventListener('waiting.list', (e) => {
    const list = e.detail.waiting;
    $('.waiting-empty').hidden = list.length > 0;
    $('.waiting-list').replaceChildren(...list.map((w) => el('li', {},
      el('span', { text: `${who(w)} · ${w.consent === 'complete' ? 'agreements complete' : 'agreements missing'} · ${w.checkIn === 'done' ? (w.privateSpace ? 'checked in, somewhere private' : 'checked in, not somewhere private') : 'not checked in'}` }), ' ',
      el('button', { type: 'button', class: 'primary', disabled: w.consent !== 'complete', onclick: () => act('admit', { participant: w.id }) }, `Admit ${w.displayName}`),
      el('button', { type: 'button', onclick: () => act('deny', { participant: w.id }) }, `Deny ${w.displayName}`))));
    if (list.length) announce(`${list.length} waiting.`);
  });
  live.addEventListener('roster', (e) => {
    $('.people').replaceChildren(...e.detail.participants.filter((p) => p.id !== live.me.id).map((p) => el('li', {},
      el('span', { text: who(p) }), ' ',
      el('button', { type: 'button', onclick: () => act('floor.grant', { participant: p.id, seconds: Number($('#turn-seconds').value) || undefined }) }, `Give ${p.displayName} the floor`),
      el('button', { type: 'button', onclick: () => act('mute', { participant: p.id }) }, `Mute ${p.displayName}`),
      el('button', { type: 'button', onclick: () => act('unmute.request', { participant: p.id }) }, `Ask ${p.displayName} to unmute`),
      p.role === 'facilitator' ? null : el('button', { type: 'button', onclick: () => act('send.to.waiting', { participant: p.id }) }, `Send ${p.displayName} to the waiting room`),
      p.role === 'facilitator' ? null : el('button', { type: 'button', class: 'danger', onclick: () => confirm(`Remove ${p.displayName} from this session?`) && act('remove', { participant: p.id }) }, `Remove ${p.displayName}`))));
  });
  followUps(live, act, chime);
  talkTime(live, (id) => (id === live.me.id ? 'You' : view.name(id)));
  live.addEventListener('mode', (e) => { $('#moderated').checked = e.detail.mode === 'moderated'; });
  live.addEventListener('session.state', (e) => { $('#locked').checked = e.detail.locked; });
  live.addEventListener('closed', () => { view.close(); afterEnd(); });

  $('#admit-all').onclick = () => live.call('admit.all').then((ack) => view.notice(ack.waiting.length ? `${ack.waiting.length} still waiting: their agreements or their check-in are not complete.` : 'Everyone waiting was admitted.')).catch((e) => view.notice(e.message));
  $('#waiting-message').onsubmit = (event) => { event.preventDefault(); act('waiting.message', { text: event.target.text.value }); event.target.reset(); };
  $('#next-hand').onclick = () => {
    const next = view.state.queue[0];
    if (next) act('floor.grant', { participant: next.participant, seconds: Number($('#turn-seconds').value) || undefined });
    else view.notice('No hands are raised.');
  };
  $('#round-start').onclick = () => act('round.start', { seconds: Number($('#turn-seconds').value) || undefined });
  $('#round-next').onclick = () => act('round.next');
  $('#round-stop').onclick = () => act('round.stop');
  $('#floor-revoke').onclick = () => act('floor.revoke');
  $('#moderated').onchange = (e) => act('mode.set', { mode: e.target.checked ? 'moderated' : 'open' });
  $('#locked').onchange = (e) => act('lock', { locked: e.target.checked });
  $('#mute-all').onclick = () => act('mute.all');
  $('#end').onclick = () => { if (confirm('End the session for everyone?')) act('session.end'); };
  root.addEventListener('leave-request', () => { live.leave(); view.close(); afterEnd(); }); // the view asked first
}

/** A soft two-note chime: noticeable for the facilitator, nothing that startles. */
function chime() {
  try {
    const context = new AudioContext();
    [523.25, 659.25].forEach((frequency, i) => {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, context.currentTime + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.08, context.currentTime + i * 0.25 + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + i * 0.25 + 0.6);
      tone.connect(gain).connect(context.destination);
      tone.start(context.currentTime + i * 0.25);
      tone.stop(context.currentTime + i * 0.25 + 0.7);
    });
  } catch { /* no audio output */ }
}
