// Test instrumentation for SFU pages, injected after record-connections.js: keeps the camera at
// 320x240, tags each receiving connection with the participant whose media.offer it took, reads
// what each one decodes (frames, audio energy) and where its selected ICE route ends, and lets a
// test make the page disobey: window.__ignoreMute keeps the microphone sending after `muted`,
// window.__ignoreClose keeps every connection open after `removed`.
(() => {
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (c) => gum(c?.video ? { ...c, video: { width: 320, height: 240, frameRate: 15 } } : c);
  const offers = new Map();
  window.__sent = {};
  const NativeWs = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new NativeWs(...args); // record-connections.js keeps it in window.__sockets
    const send = ws.send.bind(ws);
    ws.send = (text) => { // when each kind of frame last left this page, on the epoch clock
      try { window.__sent[JSON.parse(text).type] = Date.now(); } catch { /* not JSON */ }
      send(text);
    };
    ws.addEventListener('message', (m) => {
      const f = JSON.parse(m.data);
      if (f.type === 'media.offer') offers.set(f.sdp, f.participant);
      if (f.type === 'welcome') window.__self = f.you.id;
      if (f.type === 'roster') window.__lastRoster = f.participants;
    });
    return ws;
  };
  window.WebSocket.prototype = NativeWs.prototype;
  Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3, CONNECTING: 0, CLOSING: 2 });
  const setRemote = RTCPeerConnection.prototype.setRemoteDescription;
  RTCPeerConnection.prototype.setRemoteDescription = function (d) {
    if (d?.type === 'offer' && offers.has(d.sdp)) this.__from = offers.get(d.sdp);
    return setRemote.call(this, d);
  };
  const replaceTrack = RTCRtpSender.prototype.replaceTrack;
  RTCRtpSender.prototype.replaceTrack = function (track) {
    if (window.__ignoreMute && track === null && this.track?.kind === 'audio') return Promise.resolve();
    return replaceTrack.call(this, track);
  };
  const close = RTCPeerConnection.prototype.close;
  RTCPeerConnection.prototype.close = function () {
    if (!window.__ignoreClose) close.call(this);
  };
  window.__me = () => window.__self;
  window.__roster = () => window.__lastRoster ?? [];
  window.__routes = async () => {
    const out = [];
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      let frames = 0, energy = 0, audioBytes = 0, sentAudio = 0, sentVideo = 0, remote = null, local = null;
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') { energy += s.totalAudioEnergy || 0; audioBytes += s.bytesReceived || 0; }
        if (s.type === 'outbound-rtp' && s.kind === 'audio') sentAudio += s.bytesSent || 0;
        if (s.type === 'outbound-rtp' && s.kind === 'video') sentVideo += s.bytesSent || 0;
        if (s.type === 'transport' && s.selectedCandidatePairId) {
          const pair = stats.get(s.selectedCandidatePairId);
          const r = pair && stats.get(pair.remoteCandidateId);
          const l = pair && stats.get(pair.localCandidateId);
          if (r) remote = `${r.address}:${r.port}`;
          if (l) local = `${l.address}:${l.port}`;
        }
      });
      const role = pc.localDescription?.type === 'offer' ? 'publisher' : 'subscriber';
      out.push({ role, from: pc.__from ?? null, state: pc.connectionState, frames, energy, audioBytes, sentAudio, sentVideo, remote, local });
    }
    return out;
  };
})();
