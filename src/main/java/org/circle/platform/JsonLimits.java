package org.circle.platform;

/**
 * What a JSON text may ask of the parser, checked on the text itself before any parser sees it:
 * nesting depth and the length of numbers. Circle's bodies and frames are flat objects of names,
 * ids and small whole numbers; 1,000 levels of nesting, an exponent that overflows or a number of
 * 1,100 digits can only be an attack, and each made the parser throw something other than a
 * parse error. One pass over the characters, strings skipped.
 */
public final class JsonLimits {

    public static final int MAX_DEPTH = 32;
    /** Sign, digits, point and exponent together. */
    public static final int MAX_NUMBER_CHARS = 32;
    public static final int MAX_EXPONENT_DIGITS = 3;

    private JsonLimits() { }

    /** Why the text exceeds a limit, as a phrase ("nests deeper than 32 levels"), or null when it does not. */
    public static String problem(CharSequence text) {
        int depth = 0;
        boolean inString = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > MAX_DEPTH) return "nests deeper than " + MAX_DEPTH + " levels";
                }
                case '}', ']' -> depth--;
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        int end = numberEnd(text, i);
                        String number = text.subSequence(i, end).toString();
                        if (number.length() > MAX_NUMBER_CHARS) return "has a number longer than " + MAX_NUMBER_CHARS + " characters";
                        if (exponentDigits(number) > MAX_EXPONENT_DIGITS) return "has a number with an exponent too large";
                        i = end - 1;
                    }
                }
            }
        }
        return null;
    }

    private static int numberEnd(CharSequence text, int start) {
        int i = start;
        while (i < text.length() && "+-.eE0123456789".indexOf(text.charAt(i)) >= 0) i++;
        return i;
    }

    private static int exponentDigits(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) return 0;
        String digits = number.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+", "");
        return digits.length();
    }
}
