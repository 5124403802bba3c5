// Test instrumentation, injected before any page script (with record-connections.js): measures
// what a person hears and sees in each tile, and keeps the fake camera small so that four pages
// can run on a small machine.
(() => {
  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = (constraints = {}) => getUserMedia({
    ...constraints,
    video: constraints.video ? { width: 320, height: 240, frameRate: 15 } : false,
  });

  const tileOf = (name) => [...document.querySelectorAll('.tile')]
    .find((t) => t.querySelector('figcaption').textContent.split(' · ')[0] === name);

  const receiverStats = async (track) => {
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'closed') continue;
      let found = null;
      (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.trackIdentifier === track.id) found = s; });
      if (found) return found;
    }
    return null;
  };

  // An analyser on the sound each tile's <audio> plays: the stream the element plays, fed to an
  // AudioContext as well (tapping the element itself with captureStream ended the remote tracks).
  // Read on every block the audio thread renders, since timers in background pages tick too rarely
  // to catch a beep. The context is made when first needed.
  let context = null;
  const analysers = new WeakMap();
  const levelOf = (element) => {
    const stream = element.srcObject;
    if (!stream || element.paused) return 0;
    context ??= new AudioContext();
    let entry = analysers.get(element);
    if (!entry || entry.stream !== stream) {
      entry?.source.disconnect();
      const source = context.createMediaStreamSource(stream);
      const analyser = context.createAnalyser();
      const reader = context.createScriptProcessor(2048, 1, 1);
      source.connect(analyser);
      analyser.connect(reader);
      reader.connect(context.destination); // its output is silence; connected only so that it runs
      entry = { stream, source, peak: 0 };
      const data = new Float32Array(analyser.fftSize);
      reader.onaudioprocess = () => {
        analyser.getFloatTimeDomainData(data);
        for (const v of data) entry.peak = Math.max(entry.peak, Math.abs(v));
      };
      analysers.set(element, entry);
    }
    const { peak } = entry;
    entry.peak = 0;
    return peak;
  };

  /** What this page receives from `name`'s tile: the sound energy its <audio> played, samples played, the analyser's peak level since the last call, frames its <video> decoded. */
  window.__tile = async (name) => {
    const tile = tileOf(name);
    const picture = tile?.querySelector('video')?.srcObject;
    const sound = tile?.querySelector('audio')?.srcObject;
    if (!picture && !sound) return { present: !!tile, playing: false, energy: 0, samples: 0, level: 0, frames: 0 };
    const audio = sound?.getAudioTracks()[0];
    const video = picture?.getVideoTracks()[0];
    const a = audio ? await receiverStats(audio) : null;
    const v = video ? await receiverStats(video) : null;
    return {
      present: true,
      playing: !!sound && !tile.querySelector('audio').paused,
      energy: a?.totalAudioEnergy ?? 0,
      samples: a?.totalSamplesReceived ?? 0,
      level: sound ? levelOf(tile.querySelector('audio')) : 0,
      frames: v?.framesDecoded ?? 0,
    };
  };

  /** What this page sends, summed over its connections: audio packets and video frames. */
  window.__sent = async () => {
    let audioPackets = 0, videoFrames = 0, connected = 0;
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'closed') continue;
      if (pc.connectionState === 'connected') connected++;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'outbound-rtp' && s.kind === 'audio') audioPackets += s.packetsSent || 0;
        if (s.type === 'outbound-rtp' && s.kind === 'video') videoFrames += s.framesSent || 0;
      });
    }
    return { audioPackets, videoFrames, connected };
  };
})();
// For failure messages: every connection and tile as this page sees it.
window.__debug = async () => {
  const pcs = [];
  for (const pc of window.__pcs) {
    const inbound = [];
    if (pc.connectionState !== 'closed') {
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp') inbound.push(`${s.kind}:${s.trackIdentifier} bytes=${s.bytesReceived} frames=${s.framesDecoded ?? ''} samples=${s.totalSamplesReceived ?? ''} energy=${s.totalAudioEnergy ?? ''}`);
      });
    }
    pcs.push(`${pc.connectionState}/${pc.signalingState} receivers=[${pc.getReceivers().map((r) => `${r.track.kind}:${r.track.id}:${r.track.readyState}`).join(' ')}] inbound=[${inbound.join('; ')}]`);
  }
  // What this page sends: each sender's track and the energy its microphone source measured.
  const senders = [];
  for (const pc of window.__pcs) {
    if (pc.connectionState === 'closed') continue;
    let source = '';
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'media-source' && s.kind === 'audio') source = `source energy=${s.totalAudioEnergy} level=${s.audioLevel}`;
      if (s.type === 'outbound-rtp' && s.kind === 'audio') source += ` sent=${s.packetsSent}`;
    });
    senders.push(`${pc.getSenders().map((x) => (x.track ? `${x.track.kind}:${x.track.id.slice(0, 8)}:${x.track.readyState}:${x.track.enabled ? 'on' : 'off'}${x.track.muted ? ':muted' : ''}` : 'none')).join(' ')} ${source}`);
  }
  const tiles = [...document.querySelectorAll('.tile')].map((t) => {
    const v = t.querySelector('video');
    const a = t.querySelector('audio');
    const tracks = (m) => (m?.srcObject ? m.srcObject.getTracks().map((x) => `${x.kind}:${x.id}:${x.readyState}`).join(' ') : 'none');
    return `${t.dataset.id.slice(0, 6)} ${t.querySelector('figcaption').textContent}: picture ${tracks(v)} paused=${v.paused}; sound ${tracks(a)} paused=${a?.paused ?? '-'}`;
  });
  return `connections:\n  ${pcs.join('\n  ')}\nsenders:\n  ${senders.join('\n  ')}\ntiles:\n  ${tiles.join('\n  ')}`;
};
