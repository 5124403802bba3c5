// Test instrumentation for the TURN test: every RTCPeerConnection a page makes may use relayed
// candidates only, as behind a firewall that lets nothing else through. Runs before page scripts.
(() => {
  const NativePc = window.RTCPeerConnection;
  window.__iceConfigs = [];
  window.RTCPeerConnection = function (config = {}, ...rest) {
    window.__iceConfigs.push(JSON.parse(JSON.stringify(config)));
    return new NativePc({ ...config, iceTransportPolicy: 'relay' }, ...rest);
  };
  window.RTCPeerConnection.prototype = NativePc.prototype;
  // What each connection's selected route is and how many relayed candidates it gathered.
  window.__routes = async () => {
    const out = [];
    for (const pc of window.__pcs || []) {
      const stats = await pc.getStats();
      let relayCandidates = 0, selected = null, frames = 0;
      stats.forEach((s) => {
        if (s.type === 'local-candidate' && s.candidateType === 'relay') relayCandidates++;
        if (s.type === 'transport' && s.selectedCandidatePairId) selected = stats.get(s.selectedCandidatePairId);
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
      });
      const local = selected ? stats.get(selected.localCandidateId) : null;
      const remote = selected ? stats.get(selected.remoteCandidateId) : null;
      out.push({ relayCandidates, frames, state: pc.connectionState,
        local: local ? local.candidateType : 'none', remote: remote ? remote.candidateType : 'none' });
    }
    return out;
  };
})();
