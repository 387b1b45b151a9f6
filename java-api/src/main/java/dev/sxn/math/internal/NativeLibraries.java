package dev.sxn.math.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts native libraries from class-path resources into a per-user cache directory and verifies
 * them before every load.
 *
 * <p>The directory is {@code <cache>/<tag>-<hash>}, where the cache is found and checked by
 * {@link CacheDirectory} ({@code sxn.native.dir}, else {@code $XDG_CACHE_HOME/sxn-math}, else
 * {@code ~/.cache/sxn-math}; in a shared sticky directory such as {@code /tmp}, a per-user
 * {@code sxn-math-<uid>} inside it) and the hash is made from the files' expected SHA-256s
 * ({@link #setName}), so two versions never share a directory. Files are written under a temporary name, made owner read-only and renamed into place,
 * so two JVMs extracting at once are safe. Every file is checked against the SHA-256 packaged at build time
 * (or pinned in the source) before each load, and libraries are loaded by absolute path only. The first JVM
 * to find a file hashes it and leaves a fingerprint record beside it ({@link FileFingerprint}: the expected
 * hash with the file's device, inode, size, modification and status-change times); later JVMs re-check the
 * file's owner, mode and type and compare the record instead of reading the whole file again, and hash it
 * whenever anything differs.
 *
 * <p><b>Between the hash and the load.</b> {@code dlopen} opens the file by name after we hashed it, so
 * whoever can change that name in between could have any library loaded. Two ways close the window:
 * hash the bytes of an open descriptor and load {@code /proc/self/fd/N}, or make sure nobody else can
 * change the name. We do the second: {@link CacheDirectory} requires every directory from {@code /}
 * down to the cache to be this user's or root's and writable by nobody else (or sticky, with ours
 * below it), the tag directory and the files to be ours and not links (checked without following
 * links), and we rename only within that directory. Then only this user or root can swap a file, and
 * either could load anything anyway. It also keeps loading by the file's real path (so
 * {@code $ORIGIN} finds a library's neighbours, and {@code sxn info} names the real file), which a
 * descriptor path would not, and it works for libraries that other code loads by path, such as JOCL's.
 */
public final class NativeLibraries {
    private static final java.util.Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");
    private static final AtomicInteger HASHED = new AtomicInteger();

    private NativeLibraries() {}

    /** One file to extract: its resource path and expected SHA-256 (lower-case hex). */
    public record NativeFile(String resource, String sha256) {
        /** The bare file name. */
        public String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    /**
     * Extracts (or reuses, when already present with the right hash) every file into one cache
     * directory and verifies them all. Resources are read through this class's loader.
     *
     * @param tag a version tag naming the directory
     * @param files the files, all extracted side by side (so {@code $ORIGIN} RUNPATHs resolve)
     * @return the directory holding the verified files
     * @throws IOException if a resource is missing, a hash differs or the directory is unsafe
     */
    public static Path extract(String tag, List<NativeFile> files) throws IOException {
        return extract(tag, files, NativeLibraries.class);
    }

    /**
     * As {@link #extract(String, List)}, reading the resources through {@code owner}
     * ({@code owner.getResourceAsStream}): on the module path a resource is visible only through a
     * class of the module that holds it (JOCL's library through {@code org.jocl.CL}).
     *
     * @param tag a version tag naming the directory
     * @param files the files, all extracted side by side
     * @param owner a class of the module (or class path) that holds the resources
     * @return the directory holding the verified files
     * @throws IOException if a resource is missing, a hash differs or the directory is unsafe
     */
    public static Path extract(String tag, List<NativeFile> files, Class<?> owner) throws IOException {
        return extract(tag, files, resource -> owner.getResourceAsStream("/" + resource));
    }

    /** Where {@link #extract(String, List, ResourceSource)} reads a resource's bytes. */
    @FunctionalInterface
    public interface ResourceSource {
        /**
         * Opens a resource by its path (no leading slash).
         *
         * @return the stream, or null when this source has no such resource
         * @throws IOException if it exists but cannot be read
         */
        InputStream open(String resource) throws IOException;
    }

    /**
     * As {@link #extract(String, List)}, reading the resources from {@code source}: a class of the module
     * that holds them, or a module on the module path that is not resolved ({@link ModulePathResources}).
     *
     * @param tag a version tag naming the directory
     * @param files the files, all extracted side by side
     * @param source where the resources' bytes come from
     * @return the directory holding the verified files
     * @throws IOException if a resource is missing, a hash differs or the directory is unsafe
     */
    public static Path extract(String tag, List<NativeFile> files, ResourceSource source) throws IOException {
        Path dir = CacheDirectory.forName(tag + "-" + setName(files));
        for (NativeFile f : files) {
            Path target = dir.resolve(f.fileName());
            if (CacheDirectory.checkCachedFile(target) && isVerified(target, f.sha256())) continue;
            Path tmp = Files.createTempFile(dir, f.fileName(), ".tmp");
            try {
                try (InputStream in = source.open(f.resource())) {
                    if (in == null) throw new IOException("resource " + f.resource() + " not found on the class path");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                verify(tmp, f.sha256());
                // Owner read-only: a stray write by this user's own tools fails instead of changing a library.
                Files.setPosixFilePermissions(tmp, READ_ONLY);
                // rename(2) within one directory: atomic, and it replaces a name, never what a link points to.
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        for (NativeFile f : files) {
            Path target = dir.resolve(f.fileName());
            if (!CacheDirectory.checkCachedFile(target)) throw new IOException("cached native library " + target + " disappeared after extraction");
            verifyCached(target, f.sha256());
        }
        return dir;
    }

    /**
     * Sixteen hex digits that differ between sets of files with different expected hashes: the first 64 bits of
     * each hash, combined in order. The name only keeps versions apart (every file is checked against its own
     * hash), and it needs no digest, whose first use in a JVM costs more than the rest of a fingerprinted start.
     */
    static String setName(List<NativeFile> files) {
        long mix = 0;
        for (NativeFile f : files) mix = mix * 1_000_003 + Long.parseUnsignedLong(f.sha256().substring(0, 16), 16);
        return HexFormat.of().toHexDigits(mix);
    }

    /**
     * Throws unless the cached {@code file} has SHA-256 {@code expected}: by its fingerprint record when that
     * matches ({@link FileFingerprint}), else by hashing it (and recording the result for the next JVM).
     * The caller has checked the file itself ({@link CacheDirectory#checkCachedFile}).
     */
    static void verifyCached(Path file, String expected) throws IOException {
        if (!isVerified(file, expected)) throw mismatch(file, FileFingerprint.hashAndRecord(file, expected), expected);
    }

    // Hashing a file whose record does not match gives the same answer as hashing it afresh, so a record can
    // only save work, never accept a file that hashing would refuse.
    private static boolean isVerified(Path file, String expected) throws IOException {
        return FileFingerprint.matches(file, expected) || FileFingerprint.hashAndRecord(file, expected).equals(expected);
    }

    /** Throws unless the file's SHA-256 equals {@code expected} (always hashes it). */
    public static void verify(Path file, String expected) throws IOException {
        String actual = sha256(file);
        if (!actual.equals(expected)) throw mismatch(file, actual, expected);
    }

    private static IOException mismatch(Path file, String actual, String expected) {
        return new IOException("SHA-256 of " + file + " is " + actual + ", expected " + expected
                + " (a modified or partial file; delete it to re-extract)");
    }

    /** Lower-case hex SHA-256 of a file, read in blocks (a library is never held in memory whole). */
    public static String sha256(Path file) throws IOException {
        HASHED.incrementAndGet();
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** How many files this JVM has hashed ({@link #sha256(Path)}): for tests that a fingerprint saved the work. */
    static int filesHashed() {
        return HASHED.get();
    }

    /** Reads a one-line hex hash resource ({@code <resource>.sha256}), or null when absent. */
    public static String packagedSha256(String resource) {
        try (InputStream in = NativeLibraries.class.getResourceAsStream("/" + resource + ".sha256")) {
            return in == null ? null : new String(in.readAllBytes()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
