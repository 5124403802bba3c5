package org.circle.security;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A WebSocket client written by hand, so that each message goes as exactly one frame of the size
 * the test chooses: a polite client splits a large message into fragments, an attacker sends a
 * single frame whose header announces 10 MB.
 */
final class RawWs implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private int closeCode;

    private RawWs(String baseUrl) throws IOException {
        URI base = URI.create(baseUrl);
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("circle-raw-frame".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in = new DataInputStream(socket.getInputStream());
        String status = readHead(in);
        if (!status.startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + status);
    }

    static RawWs open(String baseUrl) throws IOException {
        return new RawWs(baseUrl);
    }

    /**
     * Sends one text frame announcing {@code payloadBytes} that starts with {@code prefix} and goes
     * on with 'x', from another thread, and returns the close code the server answered with (-1
     * when it hung up without a close frame).
     */
    static int sendOneFrame(String baseUrl, String prefix, long payloadBytes) throws IOException {
        try (RawWs ws = open(baseUrl)) {
            Thread writer = new Thread(() -> ws.writeFrame(prefix.getBytes(StandardCharsets.UTF_8), payloadBytes), "raw-ws-frame");
            writer.setDaemon(true);
            writer.start();
            while (ws.nextText() != null) {
                // answers before the close do not count
            }
            return ws.closeCode;
        }
    }

    /** Sends {@code text} as one frame, padded with spaces (which JSON allows) to {@code payloadBytes}. */
    RawWs sendPadded(String text, int payloadBytes) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > payloadBytes) throw new IllegalArgumentException("the text is longer than the frame");
        byte[] payload = Arrays.copyOf(bytes, payloadBytes);
        Arrays.fill(payload, bytes.length, payloadBytes, (byte) ' ');
        writeHead(payloadBytes);
        out.write(payload);
        out.flush();
        return this;
    }

    private void writeFrame(byte[] prefix, long payloadBytes) {
        try {
            writeHead(payloadBytes);
            out.write(prefix);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'x');
            for (long sent = prefix.length; sent < payloadBytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, payloadBytes - sent));
            }
            out.flush();
        } catch (IOException e) {
            // the server hung up mid-frame
        }
    }

    /** FIN, text, masked with a key of zeros (the payload goes as it is), 64-bit length. */
    private void writeHead(long payloadBytes) throws IOException {
        byte[] head = new byte[14];
        head[0] = (byte) 0x81;
        head[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) head[2 + i] = (byte) (payloadBytes >>> (56 - 8 * i));
        out.write(head);
    }

    /** The next text frame the server sends, or null once it closed (see {@link #closeCode()}). */
    String nextText() throws IOException {
        try {
            while (true) {
                int first = in.read();
                if (first < 0) return hungUp();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = in.readNBytes((int) length);
                int opcode = first & 0x0F;
                if (opcode == 0x8) {
                    closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    return null;
                }
                if (opcode == 0x1) return new String(payload, StandardCharsets.UTF_8);
            }
        } catch (java.net.SocketException | java.io.EOFException e) {
            return hungUp();
        }
    }

    private String hungUp() {
        closeCode = -1;
        return null;
    }

    int closeCode() {
        return closeCode;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
