package org.circle.signaling.boundary;

/**
 * Reads the frame headers of what a client sends on a socket, to find a frame that announces more
 * than the limit as soon as its length is known. Tyrus keeps a frame whole in memory before it
 * compares it with {@code maxMessageSize}, and a frame larger than its 4 MB input buffer ends in
 * an internal error (1011) instead of "too big" (1009); looking at the header costs nothing and
 * holds nothing. Only lengths are read: masks, opcodes and payloads are Tyrus's business.
 */
final class FrameLengths {

    /** What {@link #scan} answers while every frame is within the limit. */
    static final int WITHIN = -1;

    private final long limit;
    /** Bytes of the current frame (its mask and payload) still to come once its length is known. */
    private long bodyLeft;
    /** Bytes of the current header seen while its length is not yet known. */
    private int headerSeen;
    private int lengthBytes;
    private boolean masked;
    private long length;

    FrameLengths(long limit) {
        this.limit = limit;
    }

    /**
     * Reads {@code bytes[from, to)}, the next bytes from the client. Returns where the first frame
     * over the limit begins (which may be before {@code from}, in header bytes read earlier that
     * the caller still holds: see {@link #undecided()}), or {@link #WITHIN}.
     */
    int scan(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (bodyLeft > 0) {
                long skip = Math.min(bodyLeft, to - i);
                bodyLeft -= skip;
                i += (int) skip;
                continue;
            }
            int b = bytes[i++] & 0xFF;
            headerSeen++;
            if (headerSeen == 1) continue; // FIN, opcode
            if (headerSeen == 2) {
                masked = (b & 0x80) != 0;
                int short7 = b & 0x7F;
                lengthBytes = short7 == 126 ? 2 : short7 == 127 ? 8 : 0;
                length = lengthBytes == 0 ? short7 : 0;
            } else {
                length = (length << 8) | b;
            }
            if (headerSeen == 2 + lengthBytes) {
                // a 64-bit length with its top bit set is negative here, and too big all the same
                if (length < 0 || length > limit) return i - headerSeen;
                bodyLeft = (masked ? 4 : 0) + length;
                headerSeen = 0;
            }
        }
        return WITHIN;
    }

    /** How many of the last bytes scanned begin a header whose length is not known yet. */
    int undecided() {
        return headerSeen;
    }
}
