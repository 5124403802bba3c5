package org.circle.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a name that others will read may be. A name must show at least one letter, digit or
 * symbol, and may not hide characters: format characters (zero-width spaces, soft hyphens, word
 * joiners, byte-order marks, bidirectional and tag characters), Hangul fillers, the combining
 * grapheme joiner, Mongolian variation selectors, and spaces other than the ordinary one all look
 * like nothing, and let a name pass for blank or for somebody else's. The zero-width joiner and
 * emoji variation selectors stay allowed: emoji sequences need them.
 */
public final class Names {

    public static final int MAX_LENGTH = 80;

    private Names() { }

    /** Why this name cannot be shown to others, if it cannot. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) return Optional.of("Please choose a name others will see.");
        if (name.length() > MAX_LENGTH) return Optional.of("A name can be at most " + MAX_LENGTH + " characters.");
        if (Texts.hasControlCharacters(name) || name.codePoints().anyMatch(Names::hidden)) {
            return Optional.of("That name contains characters that cannot be seen. Please type it with ordinary letters and spaces.");
        }
        if (name.codePoints().noneMatch(Names::visible)) return Optional.of("A name needs at least one letter or number.");
        return Optional.empty();
    }

    /** The form in which two names are the same to a reader: compatibility-normalised, case-folded, spaces collapsed. */
    public static String comparable(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.codePoints().filter(c -> !hidden(c) || c == ' ')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll("\\s+", " ");
    }

    /** True when the name reads as one of these (a member calling themselves by a facilitator's name). */
    public static boolean readsAs(String name, Iterable<String> others) {
        String mine = comparable(name);
        for (String other : others) if (other != null && comparable(other).equals(mine)) return true;
        return false;
    }

    private static boolean hidden(int c) {
        if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return false; // emoji sequences
        if (Character.getType(c) == Character.FORMAT) return true;
        if (Character.getType(c) == Character.SPACE_SEPARATOR) return c != ' ';
        return c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x034F || (c >= 0x180B && c <= 0x180F)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    private static boolean visible(int c) {
        if (hidden(c)) return false;
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
                || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL;
    }
}
