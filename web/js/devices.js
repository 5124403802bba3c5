// The device check: a camera preview, a microphone level meter, device choice, and plain help
// when permission is refused or no device exists. Joining without camera or microphone is fine.
import { $, el } from './dom.js';
import { t } from './strings.js';

export class DeviceCheck {
  stream = null;

  async start() {
    await this.#open({ audio: true, video: { width: 640, height: 360 } });
    await this.#listDevices();
    $('#camera').onchange = () => this.#open({ audio: this.#audio(), video: { deviceId: { exact: $('#camera').value } } });
    $('#microphone').onchange = () => this.#open({ audio: { deviceId: { exact: $('#microphone').value } }, video: this.#video() });
  }

  /**
   * The chosen devices, live. A session that ended for this page (sent back to the waiting room,
   * an agreement withdrawn) stopped its tracks, so they are opened again for the next admission.
   */
  async live() {
    if (!this.reopening && this.stream?.getTracks().some((t) => t.readyState === 'ended')) {
      // One opening at a time: a second would leave the first one's camera running unseen.
      this.reopening = this.#open({ audio: this.#audio(), video: this.#video() }).finally(() => { this.reopening = null; });
    }
    await this.reopening;
    return this.stream;
  }

  #audio() { return $('#microphone').value ? { deviceId: { exact: $('#microphone').value } } : true; }
  #video() { return $('#camera').value ? { deviceId: { exact: $('#camera').value } } : true; }

  async #open(constraints) {
    const help = $('.device-help');
    this.stream?.getTracks().forEach((t) => t.stop());
    try {
      this.stream = await navigator.mediaDevices.getUserMedia(constraints);
      help.textContent = t('devices.ok');
    } catch (e) {
      this.stream = null;
      help.textContent = e.name === 'NotAllowedError'
        ? t('devices.notAllowed')
        : t('devices.none');
      return;
    }
    $('#preview').srcObject = this.stream;
    this.#meter();
  }

  async #listDevices() {
    const all = await navigator.mediaDevices.enumerateDevices();
    for (const [select, kind] of [[$('#camera'), 'videoinput'], [$('#microphone'), 'audioinput']]) {
      select.replaceChildren(...all.filter((d) => d.kind === kind).map((d, i) => el('option', { value: d.deviceId, text: d.label || t(kind === 'videoinput' ? 'devices.cameraN' : 'devices.microphoneN', { n: i + 1 }) })));
    }
  }

  #meter() {
    const track = this.stream.getAudioTracks()[0];
    if (!track) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    const level = $('.meter .level');
    const tick = () => {
      if (track.readyState === 'ended') { context.close(); return; }
      analyser.getByteTimeDomainData(data);
      let peak = 0;
      for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
      level.style.width = `${Math.min(100, peak * 2)}%`;
      requestAnimationFrame(tick);
    };
    tick();
  }
}
