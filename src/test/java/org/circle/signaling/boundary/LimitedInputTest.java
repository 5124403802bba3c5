package org.circle.signaling.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What Tyrus reads through {@link LimitedInput}, however the client's bytes are split up. */
class LimitedInputTest {

    private static final int LIMIT = 64 * 1024;

    /** A masked client frame (mask of zeros) with a payload of {@code size} bytes. */
    static byte[] frame(int opcode, long size, boolean withPayload) {
        ByteBuffer head = ByteBuffer.allocate(14);
        head.put((byte) (0x80 | opcode));
        if (size >= 0 && size < 126) head.put((byte) (0x80 | size));
        else if (size >= 0 && size <= 0xFFFF) head.put((byte) (0x80 | 126)).putShort((short) size);
        else head.put((byte) (0x80 | 127)).putLong(size);
        head.putInt(0);
        byte[] payload = withPayload ? new byte[(int) size] : new byte[0];
        Arrays.fill(payload, (byte) 'x');
        ByteBuffer all = ByteBuffer.allocate(head.position() + payload.length);
        return all.put(head.array(), 0, head.position()).put(payload).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Reads everything through a LimitedInput whose source gives at most {@code chunk} bytes a read. */
    static byte[] readThrough(byte[] sent, int chunk, int readSize) throws IOException {
        LimitedInput limited = new LimitedInput(new Source(sent, chunk), LIMIT);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] b = new byte[readSize];
        for (int guard = 0; guard < 10_000_000 && (limited.isReady()); guard++) {
            int n = limited.read(b, 0, b.length);
            if (n < 0) break;
            seen.write(b, 0, n);
        }
        return seen.toByteArray();
    }

    @Test
    void framesWithinTheLimitPassUnchangedHoweverTheyAreSplit() throws IOException {
        byte[] sent = concat(frame(1, 5, true), frame(1, 200, true), frame(2, LIMIT, true), frame(9, 0, true), frame(1, 125, true), frame(1, 126, true), frame(1, 0xFFFF, true));
        for (int chunk : new int[] {1, 2, 3, 7, 13, 1000, 16384, sent.length}) {
            assertArrayEquals(sent, readThrough(sent, chunk, 16384), "source chunks of " + chunk);
            assertArrayEquals(sent, readThrough(sent, chunk, 5), "source chunks of " + chunk + ", reads of 5");
        }
    }

    @Test
    void aFrameOverTheLimitBecomesACloseWith1009AndNothingOfItPasses() throws IOException {
        byte[] before = concat(frame(1, 10, true), frame(1, 300, true));
        byte[] close = LimitedInput.closeFrame(1009, "A frame may carry at most 64 KiB.");
        // -1: a 64-bit length with its top bit set
        for (long size : new long[] {LIMIT + 1, 10L * 1024 * 1024, Long.MAX_VALUE, -1L}) {
            byte[] sent = concat(before, frame(1, size, false), new byte[100_000], frame(1, 5, true));
            for (int chunk : new int[] {1, 3, 11, 16384, sent.length}) {
                assertArrayEquals(concat(before, close), readThrough(sent, chunk, 16384), size + " bytes, source chunks of " + chunk);
            }
        }
    }

    @Test
    void theCloseFrameIsMaskedAndSays1009() {
        byte[] close = LimitedInput.closeFrame(1009, "no");
        assertArrayEquals(new byte[] {(byte) 0x88, (byte) 0x84, 0, 0, 0, 0, 0x03, (byte) 0xF1, 'n', 'o'}, close);
        assertEquals(1009, ((close[6] & 0xFF) << 8) | (close[7] & 0xFF));
    }

    /** A servlet input stream over bytes, giving at most {@code chunk} bytes a read, as a network would. */
    private static final class Source extends ServletInputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Source(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, Math.min(len, chunk));
            return n < 0 ? -1 : n;
        }
        @Override public int available() { return Math.min(in.available(), chunk); }
        @Override public boolean isReady() { return in.available() > 0; }
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public void setReadListener(ReadListener listener) { }
    }
}
