package org.circle.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP/1.1 by hand, for requests a polite client will not send: a body that goes on for 50 MB,
 * a path with an encoded NUL. Sends the head, streams the body until the server answers or hangs
 * up, and returns what the server said.
 */
final class RawHttp {

    record Reply(int status, String head, String body, long millis) { }

    private RawHttp() { }

    /** Sends {@code head} (request line and headers, without the blank line) then {@code bodyBytes} of 'x'. */
    static Reply send(String baseUrl, String head, long bodyBytes, boolean chunked) throws IOException {
        return send(baseUrl, head, "", bodyBytes, chunked);
    }

    /** Sends {@code head}, then {@code literal} as the start of the body, then {@code bodyBytes} of 'x'. */
    static Reply send(String baseUrl, String head, String literal, long bodyBytes, boolean chunked) throws IOException {
        URI base = URI.create(baseUrl);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + base.getHost() + "\r\n\r\n" + literal).getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> writeBody(out, bodyBytes, chunked), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readAnswer(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String headPart = split < 0 ? text : text.substring(0, split);
            String bodyPart = split < 0 ? "" : text.substring(split + 4);
            int status = headPart.isEmpty() ? -1 : Integer.parseInt(headPart.split(" ")[1]);
            return new Reply(status, headPart, bodyPart, millis);
        }
    }

    private static void writeBody(OutputStream out, long bytes, boolean chunked) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        try {
            for (long sent = 0; sent < bytes; sent += block.length) {
                int n = (int) Math.min(block.length, bytes - sent);
                if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(block, 0, n);
                if (chunked) out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the server hung up on the body, as it should once it has answered
        }
    }

    /** Reads one answer: the head, then Content-Length bytes (or until the server closes). */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int length = -1;
        int headEnd = -1;
        byte[] buffer = new byte[8192];
        while (true) {
            if (headEnd >= 0 && length >= 0 && seen.size() >= headEnd + length) break;
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException e) {
                break; // reset after the answer
            }
            if (n < 0) break;
            seen.write(buffer, 0, n);
            if (headEnd < 0) {
                String text = seen.toString(StandardCharsets.ISO_8859_1);
                int split = text.indexOf("\r\n\r\n");
                if (split >= 0) {
                    headEnd = split + 4;
                    for (String line : text.substring(0, split).split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                    }
                }
            }
        }
        return seen.toByteArray();
    }
}
