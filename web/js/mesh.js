// Mesh media: one RTCPeerConnection per other admitted person, signalled through Circle.
//
// Perfect negotiation (WebRTC 1.0, §10.7): both sides add their tracks and offer whenever
// negotiation is needed; when offers cross, the polite side (the greater id) rolls back and answers
// and the impolite side ignores the other's offer (when a pair's first offers cross, the polite side
// answers on a fresh connection instead of rolling back: see #startOver). Every signal carries the `link` id of the
// connection that sent it and the `toLink` it is meant for, so a page that reloads, or a connection
// made anew after a failure, is recognised as new: the other side starts over with it instead of
// feeding its offer to a connection that no longer exists. Whatever the sender does with streams,
// a receiver builds one MediaStream per person (one audio and one video track), so the tile plays both.
// A shared screen (v1.1) is one more video track in every connection, in a stream of its own whose
// id each signal names (`screen`), so the receiver tells it from the camera: it arrives as 'screen'.
// Interface shared with the SFU client: sync/restart/drop/close/setAudio/setVideo/shareScreen/stopScreen,
// 'stream'/'gone'/'screen'.

const CHECK_EVERY_MS = 4_000;
const RESEND_OFFER_AFTER_MS = 8_000; // an offer unanswered this long was probably lost
// Not connected this long since the last change of state: start over. Generous, because a busy
// machine can take many seconds to connect, and starting over throws that progress away. The
// impolite side renews; the polite side only if the other never does.
const RENEW_AFTER_MS = { impolite: 30_000, polite: 60_000 };

const randomId = () => crypto.getRandomValues(new Uint32Array(2)).join('-');

export class Mesh extends EventTarget {
  constructor(live, stream, iceServers) {
    super();
    this.live = live;
    this.stream = stream;
    this.iceServers = iceServers;
    this.peers = new Map();
    this.on = { audio: true, video: true };
    this.screen = null; // the stream this page shares, while it does
    this.queue = Promise.resolve();
    this.onSignal = (e) => { this.queue = this.queue.then(() => this.#receive(e.detail)).catch((error) => warn(e.detail.from, error)); };
    live.addEventListener('signal', this.onSignal);
    this.watch = setInterval(() => this.#check(), CHECK_EVERY_MS);
  }

  /** Called with every roster: a connection to everyone present, none to the gone. */
  sync(participants) {
    if (this.closed) return;
    const me = this.live.me.id;
    const present = new Set(participants.filter((p) => p.id !== me).map((p) => p.id));
    for (const id of [...this.peers.keys()]) if (!present.has(id)) this.drop(id);
    for (const id of present) if (!this.peers.has(id)) this.#create(id);
  }

  /** Back after a dropped socket: working connections stay; the others start over. */
  restart(participants) {
    if (this.closed) return;
    for (const peer of [...this.peers.values()]) if (peer.pc.connectionState !== 'connected') this.#renew(peer);
    this.sync(participants);
  }

  /** The connection to one person, for what arrives on it (who is speaking). */
  connectionOf(id) { return this.peers.get(id)?.pc; }

  drop(id) {
    const peer = this.peers.get(id);
    if (!peer) return;
    this.#close(peer);
    this.dispatchEvent(new CustomEvent('gone', { detail: { id } }));
  }

  close() {
    this.closed = true;
    clearInterval(this.watch);
    this.live.removeEventListener('signal', this.onSignal);
    for (const id of [...this.peers.keys()]) this.drop(id);
  }

  /** Shares a screen (the server has already agreed: self.media {screen: true}) with everyone connected and everyone to come. */
  shareScreen(stream) {
    this.screen = stream;
    for (const peer of this.peers.values()) this.#addScreen(peer);
  }

  stopScreen() {
    this.screen = null;
    for (const peer of this.peers.values()) {
      if (peer.screenSender && peer.pc.signalingState !== 'closed') peer.pc.removeTrack(peer.screenSender);
      peer.screenSender = null;
    }
  }

  #addScreen(peer) {
    const track = this.screen?.getVideoTracks()[0];
    if (track && !peer.screenSender && peer.pc.signalingState !== 'closed') peer.screenSender = peer.pc.addTrack(track, this.screen);
  }

  setAudio(on) { this.#set('audio', on); }
  setVideo(on) { this.#set('video', on); }

  /** Off means nothing is sent at all (no packets, not silence); on sends the device's track again. */
  #set(kind, on) {
    this.on[kind] = on;
    for (const track of this.#tracks(kind)) track.enabled = on;
    for (const peer of this.peers.values()) this.#feed(peer, kind);
  }

  #tracks(kind) { return this.stream ? this.stream.getTracks().filter((t) => t.kind === kind) : []; }

  #feed(peer, kind) {
    const sender = peer.senders[kind];
    if (sender && peer.pc.signalingState !== 'closed') sender.replaceTrack(this.on[kind] ? this.#tracks(kind)[0] : null).catch((e) => warn(peer.id, e));
  }

  #create(id, remoteLink = null, addressTo = remoteLink, link = randomId()) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const peer = {
      id, pc, link, pastLinks: new Set(), remoteLink, addressTo, polite: this.live.me.id > id, senders: {},
      makingOffer: false, ignoreOffer: false, answerPending: false, tracks: new Map(), changedAt: Date.now(), offeredAt: 0,
    };
    this.peers.set(id, peer);
    // addTrack (not addTransceiver): its transceivers carry the stream id and are reused by the
    // other side's offer when offers cross, so each kind needs one m-line, not two.
    for (const kind of ['audio', 'video']) {
      const track = this.#tracks(kind)[0];
      if (track) peer.senders[kind] = pc.addTrack(track, this.stream);
      if (track && !this.on[kind]) this.#feed(peer, kind);
    }
    this.#addScreen(peer);
    pc.onicecandidate = ({ candidate }) => { if (candidate) this.#send(peer, { candidate: candidate.toJSON() }); };
    pc.ontrack = ({ track, streams }) => {
      if (peer.remoteScreen && streams[0]?.id === peer.remoteScreen) {
        this.dispatchEvent(new CustomEvent('screen', { detail: { id, stream: new MediaStream([track]) } }));
        return;
      }
      peer.tracks.set(track.kind, track);
      this.dispatchEvent(new CustomEvent('stream', { detail: { id, stream: new MediaStream([...peer.tracks.values()]) } }));
    };
    pc.onconnectionstatechange = () => {
      peer.changedAt = Date.now();
      if (pc.connectionState === 'failed' && !peer.polite) pc.restartIce();
    };
    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        peer.offeredAt = Date.now();
        this.#send(peer, { description: pc.localDescription.toJSON() });
      } catch (error) {
        if (!peer.closed) warn(id, error);
      } finally {
        peer.makingOffer = false;
      }
    };
    return peer;
  }

  #close(peer) {
    peer.closed = true;
    peer.pc.close();
    if (this.peers.get(peer.id) === peer) this.peers.delete(peer.id);
  }

  /** A connection that does not work is replaced; its first offer tells the other side to start over too. */
  #renew(peer, remoteLink = null) {
    this.#close(peer);
    const fresh = this.#create(peer.id, remoteLink, remoteLink ?? peer.remoteLink ?? peer.addressTo);
    fresh.pastLinks = new Set([...peer.pastLinks, peer.link]);
  }

  /** The same link on a fresh connection: the other side sees no change of link, so nothing of theirs starts over. */
  #startOver(peer) {
    this.#close(peer);
    const fresh = this.#create(peer.id, peer.remoteLink, peer.addressTo, peer.link);
    Object.assign(fresh, { pastLinks: peer.pastLinks, remoteScreen: peer.remoteScreen });
    return fresh;
  }

  #send(peer, body) {
    const screen = this.screen?.id ?? null;
    this.live.call('signal', { to: peer.id, payload: { link: peer.link, toLink: peer.addressTo, screen, ...body } })
      .catch((error) => warn(peer.id, error)); // the watchdog recovers from a lost signal
  }

  async #receive({ from, payload }) {
    const { link, toLink, description, candidate, screen } = payload ?? {};
    if (!link) return;
    const isOffer = description?.type === 'offer';
    let peer = this.peers.get(from);
    // Meant for a connection of ours that is gone; an offer made anew to one we renewed is still for us.
    if (peer && toLink && toLink !== peer.link && !(isOffer && peer.pastLinks.has(toLink) && link !== peer.remoteLink)) return;
    if (peer && peer.remoteLink && peer.remoteLink !== link) {
      if (!isOffer) return; // leftovers of their previous connection
      this.#renew(peer, link); // they started over (a reload, or a renewed connection): so do we
      peer = this.peers.get(from);
    }
    if (!peer) {
      if (!isOffer || toLink) return;
      peer = this.#create(from, link);
    }
    const firstContact = !peer.remoteLink;
    peer.remoteLink = link;
    peer.addressTo = link;
    if (screen) peer.remoteScreen = screen; // kept after a share ends: its track may come back on the same transceiver
    let { pc } = peer;
    if (description) {
      const readyForOffer = !peer.makingOffer && (pc.signalingState === 'stable' || peer.answerPending);
      peer.ignoreOffer = !peer.polite && isOffer && !readyForOffer;
      if (peer.ignoreOffer) {
        // Our own offer may have gone to their previous page: send it again now that we know them.
        if (firstContact && !peer.makingOffer && pc.localDescription?.type === 'offer') {
          peer.offeredAt = Date.now();
          this.#send(peer, { description: pc.localDescription.toJSON() });
        }
        return;
      }
      if (isOffer && !readyForOffer && !pc.remoteDescription) {
        // Polite, and our first offer crossed theirs. Rolled back while it gathered candidates, a
        // connection of Chromium's sometimes never gathered again: a relay-only member asked
        // TURN for nothing until the watchdog renewed it 30 s later. Nothing is negotiated yet,
        // so answer on a fresh connection under the same link instead of rolling this one back.
        peer = this.#startOver(peer);
        ({ pc } = peer);
      }
      if (!isOffer && pc.signalingState !== 'have-local-offer') return; // an answer to an offer we rolled back
      if (isOffer && pc.signalingState === 'stable' && pc.remoteDescription?.sdp === description.sdp) return; // sent twice
      peer.answerPending = !isOffer;
      await pc.setRemoteDescription(description);
      peer.answerPending = false;
      if (isOffer) {
        await pc.setLocalDescription();
        this.#send(peer, { description: pc.localDescription.toJSON() });
      }
    } else if (candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!peer.ignoreOffer) warn(from, error);
      }
    }
  }

  #check() {
    const now = Date.now();
    for (const peer of [...this.peers.values()]) {
      const { pc } = peer;
      if (pc.signalingState === 'have-local-offer' && !peer.makingOffer && now - peer.offeredAt > RESEND_OFFER_AFTER_MS) {
        peer.offeredAt = now;
        this.#send(peer, { description: pc.localDescription.toJSON() });
      }
      const stuck = now - peer.changedAt > RENEW_AFTER_MS[peer.polite ? 'polite' : 'impolite'];
      if (pc.connectionState !== 'connected' && stuck) this.#renew(peer);
    }
  }
}

function warn(id, error) {
  console.warn('media negotiation with', id, 'failed:', error?.code ?? '', error?.message ?? error);
}
