package org.circle.signaling;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Random;

/**
 * Makes frames for fuzzing: well-formed ones of every type with plausible or absurd fields, and
 * mutations of them (fields dropped or retyped, text cut short, bytes changed). Every frame keeps
 * a ref or is no JSON at all, so each one is owed exactly one answer. Frames that would end the
 * fuzzer's own socket (leave, over 64 KiB) are not made.
 */
final class FrameMutator {

    private static final String[] TYPES = {"hand.raise", "hand.lower", "floor.yield", "round.pass", "self.media",
            "support.request", "signal", "admit", "admit.all", "deny", "remove", "mute", "mute.all", "unmute.request",
            "mode.set", "lock", "floor.grant", "floor.revoke", "round.start", "round.next", "round.stop",
            "waiting.message", "session.end", "media.publish", "media.subscribe", "media.ice", "hello", "nonsense", "",
            "support.ack", "message.facilitators", "message.send"};
    private static final String[] FIELDS = {"participant", "to", "payload", "audio", "video", "note", "mode", "locked",
            "seconds", "order", "text", "reason", "sdp", "candidate", "protocol", "ticket", "id"};

    private final Random random;
    private final List<String> ids;
    private int counter;

    FrameMutator(Random random, List<String> ids) {
        this.random = random;
        this.ids = ids;
    }

    String next() {
        String ref = "z" + (counter++);
        JsonObjectBuilder frame = Json.createObjectBuilder().add("type", TYPES[random.nextInt(TYPES.length)]).add("ref", ref);
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) addField(frame, FIELDS[random.nextInt(FIELDS.length)]);
        String text = frame.build().toString();
        String mutated = switch (random.nextInt(6)) {
            case 0 -> truncate(text);
            case 1 -> flip(text);
            default -> text;
        };
        return wellFormedUtf16(mutated);
    }

    /** A WebSocket text frame must be valid UTF-8: a cut through an emoji leaves half a pair. */
    private static String wellFormedUtf16(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void addField(JsonObjectBuilder frame, String field) {
        switch (random.nextInt(9)) {
            case 0 -> frame.add(field, ids.get(random.nextInt(ids.size())));
            case 1 -> frame.add(field, random.nextBoolean());
            case 2 -> frame.add(field, random.nextInt());
            case 3 -> frame.add(field, random.nextDouble() * 1e12);
            case 4 -> frame.addNull(field);
            case 5 -> frame.add(field, Json.createObjectBuilder().add("sdp", "v=0").add("nested", Json.createArrayBuilder().add(1)));
            case 6 -> frame.add(field, Json.createArrayBuilder().add(ids.get(random.nextInt(ids.size()))).add("nobody"));
            case 7 -> frame.add(field, "x".repeat(random.nextInt(700)));
            default -> frame.add(field, "\u202e\u0000\ud83d\ude00 <script>");
        }
    }

    /** Cut short: no longer JSON, answered BAD_MESSAGE without a ref. */
    private String truncate(String text) {
        return text.substring(0, 1 + random.nextInt(text.length() - 1));
    }

    /** One character changed: sometimes still JSON, sometimes not. Kept away from the ref so it stays answerable. */
    private String flip(String text) {
        char[] chars = text.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (32 + random.nextInt(95));
        String flipped = new String(chars);
        return flipped.contains("\"ref\":\"z") ? flipped : truncate(text);
    }
}
