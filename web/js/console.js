// The facilitator's console: setup and sign-in, groups, members, agreements, sessions.
// The live controls are in console-live.js.
import { api } from './api.js';
import { $, el, show, announce } from './dom.js';
import { startLive } from './console-live.js';
import { showCare, newGroupCare } from './console-care.js';

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

async function boot() {
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
  if (list.length === 0) $('.group-list').append(el('li', { class: 'quiet', text: 'No groups yet.' }));
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
    list.length > 1 ? el('button', { type: 'button', onclick: () => removeFacilitator(f) }, `Remove ${f.displayName} as facilitator`) : null)));
}

async function reloadGroup() {
  session.group = await call('GET', `/groups/${session.group.id}`);
  facilitators();
}

async function removeFacilitator(f) {
  if (!confirm(`Remove ${f.displayName} from this group's facilitators? They will no longer see the group.`)) return;
  try {
    await call('DELETE', `/groups/${session.group.id}/facilitators/${f.id}`);
    announce(`${f.displayName} removed.`);
    await reloadGroup().catch(() => groups());
  } catch (e) { problem(e); }
}

form('#co-facilitator-form', async (data, target) => {
  await call('POST', `/groups/${session.group.id}/facilitators`, { email: data.email });
  target.reset();
  announce('Co-facilitator added.');
  await reloadGroup();
});

form('#colleague-form', async (data, target) => {
  await call('POST', '/facilitators', { email: data.email, displayName: data.displayName, password: data.password });
  await call('POST', `/groups/${session.group.id}/facilitators`, { email: data.email });
  target.reset();
  announce(`${data.displayName} can now sign in and facilitate this group.`);
  await reloadGroup();
});

async function members() {
  const list = await call('GET', `/groups/${session.group.id}/members`);
  $('.members tbody').replaceChildren(...list.map((m) => el('tr', {},
    el('td', { text: m.displayName }),
    el('td', { text: m.revoked ? '—' : m.consent === 'complete' ? 'Complete' : 'Missing' }),
    el('td', { text: m.revoked ? 'Revoked' : 'Active' }),
    el('td', {}, m.revoked ? null : el('button', { type: 'button', onclick: () => reissue(m) }, `New link for ${m.displayName}`),
      m.revoked ? null : el('button', { type: 'button', onclick: () => revoke(m) }, `Revoke ${m.displayName}`)))));
}

/** Links are never stored, so "show the link again" makes a new one; the old one stops working, and the facilitator is told. */
async function reissue(m) {
  if (!confirm(`Make a new invitation link for ${m.displayName}? Their old link stops working at once; if they are in a session now, they stay.`)) return;
  const again = await call('POST', `/groups/${session.group.id}/members/${m.id}/invitation`).catch(problem);
  if (again) showLink(again, `New invitation link for ${again.displayName} (the old one no longer works): `);
}

/** An invitation link with a Copy button whose result is shown on the page, not only announced. */
function showLink(m, label) {
  const link = el('input', { readonly: true, value: m.invitation.url, class: 'invitation-link', 'aria-label': `Invitation link for ${m.displayName}` });
  const status = el('span', { class: 'copy-status' }); // inside the .new-link status region
  const copied = (text) => { status.textContent = text; announce(text); };
  const copy = () => {
    const write = navigator.clipboard?.writeText(m.invitation.url);
    if (!write) { link.select(); copied('Select the link and copy it (your browser does not let the page copy).'); return; }
    write.then(() => copied(`Link for ${m.displayName} copied.`), () => { link.select(); copied('Copying was not allowed: the link is selected, copy it with Ctrl+C.'); });
  };
  $('.new-link').replaceChildren(el('span', { text: label }), link, el('button', { type: 'button', onclick: copy }, 'Copy link'), ' ', status);
  link.focus();
  link.select();
}

async function revoke(m) {
  if (!confirm(`Revoke ${m.displayName}'s invitation? They will be disconnected at once.`)) return;
  await call('DELETE', `/groups/${session.group.id}/members/${m.id}`).catch(problem);
  await members();
}

form('#member-form', async (data, target) => {
  const m = await call('POST', `/groups/${session.group.id}/members`, { displayName: data.displayName });
  target.reset();
  showLink(m, `Invitation for ${m.displayName} (shown once; "New link" makes another): `);
  await members();
});

async function documents() {
  const list = await call('GET', `/groups/${session.group.id}/consent-documents`);
  $('.documents-list').replaceChildren(...list.map((d) => el('li', { text: `${d.title} (${d.kind}, version ${d.version}${d.required ? ', required' : ''})` })));
}

form('#document-form', async (data, target) => {
  const path = `/groups/${session.group.id}/consent-documents`;
  const draft = { kind: data.kind, title: data.title, body: data.body, required: data.required === 'on' };
  const effective = await confirmPublishing(await call('POST', path, { ...draft, dryRun: true }));
  if (!effective) return;
  await call('POST', path, { ...draft, effective });
  target.reset();
  announce('Agreement published.');
  await Promise.all([documents(), members()]);
});

/** Tells the facilitator what publishing will do; resolves to "now", "next-session" or null (not now). */
function confirmPublishing(preview) {
  const dialog = $('#publish-preview');
  const where = { admitted: ' (in the session now)', waiting: ' (in the waiting room now)' };
  const losing = preview.askedAgain.filter((a) => a.loses);
  $('.preview-summary').textContent = preview.required
    ? `This publishes version ${preview.version}. ${losing.length} member(s) will have to agree again before they can join; ${preview.sentBack} of them would go back to the waiting room at once if it applies now.`
    : `This publishes version ${preview.version}. It is optional: nobody loses access, and members are asked the next time they look.`;
  $('.preview-people').replaceChildren(...losing.map((a) => el('li', { text: `${a.displayName}${where[a.inSession] ?? ''}` })));
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.onclose = () => resolve(dialog.returnValue === 'publish' ? dialog.querySelector('input[name=effective]:checked').value : null);
  });
}

/** Downloads a CSV answer of the API under a file name a person recognises. */
async function download(path, name) {
  const response = await fetch(`/api${path}`, { headers: { Accept: 'text/csv', Authorization: `Bearer ${session.token}` } });
  if (!response.ok) { problem(new Error('The file could not be downloaded.')); return; }
  const url = URL.createObjectURL(await response.blob());
  el('a', { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

$('#export-csv').addEventListener('click', () => download(`/groups/${session.group.id}/consent-records`, `consent-records-${session.group.name}.csv`));
$('#attendance-csv').addEventListener('click', () => download(`/sessions/${session.attended.id}/attendance`, `attendance-${session.attended.title}.csv`));

async function sessions() {
  const list = await call('GET', `/groups/${session.group.id}/sessions`);
  $('.session-list').replaceChildren(...list.map((s) => el('li', {},
    el('span', { text: `${s.title} · ${new Date(s.startsAt).toLocaleString()} · ${s.minutes} min · ${s.state} · ${s.media === 'sfu' ? 'through the media server' : 'browser to browser'}` }), ' ',
    ...sessionActions(s))));
}

function sessionActions(s) {
  if (s.state === 'ended') return [el('button', { type: 'button', onclick: () => attendance(s) }, `Attendance for ${s.title}`)];
  const change = (label, work) => el('button', { type: 'button', onclick: () => work().then(sessions).catch(problem) }, label);
  const remove = change(`Delete ${s.title}`, async () => {
    if (confirm(`Delete ${s.title}? It disappears from the calendar and from members' pages.`)) await call('DELETE', `/sessions/${s.id}`);
  });
  if (s.state === 'cancelled') return [remove];
  const planned = s.state === 'scheduled';
  return [
    el('button', { type: 'button', class: 'primary', onclick: () => live(s) }, `Start ${s.title}`),
    planned ? change(`Change ${s.title}`, () => editSession(s)) : null,
    planned ? change(`Cancel ${s.title}`, async () => {
      if (confirm(`Cancel ${s.title}? Members will see that it is cancelled and cannot join it.`)) await call('POST', `/sessions/${s.id}/cancel`);
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
        .then(() => { announce(`${f.title.value} changed.`); resolve(); }, reject);
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
  try {
    await startLive(s, () => call('POST', `/sessions/${s.id}/tickets`).then((t) => t.ticket), () => attendance(s));
  } catch (e) {
    problem(e);
    await openGroup(session.group.id);
  }
}

async function attendance(s) {
  session.attended = s;
  const rows = await call('GET', `/sessions/${s.id}/attendance`);
  const time = (t) => (t ? new Date(t).toLocaleTimeString() : '—');
  $('.attendance tbody').replaceChildren(...rows.map((r) => el('tr', {},
    el('td', { text: r.displayName }), el('td', { text: String(r.stint) }), el('td', { text: r.outcome }), el('td', { text: time(r.waitingSince) }),
    el('td', { text: time(r.admittedAt) }), el('td', { text: time(r.leftAt) }), el('td', { text: String(r.floorSeconds) }), el('td', { text: String(r.turns) }),
    el('td', { text: String(r.speakingSeconds ?? 0) }))));
  show('attendance');
}

for (const b of document.querySelectorAll('.back-to-groups')) b.addEventListener('click', () => groups());
for (const b of document.querySelectorAll('.back-to-group')) b.addEventListener('click', () => openGroup(session.group.id));
boot().catch(problem);
