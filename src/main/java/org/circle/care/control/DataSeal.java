package org.circle.care.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a value with AES-256-GCM from the JDK: a random 96-bit nonce per value, and the record's
 * id and the field's name as associated data, so that a sealed value copied into another row or
 * column no longer opens. A sealed value reads {@code keyId:base64(nonce || ciphertext || tag)};
 * the key id (the start of the key's SHA-256) lets a previous key keep opening older rows while
 * a new key seals new ones.
 */
public final class DataSeal {

    /** A sealed value that no key at hand opens: a lost or wrong key, or a value tampered with. */
    public static final class Unreadable extends Exception {
        Unreadable(String why) { super(why, null, false, false); }
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code previous} may be null; both keys are 32 bytes. */
    public DataSeal(byte[] current, byte[] previous) {
        currentId = add(current);
        if (previous != null) add(previous);
    }

    private String add(byte[] key) {
        if (key == null || key.length != 32) throw new IllegalArgumentException("a data key is 256 bits (32 bytes)");
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    public String seal(String plaintext, String recordId, String field) {
        return plaintext == null ? null : sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), recordId, field);
    }

    /** Seals bytes as they are: a value that is binary already (a saved room) is not turned into text twice. */
    public String sealBytes(byte[] plain, String recordId, String field) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = new byte[NONCE_BYTES + plain.length + TAG_BITS / 8];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(recordId, field));
            cipher.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public String open(String sealed, String recordId, String field) throws Unreadable {
        return sealed == null ? null : new String(openBytes(sealed, recordId, field), StandardCharsets.UTF_8);
    }

    public byte[] openBytes(String sealed, String recordId, String field) throws Unreadable {
        int colon = sealed.indexOf(':');
        if (colon < 0) throw new Unreadable("not a sealed value");
        SecretKeySpec key = keys.get(sealed.substring(0, colon));
        if (key == null) throw new Unreadable("sealed with a key Circle does not have");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a sealed value");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) throw new Unreadable("too short");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associated(recordId, field));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("the value does not belong here or was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The first 8 hex digits of the key's SHA-256: names a key without revealing it. */
    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] associated(String recordId, String field) {
        return (recordId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
