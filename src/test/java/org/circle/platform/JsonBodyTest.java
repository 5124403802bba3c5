package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static ApiError refusal(Runnable r) {
        return assertThrows(ApiError.class, r::run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,2]", "\"text\"", "42", "null", "{\"a\":1}}"})
    void onlyAJsonObjectIsABody(String text) {
        ApiError e = refusal(() -> JsonBody.parse(text));
        assertEquals(400, e.status());
        assertEquals("body", e.field());
    }

    @Test
    void textIsTrimmedAndBounded() {
        JsonBody body = JsonBody.parse("{\"name\":\"  Ann  \",\"long\":\"" + "x".repeat(81) + "\",\"n\":3}");
        assertEquals("Ann", body.text("name", 80));
        assertEquals("long", refusal(() -> body.text("long", 80)).field());
        assertEquals("n", refusal(() -> body.text("n", 80)).field());
        assertEquals("missing", refusal(() -> body.text("missing", 80)).field());
        assertNull(body.optionalText("missing", 80));
    }

    @Test
    void namesRefuseControlAndBidiCharactersButKeepEmoji() {
        assertEquals("name", refusal(() -> JsonBody.parse("{\"name\":\"a\\u0000b\"}").name("name", 80)).field());
        assertEquals("name", refusal(() -> JsonBody.parse("{\"name\":\"evil\\u202Egnp\"}").name("name", 80)).field());
        assertEquals("Zoë 👩‍👩‍👧", JsonBody.parse("{\"name\":\"Zoë 👩‍👩‍👧\"}").name("name", 80));
    }

    @Test
    void wholeNumbersWithinBounds() {
        JsonBody body = JsonBody.parse("{\"a\":5,\"b\":-1,\"c\":1.5,\"d\":\"5\",\"e\":99999999999999999999}");
        assertEquals(5, body.optionalInt("a", 1, 10));
        assertEquals("b", refusal(() -> body.optionalInt("b", 1, 10)).field());
        assertEquals("c", refusal(() -> body.optionalInt("c", 1, 10)).field());
        assertEquals("d", refusal(() -> body.optionalInt("d", 1, 10)).field());
        assertEquals("e", refusal(() -> body.optionalInt("e", 1, 10)).field());
        assertNull(body.optionalInt("zzz", 1, 10));
    }

    @Test
    void emailsAreLowerCasedAndChecked() {
        assertEquals("ann@clinic.test", JsonBody.parse("{\"e\":\" Ann@Clinic.TEST \"}").email("e"));
        for (String bad : new String[] {"ann", "@clinic", "ann@", "a@b@c", "a b@c.d"}) {
            assertEquals("e", refusal(() -> JsonBody.parse("{\"e\":\"" + bad + "\"}").email("e")).field(), bad);
        }
    }

    @Test
    void booleansAndSecrets() {
        JsonBody body = JsonBody.parse("{\"t\":true,\"s\":\"yes\",\"p\":\"  spaced  \"}");
        assertTrue(body.bool("t", false));
        assertFalse(body.bool("missing", false));
        assertEquals("s", refusal(() -> body.bool("s", false)).field());
        assertEquals("  spaced  ", body.secret("p", 1, 100), "secrets are not trimmed");
        assertEquals("p", refusal(() -> body.secret("p", 20, 100)).field());
    }
}
