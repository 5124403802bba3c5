// The safety check-in before the waiting room (docs/protocol.md, v1.1 §2): where the member is
// right now and a call-back number, asked every session; an emergency contact, remembered on this
// device only when the member asks; whether they are somewhere private. Only facilitators read it.
import { api } from './api.js';
import { $, show } from './dom.js';

const rememberedKey = (memberId) => `circle.emergencyContact.${memberId}`;

/**
 * Resolves once the member has checked in for the session, or skipped an optional check-in.
 * Resolves at once when the group asks for none (its setting comes with the invitation).
 */
export function checkIn(token, invitation, sessionId) {
  const mode = invitation.care?.checkIn ?? 'off';
  if (mode === 'off' || !sessionId) return Promise.resolve();
  const form = $('#check-in-form');
  const contact = $('#check-in-contact');
  const remember = $('#check-in-remember');
  const problem = $('.check-in-problem');
  const saved = localStorage.getItem(rememberedKey(invitation.member.id));
  if (saved !== null && !contact.value) { contact.value = saved; remember.checked = true; }
  const goal = invitation.care.lastGoal;
  $('.last-goal').hidden = !goal;
  if (goal) $('.last-goal-text').textContent = goal.text;
  $('#check-in-skip').hidden = mode !== 'optional';
  problem.hidden = true;
  show('check-in');

  return new Promise((resolve) => {
    $('#check-in-skip').onclick = () => resolve();
    form.onsubmit = async (event) => {
      event.preventDefault();
      problem.hidden = true;
      const review = document.querySelector('input[name="goalReview"]:checked')?.value;
      try {
        await api('POST', `/invitations/${encodeURIComponent(token)}/check-ins`, {
          sessionId,
          location: $('#check-in-location').value,
          phone: $('#check-in-phone').value,
          emergencyContact: contact.value.trim() || undefined,
          privateSpace: $('#check-in-private').checked,
          goalReview: goal ? review : undefined,
        });
      } catch (e) {
        problem.textContent = e.message;
        problem.hidden = false;
        if (e.field) form.querySelector(`[name="${e.field}"]`)?.focus();
        return;
      }
      if (remember.checked && contact.value.trim()) localStorage.setItem(rememberedKey(invitation.member.id), contact.value.trim());
      else localStorage.removeItem(rememberedKey(invitation.member.id));
      resolve();
    };
  });
}
