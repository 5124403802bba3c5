package org.circle.account.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which new passwords Circle refuses, beyond their length: ones on the list that guessing starts
 * with (resource common-passwords.txt, with its source), a common word with digits or signs
 * added ("password12", "welcome2026!"), and ones with fewer than {@value #MIN_DISTINCT} distinct
 * characters ("aaaaaaaaaa", ten spaces). Checked when a facilitator is set up or added, never at
 * login: an existing password keeps working.
 */
public final class PasswordPolicy {

    static final int MIN_DISTINCT = 5;
    /** Words that, with digits or signs added at their end, are still among the first guesses. */
    private static final Set<String> BASE_WORDS = Set.of("password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertz",
            "azerty", "letmein", "welcome", "iloveyou", "admin", "administrator", "changeme", "circle", "facilitator",
            "therapy", "secret", "abc", "abcdef", "monkey", "dragon", "football", "baseball", "sunshine", "princess");
    private static final Set<String> COMMON = load();

    private PasswordPolicy() { }

    /** Why the password is refused, as a sentence for the person choosing it, or null when it is fine. */
    public static String problem(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return "password needs at least " + MIN_DISTINCT + " different characters.";
        }
        String base = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "").replaceAll("^[\\d\\p{Punct}\\s]+", "");
        if (COMMON.contains(lower) || COMMON.contains(lower.strip()) || base.isEmpty() || BASE_WORDS.contains(base)) {
            return "password is one of the first that anyone would guess. Please choose another, such as a few unrelated words.";
        }
        return null;
    }

    private static Set<String> load() {
        var resource = PasswordPolicy.class.getResourceAsStream("/org/circle/account/common-passwords.txt");
        if (resource == null) throw new IllegalStateException("common-passwords.txt is missing from the build");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
