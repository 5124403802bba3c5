// A member's journey from their invitation link: welcome, agreements, devices, waiting room, session.
import { api } from './api.js';
import { $, el, show, announce } from './dom.js';
import { Live } from './live.js';
import { SessionView } from './session-view.js';
import { DeviceCheck } from './devices.js';
import { offer } from './offer.js';
import { renderAgreements } from './agreements.js';
import { OwnDevices } from './own-devices.js';
import { checkIn } from './check-in.js';
import { offerCheckOut } from './check-out.js';
import { MemberCare } from './member-care.js';
import { localize, t } from './strings.js';
import { whatNext } from './ended-next.js';

localize();

const token = decodeURIComponent(location.pathname.split('/').pop());
let invitation;
let chosen;
let view;
let live;
let care;
const devices = new DeviceCheck();
/** While the lock keeps this member out: how often the page asks again, and for how long. */
const KNOCK_AGAIN_MS = 5000;
const KNOCK_FOR_MS = 20 * 60 * 1000;
let knocking = null;
const LOOK_AGAIN_MS = 15_000;
let lookAgain;

function fail(message) {
  $('.problem-text').textContent = message;
  show('problem');
}

async function start() {
  try {
    invitation = await api('GET', `/invitations/${encodeURIComponent(token)}`);
  } catch (e) {
    fail(e.message);
    return;
  }
  $('.group-name').textContent = invitation.group.name;
  $('#display-name').value = invitation.member.displayName;
  offerSession();
  show('welcome');
}

/** Says which session this is and when; the waiting room can be entered only while it is open. */
function offerSession() {
  const offered = offer(invitation.sessions);
  chosen = offered.session?.joinable ? offered.session : null;
  $('.next-session').textContent = offered.text;
  $('#to-waiting').disabled = !chosen;
  $('.waiting-closed').textContent = chosen ? '' : offered.text;
  // Look again when the waiting room opens, or (nothing open yet) every little while: the
  // facilitator may start a session late, or change the plan.
  clearTimeout(lookAgain);
  if (offered.opensAt) lookAgain = setTimeout(refreshOffer, Math.min(Math.max(0, offered.opensAt - Date.now()) + 1000, 2 ** 31 - 1));
  else if (!chosen) lookAgain = setTimeout(refreshOffer, LOOK_AGAIN_MS);
}

async function refreshOffer() {
  invitation.sessions = (await api('GET', `/invitations/${encodeURIComponent(token)}`).catch(() => invitation)).sessions;
  offerSession();
}

function renderAgreementStep() {
  renderAgreements($('.documents'), invitation.consents, token, { changed: updateContinue, stale: reloadAgreements });
  updateContinue();
}

async function reloadAgreements() {
  invitation = await api('GET', `/invitations/${encodeURIComponent(token)}`);
  renderAgreementStep();
}

/**
 * The agreements at any time, without leaving the waiting room or the session. After a new
 * version, `only` shows just what still needs a decision.
 */
async function openAgreements(only) {
  invitation.consents = (await api('GET', `/invitations/${encodeURIComponent(token)}`).catch(() => invitation)).consents;
  const dialog = $('#agreements-dialog');
  const pending = only && invitation.consents.some((c) => c.status === 'missing');
  if (only && !pending) return;
  $('.agreements-intro').textContent = pending
    ? t('join.agreementChanged')
    : t('join.agreementsAnyTime');
  renderAgreements($('.dialog-documents'), invitation.consents, token, { only: pending, stale: () => openAgreements(only) });
  if (!dialog.open) dialog.showModal();
}

function updateContinue() {
  const required = invitation.consents.filter((c) => c.document.required);
  const answered = required.every((c) => c.status !== 'missing');
  $('#to-devices').disabled = !answered;
  $('.continue-help').hidden = answered;
  $('.declined-note').hidden = !required.some((c) => c.status === 'declined' || c.status === 'withdrawn');
}

async function enterWaitingRoom() {
  const sessionId = chosen?.id;
  if (!sessionId) { fail(t('join.noSession')); return; }
  const displayName = $('#display-name').value.trim() || invitation.member.displayName;
  const current = new Live(async () => (await api('POST', `/sessions/${sessionId}/tickets`, { invitation: token })).ticket, { displayName },
    `circle.resume.${sessionId}`);
  live = current;
  $('.name-problem').textContent = '';
  care = new MemberCare($('#care'), live, invitation.care?.crisisText);
  live.addEventListener('waiting', (e) => {
    if (view) { view.close(); view = null; devices.live(); } // stopped now; opened again for the next admission
    const away = e.detail.reason === 'facilitator.away';
    if (away) $('.facilitator-message').textContent = e.detail.message;
    else if (e.detail.message) $('.facilitator-message').textContent = t('join.facilitatorMessage', { text: e.detail.message });
    show('waiting');
    if (e.detail.message && !away) openAgreements(true); // sent back: a new version may be waiting for a decision
  });
  live.addEventListener('admitted', () => enterSession());
  // Not after a refused name, nor while knocking at a locked door.
  live.addEventListener('closed', (e) => { if (live === current && !knocking) ended(e.detail.reason); });
  live.addEventListener('denied', (e) => { $('.ended-text').textContent = e.detail.reason ?? ''; });
  live.addEventListener('removed', (e) => { $('.ended-text').textContent = e.detail.reason ?? ''; });
  await openLive();
}

/**
 * Opens the live connection. A locked session is not a dead end: the server has told the
 * facilitators that this member knocked, and the page asks again quietly until they are let in
 * (or the lock is lifted), then goes on to the waiting room by itself.
 */
async function openLive() {
  try {
    const welcome = await live.open();
    knocking = null;
    live.iceServers = welcome.iceServers;
    if (welcome.you.status === 'admitted') enterSession(); else show('waiting');
    care.show(true);
  } catch (e) {
    if (e.code !== 'LOCKED') {
      knocking = null;
      if (e.code === 'NAME_REFUSED') askForAnotherName(e.message); else fail(e.message);
      return;
    }
    knocking ??= { since: Date.now() };
    show('locked');
    if (Date.now() - knocking.since > KNOCK_FOR_MS) {
      knocking = null;
      $('.locked-status').textContent = t('join.stillLocked');
      return;
    }
    $('.locked-status').textContent = t('join.lockedWaiting');
    knocking.timer = setTimeout(openLive, KNOCK_AGAIN_MS);
  }
}

/** The name cannot be shown to others: back to the first step, with the reason beside the name. */
function askForAnotherName(reason) {
  live = null;
  $('.name-problem').textContent = reason;
  show('welcome');
  $('#display-name').focus();
}

function enterSession() {
  if ($('#agreements-dialog').open) $('#agreements-dialog').close();
  const root = $('#session');
  for (const [kind, box] of [['audio', '#join-microphone'], ['video', '#join-camera']]) {
    const on = $(box).checked;
    OwnDevices.remember(kind, on);
    root.dataset[kind === 'audio' ? 'startAudio' : 'startVideo'] = on ? 'on' : 'off';
  }
  if (view) view.close();
  // Made at once, so that it hears the roster that follows admission; tracks stopped by an earlier
  // view (sent back, an agreement withdrawn) are replaced as soon as the devices are open again.
  const current = new SessionView(root, live, devices.stream, live.iceServers ?? [], { askForSupport: (note) => care.ask(note) });
  view = current;
  devices.live().then((fresh) => { if (view === current && fresh !== current.stream) current.useStream(fresh); });
  show('session');
  announce(t('join.admitted'));
}

/** What a person can do next, after each way a session can end for them: never a dead end. */
const NEXT_STEPS = {
  ended: 'ended.nextEnded', left: 'ended.nextLeft', removed: 'ended.nextRemoved', denied: 'ended.nextDenied',
  revoked: null, replaced: 'ended.nextReplaced', lost: 'ended.nextLost', stopped: null,
};

/** Each ending's heading and words, as keys of the catalogue (ended.<reason>.title and .text). */
const ENDINGS = new Set(['ended', 'left', 'removed', 'denied', 'revoked', 'replaced', 'lost', 'stopped']);

function ended(reason) {
  if (view) { view.close(); view = null; }
  care?.show(false);
  const ending = ENDINGS.has(reason) ? reason : 'lost';
  const title = t(`ended.${ending}.title`);
  const text = t(`ended.${ending}.text`);
  $('.ended-title').textContent = title;
  if (!$('.ended-text').textContent || ['ended', 'left', 'lost', 'stopped'].includes(reason)) $('.ended-text').textContent = text;
  else if (['removed', 'denied'].includes(reason)) $('.ended-text').textContent = t('ended.facilitatorSaid', { text: $('.ended-text').textContent });
  const next = reason in NEXT_STEPS ? NEXT_STEPS[reason] : NEXT_STEPS.lost;
  $('.ended-next').textContent = next ? t(next) : '';
  show('ended');
  offerCheckOut(token, chosen?.id, reason);
  whatNext(token, chosen?.id, reason);
}

$('#to-agreements').addEventListener('click', () => { renderAgreementStep(); show('agreements'); });
for (const b of document.querySelectorAll('.open-agreements')) b.addEventListener('click', () => openAgreements(false));
$('#to-devices').addEventListener('click', async () => {
  // What this person chose last time on this device (a camera turned off stays off after a reload).
  $('#join-camera').checked = OwnDevices.remembered('video');
  $('#join-microphone').checked = OwnDevices.remembered('audio');
  show('devices');
  if (!chosen) refreshOffer(); // the session may have started while they read the agreements
  await devices.start();
});
$('#to-waiting').addEventListener('click', () => checkIn(token, invitation, chosen?.id).then(enterWaitingRoom));
$('#locked-leave').addEventListener('click', () => {
  clearTimeout(knocking?.timer);
  knocking = null;
  ended('stopped');
});
$('#waiting-leave').addEventListener('click', () => { live?.leave(); ended('left'); });
$('#session').addEventListener('leave-request', () => { live?.leave(); ended('left'); });
$('#waiting-support').addEventListener('click', () => {
  const dialog = $('#support-dialog');
  dialog.showModal();
  dialog.onclose = () => {
    if (dialog.returnValue === 'send') care.ask($('#support-note').value.trim());
    $('#support-note').value = '';
  };
});
start();
