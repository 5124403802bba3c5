package org.circle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The version an entry carries in the clear before its sealed room, read without opening it. */
class StoredEntryTest {

    @Test
    void theNumberBeforeTheColonIsTheVersion() {
        assertEquals(0, GridSharing.versionOf("0:sealed"));
        assertEquals(4711, GridSharing.versionOf("4711:v1:sealed:with:colons"));
    }

    @Test
    void anEntryWithoutANumberIsAlwaysOpened() {
        assertEquals(Long.MAX_VALUE, GridSharing.versionOf("v1:sealed"), "an entry written before the number was added");
        assertEquals(Long.MAX_VALUE, GridSharing.versionOf("sealed"));
        assertEquals(Long.MAX_VALUE, GridSharing.versionOf(":sealed"));
        assertEquals(Long.MAX_VALUE, GridSharing.versionOf("1234567890123456789012:sealed"), "too long to be a version");
    }
}
