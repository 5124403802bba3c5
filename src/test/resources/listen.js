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

  // One analyser per played element, fed by what the element itself plays (its captured output),
  // read on every block the audio thread renders (timers in background pages are throttled to
  // about one tick a second, too rare to catch a beep). The context is made when first needed.
  const analysers = new WeakMap();
  let context = null;
  window.__audioState = () => context?.state ?? 'not made';
  const levelOf = (element) => {
    const stream = element.srcObject;
    if (!stream || stream.getAudioTracks().length === 0 || element.paused) return 0;
    context ??= new AudioContext();
    let entry = analysers.get(element);
    if (!entry || entry.stream !== stream) {
      if (entry) entry.source.disconnect();
      const analyser = context.createAnalyser();
      const source = context.createMediaStreamSource(element.captureStream());
      const reader = context.createScriptProcessor(2048, 1, 1);
      source.connect(analyser);
      source.connect(reader);
      reader.connect(context.destination); // its output is silence; connected only so that it runs
      entry = { stream, source, analyser, data: new Float32Array(analyser.fftSize), peak: 0 };
      reader.onaudioprocess = () => {
        entry.analyser.getFloatTimeDomainData(entry.data);
        for (const v of entry.data) entry.peak = Math.max(entry.peak, Math.abs(v));
      };
      analysers.set(element, entry);
    }
    const { peak } = entry;
    entry.peak = 0;
    return peak;
  };

  /** What this page receives from `name`'s tile: sound energy, samples played, peak level since the last call, frames decoded. */
  window.__tile = async (name) => {
    const tile = tileOf(name);
    const element = tile?.querySelector('video');
    const stream = element?.srcObject;
    if (!stream) return { present: !!tile, playing: false, energy: 0, samples: 0, level: 0, frames: 0 };
    const audio = stream.getAudioTracks()[0];
    const video = stream.getVideoTracks()[0];
    const a = audio ? await receiverStats(audio) : null;
    const v = video ? await receiverStats(video) : null;
    return {
      present: true,
      playing: !element.paused,
      energy: a?.totalAudioEnergy ?? 0,
      samples: a?.totalSamplesReceived ?? 0,
      level: levelOf(element),
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
  const tiles = [...document.querySelectorAll('.tile')].map((t) => {
    const v = t.querySelector('video');
    return `${t.dataset.id.slice(0, 6)} ${t.querySelector("figcaption").textContent}: ${v.srcObject ? v.srcObject.getTracks().map((x) => `${x.kind}:${x.id}:${x.readyState}`).join(' ') : 'no stream'} paused=${v.paused}`;
  });
  return `audio context: ${window.__audioState?.()}\nconnections:\n  ${pcs.join('\n  ')}\ntiles:\n  ${tiles.join('\n  ')}`;
};
