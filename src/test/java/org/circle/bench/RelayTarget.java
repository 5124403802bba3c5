package org.circle.bench;

import java.net.URI;

/** The raw WebSocket relay deployed beside Circle on the same Payara: the stack's own ceiling. */
final class RelayTarget extends Target {

    private final String base;
    private final long pid;

    RelayTarget(String baseUrl, long pid) {
        this.base = baseUrl.replace("http", "ws") + "/relay/relay/";
        this.pid = pid;
    }

    @Override String name() { return "raw relay (same Payara)"; }
    @Override long serverPid() { return pid; }
    @Override URI address(Peer peer) { return URI.create(base + peer.index); }
    @Override String hello(Peer peer) { return null; }

    @Override
    void received(Peer peer, String frame) {
        if (frame.startsWith("{\"type\":\"open\"")) {
            peer.id = String.valueOf(peer.index);
            peer.ready.complete(peer);
        }
    }

    @Override
    String relay(Peer from, Peer to, char kind, String payload) {
        return "{\"to\":\"" + to.id + "\",\"payload\":" + payload + "}";
    }
}
