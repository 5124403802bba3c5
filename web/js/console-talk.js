// Talk time for the facilitator's eyes only (v1.1 extension `talk.time`): how long each person has
// been heard and has held the floor, so that the one who has gone quiet is noticed. The server
// sends totals when they change; while someone speaks, their line counts up here between frames.
import { $, el } from './dom.js';

const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

export function talkTime(live, nameOf) {
  let entries = [];
  let receivedAt = 0;
  const render = () => {
    const elapsed = (performance.now() - receivedAt) / 1000;
    $('.talk-empty').hidden = entries.length > 0;
    $('.talk-time').replaceChildren(...entries.map((t) => el('li', { 'data-id': t.participant, class: t.speaking ? 'speaking-now' : '' },
      el('span', { text: nameOf(t.participant) }), ' · ',
      el('span', { class: 'talk-seconds', 'data-seconds': String(Math.floor(t.speakingSeconds + (t.speaking ? elapsed : 0))),
        text: `talked ${clock(t.speakingSeconds + (t.speaking ? elapsed : 0))}` }), ' · ',
      el('span', { class: 'floor-seconds', text: `floor ${clock(t.floorSeconds)}` }),
      t.speaking ? el('span', { class: 'quiet', text: ' · speaking' }) : null)));
  };
  live.addEventListener('talk.time', (e) => { entries = e.detail.participants; receivedAt = performance.now(); render(); });
  live.addEventListener('roster', () => render()); // names arrive with the roster
  const timer = setInterval(() => { if (entries.some((t) => t.speaking)) render(); }, 1000);
  live.addEventListener('closed', () => clearInterval(timer));
}
