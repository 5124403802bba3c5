package org.circle.account.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.circle.platform.Secrets;

/**
 * PBKDF2-HMAC-SHA256 with a random salt and 210,000 iterations (OWASP's figure for this
 * algorithm), stored as {@code pbkdf2-sha256$iterations$salt$hash} so the cost can rise later
 * without breaking existing passwords.
 */
public final class PasswordHash {

    static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";

    private PasswordHash() { }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        Secrets.random().nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    public static boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) return false;
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
    public static void wasteEqualTime(String password) {
        derive(password, new byte[16], ITERATIONS);
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
