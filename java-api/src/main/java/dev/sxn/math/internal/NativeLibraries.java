package dev.sxn.math.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Extracts native libraries from class-path resources into a per-user cache directory and verifies
 * them before every load.
 *
 * <p>The directory is {@code sxn.native.dir} if set, else {@code $XDG_CACHE_HOME/sxn-math/<tag>}, else
 * {@code ~/.cache/sxn-math/<tag>}, where the tag is the library version plus a hash of the files' expected
 * SHA-256s (so two versions never share a directory). It is created owner-only ({@code rwx------}), and a
 * directory that another user owns, or that group or others can write, is refused: anyone who can write
 * there could plant a library we would load. Files are written under a temporary name and renamed into
 * place, so two JVMs extracting at once are safe. Every file's SHA-256 is checked against the value
 * packaged at build time before each load, and libraries are loaded by absolute path only.
 */
public final class NativeLibraries {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

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
     * directory and verifies them all.
     *
     * @param tag a version tag naming the directory
     * @param files the files, all extracted side by side (so {@code $ORIGIN} RUNPATHs resolve)
     * @return the directory holding the verified files
     * @throws IOException if a resource is missing, a hash differs or the directory is unsafe
     */
    public static Path extract(String tag, List<NativeFile> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (NativeFile f : files) all.append(f.sha256());
        Path dir = cacheRoot().resolve(tag + "-" + sha256(all.toString().getBytes()).substring(0, 16));
        ensurePrivateDirectory(dir);
        for (NativeFile f : files) {
            Path target = dir.resolve(f.fileName());
            if (Files.isRegularFile(target) && sha256(target).equals(f.sha256())) continue;
            Path tmp = Files.createTempFile(dir, f.fileName(), ".tmp");
            try {
                try (InputStream in = NativeLibraries.class.getResourceAsStream("/" + f.resource())) {
                    if (in == null) throw new IOException("resource " + f.resource() + " not found on the class path");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                verify(tmp, f.sha256());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        for (NativeFile f : files) verify(dir.resolve(f.fileName()), f.sha256());
        return dir;
    }

    /** Throws unless the file's SHA-256 equals {@code expected}. */
    public static void verify(Path file, String expected) throws IOException {
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new IOException("SHA-256 of " + file + " is " + actual + ", expected " + expected
                    + " (a modified or partial file; delete it to re-extract)");
        }
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** Reads a one-line hex hash resource ({@code <resource>.sha256}), or null when absent. */
    public static String packagedSha256(String resource) {
        try (InputStream in = NativeLibraries.class.getResourceAsStream("/" + resource + ".sha256")) {
            return in == null ? null : new String(in.readAllBytes()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static Path cacheRoot() {
        String dir = System.getProperty("sxn.native.dir");
        if (dir != null && !dir.isBlank()) return Path.of(dir).toAbsolutePath();
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path root = base.toAbsolutePath().resolve("sxn-math");
        try {
            ensurePrivateDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Creates {@code dir} owner-only if missing; refuses it if another user owns or can write it. */
    static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // Another JVM created it first; it is checked below like any existing directory.
            }
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid");
        int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int mode = (Integer) Files.getAttribute(dir, "unix:mode");
        if (owner != me) {
            throw new IOException("native library directory " + dir + " is owned by uid " + owner + ", not by this user (uid "
                    + me + "); set -Dsxn.native.dir to a directory of your own");
        }
        if ((mode & 0022) != 0) {
            throw new IOException("native library directory " + dir + " is writable by group or others (mode "
                    + Integer.toOctalString(mode & 0777) + "); run chmod 700 on it or set -Dsxn.native.dir");
        }
    }
}
