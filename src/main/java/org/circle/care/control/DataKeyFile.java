package org.circle.care.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The data key as configured (base64 of 32 bytes) or, when none is, kept in a file that Circle
 * makes once with mode 600. No message here ever contains the key.
 */
public final class DataKeyFile {

    public static final String NAME = "circle-data.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DataKeyFile() { }

    /** The key from its base64 text; the message of a refusal names the setting, never the value. */
    public static byte[] parse(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(setting + " must be 32 bytes (256 bits) in base64, e.g. from `openssl rand -base64 32`");
        }
        return key;
    }

    /** Reads the key file in {@code dir}, or makes it (owner read/write only) when there is none yet. */
    public static Loaded loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.writeString(create(file), Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                return new Loaded(key, file, true);
            } catch (FileAlreadyExistsException raced) {
                // another start made it first: read theirs
            }
        }
        return new Loaded(parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString()), file, false);
    }

    private static Path create(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    /** True when the file can be read by others than its owner. */
    public static boolean tooOpen(Path file) {
        try {
            return !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public record Loaded(byte[] key, Path file, boolean created) { }
}
