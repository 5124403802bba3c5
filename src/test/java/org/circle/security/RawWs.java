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
 * One WebSocket text frame of any declared size, written by hand: a polite client splits a
 * large message into fragments, an attacker sends a single frame whose header announces 10 MB.
 * Returns the close code the server answered with, -1 when it hung up without a close frame.
 */
final class RawWs {

    private RawWs() { }

    static int sendOneFrame(String baseUrl, String prefix, long payloadBytes) throws IOException {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String key = Base64.getEncoder().encodeToString("circle-raw-frame".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /ws HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String status = readHead(in);
            if (!status.startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + status);
            Thread writer = new Thread(() -> writeFrame(out, prefix.getBytes(StandardCharsets.UTF_8), payloadBytes), "raw-ws-frame");
            writer.setDaemon(true);
            writer.start();
            return readCloseCode(in);
        }
    }

    private static void writeFrame(OutputStream out, byte[] prefix, long payloadBytes) {
        try {
            byte[] head = new byte[14];
            head[0] = (byte) 0x81; // FIN, text
            head[1] = (byte) (0x80 | 127); // masked, 64-bit length
            for (int i = 0; i < 8; i++) head[2 + i] = (byte) (payloadBytes >>> (56 - 8 * i));
            // mask key 0,0,0,0: the payload goes as it is
            out.write(head);
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

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return head.toString();
    }

    private static int readCloseCode(DataInputStream in) throws IOException {
        try {
            while (true) {
                int first = in.read();
                if (first < 0) return -1;
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = in.readNBytes((int) length);
                if ((first & 0x0F) == 0x8) return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
            }
        } catch (java.net.SocketException | java.io.EOFException e) {
            return -1;
        }
    }
}
