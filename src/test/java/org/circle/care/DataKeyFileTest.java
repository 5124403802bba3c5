package org.circle.care;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.circle.care.control.DataKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesAnOwnerOnlyKeyAndLaterStartsReadIt() throws Exception {
        Path data = dir.resolve("data");
        var first = DataKeyFile.loadOrCreate(data);
        assertTrue(first.created());
        assertEquals(32, first.key().length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
        assertFalse(DataKeyFile.tooOpen(first.file()));
        var second = DataKeyFile.loadOrCreate(data);
        assertFalse(second.created());
        assertArrayEquals(first.key(), second.key());
        Files.setPosixFilePermissions(first.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(DataKeyFile.tooOpen(first.file()));
    }

    @Test
    void aConfiguredKeyMustBe256BitsOfBase64AndTheRefusalNeverShowsIt() {
        byte[] key = new byte[32];
        key[0] = 7;
        assertArrayEquals(key, DataKeyFile.parse(" " + Base64.getEncoder().encodeToString(key) + "\n", "CIRCLE_DATA_KEY"));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        var tooShort = assertThrows(IllegalArgumentException.class, () -> DataKeyFile.parse(shortKey, "CIRCLE_DATA_KEY"));
        assertTrue(tooShort.getMessage().contains("CIRCLE_DATA_KEY") && !tooShort.getMessage().contains(shortKey));
        var notBase64 = assertThrows(IllegalArgumentException.class, () -> DataKeyFile.parse("secret!value", "CIRCLE_DATA_KEY"));
        assertFalse(notBase64.getMessage().contains("secret!value"));
    }
}
