package dev.sxn.math.internal;

import static dev.sxn.math.internal.NativeLibrariesTest.sha;
import static dev.sxn.math.internal.NativeLibrariesTest.withNativeDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 3: a cached native file is hashed once; later loads (in this JVM or the next: the record is on
 * disk, so a second {@code extract} here is what a second JVM start does) compare its fingerprint record
 * instead, and hash again, then replace or refuse the file, whenever the file or the record is not exactly as
 * recorded: changed content (even with the size and modification time put back), another inode, a record
 * for another hash, a forged or foreign record.
 */
class NativeFingerprintTest {
    private static final String RESOURCE = "dev/sxn/math/kernels/vectorops.cl";
    private static final String FILE = "vectorops.cl";

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs a POSIX file system");
    }

    private static NativeLibraries.NativeFile file() throws Exception {
        return new NativeLibraries.NativeFile(RESOURCE, sha(RESOURCE));
    }

    private static Path extract(Path root) throws Exception {
        var f = file();
        return withNativeDir(root, () -> NativeLibraries.extract("t", List.of(f)));
    }

    private static byte[] resourceBytes() throws IOException {
        try (InputStream in = NativeFingerprintTest.class.getResourceAsStream("/" + RESOURCE)) {
            return in.readAllBytes();
        }
    }

    /**
     * Extracts until the record is in place: a file changed within the file system's current clock tick is
     * deliberately not recorded (it is hashed again next time), so a test that has just written one waits a tick.
     */
    private static Path extractAndRecord(Path root) throws Exception {
        for (int i = 0; ; i++) {
            Path dir = extract(root);
            if (FileFingerprint.matches(dir.resolve(FILE), sha(RESOURCE))) return dir;
            if (i == 10) fail("no fingerprint record after 10 extractions");
            Thread.sleep(20);
        }
    }

    /** Files hashed by one extraction of the test file into {@code root}. */
    private static int hashesOfExtract(Path root) throws Exception {
        int before = NativeLibraries.filesHashed();
        extract(root);
        return NativeLibraries.filesHashed() - before;
    }

    /** Flips one byte of {@code f} in place (same size, same inode), then puts its modification time back. */
    private static void flipOneByteKeepingSizeAndMtime(Path f) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------")); // extracted read-only
        Files.write(f, b); // truncates and rewrites the same inode
        Files.setLastModifiedTime(f, mtime);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
    }

    @Test
    void aSecondExtractVerifiesByTheFingerprintWithoutHashing(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        assertTrue(hashesOfExtract(root) >= 1, "the first extraction hashes what it extracts");
        Path dir = extractAndRecord(root);
        assertTrue(Files.exists(dir.resolve(FILE + FileFingerprint.SUFFIX)), "a fingerprint record beside the file");
        assertEquals(0, hashesOfExtract(root), "a later start trusts the matching record: no file is hashed");
        assertEquals(0, hashesOfExtract(root));
        assertTrue(Arrays.equals(resourceBytes(), Files.readAllBytes(dir.resolve(FILE))));
    }

    @Test
    void aChangedFileIsHashedAgainRefusedAndReplacedEvenWithItsSizeAndMtimePutBack(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        Path f = extractAndRecord(root).resolve(FILE);
        assertEquals(0, hashesOfExtract(root));
        FileFingerprint.Stat before = FileFingerprint.Stat.of(f);
        flipOneByteKeepingSizeAndMtime(f);
        FileFingerprint.Stat after = FileFingerprint.Stat.of(f);
        assertEquals(before.size(), after.size());
        assertEquals(before.mtimeNs(), after.mtimeNs(), "the modification time was put back");
        assertEquals(before.ino(), after.ino());

        var e = assertThrows(IOException.class, () -> NativeLibraries.verifyCached(f, sha(RESOURCE)), "the changed file is refused");
        assertTrue(e.getMessage().contains("SHA-256 of " + f), e.getMessage());
        assertTrue(hashesOfExtract(root) >= 1, "the status-change time gave it away: the file was hashed again");
        assertTrue(Arrays.equals(resourceBytes(), Files.readAllBytes(f)), "and replaced by a verified copy");
    }

    @Test
    void aFileReplacedByAnotherInodeWithTheSameSizeAndTimesIsHashedAgain(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        Path f = extractAndRecord(root).resolve(FILE);
        assertEquals(0, hashesOfExtract(root));
        Path copy = Files.copy(f, tmp.resolve("copy"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)), "same bytes, size and mtime, another inode: not the recorded file");
        assertTrue(hashesOfExtract(root) >= 1);
        extractAndRecord(root);
        assertEquals(0, hashesOfExtract(root), "hashed, recorded again, then trusted");
    }

    @Test
    void aRecordForAnotherHashAForgedRecordAndALinkedRecordAreNotTrusted(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        Path f = extractAndRecord(root).resolve(FILE);
        Path record = FileFingerprint.recordOf(f);
        String good = Files.readString(record);
        assertTrue(FileFingerprint.matches(f, sha(RESOURCE)));
        assertFalse(FileFingerprint.matches(f, "00".repeat(32)), "a record says which hash it verified");

        Files.writeString(record, good.replace(sha(RESOURCE), "11".repeat(32)));
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)));
        Files.writeString(record, "garbage\n");
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)));

        Path elsewhere = Files.writeString(tmp.resolve("elsewhere"), good);
        Files.delete(record);
        Files.createSymbolicLink(record, elsewhere);
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)), "a record that is a symbolic link is not read");
        assertTrue(hashesOfExtract(root) >= 1);
        assertFalse(Files.isSymbolicLink(record), "the link was replaced by a record of our own");
        assertEquals(good, Files.readString(elsewhere), "and what it pointed to left alone");
        extractAndRecord(root);
        assertEquals(0, hashesOfExtract(root));
    }

    @Test
    void aRecordAnotherUserOwnsOrCanWriteIsNotTrusted(@TempDir Path tmp) throws Exception {
        assumeTrue(CacheDirectory.currentUid() == 0, "needs root to give a file to another user");
        Path root = tmp.resolve("cache");
        Path f = extractAndRecord(root).resolve(FILE);
        Path record = FileFingerprint.recordOf(f);
        assertTrue(FileFingerprint.matches(f, sha(RESOURCE)));
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)), "others could have written it");
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(record, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertFalse(FileFingerprint.matches(f, sha(RESOURCE)), "nobody's record is not ours");
    }
}
