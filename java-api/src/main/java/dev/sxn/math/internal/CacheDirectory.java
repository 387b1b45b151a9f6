package dev.sxn.math.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Finds and creates the native-library cache directory so that no other local user can change what
 * is in it: not the files, not the directory, not any directory above it.
 *
 * <p>The base is {@code sxn.native.dir} if set, else {@code $XDG_CACHE_HOME}, else {@code ~/.cache}.
 * <ul>
 *   <li>Every directory from {@code /} down to the base (after resolving links) must belong to this user
 *       or root, and be writable by nobody else unless it has the sticky bit: the owner of any directory
 *       above could rename ours away and put another in its place. A symbolic link on the way must
 *       belong to this user or root, in a directory that passes the same rule.
 *   <li>A base that group or others can write is refused unless it has the sticky bit. With the sticky
 *       bit (a shared directory such as {@code /tmp}) each user works in {@code <base>/sxn-math-<uid>},
 *       so a name another user creates there first denies nobody but its creator; a per-user directory
 *       that another user owns is refused, naming it and the fix.
 *   <li>Without {@code sxn.native.dir} the cache is {@code <base>/sxn-math} (or
 *       {@code <base>/sxn-math-<uid>} where the base is shared).
 *   <li>Directories below the base are created {@code rwx------} and checked without following links:
 *       a symbolic link in place of one is refused, as is one that another user owns or others can write.
 * </ul>
 * Because nobody else can write anywhere on the path, a file hashed in the cache is the file that is
 * then loaded from it (see {@link NativeLibraries}).
 */
final class CacheDirectory {
    private static final int ROOT_UID = 0;
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;

    private CacheDirectory() {}

    /**
     * The cache directory for one set of files, {@code <cache>/<name>}, created owner-only.
     *
     * @param name the directory's name (a tag and a hash of the files it holds)
     * @return the directory, checked as the class comment says
     * @throws IOException naming the directory, what is wrong with it and the fix
     */
    static Path forName(String name) throws IOException {
        return ensurePrivate(root().resolve(name));
    }

    /** The checked cache root, created if missing. */
    static Path root() throws IOException {
        int me = currentUid();
        String configured = System.getProperty("sxn.native.dir");
        if (configured != null && !configured.isBlank()) {
            Path base = Path.of(configured).toAbsolutePath().normalize();
            String what = "sxn.native.dir " + base;
            createCheckedOwnerOnly(base, what, me);
            Path real = checkedBase(base, what, me);
            return isShared(real) ? ensurePrivate(real.resolve("sxn-math-" + me)) : real;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .toAbsolutePath().normalize();
        String what = "cache directory " + base + " (XDG_CACHE_HOME, else ~/.cache)";
        createCheckedOwnerOnly(base, what, me);
        Path real = checkedBase(base, what, me);
        return ensurePrivate(real.resolve(isShared(real) ? "sxn-math-" + me : "sxn-math"));
    }

    /**
     * Creates {@code dir} owner-only if missing, and checks it without following links: a directory
     * (not a link) that this user owns and nobody else can write.
     *
     * @return {@code dir}
     * @throws IOException naming the directory, what is wrong and the fix
     */
    static Path ensurePrivate(Path dir) throws IOException {
        createOwnerOnly(dir);
        Attributes a = Attributes.of(dir);
        if (a.link()) {
            throw new IOException("native library directory " + dir + " is a symbolic link (to " + Files.readSymbolicLink(dir)
                    + "), not a directory of this user's; remove it, or set -Dsxn.native.dir to a directory of your own");
        }
        if (!a.directory()) {
            throw new IOException("native library directory " + dir + " is not a directory; remove it, or set -Dsxn.native.dir to a directory of your own");
        }
        int me = currentUid();
        if (a.uid() != me) {
            throw new IOException("native library directory " + dir + " is owned by uid " + a.uid() + ", not by this user (uid " + me
                    + "): another user created it first; remove it (as root or uid " + a.uid()
                    + "), or set -Dsxn.native.dir to a directory of your own");
        }
        if ((a.mode() & GROUP_OR_OTHERS_WRITE) != 0) {
            throw new IOException("native library directory " + dir + " is writable by group or others (mode "
                    + Integer.toOctalString(a.mode() & 0777) + "); run chmod 700 on it or set -Dsxn.native.dir");
        }
        return dir;
    }

    /**
     * Checks a cached file without following links: a regular file (not a link) that this user owns and
     * nobody else can write.
     *
     * @return whether it exists (false when absent)
     * @throws IOException if it exists and fails the check
     */
    static boolean checkCachedFile(Path file) throws IOException {
        Attributes a;
        try {
            a = Attributes.of(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        String fix = "; delete it to re-extract";
        if (a.link()) throw new IOException("cached native library " + file + " is a symbolic link (to " + Files.readSymbolicLink(file) + ")" + fix);
        if (!a.regularFile()) throw new IOException("cached native library " + file + " is not a regular file" + fix);
        int me = currentUid();
        if (a.uid() != me) throw new IOException("cached native library " + file + " is owned by uid " + a.uid() + ", not by this user (uid " + me + ")" + fix);
        if ((a.mode() & GROUP_OR_OTHERS_WRITE) != 0) {
            throw new IOException("cached native library " + file + " is writable by group or others (mode " + Integer.toOctalString(a.mode() & 0777) + ")" + fix);
        }
        return true;
    }

    /** The user this JVM runs as (the owner of files it creates). */
    static int currentUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // Ours from an earlier run, another JVM's, or planted: the caller checks it without following links.
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create native library directory " + dir + ": permission denied;"
                    + " set -Dsxn.native.dir to a directory of your own", e);
        }
    }

    /** Creates the missing directories of {@code base} owner-only, after checking the part that exists. */
    private static void createCheckedOwnerOnly(Path base, String what, int me) throws IOException {
        Path existing = base;
        while (existing != null && Files.notExists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null || existing.equals(base)) return;
        checkedDirectories(existing, what, me, false);
        for (Path missing : existing.relativize(base)) {
            existing = existing.resolve(missing);
            createOwnerOnly(existing);
        }
    }

    /** Group or others can write it, and the sticky bit stops them renaming or deleting what others own. */
    private static boolean isShared(Path real) throws IOException {
        int mode = Attributes.of(real).mode();
        return (mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) != 0;
    }

    /**
     * Checks the base's links and every directory from {@code /} down to it, and returns its real path.
     * The base itself may be shared (writable by others with the sticky bit); above it, shared
     * directories are fine too, since the next one down must be ours or root's.
     */
    private static Path checkedBase(Path base, String what, int me) throws IOException {
        return checkedDirectories(base, what, me, true);
    }

    /**
     * Checks every symbolic link on {@code path} and every directory from {@code /} down to its real path,
     * and returns the real path. Messages name {@code path} as {@code what} when it is the base, else as
     * a directory above {@code what}.
     */
    private static Path checkedDirectories(Path path, String what, int me, boolean isBase) throws IOException {
        String above = " (above the " + what + ")";
        Path walked = path.getRoot();
        for (Path name : path) {
            walked = walked.resolve(name);
            Attributes a = Attributes.of(walked);
            if (a.link()) {
                checkTrusted(a, me, "symbolic link " + walked + " (on the path of the " + what + ")");
                Path parent = walked.getParent().toRealPath();
                checkTrusted(Attributes.of(parent), me, parent + " (holding symbolic link " + walked + ")");
            }
        }
        Path real = path.toRealPath();
        String self = isBase ? "the " + what + (real.equals(path) ? "" : " (" + real + ")") : real + above;
        if (!Attributes.of(real).directory()) {
            throw new IOException(real + ": Not a directory" + (isBase ? " (the " + what + ")" : above)
                    + "; set -Dsxn.native.dir to a directory of your own");
        }
        checkTrusted(Attributes.of(real), me, self);
        for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) checkTrusted(Attributes.of(dir), me, dir + above);
        return real;
    }

    /** Refuses what another user (not root) owns, and a directory others can write that has no sticky bit. */
    private static void checkTrusted(Attributes a, int me, String subject) throws IOException {
        if (a.uid() != me && a.uid() != ROOT_UID) {
            throw new IOException(subject + " is owned by uid " + a.uid() + ", neither this user (uid " + me
                    + ") nor root, so its owner could swap the libraries; set -Dsxn.native.dir to a directory of your own");
        }
        if (!a.link() && (a.mode() & GROUP_OR_OTHERS_WRITE) != 0 && (a.mode() & STICKY) == 0) {
            throw new IOException(subject + " is writable by group or others without the sticky bit (mode "
                    + Integer.toOctalString(a.mode() & 0777) + "), so anyone could swap the libraries; run chmod go-w (or +t) on it,"
                    + " or set -Dsxn.native.dir to a directory of your own");
        }
    }

    /** File attributes read without following links. */
    private record Attributes(boolean link, boolean directory, boolean regularFile, int uid, int mode) {
        static Attributes of(Path p) throws IOException {
            var m = Files.readAttributes(p, "unix:isSymbolicLink,isDirectory,isRegularFile,uid,mode", LinkOption.NOFOLLOW_LINKS);
            return new Attributes((Boolean) m.get("isSymbolicLink"), (Boolean) m.get("isDirectory"), (Boolean) m.get("isRegularFile"),
                    (Integer) m.get("uid"), (Integer) m.get("mode"));
        }
    }
}
