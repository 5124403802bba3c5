package org.circle.media;

/**
 * One published stream: a person's camera with their microphone, or the screen they share (v1.1).
 * The media port names a stream by its {@link #key()}, which is the participant's id for the camera,
 * so adapters that know nothing of screens carry a share as one more publisher.
 */
public record Feed(String participant, Source source) {

    /** The wire's {@code source}. */
    public enum Source {
        CAMERA, SCREEN;

        public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** Absent means the camera, as in version 1; null for anything else. */
        public static Source fromWire(String wire) {
            if (wire == null || wire.equals("camera")) return CAMERA;
            return wire.equals("screen") ? SCREEN : null;
        }
    }

    private static final String SCREEN_SUFFIX = ":screen"; // participant ids are letters and digits

    public static Feed camera(String participant) { return new Feed(participant, Source.CAMERA); }

    public static Feed screen(String participant) { return new Feed(participant, Source.SCREEN); }

    public String key() { return source == Source.SCREEN ? participant + SCREEN_SUFFIX : participant; }

    /** The feed a media port's key names. */
    public static Feed of(String key) {
        return key.endsWith(SCREEN_SUFFIX) ? screen(key.substring(0, key.length() - SCREEN_SUFFIX.length())) : camera(key);
    }
}
