package org.circle.account;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.circle.account.control.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "          ", "abababababab", "password12", "Password123!", "welcome2026!", "qwertyuiop",
            "1234567890", "0123456789", "QWERTY12345", "letmein!!!!", "1q2w3e4r5t", "iloveyou12", "12121212121", "!!!!!!!!!!password"})
    void commonAndMonotonousPasswordsAreRefused(String password) {
        assertNotNull(PasswordPolicy.problem(password), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long enough passphrase", "sam's passphrase", "harbour violet kettle", "Tr0mbone-Sunday", "correct horse ride"})
    void ordinaryPassphrasesPass(String password) {
        assertNull(PasswordPolicy.problem(password), password);
    }
}
