package org.circle.platform;

/** Small checks on text that people type and others read. */
public final class Texts {

    private Texts() { }

    /**
     * Control characters, line separators and bidirectional overrides would let a name break a
     * layout or disguise itself as another. Joiners stay allowed: emoji sequences need them.
     */
    public static boolean hasControlCharacters(String s) {
        return s.codePoints().anyMatch(c -> Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069));
    }
}
