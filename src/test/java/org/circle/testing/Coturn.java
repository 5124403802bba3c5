package org.circle.testing;

import java.util.List;

/**
 * Debian's coturn with the TURN REST shared secret (use-auth-secret): the TURN server a clinic
 * runs, shrunk to this machine. By default it listens and relays on loopback only; given the
 * address of the test's network namespace (ops/sfu/netns-run.sh) it listens on both and relays on
 * the namespace's own interface, which nothing outside the namespace can reach.
 */
public final class Coturn extends Daemon {

    public final int port;

    public Coturn(String secret) { this(secret, CircleProcess.freePort()); }

    public final String address;

    public Coturn(String secret, int port) { this(secret, port, "127.0.0.1"); }

    /** Also listening on 127.0.0.1, where the start waits for it to answer. */
    public Coturn(String secret, int port, String address) {
        super("coturn");
        this.port = port;
        this.address = address;
        List<String> command = new java.util.ArrayList<>(List.of("turnserver", "-n", "--listening-ip=127.0.0.1"));
        if (!address.equals("127.0.0.1")) command.add("--listening-ip=" + address);
        command.addAll(List.of("--relay-ip=" + address, "--listening-port=" + port,
                "--min-port=49160", "--max-port=49400", "--allow-loopback-peers",
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=circle.test",
                "--fingerprint", "--no-tls", "--no-dtls", "--no-cli", "--no-rfc5780", "--no-multicast-peers",
                "--userdb=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turn.pid"),
                "--log-file=stdout", "--simple-log", "--verbose"));
        start(command, port);
    }

    public String url() { return "turn:" + address + ":" + port + "?transport=udp"; }
}
