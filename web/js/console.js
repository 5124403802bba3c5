// The facilitator's console: setup and sign-in, groups, members, agreements, sessions.
// The live controls are in console-live.js.
import { api } from './api.js';
import { $, el, show, announce } from './dom.js';
import { startLive } from './console-live.js';
import { showCare, newGroupCare } from './console-care.js';
import { localize, t, dateTime, clock, zone } from './strings.js';

localize();

const session = { token: sessionStorage.getItem('circle.token'), group: null };
const call = (method, path, body) => api(method, path, body, session.token);

function problem(e) {
  const box = $('.problem');
  box.textContent = e.message;
  box.hidden = false;
  if (e.code === 'UNAUTHENTICATED') { sessionStorage.removeItem('circle.token'); session.token = null; show('login'); }
}
const clearProblem = () => { $('.problem').hidden = true; };
const form = (id, handler) => $(id).addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem();
  try { await handler(Object.fromEntries(new FormData(event.target)), event.target); } catch (e) { problem(e); }
});

// A reload during a live session comes back to it: the console is rebuilt from what the server sends.
const LIVE = 'circle.console.live';

async function boot() {
  const was = JSON.parse(sessionStorage.getItem(LIVE) ?? 'null');
  if (session.token && was) { await resumeLive(was).catch(() => groups()); return; }
  if (session.token) { await groups(); return; }
  const { setUp } = await api('GET', '/setup');
  show(setUp ? 'login' : 'setup');
}

form('#setup-form', async (data) => {
  await api('POST', '/setup', data);
  await signIn(data.email, data.password);
});
form('#login-form', async (data) => signIn(data.email, data.password));

async function signIn(email, password) {
  const login = await api('POST', '/auth/login', { email, password });
  session.token = login.token;
  sessionStorage.setItem('circle.token', login.token);
  await groups();
}

$('#logout').addEventListener('click', async () => {
  await call('POST', '/auth/logout').catch(() => {});
  sessionStorage.removeItem('circle.token');
  session.token = null;
  show('login');
});

async function groups() {
  const list = await call('GET', '/groups').catch((e) => { problem(e); return null; });
  if (!list) return;
  $('.group-list').replaceChildren(...list.map((g) => el('li', {}, el('button', { type: 'button', class: 'link', onclick: () => openGroup(g.id) }, g.name))));
  if (list.length === 0) $('.group-list').append(el('li', { class: 'quiet', text: t('groups.none') }));
  show('groups');
}

form('#group-form', async (data, target) => {
  const g = await call('POST', '/groups', { name: data.name });
  await newGroupCare(g.id, data.checkIn, call);
  target.reset();
  await openGroup(g.id);
});

async function openGroup(id) {
  const g = await call('GET', `/groups/${id}`);
  session.group = g;
  $('.group-title').textContent = g.name;
  $('.new-link').textContent = '';
  facilitators();
  await Promise.all([members(), documents(), sessions(), showCare(g, call)]);
  show('group');
}

function facilitators() {
  const list = session.group.facilitators;
  $('.facilitator-list').replaceChildren(...list.map((f) => el('li', {},
    el('span', { text: `${f.displayName} (${f.email})` }), ' ',
    list.length > 1 ? el('button', { type: 'button', onclick: () => removeFacilitator(f) }, t('group.removeFacilitator', { name: f.displayName })) : null)));
}

async function reloadGroup() {
  session.group = await call('GET', `/groups/${session.group.id}`);
  facilitators();
}

async function removeFacilitator(f) {
  if (!confirm(t('group.removeFacilitatorConfirm', { name: f.displayName }))) return;
  try {
    await call('DELETE', `/groups/${session.group.id}/facilitators/${f.id}`);
    announce(t('group.facilitatorRemoved', { name: f.displayName }));
    await reloadGroup().catch(() => groups());
  } catch (e) { problem(e); }
}

form('#co-facilitator-form', async (data, target) => {
  await call('POST', `/groups/${session.group.id}/facilitators`, { email: data.email });
  target.reset();
  announce(t('group.coFacilitatorAdded'));
  await reloadGroup();
});

form('#colleague-form', async (data, target) => {
  await call('POST', '/facilitators', { email: data.email, displayName: data.displayName, password: data.password });
  await call('POST', `/groups/${session.group.id}/facilitators`, { email: data.email });
  target.reset();
  announce(t('group.colleagueAdded', { name: data.displayName }));
  await reloadGroup();
});

async function members() {
  const list = await call('GET', `/groups/${session.group.id}/members`);
  $('.members tbody').replaceChildren(...list.map((m) => el('tr', {},
    el('td', { text: m.displayName }),
    el('td', { text: m.revoked ? '—' : m.consent === 'complete' ? t('members.complete') : t('members.missing') }),
    el('td', { text: m.revoked ? t('members.revoked') : t('members.active') }),
    el('td', {}, m.revoked ? null : el('button', { type: 'button', onclick: () => reissue(m) }, t('members.newLink', { name: m.displayName })),
      m.revoked ? null : el('button', { type: 'button', onclick: () => revoke(m) }, t('members.revoke', { name: m.displayName }))))));
}

/** Links are never stored, so "show the link again" makes a new one; the old one stops working, and the facilitator is told. */
async function reissue(m) {
  if (!confirm(t('members.newLinkConfirm', { name: m.displayName }))) return;
  const again = await call('POST', `/groups/${session.group.id}/members/${m.id}/invitation`).catch(problem);
  if (again) showLink(again, t('members.newLinkShown', { name: again.displayName }));
}

/** An invitation link with a Copy button whose result is shown on the page, not only announced. */
function showLink(m, label) {
  const link = el('input', { readonly: true, value: m.invitation.url, class: 'invitation-link', 'aria-label': t('members.linkLabel', { name: m.displayName }) });
  const status = el('span', { class: 'copy-status' }); // inside the .new-link status region
  const copied = (text) => { status.textContent = text; announce(text); };
  const copy = () => {
    const write = navigator.clipboard?.writeText(m.invitation.url);
    if (!write) { link.select(); copied(t('members.copyYourself')); return; }
    write.then(() => copied(t('members.copied', { name: m.displayName })), () => { link.select(); copied(t('members.copyRefused')); });
  };
  $('.new-link').replaceChildren(el('span', { text: label }), link, el('button', { type: 'button', onclick: copy }, t('members.copy')), ' ', status);
  link.focus();
  link.select();
}

async function revoke(m) {
  if (!confirm(t('members.revokeConfirm', { name: m.displayName }))) return;
  await call('DELETE', `/groups/${session.group.id}/members/${m.id}`).catch(problem);
  await members();
}

form('#member-form', async (data, target) => {
  const m = await call('POST', `/groups/${session.group.id}/members`, { displayName: data.displayName });
  target.reset();
  showLink(m, t('members.invited', { name: m.displayName }));
  await members();
});

async function documents() {
  const list = await call('GET', `/groups/${session.group.id}/consent-documents`);
  session.documents = list;
  $('.documents-list').replaceChildren(...list.map((d) => el('li', { text: t(d.required ? 'documents.requiredItem' : 'documents.item', { title: d.title, kind: d.kind, version: d.version }) })));
  // "A new version of …" offers the agreements there are; with none, only a new one can be made.
  const latest = new Map();
  for (const d of list) if (!latest.has(d.kind) || latest.get(d.kind).version < d.version) latest.set(d.kind, d);
  const of = $('#document-form select[name=of]');
  of.replaceChildren(...[...latest.values()].map((d) => el('option', { value: d.kind, text: t('documents.version', { title: d.title, version: d.version }) })));
  $('#document-form .version-choice').hidden = latest.size === 0;
  $('#document-form input[value=new]').checked = true;
}

/**
 * The kind a new agreement gets: a slug of its title that no agreement of the group has yet, so
 * that a second agreement can never silently become a new version of the first.
 */
function newKind(title, documents) {
  const base = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 34) || 'agreement';
  const taken = new Set(documents.map((d) => d.kind));
  let kind = base;
  for (let n = 2; taken.has(kind); n++) kind = `${base}-${n}`;
  return kind;
}

form('#document-form', async (data, target) => {
  const path = `/groups/${session.group.id}/consent-documents`;
  const kind = data.what === 'version' ? data.of : newKind(data.title, session.documents ?? []);
  const draft = { kind, title: data.title, body: data.body, required: data.required === 'on' };
  const effective = await confirmPublishing(await call('POST', path, { ...draft, dryRun: true }));
  if (!effective) return;
  await call('POST', path, { ...draft, effective });
  target.reset();
  announce(t('documents.published'));
  await Promise.all([documents(), members()]);
});

/** Tells the facilitator what publishing will do; resolves to "now", "next-session" or null (not now). */
function confirmPublishing(preview) {
  const dialog = $('#publish-preview');
  const where = { admitted: t('documents.inSession'), waiting: t('documents.inWaiting') };
  const losing = preview.askedAgain.filter((a) => a.loses);
  $('.preview-summary').textContent = preview.required
    ? t('documents.previewRequired', { version: preview.version, n: losing.length, back: preview.sentBack })
    : t('documents.previewOptional', { version: preview.version });
  $('.preview-people').replaceChildren(...losing.map((a) => el('li', { text: `${a.displayName}${where[a.inSession] ?? ''}` })));
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.onclose = () => resolve(dialog.returnValue === 'publish' ? dialog.querySelector('input[name=effective]:checked').value : null);
  });
}

/** Downloads a CSV answer of the API under a file name a person recognises. */
async function download(path, name) {
  const response = await fetch(`/api${path}`, { headers: { Accept: 'text/csv', Authorization: `Bearer ${session.token}` } });
  if (!response.ok) { problem(new Error(t('download.failed'))); return; }
  const url = URL.createObjectURL(await response.blob());
  el('a', { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

$('#export-csv').addEventListener('click', () => download(`/groups/${session.group.id}/consent-records`, `consent-records-${session.group.name}.csv`));
$('#attendance-csv').addEventListener('click', () => download(`/sessions/${session.attended.id}/attendance`, `attendance-${session.attended.title}.csv`));

async function sessions() {
  const list = await call('GET', `/groups/${session.group.id}/sessions`);
  $('.session-list').replaceChildren(...list.map((s) => el('li', {},
    el('span', { text: `${s.title} · ${dateTime(s.startsAt)} · ${t('sessions.minutes', { n: s.minutes })} · ${t(`sessions.state.${s.state}`)} · ${s.media === 'sfu' ? t('sessions.sfu') : t('sessions.mesh')}` }), ' ',
    ...sessionActions(s))));
}

function sessionActions(s) {
  if (s.state === 'ended') return [el('button', { type: 'button', onclick: () => attendance(s) }, t('sessions.attendance', { title: s.title }))];
  const change = (label, work) => el('button', { type: 'button', onclick: () => work().then(sessions).catch(problem) }, label);
  const remove = change(t('sessions.delete', { title: s.title }), async () => {
    if (confirm(t('sessions.deleteConfirm', { title: s.title }))) await call('DELETE', `/sessions/${s.id}`);
  });
  if (s.state === 'cancelled') return [remove];
  const planned = s.state === 'scheduled';
  return [
    el('button', { type: 'button', class: 'primary', onclick: () => live(s) }, t('sessions.start', { title: s.title })),
    planned ? change(t('sessions.change', { title: s.title }), () => editSession(s)) : null,
    planned ? change(t('sessions.cancel', { title: s.title }), async () => {
      if (confirm(t('sessions.cancelConfirm', { title: s.title }))) await call('POST', `/sessions/${s.id}/cancel`);
    }) : null,
    planned ? remove : null,
  ];
}

/** The change dialog, filled with the session as planned; resolves once saved (or left as it was). */
function editSession(s) {
  const dialog = $('#session-edit');
  const f = $('#session-edit-form').elements;
  const local = new Date(new Date(s.startsAt).getTime() - new Date(s.startsAt).getTimezoneOffset() * 60000);
  f.title.value = s.title;
  f.startsAt.value = local.toISOString().slice(0, 16);
  f.minutes.value = s.minutes;
  dialog.showModal();
  return new Promise((resolve, reject) => {
    dialog.onclose = () => {
      if (dialog.returnValue !== 'save') { resolve(); return; }
      call('PATCH', `/sessions/${s.id}`, { title: f.title.value, startsAt: new Date(f.startsAt.value).toISOString(), minutes: Number(f.minutes.value) })
        .then(() => { announce(t('sessions.changed', { title: f.title.value })); resolve(); }, reject);
    };
  });
}

form('#session-form', async (data, target) => {
  await call('POST', `/groups/${session.group.id}/sessions`, {
    title: data.title, startsAt: new Date(data.startsAt).toISOString(), minutes: Number(data.minutes),
    turnSeconds: data.turnSeconds ? Number(data.turnSeconds) : undefined, media: data.media || undefined,
  });
  target.reset();
  await sessions();
});

async function live(s) {
  $('.live-title').textContent = s.title;
  $('#turn-seconds').value = s.turnSeconds;
  show('live');
  sessionStorage.setItem(LIVE, JSON.stringify({ group: session.group.id, session: s.id }));
  const over = () => { sessionStorage.removeItem(LIVE); attendance(s); };
  try {
    await startLive(s, () => call('POST', `/sessions/${s.id}/tickets`).then((answer) => answer.ticket), over);
  } catch (e) {
    sessionStorage.removeItem(LIVE);
    problem(e);
    await openGroup(session.group.id);
  }
}

async function resumeLive(was) {
  await openGroup(was.group);
  const s = (await call('GET', `/groups/${was.group}/sessions`)).find((x) => x.id === was.session);
  if (!s || s.state === 'ended' || s.state === 'cancelled') { sessionStorage.removeItem(LIVE); return; }
  await live(s);
}

async function attendance(s) {
  session.attended = s;
  const rows = await call('GET', `/sessions/${s.id}/attendance`);
  const time = (t) => (t ? clock(t) : '—');
  $('.attendance-zone').textContent = `(${zone()})`;
  $('.attendance tbody').replaceChildren(...rows.map((r) => el('tr', {},
    el('td', { text: r.displayName }), el('td', { text: String(r.stint) }), el('td', { text: t(`attendance.outcome.${r.outcome}`) }), el('td', { text: time(r.waitingSince) }),
    el('td', { text: time(r.admittedAt) }), el('td', { text: time(r.leftAt) }), el('td', { text: String(r.floorSeconds) }), el('td', { text: String(r.turns) }),
    el('td', { text: String(r.speakingSeconds ?? 0) }))));
  show('attendance');
}

for (const b of document.querySelectorAll('.back-to-groups')) b.addEventListener('click', () => groups());
for (const b of document.querySelectorAll('.back-to-group')) b.addEventListener('click', () => openGroup(session.group.id));
boot().catch(problem);
