package dev.sxn.math.internal;

import static dev.sxn.math.internal.NativeLibrariesTest.sha;
import static dev.sxn.math.internal.NativeLibrariesTest.withNativeDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 1: a shared {@code sxn.native.dir} cannot be squatted. Symbolic links in place of the
 * tag directory, the per-user directory or a cached file are refused (and what they point to is left
 * alone), a configured directory that others can write without the sticky bit is refused, and in a
 * sticky shared directory each user gets {@code sxn-math-<uid>}, so a name another user took there
 * denies nobody.
 */
class NativeCacheSecurityTest {
    private static final String RESOURCE = "dev/sxn/math/kernels/vectorops.cl";
    private static final String FILE = "vectorops.cl";

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs a POSIX file system");
    }

    private static int myUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static NativeLibraries.NativeFile file() throws Exception {
        return new NativeLibraries.NativeFile(RESOURCE, sha(RESOURCE));
    }

    private static Path extract(Path nativeDir) throws Exception {
        var f = file();
        return withNativeDir(nativeDir, () -> NativeLibraries.extract("t", List.of(f)));
    }

    /** The tag directory's name, as a private extraction elsewhere names it. */
    private static String tagName(Path tmp) throws Exception {
        return extract(tmp.resolve("naming")).getFileName().toString();
    }

    private static void chownToNobody(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", 65534, LinkOption.NOFOLLOW_LINKS);
    }

    private static Path sharedStickyDir(Path tmp) throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        return shared;
    }

    /** A directory of ours holding a stand-in file under the library's name, and the stand-in's inode. */
    private record Victim(Path dir, Path standIn, Object inode) {
        static Victim create(Path tmp) throws IOException {
            Path dir = Files.createDirectory(tmp.resolve("victim"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path standIn = Files.writeString(dir.resolve(FILE), "stand-in");
            return new Victim(dir, standIn, Files.readAttributes(standIn, BasicFileAttributes.class).fileKey());
        }

        void assertUntouched() throws IOException {
            assertEquals("stand-in", Files.readString(standIn), "the link's target file keeps its content");
            assertEquals(inode, Files.readAttributes(standIn, BasicFileAttributes.class).fileKey(), "and its inode");
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(standIn), s.toList(), "nothing was written beside it");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void aSymlinkedTagDirectoryIsRefusedAndItsTargetLeftAlone(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        Path dir = extract(root);
        Victim victim = Victim.create(tmp);
        deleteTree(dir);
        Files.createSymbolicLink(dir, victim.dir());
        var e = assertThrows(IOException.class, () -> extract(root));
        assertTrue(e.getMessage().contains(dir + " is a symbolic link"), e.getMessage());
        assertOneLine(e.getMessage());
        victim.assertUntouched();
    }

    @Test
    void aSymlinkedCachedFileIsRefused(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("cache");
        Path dir = extract(root);
        // A link to a file with the right bytes: it would pass the hash, but whoever can change the
        // link's target could swap it between the hash and the load.
        Path outside = Files.copy(dir.resolve(FILE), tmp.resolve("elsewhere.cl"));
        Files.delete(dir.resolve(FILE));
        Files.createSymbolicLink(dir.resolve(FILE), outside);
        var e = assertThrows(IOException.class, () -> extract(root));
        assertTrue(e.getMessage().contains(dir.resolve(FILE) + " is a symbolic link"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void aConfiguredDirectoryOthersCanWriteWithoutTheStickyBitIsRefused(@TempDir Path tmp) throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setAttribute(open, "unix:mode", 0777);
        var e = assertThrows(IOException.class, () -> extract(open));
        assertTrue(e.getMessage().contains("sxn.native.dir " + open + " is writable by group or others without the sticky bit (mode 777)"),
                e.getMessage());
        assertOneLine(e.getMessage());
        try (Stream<Path> s = Files.list(open)) {
            assertEquals(0, s.count(), "nothing was created in it");
        }
    }

    @Test
    void aCacheUnderADirectoryOthersCanWriteIsRefused(@TempDir Path tmp) throws Exception {
        // Whoever can write the parent can rename our private directory away and put their own in its place.
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setAttribute(open, "unix:mode", 0777);
        Path cache = Files.createDirectory(open.resolve("cache"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        var e = assertThrows(IOException.class, () -> extract(cache));
        assertTrue(e.getMessage().contains(open + " (above the sxn.native.dir " + cache + ") is writable by group or others without the sticky bit (mode 777)"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void aStickySharedDirectoryGetsAPerUserDirectoryAndASquattedNameDeniesNobody(@TempDir Path tmp) throws Exception {
        assumeTrue(myUid() == 0, "chown to another user needs root");
        String name = tagName(tmp);
        Path shared = sharedStickyDir(tmp);
        Path squatted = Files.createDirectory(shared.resolve(name));
        chownToNobody(squatted);
        Path dir = extract(shared);
        Path perUser = shared.toRealPath().resolve("sxn-math-" + myUid());
        assertEquals(perUser.resolve(name), dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(perUser, LinkOption.NOFOLLOW_LINKS)));
        assertEquals(myUid(), (Integer) Files.getAttribute(perUser, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        NativeLibraries.verify(dir.resolve(FILE), file().sha256());
        assertEquals(65534, (Integer) Files.getAttribute(squatted, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        try (Stream<Path> s = Files.list(squatted)) {
            assertEquals(0, s.count(), "the other user's directory is not used");
        }
    }

    @Test
    void aSquattedPerUserDirectoryIsRefusedWithAClearReason(@TempDir Path tmp) throws Exception {
        assumeTrue(myUid() == 0, "chown to another user needs root");
        Path shared = sharedStickyDir(tmp);
        Path perUser = Files.createDirectory(shared.resolve("sxn-math-" + myUid()));
        chownToNobody(perUser);
        var e = assertThrows(IOException.class, () -> extract(shared));
        String expected = shared.toRealPath().resolve("sxn-math-" + myUid()) + " is owned by uid 65534, not by this user (uid " + myUid() + ")";
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("remove it") && e.getMessage().contains("-Dsxn.native.dir"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void aSymlinkedPerUserDirectoryIsRefusedAndItsTargetLeftAlone(@TempDir Path tmp) throws Exception {
        Path shared = sharedStickyDir(tmp);
        Victim victim = Victim.create(tmp);
        Path perUser = Files.createSymbolicLink(shared.resolve("sxn-math-" + myUid()), victim.dir());
        var e = assertThrows(IOException.class, () -> extract(shared));
        assertTrue(e.getMessage().contains(shared.toRealPath().resolve(perUser.getFileName()) + " is a symbolic link"), e.getMessage());
        assertOneLine(e.getMessage());
        victim.assertUntouched();
    }
}
