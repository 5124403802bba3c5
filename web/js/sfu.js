// SFU media (sessions whose media is 'sfu'): one connection to the media server carries this
// person's camera and microphone (media.publish), and one per other admitted person carries theirs
// (media.subscribe; the server offers, this page answers with media.accept). A shared screen is one
// more of each, marked source 'screen' (v1.1). The same interface as Mesh, so the session view does
// not care which one it has. The server decides what is forwarded: a mute here only spares
// bandwidth, the media server has already stopped forwarding.

const CAMERA = 'camera';
const SCREEN = 'screen';
const keyOf = (participant, source = CAMERA) => (source === SCREEN ? `${participant}:screen` : participant);

export class Sfu extends EventTarget {
  constructor(live, stream, iceServers) {
    super();
    this.live = live;
    this.stream = stream;
    this.iceServers = iceServers;
    this.publisher = null;
    this.screenPublisher = null;
    this.screen = null; // the stream this page shares, while it does
    this.subscriptions = new Map(); // key (participant, or participant:screen) -> { pc } once offered, null while waiting
    this.participants = [];
    this.audioOn = true;
    this.videoOn = true;
    this.closed = false;
    const on = (type, handler) => live.addEventListener(type, (e) => handler(e.detail));
    on('media.answer', (f) => this.#onAnswer(f));
    on('media.offer', (f) => this.#onOffer(f));
    on('media.ice', (f) => this.#onIce(f));
    on('media.restart', () => this.restart(this.participants));
  }

  /** Called with every roster: publish once, subscribe to everyone new and to every screen shared, drop the gone. */
  sync(participants) {
    if (this.closed) return;
    this.participants = participants;
    const me = this.live.me.id;
    const wanted = new Map();
    for (const p of participants) {
      if (p.id === me) continue;
      wanted.set(keyOf(p.id), { participant: p.id, source: CAMERA });
      if (p.screen) wanted.set(keyOf(p.id, SCREEN), { participant: p.id, source: SCREEN });
    }
    for (const key of [...this.subscriptions.keys()]) if (!wanted.has(key)) this.drop(key);
    if (!this.publisher) this.#publish();
    if (this.screen && !this.screenPublisher) this.#publishScreen();
    for (const [key, { participant, source }] of wanted) {
      if (this.subscriptions.has(key)) continue;
      this.subscriptions.set(key, null);
      // The server offers now, or as soon as that person publishes.
      this.live.call('media.subscribe', { participant, source }).catch((e) => console.warn('subscribing to', key, 'failed:', e.message));
    }
  }

  /** The connection that brings one person's stream, for what arrives on it (who is speaking). */
  connectionOf(id) { return this.subscriptions.get(id)?.pc; }

  /** The media server restarted or our socket came back: everything is negotiated anew. */
  restart(participants) {
    for (const key of [...this.subscriptions.keys()]) this.drop(key);
    this.publisher?.pc.close();
    this.publisher = null;
    this.screenPublisher?.pc.close();
    this.screenPublisher = null;
    this.sync(participants);
  }

  drop(key) {
    if (!this.subscriptions.has(key)) return;
    this.subscriptions.get(key)?.pc.close();
    this.subscriptions.delete(key);
    if (key.endsWith(':screen')) this.dispatchEvent(new CustomEvent('screen', { detail: { id: key.slice(0, -':screen'.length), stream: null } }));
    else this.dispatchEvent(new CustomEvent('gone', { detail: { id: key } }));
  }

  close() {
    this.closed = true;
    for (const key of [...this.subscriptions.keys()]) this.drop(key);
    this.publisher?.pc.close();
    this.publisher = null;
    this.stopScreen();
  }

  setAudio(on) { this.audioOn = on; this.#applyTracks(); }
  setVideo(on) { this.videoOn = on; this.#applyTracks(); }

  /** Shares a screen (the server has already agreed: self.media {screen: true}); the publish asks again. */
  shareScreen(stream) {
    this.screen = stream;
    this.#publishScreen();
  }

  stopScreen() {
    this.screen = null;
    this.screenPublisher?.pc.close();
    this.screenPublisher = null;
  }

  #applyTracks() {
    if (!this.publisher) return;
    for (const [kind, sender] of Object.entries(this.publisher.senders)) {
      const track = this.stream?.getTracks().find((t) => t.kind === kind) ?? null;
      sender.replaceTrack((kind === 'audio' ? this.audioOn : this.videoOn) ? track : null);
    }
  }

  async #publish() {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const senders = {};
    for (const kind of ['audio', 'video']) senders[kind] = pc.addTransceiver(kind, { direction: 'sendonly' }).sender;
    const publisher = { pc, senders };
    this.publisher = publisher;
    this.#applyTracks();
    await this.#offer(publisher, CAMERA, () => this.publisher === publisher, () => { this.publisher = null; });
  }

  async #publishScreen() {
    this.screenPublisher?.pc.close();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    pc.addTransceiver(this.screen.getVideoTracks()[0], { direction: 'sendonly', streams: [this.screen] });
    const publisher = { pc };
    this.screenPublisher = publisher;
    await this.#offer(publisher, SCREEN, () => this.screenPublisher === publisher, () => { this.screenPublisher = null; });
  }

  async #offer({ pc }, source, current, forget) {
    const me = this.live.me.id;
    pc.onicecandidate = ({ candidate }) => {
      // Live has no fire-and-forget send: a lost candidate only costs a path, Janus also learns ours from its checks.
      if (candidate) this.live.call('media.ice', { participant: me, source, candidate: candidate.toJSON() }).catch(() => {});
    };
    try {
      await pc.setLocalDescription(await pc.createOffer());
      if (!current()) return;
      await this.live.call('media.publish', { sdp: pc.localDescription.sdp, source });
    } catch (e) {
      console.warn('publishing', source, 'failed:', e.message);
      if (current()) { pc.close(); forget(); }
    }
  }

  async #onAnswer({ participant, sdp, source = CAMERA }) {
    const publisher = source === SCREEN ? this.screenPublisher : this.publisher;
    if (participant !== this.live.me.id || !publisher) return;
    await publisher.pc.setRemoteDescription({ type: 'answer', sdp })
      .catch((e) => console.warn('the media server\'s answer did not fit:', e.message));
  }

  async #onOffer({ participant, sdp, source = CAMERA }) {
    const key = keyOf(participant, source);
    if (this.closed || !this.subscriptions.has(key)) return;
    this.subscriptions.get(key)?.pc.close(); // a new offer replaces the old stream (they published again)
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const subscription = { pc, stream: new MediaStream() };
    this.subscriptions.set(key, subscription);
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.live.call('media.ice', { participant, source, candidate: candidate.toJSON() }).catch(() => {});
    };
    pc.ontrack = ({ track }) => {
      subscription.stream.addTrack(track);
      if (this.subscriptions.get(key) === subscription) {
        // A new stream object each time: the tile sees a change and puts the new track on its element.
        const stream = new MediaStream(subscription.stream.getTracks());
        this.dispatchEvent(new CustomEvent(source === SCREEN ? 'screen' : 'stream', { detail: { id: participant, stream } }));
      }
    };
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      if (this.subscriptions.get(key) !== subscription) return;
      await this.live.call('media.accept', { participant, source, sdp: pc.localDescription.sdp });
    } catch (e) {
      console.warn('receiving', key, 'failed:', e.message);
    }
  }

  #onIce({ participant, candidate, source = CAMERA }) {
    const mine = participant === this.live.me.id;
    const pc = mine ? (source === SCREEN ? this.screenPublisher : this.publisher)?.pc : this.subscriptions.get(keyOf(participant, source))?.pc;
    pc?.addIceCandidate(candidate).catch(() => {});
  }
}
