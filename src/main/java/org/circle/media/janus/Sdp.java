package org.circle.media.janus;

/** The little Circle reads from an SDP: the mid of a kind of media, which VideoRoom's moderate names. */
final class Sdp {

    private Sdp() { }

    /** The {@code a=mid} of the first {@code m=kind} section, or null when there is none. */
    static String mid(String sdp, String kind) {
        boolean inSection = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) inSection = line.startsWith("m=" + kind + " ");
            else if (inSection && line.startsWith("a=mid:")) return line.substring("a=mid:".length()).strip();
        }
        return null;
    }
}
