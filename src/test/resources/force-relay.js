// Test instrumentation for the TURN test: every RTCPeerConnection a page makes may use relayed
// candidates only, as behind a firewall that lets nothing else through. Runs before page scripts.
(() => {
  const NativePc = window.RTCPeerConnection;
  window.__iceConfigs = [];
  window.RTCPeerConnection = function (config = {}, ...rest) {
    window.__iceConfigs.push(JSON.parse(JSON.stringify(config)));
    const pc = new NativePc({ ...config, iceTransportPolicy: 'relay' }, ...rest);
    // What happened to each connection and when, for a failing test's message: a TURN error
    // (icecandidateerror: unreachable, refused credentials) or a gathering that never began.
    const born = Date.now(), log = [];
    const note = (what) => log.push(`${Date.now() - born}ms ${what}`);
    pc.addEventListener('icecandidateerror', (e) => note(`candidate error ${e.errorCode} ${e.errorText} ${e.url} from ${e.address}:${e.port}`));
    pc.addEventListener('icegatheringstatechange', () => note(`gathering ${pc.iceGatheringState}`));
    pc.addEventListener('icecandidate', (e) => note(`candidate ${e.candidate ? e.candidate.candidate : 'end'}`));
    pc.addEventListener('signalingstatechange', () => note(`signaling ${pc.signalingState}`));
    pc.addEventListener('connectionstatechange', () => note(`connection ${pc.connectionState}`));
    (window.__pcLogs = window.__pcLogs || []).push({ born, log });
    return pc;
  };
  window.RTCPeerConnection.prototype = NativePc.prototype;
  // What each open connection's selected route is and how many relayed candidates it gathered.
  window.__routes = async () => {
    const out = [];
    for (const pc of window.__pcs || []) {
      if (pc.connectionState === 'closed') continue; // replaced (mesh.js starts a connection over)
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
