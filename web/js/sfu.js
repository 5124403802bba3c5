// SFU media (sessions whose media is 'sfu'): one connection to the media server carries this
// person's camera and microphone (media.publish), and one per other admitted person carries theirs
// (media.subscribe; the server offers, this page answers with media.accept). The same interface as
// Mesh, so the session view does not care which one it has. The server decides what is forwarded:
// a mute here only spares bandwidth, the media server has already stopped forwarding.

export class Sfu extends EventTarget {
  constructor(live, stream, iceServers) {
    super();
    this.live = live;
    this.stream = stream;
    this.iceServers = iceServers;
    this.publisher = null;
    this.subscriptions = new Map(); // participant -> { pc } once offered, null while waiting for the offer
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

  /** Called with every roster: publish once, subscribe to everyone new, drop the gone. */
  sync(participants) {
    if (this.closed) return;
    this.participants = participants;
    const me = this.live.me.id;
    const present = new Set(participants.filter((p) => p.id !== me).map((p) => p.id));
    for (const id of [...this.subscriptions.keys()]) if (!present.has(id)) this.drop(id);
    if (!this.publisher) this.#publish();
    for (const id of present) {
      if (this.subscriptions.has(id)) continue;
      this.subscriptions.set(id, null);
      // The server offers now, or as soon as that person publishes.
      this.live.call('media.subscribe', { participant: id }).catch((e) => console.warn('subscribing to', id, 'failed:', e.message));
    }
  }

  /** The connection that brings one person's stream, for what arrives on it (who is speaking). */
  connectionOf(id) { return this.subscriptions.get(id)?.pc; }

  /** The media server restarted or our socket came back: everything is negotiated anew. */
  restart(participants) {
    for (const id of [...this.subscriptions.keys()]) this.drop(id);
    this.publisher?.pc.close();
    this.publisher = null;
    this.sync(participants);
  }

  drop(id) {
    if (!this.subscriptions.has(id)) return;
    this.subscriptions.get(id)?.pc.close();
    this.subscriptions.delete(id);
    this.dispatchEvent(new CustomEvent('gone', { detail: { id } }));
  }

  close() {
    this.closed = true;
    for (const id of [...this.subscriptions.keys()]) this.drop(id);
    this.publisher?.pc.close();
    this.publisher = null;
  }

  setAudio(on) { this.audioOn = on; this.#applyTracks(); }
  setVideo(on) { this.videoOn = on; this.#applyTracks(); }

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
    const me = this.live.me.id;
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.live.send('media.ice', { participant: me, candidate: candidate.toJSON() });
    };
    try {
      await pc.setLocalDescription(await pc.createOffer());
      if (this.publisher !== publisher) return;
      await this.live.call('media.publish', { sdp: pc.localDescription.sdp });
    } catch (e) {
      console.warn('publishing failed:', e.message);
      if (this.publisher === publisher) { pc.close(); this.publisher = null; }
    }
  }

  async #onAnswer({ participant, sdp }) {
    if (participant !== this.live.me.id || !this.publisher) return;
    await this.publisher.pc.setRemoteDescription({ type: 'answer', sdp })
      .catch((e) => console.warn('the media server\'s answer did not fit:', e.message));
  }

  async #onOffer({ participant, sdp }) {
    if (this.closed || !this.subscriptions.has(participant)) return;
    this.subscriptions.get(participant)?.pc.close(); // a new offer replaces the old stream (they published again)
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const subscription = { pc, stream: new MediaStream() };
    this.subscriptions.set(participant, subscription);
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.live.send('media.ice', { participant, candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      subscription.stream.addTrack(track);
      if (this.subscriptions.get(participant) === subscription) {
        // A new stream object each time: the tile sees a change and puts the new track on its element.
        this.dispatchEvent(new CustomEvent('stream', { detail: { id: participant, stream: new MediaStream(subscription.stream.getTracks()) } }));
      }
    };
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      if (this.subscriptions.get(participant) !== subscription) return;
      await this.live.call('media.accept', { participant, sdp: pc.localDescription.sdp });
    } catch (e) {
      console.warn('receiving', participant, 'failed:', e.message);
    }
  }

  #onIce({ participant, candidate }) {
    const pc = participant === this.live.me.id ? this.publisher?.pc : this.subscriptions.get(participant)?.pc;
    pc?.addIceCandidate(candidate).catch(() => {});
  }
}
