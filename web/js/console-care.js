// The console's care section for a group (docs/protocol.md, v1.1 §2): the check-in setting,
// the crisis text and the grace period; each session's check-out averages, a trend chart the
// page draws itself as SVG, and the answers of one session.
import { $, el, announce } from './dom.js';
import { t, date } from './strings.js';

const RATINGS = [
  ['connection', t('care.connected')], ['topics', t('care.topics')], ['approach', t('care.approach')], ['overall', t('care.overall')],
];
const SVG = 'http://www.w3.org/2000/svg';
const format = (n) => (n == null ? '—' : n.toFixed(1));

/** A group made in the console gets the check-in its facilitator chose (the form offers "required"). */
export async function newGroupCare(groupId, checkIn, call) {
  if (checkIn) await call('PATCH', `/groups/${groupId}`, { checkIn });
}

export async function showCare(group, call) {
  const form = $('#care-form');
  form.elements.checkIn.value = group.checkIn;
  form.elements.crisisText.value = group.crisisText ?? '';
  form.elements.facilitatorGraceSeconds.value = group.facilitatorGraceSeconds;
  $('.care-saved').textContent = '';
  form.onsubmit = async (event) => {
    event.preventDefault();
    try {
      const saved = await call('PATCH', `/groups/${group.id}`, {
        checkIn: form.elements.checkIn.value,
        crisisText: form.elements.crisisText.value,
        facilitatorGraceSeconds: Number(form.elements.facilitatorGraceSeconds.value),
      });
      Object.assign(group, saved);
      $('.care-saved').textContent = t('care.saved');
    } catch (e) {
      $('.care-saved').textContent = e.message;
    }
  };
  const trend = await call('GET', `/groups/${group.id}/check-outs`);
  $('.care-averages tbody').replaceChildren(...trend.map((s) => el('tr', {},
    el('td', { text: `${s.title} · ${date(s.startsAt)}` }),
    el('td', { text: String(s.averages.count) }),
    ...RATINGS.map(([key]) => el('td', { text: format(s.averages[key]) })),
    el('td', {}, s.averages.count ? el('button', { type: 'button', onclick: () => answers(s, call) }, t('care.checkOutsFor', { title: s.title })) : null))));
  $('.care-averages').hidden = trend.length === 0;
  $('.care-trend').replaceChildren(trend.some((s) => s.averages.count) ? chart(trend) : el('p', { class: 'quiet', text: t('care.noCheckOuts') }));
  $('.care-answers').replaceChildren();
}

async function answers(s, call) {
  const all = await call('GET', `/sessions/${s.sessionId}/check-outs`);
  const box = $('.care-answers');
  box.replaceChildren(el('h3', { text: t('care.checkOutsFor', { title: s.title }) }),
    el('ul', {}, ...all.answers.map((a) => el('li', {},
      el('strong', { text: a.memberName ?? t('care.aMember') }), ' ',
      el('span', { text: RATINGS.map(([key, label]) => `${label} ${a.ratings[key]}`).join(' · ') }),
      a.comment ? el('p', { text: t('care.comment', { text: a.comment }) }) : null,
      a.goal ? el('p', { text: t('care.willTry', { text: a.goal }) }) : null))));
  box.focus();
  announce(t('care.answersAnnounced', { n: all.answers.length, title: s.title }));
}

const svg = (tag, attributes = {}) => {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
};

/** One line per rating over the sessions that have answers; the table above carries the same figures. */
function chart(trend) {
  const rated = trend.filter((s) => s.averages.count);
  const width = 560;
  const height = 220;
  const pad = { left: 32, right: 12, top: 12, bottom: 28 };
  const x = (i) => pad.left + (rated.length === 1 ? (width - pad.left - pad.right) / 2 : i * (width - pad.left - pad.right) / (rated.length - 1));
  const y = (v) => pad.top + (10 - v) * (height - pad.top - pad.bottom) / 10;
  const last = rated[rated.length - 1];
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'trend-chart', 'aria-labelledby': 'trend-title trend-desc' });
  const title = svg('title', { id: 'trend-title' });
  title.textContent = t('care.chartTitle');
  const desc = svg('desc', { id: 'trend-desc' });
  desc.textContent = t('care.chartDesc', { n: rated.length, first: format(rated[0].averages.overall), last: format(last.averages.overall), title: last.title });
  root.append(title, desc);
  for (const v of [0, 5, 10]) {
    root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid-line' }));
    const label = svg('text', { x: pad.left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' });
    label.textContent = String(v);
    root.append(label);
  }
  rated.forEach((s, i) => {
    const label = svg('text', { x: x(i), y: height - 8, class: 'axis', 'text-anchor': 'middle' });
    label.textContent = s.title.length > 14 ? `${s.title.slice(0, 13)}…` : s.title;
    root.append(label);
  });
  for (const [key, name] of RATINGS) {
    const points = rated.map((s, i) => `${x(i)},${y(s.averages[key])}`).join(' ');
    root.append(svg('polyline', { points, class: `series series-${key}`, 'data-rating': key }));
    rated.forEach((s, i) => {
      const dot = svg('circle', { cx: x(i), cy: y(s.averages[key]), r: 3.5, class: `series-${key}` });
      const tip = svg('title');
      tip.textContent = `${s.title}: ${name} ${format(s.averages[key])}`;
      dot.append(tip);
      root.append(dot);
    });
  }
  const legend = el('p', { class: 'trend-legend' }, ...RATINGS.map(([key, name]) => el('span', { class: `legend legend-${key}`, text: name })));
  return el('figure', { class: 'trend' }, root, legend);
}
