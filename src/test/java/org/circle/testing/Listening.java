package org.circle.testing;

import java.util.List;

/** The TCP sockets a process listens on, read with ss (iproute2), as an operator would check. */
public final class Listening {

    /** One listening socket: the local address as ss prints it ("*", "127.0.0.1", "[::ffff:127.0.0.1]") and the port. */
    public record Socket(String address, int port) {
        /** Bound to 127.0.0.1 only (plain or as an IPv4-mapped IPv6 address), not to every interface. */
        public boolean loopbackOnly() {
            return address.equals("127.0.0.1") || address.equals("[::ffff:127.0.0.1]");
        }
    }

    private Listening() {}

    public static List<Socket> sockets(long pid) throws Exception {
        Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes());
        ss.waitFor();
        return out.lines().filter(l -> l.contains("pid=" + pid + ","))
                .map(l -> l.trim().split("\\s+")[3])
                .map(local -> new Socket(local.substring(0, local.lastIndexOf(':')), Integer.parseInt(local.substring(local.lastIndexOf(':') + 1))))
                .distinct().toList();
    }

    public static List<Integer> ports(long pid) throws Exception {
        return sockets(pid).stream().map(Socket::port).distinct().sorted().toList();
    }
}
