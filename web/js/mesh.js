// Mesh media: one RTCPeerConnection per other admitted person, signalled through Circle.
// Perfect negotiation: the newcomer offers; on glare the polite side (the greater id) yields.
// A mute stops sending audio (the sender's track is removed), camera off stops video.

export class Mesh extends EventTarget {
  constructor(live, stream, iceServers) {
    super();
    this.live = live;
    this.stream = stream;
    this.iceServers = iceServers;
    this.peers = new Map();
    this.audioOn = true;
    this.videoOn = true;
    live.addEventListener('signal', (e) => this.#onSignal(e.detail));
  }

  /** Called with every roster: connect to the new, drop the gone. `newcomer`: we just arrived. */
  sync(participants, newcomer) {
    const me = this.live.me.id;
    const present = new Set(participants.filter((p) => p.id !== me).map((p) => p.id));
    for (const id of [...this.peers.keys()]) if (!present.has(id)) this.drop(id);
    if (newcomer) for (const id of present) if (!this.peers.has(id)) this.#peer(id, true);
  }

  /** Back after a dropped connection: every link is made anew, as a newcomer. */
  restart(participants) {
    for (const id of [...this.peers.keys()]) this.drop(id);
    this.sync(participants, true);
  }

  drop(id) {
    const peer = this.peers.get(id);
    if (!peer) return;
    peer.pc.close();
    this.peers.delete(id);
    this.dispatchEvent(new CustomEvent('gone', { detail: { id } }));
  }

  close() {
    for (const id of [...this.peers.keys()]) this.drop(id);
  }

  setAudio(on) { this.audioOn = on; this.#applyTracks(); }
  setVideo(on) { this.videoOn = on; this.#applyTracks(); }

  #applyTracks() {
    for (const peer of this.peers.values()) this.#attachTracks(peer);
  }

  #attachTracks(peer) {
    for (const transceiver of peer.pc.getTransceivers()) {
      const kind = transceiver.receiver.track?.kind;
      const track = this.stream?.getTracks().find((t) => t.kind === kind) ?? null;
      const on = kind === 'audio' ? this.audioOn : this.videoOn;
      if (transceiver.currentDirection !== 'stopped') transceiver.sender.replaceTrack(on ? track : null);
    }
  }

  #peer(id, offering) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const peer = { id, pc, polite: this.live.me.id > id, makingOffer: false, fresh: offering };
    this.peers.set(id, peer);
    if (offering) {
      for (const kind of ['audio', 'video']) pc.addTransceiver(kind, { direction: 'sendrecv' });
      this.#attachTracks(peer);
    }
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.live.send('signal', { to: id, payload: { candidate: candidate.toJSON() } });
    };
    pc.ontrack = ({ streams, track }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      this.dispatchEvent(new CustomEvent('stream', { detail: { id, stream } }));
    };
    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        this.live.send('signal', { to: id, payload: { description: pc.localDescription.toJSON(), fresh: peer.fresh } });
        peer.fresh = false;
      } finally {
        peer.makingOffer = false;
      }
    };
    return peer;
  }

  async #onSignal({ from, payload }) {
    let peer = this.peers.get(from);
    if (payload.fresh && peer) { this.drop(from); peer = null; }
    if (!peer) {
      if (!payload.description || payload.description.type !== 'offer') return;
      peer = this.#peer(from, false);
    }
    const { pc } = peer;
    try {
      if (payload.description) {
        const offer = payload.description.type === 'offer';
        const collision = offer && (peer.makingOffer || pc.signalingState !== 'stable');
        if (collision && !peer.polite) return;
        await pc.setRemoteDescription(payload.description);
        if (offer) {
          for (const t of pc.getTransceivers()) if (t.direction === 'recvonly') t.direction = 'sendrecv';
          this.#attachTracks(peer);
          await pc.setLocalDescription();
          this.live.send('signal', { to: from, payload: { description: pc.localDescription.toJSON() } });
        }
      } else if (payload.candidate) {
        await pc.addIceCandidate(payload.candidate).catch(() => {});
      }
    } catch (error) {
      console.warn('media negotiation with', from, 'failed:', error.message);
    }
  }
}
