// Talk time (v1.1): the page tells the server when your own voice starts and stops being heard,
// and the server adds it up for the facilitators. Only the loudness of your own microphone, as
// this page sends it, is measured here; nothing is recorded and no sound leaves for this.
// A stretch starts at the first loud moment and ends after HANGOVER_MS of quiet, so the pauses
// between words do not split one turn into many frames.
//
// Every look measures all the sound since the previous look, not just the newest moment: a look
// every 100 ms at the newest 43 ms heard less than half of what was said, and a short sound that
// came in step with the looks (a brief word, or Chromium's fake microphone, which beeps for a
// moment every 500 ms) was missed look after look until the stretch ended though the person
// went on talking; a slow look on a busy computer missed more (talk-time flake).

const POLL_MS = 100;
const HANGOVER_MS = 2000;
const LOUD_RMS = 0.02; // speech at a normal distance; room noise after the browser's suppression stays well under
const BLOCK = 2048; // samples (about 43 ms) over which loudness is measured, as LOUD_RMS was chosen for
const KEPT = 32768; // the most the analyser keeps (about 0.7 s): a look may come this late and miss nothing

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
      this.analyser ??= Object.assign(this.context.createAnalyser(), { fftSize: KEPT });
      this.samples = new Float32Array(this.analyser.fftSize);
      this.source = this.context.createMediaStreamSource(new MediaStream([track]));
      this.source.connect(this.analyser);
      this.measuredTo = this.context.currentTime; // what the analyser holds from before is not this stream's
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
    if (heard && this.source && this.context.state === 'running') {
      if (this.#loudest() > LOUD_RMS) this.lastLoud = now;
    } else {
      this.measuredTo = this.context.currentTime; // sound while muted or waiting is never counted later
    }
    const speaking = heard && now - this.lastLoud < HANGOVER_MS;
    if (speaking === this.speaking) return;
    this.speaking = speaking;
    // Lost frames only make talk time a little short: the server ends a stretch itself at a mute or drop.
    this.live.call('speaking', { active: speaking }).catch(() => {});
  }

  /** The loudest BLOCK (RMS) of the sound heard since the previous look. */
  #loudest() {
    this.analyser.getFloatTimeDomainData(this.samples);
    const heardTo = this.context.currentTime;
    // One render quantum more than the clock says, so that no sample falls between two looks.
    const fresh = Math.min(this.samples.length, Math.ceil((heardTo - this.measuredTo) * this.context.sampleRate) + 128);
    this.measuredTo = heardTo;
    let loudest = 0;
    for (let end = this.samples.length; end > this.samples.length - fresh; end -= BLOCK) {
      let sum = 0;
      for (let i = end - BLOCK; i < end; i++) sum += this.samples[i] * this.samples[i];
      loudest = Math.max(loudest, Math.sqrt(sum / BLOCK));
    }
    return loudest;
  }

  close() {
    clearInterval(this.timer);
    this.source?.disconnect();
    this.context?.close().catch(() => {});
  }
}
