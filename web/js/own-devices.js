// Your own microphone and camera. What the page sends follows the server's view of you at every
// moment: a device sends only while you want it on AND your roster entry says it is on. Turning on
// asks the server first (a moderated group refuses without the floor); turning off takes effect
// here at once and then tells the server. Your choice is remembered on this device for a reload.
import { t } from './strings.js';

const KEYS = { audio: 'circle.microphone', video: 'circle.camera' };
const KINDS = ['video', 'audio']; // the camera first: a refused microphone must not hold it back

export class OwnDevices {
  static remembered(kind) {
    try { return localStorage.getItem(KEYS[kind]) !== 'off'; } catch { return true; }
  }

  static remember(kind, on) {
    try { localStorage.setItem(KEYS[kind], on ? 'on' : 'off'); } catch { /* private mode: nothing kept */ }
  }

  constructor(view, stream, wish) {
    this.view = view;
    this.has = { audio: stream?.getAudioTracks().length > 0, video: stream?.getVideoTracks().length > 0 };
    this.wish = { audio: wish.audio && this.has.audio, video: wish.video && this.has.video };
    this.server = { audio: false, video: false };
    this.sending = { audio: false, video: false };
    this.pending = { audio: false, video: false };
    this.announced = false;
    this.#apply();
  }

  /** Every roster brings the server's view of you: the page matches it, and says what you want. */
  follow(mine) {
    this.server = { audio: mine.audio, video: mine.video };
    for (const kind of KINDS) {
      const differs = this.wish[kind] !== this.server[kind];
      // On arrival (also after a reload) ask for what you want; later only ever turn off by itself.
      if (differs && !this.pending[kind] && (!this.announced || !this.wish[kind])) this.#tell(kind, this.wish[kind]);
    }
    this.announced = true;
    this.#apply();
  }

  /** The person pressed the microphone or camera button. */
  ask(kind, on) {
    if (on && !this.has[kind]) {
      this.view.notice(kind === 'audio' ? t('devices.noMicrophone') : t('devices.noCamera'));
      return;
    }
    this.wish[kind] = on;
    OwnDevices.remember(kind, on);
    this.#apply();
    this.view.render();
    this.#tell(kind, on);
  }

  /** The devices were opened again (fresh tracks): send those, as the person and the server allow. */
  reopened() { this.#apply(); }

  /** A facilitator, or the floor moving on, muted you. */
  mutedByServer() {
    this.wish.audio = false;
    this.server.audio = false;
    this.#apply();
    this.view.render();
  }

  async #tell(kind, on) {
    this.pending[kind] = true;
    try {
      await this.view.live.call('self.media', { [kind]: on });
    } catch (error) {
      if (on) this.wish[kind] = false;
      this.#apply();
      this.view.render();
      this.view.notice(error.message);
    } finally {
      this.pending[kind] = false;
    }
  }

  #apply() {
    for (const kind of KINDS) this.sending[kind] = this.wish[kind] && this.server[kind] && this.has[kind];
    this.view.mesh.setAudio(this.sending.audio);
    this.view.mesh.setVideo(this.sending.video);
  }
}
