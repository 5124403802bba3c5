package org.circle.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's MariaDB, reachable inside the throwaway network namespace (ops/sfu/netns-run.sh):
 * the namespace has its own loopback, where 127.0.0.1:3306 is nobody, but it shares the file
 * system, so MariaDB's Unix socket is there. This listens on 127.0.0.1:3306 inside and copies
 * each connection to that socket, so that {@link TestDatabase} and instances of a cluster (which
 * need one database between them, unlike the embedded one) work unchanged. Nothing leaves the
 * machine: both ends are local. The socket is {@code CIRCLE_MARIADB_SOCKET}, by default Debian's.
 */
public final class DatabaseBridge implements AutoCloseable {

    private static final int PORT = 3306;
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new ArrayList<>();

    public DatabaseBridge() throws IOException {
        this.socket = Path.of(System.getenv().getOrDefault("CIRCLE_MARIADB_SOCKET", "/run/mysqld/mysqld.sock"));
        if (!Files.exists(socket)) {
            throw new IllegalStateException("MariaDB's socket " + socket + " is missing: bash ops/test-services.sh starts MariaDB"
                    + " (or set CIRCLE_MARIADB_SOCKET)");
        }
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", PORT));
        Thread accepting = new Thread(this::accept, "database-bridge");
        accepting.setDaemon(true);
        accepting.start();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel db = SocketChannel.open(StandardProtocolFamily.UNIX);
                db.connect(UnixDomainSocketAddress.of(socket));
                synchronized (open) {
                    open.add(client);
                    open.add(db);
                }
                copy(client, db);
                copy(db, client);
            } catch (IOException e) {
                if (server.isOpen()) System.err.println("DatabaseBridge: " + e);
            }
        }
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) to.write(buffer);
                    buffer.clear();
                }
            } catch (IOException e) {
                // the other side went; closing both below ends the pair
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "database-bridge-copy");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (SocketChannel c : open) c.close();
            open.clear();
        }
    }
}
