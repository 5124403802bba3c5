package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonLimitsTest {

    @Test
    void ordinaryBodiesAndFramesPass() {
        assertNull(JsonLimits.problem("{\"type\":\"floor.grant\",\"participant\":\"p1\",\"seconds\":120,\"ref\":\"7\"}"));
        assertNull(JsonLimits.problem("{\"a\":-1.5e-3,\"b\":[1,2,{\"c\":null}],\"d\":\"[[[[ {{{{ 1e99999 \\\" ]]\"}"));
        assertNull(JsonLimits.problem("{\"x\":" + "[".repeat(31) + "]".repeat(31) + "}"), "32 levels");
    }

    @Test
    void depthAndNumbersBeyondTheLimitsAreNamed() {
        assertEquals("nests deeper than 32 levels", JsonLimits.problem("{\"x\":" + "[".repeat(32) + "]".repeat(32) + "}"));
        assertEquals("nests deeper than 32 levels", JsonLimits.problem("[".repeat(100_000)));
        assertTrue(JsonLimits.problem("{\"x\":" + "7".repeat(1100) + "}").contains("longer than 32"));
        assertTrue(JsonLimits.problem("{\"x\":1e9999999999}").contains("exponent"));
        assertTrue(JsonLimits.problem("{\"x\":1E+1000}").contains("exponent"));
        assertNull(JsonLimits.problem("{\"x\":1e999}"), "three exponent digits are allowed");
    }

    @Test
    void readObjectRefusesDuplicatesAndWhatTheParserWouldThrow() {
        assertEquals("repeats a key", assertThrows(Jsons.NotAnObject.class,
                () -> Jsons.readObject("{\"type\":\"hand.raise\",\"type\":\"mute.all\"}")).getMessage());
        assertEquals("repeats a key", assertThrows(Jsons.NotAnObject.class,
                () -> Jsons.readObject("{\"a\":{\"b\":1,\"b\":2}}")).getMessage());
        assertEquals("is not a JSON object", assertThrows(Jsons.NotAnObject.class, () -> Jsons.readObject("[1]")).getMessage());
        assertThrows(Jsons.NotAnObject.class, () -> Jsons.readObject("{} {}"));
        assertEquals("is not valid JSON", assertThrows(Jsons.NotAnObject.class, () -> Jsons.readObject("{\"a\":")).getMessage());
        assertEquals("is not valid JSON", assertThrows(Jsons.NotAnObject.class, () -> Jsons.readObject("")).getMessage());
        assertEquals(2, Jsons.readObject("{\"a\":1,\"b\":2}").size());
    }
}
