// The facilitator's live console: the session controls always in sight above the room, the room's
// tiles with a menu for each person, and a side panel in tabs (waiting, people, hands, messages)
// under the alerts, which stay until someone acknowledges them.
import { $ } from './dom.js';
import { Live } from './live.js';
import { SessionView } from './session-view.js';
import { watchSupport, messagesPanel } from './console-support.js';
import { followUps } from './console-follow-up.js';
import { talkTime } from './console-talk.js';
import { waitingRoom } from './console-waiting.js';
import { people } from './console-people.js';
import { counts } from './console-counts.js';
import { tabs } from './tabs.js';
import { t } from './strings.js';

export async function startLive(s, getTicket, afterEnd) {
  const live = new Live(getTicket);
  let view = null;
  const root = $('#live');
  const select = tabs($('.tabs', root));
  select('panel-waiting');
  // Before the socket opens: a facilitator's first frames carry every open support request.
  watchSupport(live, (text) => view?.notice(text), chime);
  messagesPanel(live);
  let stream = null;
  try { stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } }); } catch { /* join without devices */ }
  // Writing to one person: the Messages tab, addressed to them, with the cursor in the box.
  const message = (id) => {
    select('panel-messages');
    const to = $('#message-to');
    if ([...to.options].some((o) => o.value === id)) to.value = id;
    $('#message-text').focus();
  };
  // The devices first, then the socket: the frames right after the welcome (roster, waiting list)
  // come once and must find the view and the listeners below already there.
  const welcome = await live.open();
  view = new SessionView($('.console', root), live, stream, welcome.iceServers, { facilitator: true, openMessages: () => message('') });
  const act = (type, fields) => live.call(type, fields).catch((e) => view.notice(e.message));
  // The name the person chose, and beside it the name the facilitator gave the member (facilitators only).
  const who = (p) => (p.memberName && p.memberName !== p.displayName ? t('console.invitedAs', { name: p.displayName, memberName: p.memberName }) : p.displayName);

  waitingRoom(live, act, who, chime, message);
  people(live, view, act, message, who);
  counts(live, root);
  followUps(live, act, chime);
  talkTime(live, (id) => (id === live.me.id ? t('view.you') : view.name(id)));
  live.addEventListener('mode', (e) => { $('#moderated').checked = e.detail.mode === 'moderated'; });
  live.addEventListener('session.state', (e) => { $('#locked').checked = e.detail.locked; });
  live.addEventListener('closed', () => { view.close(); afterEnd(); });

  $('#admit-all').onclick = () => live.call('admit.all').then((ack) => view.notice(ack.waiting.length ? t('console.stillWaiting', { n: ack.waiting.length }) : t('console.allAdmitted'))).catch((e) => view.notice(e.message));
  $('#waiting-message').onsubmit = (event) => { event.preventDefault(); act('waiting.message', { text: event.target.text.value }); event.target.reset(); };
  const seconds = () => Number($('#turn-seconds').value) || undefined;
  $('#next-hand').onclick = () => {
    const next = view.state.queue[0];
    if (next) act('floor.grant', { participant: next.participant, seconds: seconds() });
    else view.notice(t('console.noHands'));
  };
  $('#round-start').onclick = () => act('round.start', { seconds: seconds() });
  $('#round-next').onclick = () => act('round.next');
  $('#round-stop').onclick = () => act('round.stop');
  $('#floor-revoke').onclick = () => act('floor.revoke');
  $('#moderated').onchange = (e) => act('mode.set', { mode: e.target.checked ? 'moderated' : 'open' });
  $('#locked').onchange = (e) => act('lock', { locked: e.target.checked });
  $('#mute-all').onclick = () => act('mute.all');
  $('#end').onclick = () => { if (confirm(t('console.endConfirm'))) act('session.end'); };
  root.addEventListener('leave-request', () => { live.leave(); view.close(); afterEnd(); }, { once: true }); // the view asked first
  return live;
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
