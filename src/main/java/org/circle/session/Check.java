package org.circle.session;

import java.util.List;

/** Field checks for commands; a failure is a BAD_MESSAGE naming the field. */
final class Check {

    static final int MAX_TEXT = 500;
    static final int MAX_SECONDS = 3600;

    private Check() { }

    static String id(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 64) throw bad(field + " must be a participant id");
        return value;
    }

    static String optionalText(String value, String field) {
        if (value == null) return null;
        if (value.length() > MAX_TEXT) throw bad(field + " must be at most " + MAX_TEXT + " characters");
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) throw bad(field + " is required");
        return optionalText(value, field);
    }

    static Integer seconds(Integer value, String field) {
        if (value != null && (value < 1 || value > MAX_SECONDS)) throw bad(field + " must be between 1 and " + MAX_SECONDS);
        return value;
    }

    static List<String> ids(List<String> values, String field) {
        if (values == null) return null;
        for (String v : values) id(v, field);
        return values;
    }

    static Refusal.RefusedException bad(String message) {
        return Refusal.of(ErrorCode.BAD_MESSAGE, message);
    }

    static Refusal.RefusedException refuse(ErrorCode code, String message) {
        return Refusal.of(code, message);
    }
}
