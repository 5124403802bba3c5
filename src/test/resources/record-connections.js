// Test instrumentation, injected before any page script: remembers every RTCPeerConnection and
// WebSocket a page makes, so a test can read getStats and drop a socket the way a network would.
(() => {
  const NativePc = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = function (...args) {
    const pc = new NativePc(...args);
    window.__pcs.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = NativePc.prototype;
  const NativeWs = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = function (...args) {
    const ws = new NativeWs(...args);
    window.__sockets.push(ws);
    return ws;
  };
  window.WebSocket.prototype = NativeWs.prototype;
  Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3, CONNECTING: 0, CLOSING: 2 });
  window.__media = async () => {
    const out = [];
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'closed') continue;
      let video = 0, audio = 0, energy = 0;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') video += s.framesDecoded || 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') { audio += s.bytesReceived || 0; energy += s.totalAudioEnergy || 0; }
      });
      out.push({ video, audio, energy, state: pc.connectionState });
    }
    return out;
  };
})();
