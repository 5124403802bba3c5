package org.circle.signaling.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What Tyrus reads from a socket's connection, with each frame's length checked at its header
 * ({@link FrameLengths}). Header bytes whose length is not known yet are held back until it is.
 * A frame over the limit never reaches Tyrus: in its place Tyrus reads a close frame from the
 * client with 1009, which it answers as any close (its 1009 goes back to the client, the
 * session's {@code @OnClose} runs), and whatever the client sends after it is read and dropped.
 */
final class LimitedInput extends ServletInputStream {

    private static final byte[] NONE = new byte[0];
    private final ServletInputStream in;
    private final FrameLengths lengths;
    private final byte[] tooBig;
    private byte[] held = NONE;
    private ByteBuffer ready = ByteBuffer.wrap(NONE);
    private boolean refused;

    LimitedInput(ServletInputStream in, int limit) {
        this.in = in;
        this.lengths = new FrameLengths(limit);
        this.tooBig = closeFrame(1009, "A frame may carry at most " + limit / 1024 + " KiB.");
    }

    /** A client's close frame (masked, as a client's must be, with a mask of zeros). */
    static byte[] closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(8 + text.length);
        frame.put((byte) 0x88).put((byte) (0x80 | (2 + text.length))).putInt(0).putShort((short) code).put(text);
        return frame.array();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ready.hasRemaining()) return handOver(b, off, len);
        if (refused) return drop(len);
        if (held.length == 0 && len > 0) return readInPlace(b, off, len);
        byte[] work = Arrays.copyOf(held, held.length + Math.max(len, 1));
        int n = in.read(work, held.length, work.length - held.length);
        if (n <= 0) return n;
        int end = held.length + n;
        int overAt = lengths.scan(work, held.length, end);
        if (overAt == FrameLengths.WITHIN) {
            int decided = end - lengths.undecided();
            held = Arrays.copyOfRange(work, decided, end);
            ready = ByteBuffer.wrap(work, 0, decided);
        } else {
            refused = true;
            held = NONE;
            ready = ByteBuffer.allocate(overAt + tooBig.length).put(work, 0, overAt).put(tooBig).flip();
        }
        return handOver(b, off, len);
    }

    /**
     * The usual read, with no header bytes held back: straight into the reader's buffer and scanned
     * there, so that a socket's every read costs no copy and no allocation (this is every frame's path).
     */
    private int readInPlace(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n <= 0) return n;
        int overAt = lengths.scan(b, off, off + n);
        if (overAt == FrameLengths.WITHIN) {
            int undecided = lengths.undecided();
            if (undecided > 0) held = Arrays.copyOfRange(b, off + n - undecided, off + n);
            return n - undecided;
        }
        refused = true;
        ready = ByteBuffer.wrap(tooBig);
        int passed = overAt - off;
        return passed > 0 ? passed : handOver(b, off, len);
    }

    private int handOver(byte[] b, int off, int len) {
        int n = Math.min(len, ready.remaining());
        ready.get(b, off, n);
        return n;
    }

    /** The rest of a refused frame (and anything after it) is read only to be let go. */
    private int drop(int len) throws IOException {
        in.read(new byte[Math.max(1, Math.min(len, 16 * 1024))]);
        return 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == 1 ? one[0] & 0xFF : n;
    }

    @Override
    public int available() throws IOException {
        return ready.remaining() + in.available();
    }

    @Override public boolean isReady() { return ready.hasRemaining() || in.isReady(); }
    @Override public boolean isFinished() { return !ready.hasRemaining() && in.isFinished(); }
    @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    @Override public void close() throws IOException { in.close(); }
}
