package org.circle.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P through one provider looked up once. Each static {@code Jsons.createX} call looks the
 * provider up again with a ServiceLoader scan of the application's class path; on Payara that
 * scan cost more than everything else a relayed signal does (measured by the load benchmark's
 * profile, see docs/performance.md), so nothing in Circle calls {@code Json} directly.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    /**
     * For what clients send: a repeated key is refused rather than resolved to the last one (which
     * let {"type":"hand.raise","type":"mute.all"} run mute.all), and the depth is bounded a second
     * time. Both are Parsson's own settings, honoured by the Parsson that Payara ships (1.1.5).
     */
    private static final JsonParserFactory STRICT = PROVIDER.createParserFactory(Map.of(
            "org.eclipse.parsson.rejectDuplicateKeys", true,
            "org.eclipse.parsson.maxDepth", JsonLimits.MAX_DEPTH));

    /** A client's text that is not one JSON object within {@link JsonLimits}; the message is a phrase. */
    public static final class NotAnObject extends RuntimeException {
        NotAnObject(String phrase) {
            super(phrase, null, false, false);
        }
    }

    private Jsons() { }

    public static JsonObjectBuilder createObjectBuilder() { return PROVIDER.createObjectBuilder(); }
    public static JsonObjectBuilder createObjectBuilder(JsonObject object) { return PROVIDER.createObjectBuilder(object); }
    public static JsonArrayBuilder createArrayBuilder() { return PROVIDER.createArrayBuilder(); }
    public static JsonArrayBuilder createArrayBuilder(JsonArray array) { return PROVIDER.createArrayBuilder(array); }
    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) { return PROVIDER.createArrayBuilder(values); }
    public static JsonReader createReader(Reader reader) { return PROVIDER.createReader(reader); }
    public static JsonParser createParser(Reader reader) { return PROVIDER.createParser(reader); }

    /**
     * One JSON object sent by a client (a REST body, a socket frame): limits checked before parsing,
     * duplicate keys refused, and whatever the parser throws turned into {@link NotAnObject}.
     */
    public static JsonObject readObject(String text) {
        String problem = JsonLimits.problem(text);
        if (problem != null) throw new NotAnObject(problem);
        try (JsonParser parser = STRICT.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) throw new NotAnObject("is not a JSON object");
            JsonObject object = parser.getObject();
            if (parser.hasNext()) throw new NotAnObject("is more than one JSON object");
            return object;
        } catch (NotAnObject e) {
            throw e;
        } catch (IllegalStateException e) {
            String message = String.valueOf(e.getMessage());
            throw new NotAnObject(message.startsWith("Duplicate key") ? "repeats a key" : "is not valid JSON");
        } catch (RuntimeException e) {
            // JsonException, NoSuchElementException, NumberFormatException, Parsson's own RuntimeException
            throw new NotAnObject("is not valid JSON");
        }
    }

    /** A string as a JSON string literal, quotes and escapes included. */
    public static String quote(String text) { return PROVIDER.createValue(text).toString(); }
}
