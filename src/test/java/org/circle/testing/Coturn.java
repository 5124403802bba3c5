package org.circle.testing;

import java.util.List;

/**
 * Debian's coturn on 127.0.0.1 with the TURN REST shared secret (use-auth-secret), relaying only
 * on loopback: the TURN server a clinic runs, shrunk to this machine.
 */
public final class Coturn extends Daemon {

    public final int port;

    public Coturn(String secret) { this(secret, CircleProcess.freePort()); }

    public Coturn(String secret, int port) {
        super("coturn");
        this.port = port;
        start(List.of("turnserver", "-n",
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                "--min-port=49160", "--max-port=49400", "--allow-loopback-peers",
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=circle.test",
                "--fingerprint", "--no-tls", "--no-dtls", "--no-cli", "--no-rfc5780", "--no-multicast-peers",
                "--userdb=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turn.pid"),
                "--log-file=stdout", "--simple-log", "--verbose"), port);
    }

    public String url() { return "turn:127.0.0.1:" + port + "?transport=udp"; }
}
