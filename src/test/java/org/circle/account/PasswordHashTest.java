package org.circle.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circle.account.control.PasswordHash;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        String stored = PasswordHash.hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"));
        assertFalse(stored.contains("correct horse"));
        assertTrue(PasswordHash.matches("correct horse battery", stored));
        assertFalse(PasswordHash.matches("correct horse batterY", stored));
        assertFalse(PasswordHash.matches("", stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(PasswordHash.hash("same password"), PasswordHash.hash("same password"));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertFalse(PasswordHash.matches("x", null));
        assertFalse(PasswordHash.matches("x", "plain"));
        assertFalse(PasswordHash.matches("x", "sha1$1$AA==$AA=="));
    }
}
