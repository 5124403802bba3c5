package org.circle.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON-P through one provider looked up once. Each static {@code Jsons.createX} call looks the
 * provider up again with a ServiceLoader scan of the application's class path; on Payara that
 * scan cost more than everything else a relayed signal does (measured by the load benchmark's
 * profile, see docs/performance.md), so nothing in Circle calls {@code Json} directly.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() { }

    public static JsonObjectBuilder createObjectBuilder() { return PROVIDER.createObjectBuilder(); }
    public static JsonObjectBuilder createObjectBuilder(JsonObject object) { return PROVIDER.createObjectBuilder(object); }
    public static JsonArrayBuilder createArrayBuilder() { return PROVIDER.createArrayBuilder(); }
    public static JsonArrayBuilder createArrayBuilder(JsonArray array) { return PROVIDER.createArrayBuilder(array); }
    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) { return PROVIDER.createArrayBuilder(values); }
    public static JsonReader createReader(Reader reader) { return PROVIDER.createReader(reader); }
    public static JsonParser createParser(Reader reader) { return PROVIDER.createParser(reader); }

    /** A string as a JSON string literal, quotes and escapes included. */
    public static String quote(String text) { return PROVIDER.createValue(text).toString(); }
}
