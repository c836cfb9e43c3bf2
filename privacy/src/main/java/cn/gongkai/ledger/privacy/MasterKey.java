package cn.gongkai.ledger.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key (AES-256) that wraps every case's data key. Production gives it in the configuration
 * ({@code LEDGER_MASTER_KEY}: 32 bytes, base64), the same for every service; the embedded run keeps it in a file of
 * its data folder, generated on first run ({@code master.key}, readable by its owner only). It never enters
 * MongoDB, so a copy of the database alone reads no personal data.
 */
public final class MasterKey {
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("the master key must be " + BYTES + " bytes (base64), not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** From its base64 form (as in {@code LEDGER_MASTER_KEY}). */
    public static MasterKey ofBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not " + BYTES + " bytes of base64: "
                    + e.getMessage(), e);
        }
    }

    /** From {@code file}; a new random key is written to it first if it does not exist. */
    public static MasterKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return ofBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".master", ".key");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
        Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            Files.deleteIfExists(temporary);
        }
    }

    SecretKey key() {
        return key;
    }

    /** A new random key, for tests. */
    public static MasterKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }

}
