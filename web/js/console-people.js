// The people in the room, as the facilitator acts on them: one menu button on each tile (give the
// floor, mute, ask to unmute, send to the waiting room, message, remove with a reason) instead of a
// row of loose buttons, and the People tab's list of who is here and in what state.
import { $, el } from './dom.js';
import { menuButton } from './menu-button.js';
import { t } from './strings.js';

/**
 * {@code view}: the SessionView (its state is the room now); {@code act(type, fields)} sends a
 * command; {@code message(id)} opens the Messages tab written to that person; {@code who(p)} names them.
 */
export function people(live, view, act, message, who) {
  const grid = $('.grid', view.root);
  const person = (id) => view.state.participants.find((p) => p.id === id);
  const seconds = () => Number($('#turn-seconds').value) || undefined;

  const items = (id) => {
    const p = person(id);
    if (!p) return [{ label: t('console.personGone'), run: () => {} }];
    const name = p.displayName;
    const member = p.role !== 'facilitator';
    return [
      { label: t('console.giveFloor', { name }), run: () => act('floor.grant', { participant: id, seconds: seconds() }) },
      p.audio ? { label: t('console.mute', { name }), run: () => act('mute', { participant: id }) }
        : { label: t('console.askUnmute', { name }), run: () => act('unmute.request', { participant: id }) },
      { label: t('console.messageTo', { name }), run: () => message(id) },
      member ? { label: t('console.toWaiting', { name }), run: () => act('send.to.waiting', { participant: id }) } : null,
      member ? { label: t('console.remove', { name }), danger: true, run: () => confirmRemoval(p, act) } : null,
    ].filter(Boolean);
  };

  // Tiles come and go with the roster (the view makes them): each new one of someone else gets its menu.
  const furnish = () => {
    for (const tile of grid.querySelectorAll('.tile[data-id]:not([data-menu])')) {
      if (tile.dataset.id === live.me.id) continue;
      tile.dataset.menu = 'yes';
      const name = person(tile.dataset.id)?.displayName ?? '';
      tile.append(menuButton(t('console.actionsFor', { name }), () => items(tile.dataset.id)));
    }
  };
  const watch = new MutationObserver(furnish);
  watch.observe(grid, { childList: true });

  live.addEventListener('roster', (e) => {
    furnish();
    const others = e.detail.participants.filter((p) => p.id !== live.me.id);
    $('.people').replaceChildren(...others.map((p) => el('li', { text: `${who(p)} · ${state(p)}` })));
    if (!others.length) $('.people').append(el('li', { class: 'quiet', text: t('console.nobodyInRoom') }));
  });
  live.addEventListener('closed', () => watch.disconnect());
}

const state = (p) => [p.role === 'facilitator' ? t('view.facilitator') : null, p.audio ? t('console.micOn') : t('view.muted'),
  p.video ? t('console.cameraOn') : t('view.cameraOff'), p.hand ? t('view.handRaised') : null,
  p.connected ? null : t('view.reconnecting')].filter(Boolean).join(' · ');

/** Removal asks first and takes a reason, which the member reads on their page. */
function confirmRemoval(p, act) {
  const dialog = $('#remove-dialog');
  $('#remove-dialog-title').textContent = t('console.removeTitle', { name: p.displayName });
  $('#remove-reason').value = '';
  dialog.returnValue = '';
  dialog.showModal();
  dialog.onclose = () => {
    if (dialog.returnValue !== 'remove') return;
    const reason = $('#remove-reason').value.trim();
    act('remove', { participant: p.id, reason: reason || undefined });
  };
}
