// Talk time (v1.1): the page tells the server when your own voice starts and stops being heard,
// and the server adds it up for the facilitators. Only the loudness of your own microphone, as
// this page sends it, is measured here; nothing is recorded and no sound leaves for this.
// A stretch starts at the first loud moment and ends after HANGOVER_MS of quiet, so the pauses
// between words do not split one turn into many frames.

const POLL_MS = 100;
const HANGOVER_MS = 2000;
const LOUD_RMS = 0.02; // speech at a normal distance; room noise after the browser's suppression stays well under

export class VoiceActivity {
  /** {@code sending()}: whether your microphone reaches the group right now (not muted, not waiting). */
  constructor(live, sending) {
    this.live = live;
    this.sending = sending;
    this.speaking = false;
    this.lastLoud = 0;
    this.samples = null;
    this.timer = setInterval(() => this.#poll(), POLL_MS);
  }

  /** Measures this stream's microphone from now on (the devices may be opened again). */
  listen(stream) {
    this.source?.disconnect();
    this.source = null;
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    try {
      this.context ??= new AudioContext();
      this.analyser ??= Object.assign(this.context.createAnalyser(), { fftSize: 2048 });
      this.samples = new Float32Array(this.analyser.fftSize);
      this.source = this.context.createMediaStreamSource(new MediaStream([track]));
      this.source.connect(this.analyser);
      // A context made before the person touched the page starts suspended; any touch wakes it.
      if (this.context.state === 'suspended') document.addEventListener('pointerdown', () => this.#wake(), { once: true });
    } catch {
      this.source = null; // no Web Audio here: talk time is simply not counted for this person
    }
  }

  /**
   * The audio thread runs only while the microphone reaches the group: measuring costs a little CPU
   * on every page, and a muted or waiting person has nothing to measure.
   */
  #wake() { if (this.context?.state === 'suspended') this.context.resume().catch(() => {}); }

  #poll() {
    const now = performance.now();
    const heard = this.sending();
    if (!this.context) return;
    if (heard) this.#wake();
    else if (this.context.state === 'running' && !this.speaking) this.context.suspend().catch(() => {});
    if (heard && this.source && this.context.state === 'running' && this.#loudness() > LOUD_RMS) this.lastLoud = now;
    const speaking = heard && now - this.lastLoud < HANGOVER_MS;
    if (speaking === this.speaking) return;
    this.speaking = speaking;
    // Lost frames only make talk time a little short: the server ends a stretch itself at a mute or drop.
    this.live.call('speaking', { active: speaking }).catch(() => {});
  }

  #loudness() {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    return Math.sqrt(sum / this.samples.length);
  }

  close() {
    clearInterval(this.timer);
    this.source?.disconnect();
    this.context?.close().catch(() => {});
  }
}
