// Other people's sound and pictures. A browser may refuse to play sound before the person has
// touched the page; then one visible button plays every tile at once (a click is what it waits for).
import { $, el, announce } from './dom.js';
import { t } from './strings.js';

export class Playback {
  constructor(root) {
    this.blocked = new Set();
    this.button = el('button', { type: 'button', class: 'hear primary', hidden: true, onclick: () => this.#resume() }, t('playback.hear'));
    $('.grid', root).before(this.button);
  }

  play(media) {
    media.play().then(() => this.#played(media)).catch((error) => {
      if (error.name !== 'NotAllowedError') return; // AbortError: a newer stream replaced this one and plays itself
      this.blocked.add(media);
      if (this.button.hidden) {
        this.button.hidden = false;
        announce(t('playback.held'));
      }
    });
  }

  /** Refused once is not refused for ever (a later play may be allowed): the button stays only while something is held back. */
  #played(media) {
    this.blocked.delete(media);
    for (const m of this.blocked) if (!m.isConnected) this.blocked.delete(m);
    if (this.blocked.size === 0) this.button.hidden = true;
  }

  #resume() {
    const waiting = [...this.blocked];
    this.blocked.clear();
    this.button.hidden = true;
    for (const media of waiting) if (media.isConnected && media.srcObject) this.play(media);
  }

  close() { this.button.remove(); }
}
