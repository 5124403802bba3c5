// The check-out after the session has ended or the member has left (docs/protocol.md, v1.1 §2):
// four ratings from 0 to 10, an optional comment, and what the member will try before next time.
import { api } from './api.js';
import { $, announce } from './dom.js';
import { t } from './strings.js';

const RATINGS = ['connection', 'topics', 'approach', 'overall'];

for (const name of RATINGS) {
  const slider = $(`#rating-${name}`);
  const sync = () => {
    slider.nextElementSibling.value = slider.value;
    slider.setAttribute('aria-valuetext', `${slider.value} out of 10`);
  };
  slider.addEventListener('input', sync);
  sync();
}

/** Shows the form under the ending message when the member may check out of this session. */
export function offerCheckOut(token, sessionId, reason) {
  const form = $('#check-out-form');
  // 'lost': the connection could not be resumed, which is also how a session that ended while the
  // socket was down looks; the server refuses a check-out that is too early (SESSION_NOT_OVER).
  if (!sessionId || !['ended', 'left', 'lost'].includes(reason) || form.dataset.sent === sessionId) return;
  const problem = $('.check-out-problem');
  form.hidden = false;
  form.onsubmit = async (event) => {
    event.preventDefault();
    problem.hidden = true;
    const ratings = Object.fromEntries(RATINGS.map((name) => [name, Number($(`#rating-${name}`).value)]));
    try {
      await api('POST', `/invitations/${encodeURIComponent(token)}/check-outs`, {
        sessionId, ratings,
        comment: $('#check-out-comment').value.trim() || undefined,
        goal: $('#check-out-goal').value.trim() || undefined,
      });
    } catch (e) {
      problem.textContent = e.code === 'SESSION_NOT_OVER' ? t('checkOut.notOver') : e.message;
      problem.hidden = false;
      return;
    }
    form.dataset.sent = sessionId;
    form.hidden = true;
    const goal = $('#check-out-goal').value.trim();
    $('.check-out-done').textContent = goal
      ? t('checkOut.thanksGoal')
      : t('checkOut.thanks');
    announce($('.check-out-done').textContent);
  };
}
