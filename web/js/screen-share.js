// Screen sharing (protocol v1.1): facilitators may share at any time, anyone else while they hold
// the floor. The server decides (self.media {screen}); this page asks the browser for a screen only
// when the button is shown, and stops sharing by itself when the roster says the share has ended
// (the floor moved on). Shared screens show large, above the faces, each captioned with whose it is.
import { $, el, announce } from './dom.js';
import { t } from './strings.js';

export class ScreenShare {
  /** {@code media}: the Mesh or Sfu of the view; {@code notice(text)}: the view's own notice line. */
  constructor(root, live, media, notice) {
    this.root = root;
    this.live = live;
    this.media = media;
    this.notice = notice;
    this.stream = null; // what this page shares, once the server agreed
    this.starting = false;
    this.received = new Map(); // participant -> their shared screen's stream
    this.button = el('button', { type: 'button', class: 'share', hidden: true, onclick: () => this.#toggle() }, t('share.start'));
    media.addEventListener('screen', ({ detail: { id, stream } }) => {
      if (stream) this.received.set(id, stream); else this.received.delete(id);
      this.render(this.participants ?? []);
    });
  }

  /** Whether this person may share now, as the server decides it: a facilitator, or the floor holder. */
  #allowed(participants, floor) {
    const me = participants.find((p) => p.id === this.live.me.id);
    return Boolean(me) && (me.role === 'facilitator' || floor.participant === me.id);
  }

  render(participants, floor = this.floor ?? {}) {
    this.participants = participants;
    this.floor = floor;
    const mine = participants.find((p) => p.id === this.live.me.id);
    // The server ended our share (the floor moved on): the browser stops capturing too.
    if (this.stream && !this.starting && mine && !mine.screen) this.#end(t('share.floorMoved'));
    this.button.hidden = !this.stream && !this.#allowed(participants, floor);
    this.button.textContent = this.stream ? t('share.stop') : this.starting ? t('share.starting') : t('share.start');
    this.button.setAttribute('aria-pressed', String(Boolean(this.stream)));
    this.#renderScreens(participants);
  }

  #renderScreens(participants) {
    const box = $('.screens', this.root);
    if (!box) return;
    const shown = [];
    for (const p of participants) {
      const mine = p.id === this.live.me.id;
      const stream = mine ? this.stream : p.screen ? this.received.get(p.id) : null;
      if (stream) shown.push({ p, mine, stream });
    }
    const seen = new Set(shown.map(({ p }) => p.id));
    for (const tile of [...box.children]) if (!seen.has(tile.dataset.screen)) tile.remove();
    for (const { p, mine, stream } of shown) {
      let tile = box.querySelector(`[data-screen="${CSS.escape(p.id)}"]`);
      if (!tile) {
        tile = el('figure', { class: 'screen-tile', 'data-screen': p.id }, el('video', { playsinline: true, muted: true }), el('figcaption'));
        box.append(tile);
      }
      tile.querySelector('figcaption').textContent = mine ? t('share.yours') : t('share.theirs', { name: p.displayName });
      const video = tile.querySelector('video');
      video.muted = true;
      if (video.srcObject !== stream) {
        video.srcObject = stream;
        video.play().catch(() => {}); // muted video may always play
      }
    }
    box.hidden = shown.length === 0;
  }

  async #toggle() {
    if (this.stream) { this.#end(null, true); return; }
    if (this.starting) return;
    this.starting = true;
    this.render(this.participants);
    let stream = null;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      await this.live.call('self.media', { screen: true });
      this.stream = stream;
      stream.getVideoTracks()[0].addEventListener('ended', () => this.#end(null, true)); // the browser's own "Stop sharing"
      this.media.shareScreen(stream);
      announce(t('share.announced'));
    } catch (e) {
      stream?.getTracks().forEach((t) => t.stop());
      // Choosing nothing in the browser's picker is no error worth a notice.
      if (e.name !== 'NotAllowedError' && e.name !== 'AbortError') this.notice(e.message);
    } finally {
      this.starting = false;
      this.render(this.participants);
    }
  }

  /** Stops capturing and sending; {@code tell}: the server does not know yet (this page stopped it). */
  #end(why, tell = false) {
    const stream = this.stream;
    if (!stream) return;
    this.stream = null;
    this.media.stopScreen();
    stream.getTracks().forEach((t) => t.stop());
    if (tell) this.live.call('self.media', { screen: false }).catch(() => { /* a lost socket ends it on the server's side */ });
    if (why) this.notice(why);
    this.render(this.participants);
  }

  close() { this.#end(null, true); }
}
