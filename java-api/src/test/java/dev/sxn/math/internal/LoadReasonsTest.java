package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 17, item 12: each reason is one line with the cause and the fix, never a bare path or a stack trace. */
class LoadReasonsTest {
    @Test
    void aFileSystemExceptionSaysWhichPathAndWhy() {
        // Their getMessage() is the bare path: what the statuses used to show.
        assertEquals("/c/x: Permission denied", LoadReasons.io(new AccessDeniedException("/c/x")));
        assertEquals("/c/x: No such file or directory", LoadReasons.io(new NoSuchFileException("/c/x")));
        assertEquals("/c/t -> /c/x: Read-only file system", LoadReasons.io(new FileSystemException("/c/t", "/c/x", "Read-only file system")));
        assertEquals("disk on fire", LoadReasons.io(new IOException("disk on fire\n\tat somewhere")));
    }

    @Test
    void anExtractionFailureNamesThePartThePathTheCauseAndTheSwitch() {
        assertEquals("extracting libsxnkernels into the native library cache failed: /c/x: Permission denied;"
                + " set -Dsxn.native.dir to a directory of your own",
                LoadReasons.extractFailed("libsxnkernels", new UncheckedIOException(new AccessDeniedException("/c/x"))));
    }

    @Test
    void deniedNativeAccessNamesTheModuleAndTheFlag() {
        assertTrue(LoadReasons.isNativeAccessDenied(new IllegalStateException("wrapped", new IllegalCallerException("x"))));
        assertTrue(LoadReasons.isNativeAccessDenied(new UnsatisfiedLinkError("Error while loading\nIllegal native access from module jocl")));
        assertFalse(LoadReasons.isNativeAccessDenied(new UnsatisfiedLinkError("libfoo.so: cannot open shared object file")));
        assertEquals("OpenCL (JOCL) needs native access, which this JVM denies to module java.base (--illegal-native-access=deny):"
                + " add --enable-native-access=java.base", LoadReasons.nativeAccessDenied("OpenCL (JOCL)", Object.class.getModule()));
        assertTrue(LoadReasons.nativeAccessDenied("x", getClass().getClassLoader().getUnnamedModule())
                .endsWith("denies to the class path (--illegal-native-access=deny): add --enable-native-access=ALL-UNNAMED"));
    }

    @Test
    void theNoexecHintOnlyWhereTheMountIsNoexecOrTheLoaderSaysSo() {
        Path lib = Path.of(System.getProperty("java.home"), "lib", "libjava.so"); // on an exec mount: the JVM runs from it
        String plain = LoadReasons.dlopenFailed("libsxnkernels", lib, new IllegalArgumentException("Cannot open library: " + lib));
        assertEquals("loading libsxnkernels from " + lib + " failed (dlopen refused it)", plain);
        String mapped = LoadReasons.dlopenFailed("OpenBLAS", lib, new UnsatisfiedLinkError(lib + ": failed to map segment from shared object"));
        assertTrue(mapped.endsWith("is on a noexec mount: set -Dsxn.native.dir to a directory on a mount that allows executables)"), mapped);
        assertEquals("first", LoadReasons.oneLine(new RuntimeException("first\nsecond")));
        assertEquals("java.lang.RuntimeException", LoadReasons.oneLine(new RuntimeException()));
    }
}
