// After a session, never a dead end: when the group meets next (in the member's own time zone)
// and the group's own support resources (the crisis text its facilitators wrote), which the member
// may need most when the session has just ended badly.
import { api } from './api.js';
import { $ } from './dom.js';
import { t, dateTime } from './strings.js';

const OFFERED_AFTER = new Set(['ended', 'left', 'removed', 'denied', 'lost', 'stopped']);

export async function whatNext(token, sessionId, reason) {
  const box = $('.ended-after');
  box.hidden = true;
  if (!OFFERED_AFTER.has(reason)) return;
  let invitation;
  try {
    invitation = await api('GET', `/invitations/${encodeURIComponent(token)}`); // as it is now, not as it was at the start
  } catch { /* the invitation no longer answers: there is nothing to offer */ return; }
  const sessions = invitation.sessions ?? [];
  const crisisText = invitation.care?.crisisText;
  const next = sessions.find((s) => s.id !== sessionId && s.state !== 'ended' && s.state !== 'cancelled');
  $('.ended-session').textContent = next ? t('ended.next', { title: next.title, when: dateTime(next.startsAt) }) : t('ended.noNext');
  $('.ended-help').hidden = !crisisText;
  $('.ended-help-text').textContent = crisisText ?? '';
  box.hidden = false;
}
