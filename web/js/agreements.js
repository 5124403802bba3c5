// The group's agreements as a member sees them: read, agree, decline, and withdraw at any time.
// Used by the join step and by the dialog reachable from the waiting room and the session.
import { api } from './api.js';
import { el } from './dom.js';
import { t } from './strings.js';

const SAID = { granted: 'agreements.granted', declined: 'agreements.declined', withdrawn: 'agreements.withdrawn', missing: 'agreements.missing' };

/**
 * Renders the agreements into box. `only` limits it to those still needing a decision (a new
 * version asks only for that). `changed` is called after each recorded decision; `stale` when a
 * newer version appeared, so the caller can fetch the invitation again.
 */
export function renderAgreements(box, consents, token, { only = false, changed = () => {}, stale = () => {} } = {}) {
  box.replaceChildren();
  const shown = only ? consents.filter((c) => c.status === 'missing') : consents;
  for (const consent of shown) {
    const d = consent.document;
    const status = el('p', { class: 'decision', role: 'status' });
    const choices = el('div', { class: 'choices' });
    const decide = async (decision) => {
      try {
        await api('POST', `/invitations/${encodeURIComponent(token)}/consents`, { documentId: d.id, decision });
        consent.status = decision;
        refresh();
        changed(consent);
      } catch (e) {
        status.textContent = e.message;
        if (e.code === 'STALE_VERSION') stale();
      }
    };
    const refresh = () => {
      status.textContent = t(SAID[consent.status] ?? SAID.missing);
      choices.replaceChildren(
        el('button', { type: 'button', class: 'agree', disabled: consent.status === 'granted', onclick: () => decide('granted') }, t('agreements.agree')),
        consent.status === 'granted'
          ? el('button', { type: 'button', class: 'withdraw', onclick: () => decide('withdrawn') }, t('agreements.withdraw', { title: d.title }))
          : el('button', { type: 'button', class: 'disagree', disabled: consent.status === 'declined', onclick: () => decide('declined') }, t('agreements.disagree')));
    };
    box.append(el('article', { class: 'document' },
      el('h2', { text: `${d.title}${d.required ? '' : ' (optional)'}${d.version > 1 ? ` (version ${d.version})` : ''}` }),
      el('div', { class: 'document-body', text: d.body, tabindex: '0' }),
      choices, status));
    refresh();
  }
  if (consents.length === 0) box.append(el('p', { text: t('agreements.none') }));
}

/** True when every required agreement is granted: the facilitator can let the member in. */
export const complete = (consents) => consents.filter((c) => c.document.required).every((c) => c.status === 'granted');
