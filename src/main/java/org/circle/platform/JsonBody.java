package org.circle.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A request body read field by field, so that every refusal names the field at fault.
 * Resources take the body as text and read it through here rather than binding it blindly.
 */
public final class JsonBody {

    private final JsonObject json;

    private JsonBody(JsonObject json) { this.json = json; }

    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) throw ApiError.badRequest("body", "A JSON object is required.");
        try {
            return new JsonBody(Jsons.readObject(text));
        } catch (Jsons.NotAnObject e) {
            throw ApiError.badRequest("body", "The body " + e.getMessage() + ".");
        }
    }

    public boolean has(String field) {
        return json.containsKey(field) && json.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    /** A string that must be present; trimmed; 1..max characters; no control characters. */
    public String text(String field, int max) {
        String value = optionalText(field, max);
        if (value == null || value.isEmpty()) throw ApiError.badRequest(field, field + " is required.");
        return value;
    }

    public String optionalText(String field, int max) {
        if (!has(field)) return null;
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString s)) throw ApiError.badRequest(field, field + " must be a string.");
        String text = s.getString().strip();
        if (text.length() > max) throw ApiError.badRequest(field, field + " must be at most " + max + " characters.");
        return text;
    }

    /** Like {@link #text} but also refuses control characters (names shown to other people). */
    public String name(String field, int max) {
        String value = text(field, max);
        if (Texts.hasControlCharacters(value)) {
            throw ApiError.badRequest(field, field + " must not contain control characters.");
        }
        return value;
    }

    /** A password or secret: not trimmed, never echoed. */
    public String secret(String field, int min, int max) {
        if (!has(field) || !(json.get(field) instanceof JsonString s)) {
            throw ApiError.badRequest(field, field + " is required.");
        }
        String value = s.getString();
        if (value.length() < min) throw ApiError.badRequest(field, field + " must be at least " + min + " characters.");
        if (value.length() > max) throw ApiError.badRequest(field, field + " must be at most " + max + " characters.");
        return value;
    }

    public Integer optionalInt(String field, int min, int max) {
        if (!has(field)) return null;
        JsonValue value = json.get(field);
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !json.getJsonNumber(field).isIntegral()) {
            throw ApiError.badRequest(field, field + " must be a whole number.");
        }
        long n;
        try {
            n = json.getJsonNumber(field).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiError.badRequest(field, field + " must be between " + min + " and " + max + ".");
        }
        if (n < min || n > max) throw ApiError.badRequest(field, field + " must be between " + min + " and " + max + ".");
        return (int) n;
    }

    public boolean bool(String field, boolean fallback) {
        if (!has(field)) return fallback;
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE) return true;
        if (value == JsonValue.FALSE) return false;
        throw ApiError.badRequest(field, field + " must be true or false.");
    }

    public String email(String field) {
        String value = text(field, 254).toLowerCase(java.util.Locale.ROOT);
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@') || at == value.length() - 1 || value.chars().anyMatch(Character::isWhitespace)) {
            throw ApiError.badRequest(field, field + " must be an email address.");
        }
        return value;
    }
}
