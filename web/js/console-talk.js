// Talk time for the facilitator's eyes only (v1.1 extension `talk.time`): how long each person has
// been heard and has held the floor, so that the one who has gone quiet is noticed. The server
// sends totals when they change; while someone speaks, their row counts up here between frames.
// Rows are updated in place, in fixed-width figures, so that the console never jumps under a click.
import { $, el } from './dom.js';
import { t as word } from './strings.js';

const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

export function talkTime(live, nameOf) {
  let entries = [];
  let receivedAt = 0;
  const body = $('.talk-time tbody');
  const render = () => {
    const elapsed = (performance.now() - receivedAt) / 1000;
    $('.talk-empty').hidden = entries.length > 0;
    const rows = new Map([...body.children].map((tr) => [tr.dataset.id, tr]));
    entries.forEach((t, i) => {
      let tr = rows.get(t.participant);
      if (!tr) tr = el('tr', { 'data-id': t.participant }, el('th', { scope: 'row' }), el('td', { class: 'talk-seconds' }), el('td', { class: 'floor-seconds' }), el('td', { class: 'talk-now' }));
      if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] ?? null);
      rows.delete(t.participant);
      const talked = Math.floor(t.speakingSeconds + (t.speaking ? elapsed : 0));
      tr.cells[0].textContent = nameOf(t.participant);
      tr.cells[1].textContent = clock(talked);
      tr.cells[1].dataset.seconds = String(talked);
      tr.cells[2].textContent = clock(t.floorSeconds);
      tr.cells[3].textContent = t.speaking ? word('view.speaking') : '';
    });
    for (const gone of rows.values()) gone.remove();
  };
  live.addEventListener('talk.time', (e) => { entries = e.detail.participants; receivedAt = performance.now(); render(); });
  live.addEventListener('roster', () => render()); // names arrive with the roster
  const timer = setInterval(() => { if (entries.some((t) => t.speaking)) render(); }, 1000);
  live.addEventListener('closed', () => clearInterval(timer));
}
