package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction into an owner-only cache, SHA-256 verification, and refusal of unsafe directories. */
class NativeLibrariesTest {
    private static final String RESOURCE = "dev/sxn/math/kernels/vectorops.cl";

    static String sha(String resource) throws Exception {
        try (InputStream in = NativeLibrariesTest.class.getResourceAsStream("/" + resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    static Path withNativeDir(Path dir, IoAction action) throws Exception {
        String before = System.getProperty("sxn.native.dir");
        System.setProperty("sxn.native.dir", dir.toString());
        try {
            return action.run();
        } finally {
            if (before == null) System.clearProperty("sxn.native.dir");
            else System.setProperty("sxn.native.dir", before);
        }
    }

    interface IoAction {
        Path run() throws IOException;
    }

    @Test
    void extractsOwnerOnlyAndReusesAVerifiedFile(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        var file = new NativeLibraries.NativeFile(RESOURCE, sha(RESOURCE));
        Path dir = withNativeDir(root, () -> NativeLibraries.extract("t", List.of(file)));
        assertTrue(dir.startsWith(root));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Path f = dir.resolve("vectorops.cl");
        long mtime = Files.getLastModifiedTime(f).toMillis();
        Path again = withNativeDir(root, () -> NativeLibraries.extract("t", List.of(file)));
        assertEquals(dir, again);
        assertEquals(mtime, Files.getLastModifiedTime(f).toMillis(), "a verified file is reused, not rewritten");
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "extracted files are owner read-only");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("vectorops.cl", "vectorops.cl" + FileFingerprint.SUFFIX), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the file and its fingerprint record; no temporary files are left behind");
        }
    }

    @Test
    void aTamperedFileFailsVerificationAndIsReplacedOnExtract(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        var file = new NativeLibraries.NativeFile(RESOURCE, sha(RESOURCE));
        Path dir = withNativeDir(root, () -> NativeLibraries.extract("t", List.of(file)));
        Path f = dir.resolve("vectorops.cl");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------")); // extracted read-only
        Files.writeString(f, "planted");
        var e = assertThrows(IOException.class, () -> NativeLibraries.verify(f, file.sha256()));
        assertTrue(e.getMessage().contains("SHA-256 of " + f), e.getMessage());
        withNativeDir(root, () -> NativeLibraries.extract("t", List.of(file)));
        NativeLibraries.verify(f, file.sha256());
    }

    @Test
    void aWrongPackagedHashIsRefused(@TempDir Path tmp) {
        var file = new NativeLibraries.NativeFile(RESOURCE, "00".repeat(32));
        var e = assertThrows(IOException.class, () -> withNativeDir(tmp.resolve("c"), () -> NativeLibraries.extract("t", List.of(file))));
        assertTrue(e.getMessage().contains("expected " + "00".repeat(32)), e.getMessage());
    }

    @Test
    void aDirectoryOthersCanWriteIsRefused(@TempDir Path tmp) throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        var e = assertThrows(IOException.class, () -> CacheDirectory.ensurePrivate(open));
        assertTrue(e.getMessage().contains("writable by group or others (mode 777)"), e.getMessage());
    }
}
