// Talk time for the facilitator's eyes only (v1.1 extension `talk.time`): how long each person has
// been heard and has held the floor, so that the one who has gone quiet is noticed. The server
// sends totals when they change; while someone speaks, their row counts up here between frames.
// A frame comes whenever anyone's figures change, so each speaker's count runs from when this page
// saw their stretch begin, not from the newest frame: counting from the newest frame put a speaker
// back to the stretches already over whenever someone else began or stopped (talk-time flake).
// Rows are updated in place, in fixed-width figures, so that the console never jumps under a click.
import { $, el } from './dom.js';
import { t as word } from './strings.js';

const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

export function talkTime(live, nameOf) {
  let entries = [];
  const since = new Map(); // participant -> when this page saw their present stretch begin
  const body = $('.talk-time tbody');
  const render = () => {
    const now = performance.now();
    $('.talk-empty').hidden = entries.length > 0;
    const rows = new Map([...body.children].map((tr) => [tr.dataset.id, tr]));
    entries.forEach((t, i) => {
      let tr = rows.get(t.participant);
      if (!tr) tr = el('tr', { 'data-id': t.participant }, el('th', { scope: 'row' }), el('td', { class: 'talk-seconds' }), el('td', { class: 'floor-seconds' }), el('td', { class: 'talk-now' }));
      if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] ?? null);
      rows.delete(t.participant);
      const talked = Math.floor(t.speakingSeconds + (t.speaking ? (now - since.get(t.participant)) / 1000 : 0));
      tr.cells[0].textContent = nameOf(t.participant);
      tr.cells[1].textContent = clock(talked);
      tr.cells[1].dataset.seconds = String(talked);
      tr.cells[2].textContent = clock(t.floorSeconds);
      tr.cells[3].textContent = t.speaking ? word('view.speaking') : '';
    });
    for (const gone of rows.values()) gone.remove();
  };
  live.addEventListener('talk.time', (e) => {
    const now = performance.now();
    const before = new Map(entries.map((t) => [t.participant, t]));
    entries = e.detail.participants;
    for (const t of entries) {
      const was = before.get(t.participant);
      // Still speaking with the same total over: the same stretch goes on (a stretch that ended adds to the total or says so).
      const goesOn = t.speaking && was?.speaking && was.speakingSeconds === t.speakingSeconds && since.has(t.participant);
      if (!goesOn) since.set(t.participant, now);
    }
    render();
  });
  live.addEventListener('roster', () => render()); // names arrive with the roster
  const timer = setInterval(() => { if (entries.some((t) => t.speaking)) render(); }, 1000);
  live.addEventListener('closed', () => clearInterval(timer));
}
