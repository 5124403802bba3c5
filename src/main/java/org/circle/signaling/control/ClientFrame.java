package org.circle.signaling.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.circle.platform.Jsons;

/**
 * One frame from a client, read field by field. Every problem is a {@link BadFrame} that names
 * the field, so the client hears exactly what was wrong and the socket stays open.
 */
public final class ClientFrame {

    /** The frame could not be understood; {@code ref} is echoed when it could be read. */
    public static final class BadFrame extends RuntimeException {
        public final String ref;

        BadFrame(String ref, String message) {
            super(message, null, false, false);
            this.ref = ref;
        }
    }

    private final JsonObject json;
    private final String type;
    private final String ref;

    private ClientFrame(JsonObject json, String type, String ref) {
        this.json = json;
        this.type = type;
        this.ref = ref;
    }

    public static ClientFrame parse(String text) {
        JsonObject json;
        try {
            json = Jsons.readObject(text);
        } catch (Jsons.NotAnObject e) {
            throw new BadFrame(null, "The frame " + e.getMessage() + ".");
        }
        String ref = null;
        if (json.containsKey("ref")) {
            if (!(json.get("ref") instanceof JsonString s) || s.getString().length() > 64) {
                throw new BadFrame(null, "ref must be a string of at most 64 characters.");
            }
            ref = s.getString();
        }
        if (!(json.get("type") instanceof JsonString t)) throw new BadFrame(ref, "type is required.");
        return new ClientFrame(json, t.getString(), ref);
    }

    public String type() { return type; }
    public String ref() { return ref; }

    public BadFrame bad(String message) { return new BadFrame(ref, message); }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) throw bad(field + " is required.");
        return value;
    }

    public String optionalText(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) return null;
        if (!(v instanceof JsonString s)) throw bad(field + " must be a string.");
        return s.getString();
    }

    public Boolean optionalBool(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) return null;
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw bad(field + " must be true or false.");
    }

    public boolean bool(String field) {
        Boolean value = optionalBool(field);
        if (value == null) throw bad(field + " is required.");
        return value;
    }

    public Integer optionalInt(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) return null;
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !json.getJsonNumber(field).isIntegral()) throw bad(field + " must be a whole number.");
        try {
            return json.getJsonNumber(field).intValueExact();
        } catch (ArithmeticException e) {
            throw bad(field + " is out of range.");
        }
    }

    public JsonObject object(String field) {
        JsonValue v = json.get(field);
        if (!(v instanceof JsonObject o)) throw bad(field + " must be an object.");
        return o;
    }

    public List<String> optionalTexts(String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) return null;
        if (!(v instanceof JsonArray array) || array.size() > 100) throw bad(field + " must be a list of ids.");
        List<String> out = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) throw bad(field + " must be a list of ids.");
            out.add(s.getString());
        }
        return out;
    }
}
