package dev.sxn.math.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The record that a file in the native cache was verified by its SHA-256, so that a later JVM re-checks a
 * few attributes instead of hashing the file again (the bundled OpenBLAS is tens of megabytes).
 *
 * <p>Beside {@code <file>} in the same owner-only directory, {@code <file>.verified} holds one line: the
 * expected SHA-256 the file was found to have, and the file's device, inode, size, modification time and
 * status-change time (nanoseconds). {@link #matches} trusts a file without hashing only when the record
 * passes the same checks as a cached library ({@link CacheDirectory#checkCachedFile}: a regular file of
 * this user's that nobody else can write, not a link) and every value equals the file's now. Any write to
 * the file through the file system sets its status-change time to the current time (which no system call
 * lets a process set back), and replacing it changes its inode; so a changed, truncated or replaced
 * library no longer matches and is hashed again. See {@link NativeLibraries} for who can write there at
 * all, and the README's security notes for what this does and does not guard against.
 *
 * <p>A record is written only for a file that had not changed within the file system's timestamp
 * granularity before it was hashed (its status-change time is older than a file created just before
 * hashing), and whose attributes are the same before and after hashing: otherwise a write landing in the
 * same clock tick as the hashed state could leave every attribute as recorded. Such a file is simply
 * hashed again by the next JVM.
 */
final class FileFingerprint {
    /** The record's suffix. */
    static final String SUFFIX = ".verified";
    // A record is one short line; anything longer is not one of ours.
    private static final long MAX_RECORD = 512;

    private FileFingerprint() {}

    /** The attributes a record holds, read without following links. */
    record Stat(Object dev, Object ino, long size, long mtimeNs, long ctimeNs) {
        static Stat of(Path file) throws IOException {
            Map<String, Object> m = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
            return new Stat(m.get("dev"), m.get("ino"), (Long) m.get("size"), ns((FileTime) m.get("lastModifiedTime")),
                    ns((FileTime) m.get("ctime")));
        }

        private static long ns(FileTime t) {
            return t.to(TimeUnit.NANOSECONDS);
        }

        String line(String sha256) {
            return "sha256 " + sha256 + " dev " + dev + " ino " + ino + " size " + size + " mtime " + mtimeNs + " ctime " + ctimeNs;
        }
    }

    /** The record of {@code file}. */
    static Path recordOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /**
     * Whether {@code file} carries a trustworthy record saying it had SHA-256 {@code sha256} and is unchanged
     * since. Any doubt (no record, a record that fails the cache checks or differs) answers false: hash it.
     */
    static boolean matches(Path file, String sha256) {
        Path record = recordOf(file);
        try {
            if (!CacheDirectory.checkCachedFile(record) || Files.size(record) > MAX_RECORD) return false;
            String recorded = Files.readString(record, StandardCharsets.US_ASCII).strip();
            return recorded.equals(Stat.of(file).line(sha256));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Hashes {@code file} and, when it has SHA-256 {@code sha256} and was settled as the class comment says,
     * records that; returns the hash it has.
     *
     * @throws IOException if the file cannot be read
     */
    static String hashAndRecord(Path file, String sha256) throws IOException {
        Stat before = Stat.of(file);
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + SUFFIX, ".tmp");
        try {
            // The new file's time is "now" on the file system's own clock, the one that stamps the library.
            boolean settled = before.ctimeNs() < Stat.of(tmp).mtimeNs();
            String actual = NativeLibraries.sha256(file);
            if (actual.equals(sha256) && settled && before.equals(Stat.of(file))) {
                Files.writeString(tmp, before.line(sha256) + "\n", StandardCharsets.US_ASCII);
                // rename(2) within the directory: a reader sees the old record or the whole new one.
                Files.move(tmp, recordOf(file), StandardCopyOption.ATOMIC_MOVE);
            }
            return actual;
        } finally {
            Files.deleteIfExists(tmp); // nothing there once moved into place
        }
    }
}
