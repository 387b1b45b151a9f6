package dev.sxn.math.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.testing.ForkedJvm;
import dev.sxn.math.testing.ForkedJvm.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 12 and 13: {@code Backends.describe()} and the backend statuses tell the truth, in JVMs started
 * the way hosts start them (each runs {@code dev.sxn.forkcheck.DiagnosticsCheck}): an unavailable kind says so,
 * linear algebra without OpenBLAS shows what runs instead, libsxnkernels and OpenBLAS load and fail apart, every
 * reason is one line with its cause and fix, the noexec hint comes only for a noexec mount, JOCL prints nothing
 * when libOpenCL.so is missing, and on the module path the bundled OpenBLAS limit and JOCL's native-access flag
 * are reported.
 */
class BackendDiagnosticsTest {
    private static final String CHECK = "dev.sxn.forkcheck.DiagnosticsCheck";
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private static Result check(List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add(CHECK);
        Result r = ForkedJvm.run(args);
        assertEquals(0, r.exit(), r.all());
        return r;
    }

    /** The status line of {@code name} ("NATIVE", "OPENBLAS"), checked to be one line with no stack trace anywhere. */
    private static String status(Result r, String name) {
        assertFalse(r.all().contains("\tat ") || r.all().contains("Stack trace") || r.all().contains("nested stack traces"), r.all());
        String line = r.stdout().lines().filter(l -> l.startsWith(name + ": ")).findFirst().orElseThrow(() -> new AssertionError(r.all()));
        return line.substring(name.length() + 2);
    }

    private static String operation(Result r, String family) {
        return r.stdout().lines().map(String::strip).filter(l -> l.startsWith(family + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError(r.all()));
    }

    @Test
    void anUnavailableKindIsListedAsUnavailableNotPinnedOnly() throws Exception {
        // No --add-modules jdk.incubator.vector: VECTOR is unavailable; it used to read "VECTOR (pinned only)".
        Result r = check(List.of(NATIVE_ACCESS, "-Dsxn.disable=opencl", "-cp", ForkedJvm.classPath()));
        assertTrue(status(r, "VECTOR").startsWith("unavailable: module jdk.incubator.vector not resolved"), r.all());
        assertTrue(operation(r, "linalg.VectorOps.reduce").startsWith(
                "linalg.VectorOps.reduce: JAVA, VECTOR (unavailable: see VECTOR above), NATIVE (pinned only),"
                + " OPENCL (unavailable: see OPENCL above)"), r.all());
        assertFalse(r.stdout().contains("VECTOR (pinned only)") || r.stdout().contains("OPENCL (pinned only)"), r.all());
    }

    @Test
    void linearAlgebraWithoutOpenBlasShowsWhatRunsInstead() throws Exception {
        // libsxnkernels loads; OpenBLAS does not (bundled only, and its jar is left off the class path).
        Result r = check(List.of(NATIVE_ACCESS, "--add-modules", "jdk.incubator.vector", "-Dsxn.openblas=bundled",
                "-cp", ForkedJvm.classPathWithout("bytedeco")));
        assertTrue(status(r, "NATIVE").startsWith("libsxnkernels"), r.all());
        assertTrue(status(r, "OPENBLAS").startsWith("unavailable: OpenBLAS/LAPACKE: bundled: org.bytedeco:openblas"), r.all());
        // It used to say "NATIVE (n >= 48)"; VECTOR's size is the resource's.
        assertTrue(Pattern.matches("linalg\\.svd: JAVA, VECTOR \\(n >= \\d+\\), NATIVE \\(unavailable: see OPENBLAS above\\); lacks \\[OPENCL\\]",
                operation(r, "linalg.svd")), r.all());
        assertTrue(r.stdout().contains("pinned NATIVE svd: IllegalStateException: NATIVE unavailable for linalg.svd: OpenBLAS/LAPACKE: bundled:"),
                r.all());
    }

    @Test
    void pinnedNativeSvdNeedsOnlyOpenBlasAndAFileSystemFailureNamesPathAndCause(@TempDir Path tmp) throws Exception {
        // libsxnkernels cannot be extracted (the cache directory would lie under a regular file); the system
        // OpenBLAS, which needs no extraction, still loads, and the SVD runs on it.
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Result r = check(List.of(NATIVE_ACCESS, "-Dsxn.openblas=system", "-Dsxn.native.dir=" + file.resolve("cache"),
                "-cp", ForkedJvm.classPath()));
        assumeTrue(!status(r, "OPENBLAS").startsWith("unavailable"), "no system OpenBLAS with LAPACKE: " + status(r, "OPENBLAS"));
        String why = status(r, "NATIVE");
        assertTrue(why.startsWith("unavailable: extracting libsxnkernels into the native library cache failed: " + file), why);
        // Not the bare path FileSystemException.getMessage() gives: the path, then why, then the fix.
        assertTrue(Pattern.matches(".*" + Pattern.quote(file.toString()) + "[^:]*: [A-Z][a-z].*; set -Dsxn\\.native\\.dir to .*", why), why);
        assertFalse(why.contains("noexec"), why);
        assertTrue(r.stdout().contains("pinned NATIVE svd: s = 4.0, 3.0"), r.all());
        assertTrue(Pattern.matches("linalg\\.svd: JAVA, VECTOR \\(unavailable: see VECTOR above\\), NATIVE \\(n >= \\d+\\); lacks \\[OPENCL\\]",
                operation(r, "linalg.svd")), r.all());
        assertTrue(operation(r, "spectral.FFT").contains("NATIVE (unavailable: see NATIVE above)"), r.all());
    }

    @Test
    void theNoexecHintComesWhenTheCacheIsOnANoexecMount(@TempDir Path tmp) throws Exception {
        assumeTrue(ForkedJvm.canUnshare(), "needs root with CAP_SYS_ADMIN to mount a noexec tmpfs in a private namespace");
        Path mount = Files.createDirectory(tmp.resolve("noexec"));
        Result r = ForkedJvm.runUnshared("mount -t tmpfs -o noexec,mode=700 tmpfs " + mount,
                List.of(NATIVE_ACCESS, "-Dsxn.openblas=bundled", "-Dsxn.native.dir=" + mount, "-cp", ForkedJvm.classPath(), CHECK));
        assertEquals(0, r.exit(), r.all());
        String why = status(r, "NATIVE");
        assertTrue(why.startsWith("unavailable: loading libsxnkernels from " + mount), why);
        assertTrue(why.endsWith("is on a noexec mount: set -Dsxn.native.dir to a directory on a mount that allows executables)"), why);
        assertTrue(status(r, "OPENBLAS").contains("is on a noexec mount"), r.all());
    }

    @Test
    void deniedNativeAccessIsOneLineNamingTheFlag() throws Exception {
        Result r = check(List.of("--illegal-native-access=deny", "-cp", ForkedJvm.classPath()));
        String fix = "(--illegal-native-access=deny): add " + NATIVE_ACCESS;
        assertEquals("unavailable: libsxnkernels needs native access, which this JVM denies to the class path " + fix, status(r, "NATIVE"));
        // It used to blame a missing libOpenCL.so, with JOCL's 45-line stack traces inside the status.
        assertEquals("unavailable: OpenCL (JOCL) needs native access, which this JVM denies to the class path " + fix, status(r, "OPENCL"));
        assertEquals("unavailable: OpenBLAS/LAPACKE: OpenBLAS needs native access, which this JVM denies to the class path " + fix,
                status(r, "OPENBLAS"));
        assertTrue(r.stdout().contains("dot=39998.0"), r.all());
    }

    @Test
    void withoutLibOpenClJoclPrintsNothingAndTheStatusSaysWhy(@TempDir Path tmp) throws Exception {
        List<String> args = List.of(NATIVE_ACCESS, "-cp", ForkedJvm.classPath(), CHECK);
        List<Path> icd = openClLibraries();
        Result r;
        if (icd.isEmpty()) {
            r = ForkedJvm.run(args); // this machine has none: the case itself
        } else {
            assumeTrue(ForkedJvm.canUnshare(), "needs root with CAP_SYS_ADMIN to hide libOpenCL.so in a private namespace");
            // An empty file over the library: dlopen fails ("file too short") as for a missing or broken install.
            Path empty = Files.createFile(tmp.resolve("empty"));
            StringBuilder setup = new StringBuilder("true");
            for (Path p : icd) setup.append(" && mount --bind ").append(empty).append(' ').append(p);
            r = ForkedJvm.runUnshared(setup.toString(), args);
        }
        assertEquals(0, r.exit(), r.all());
        assertEquals("unavailable: libOpenCL.so (the OpenCL ICD loader that JOCL opens) was not found or did not load: install"
                + " ocl-icd-opencl-dev (Debian; it provides the libOpenCL.so link) and an OpenCL driver", status(r, "OPENCL"));
        // JOCL's native code printed "Could not load libOpenCL.so, error ..." to stdout when the JVM exited.
        assertFalse(r.all().contains("Could not load"), r.all());
        assertTrue(r.stdout().contains("dot=39998.0"), r.all());
    }

    /** The real files behind libOpenCL.so in the loader's usual directories. */
    private static List<Path> openClLibraries() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib", "/lib/x86_64-linux-gnu")) {
            Path p = Path.of(dir, "libOpenCL.so");
            if (Files.exists(p) && !out.contains(p.toRealPath())) out.add(p.toRealPath());
        }
        return out;
    }

    /** Item 13: the library on the module path, with JOCL and the bundled OpenBLAS jar beside it. */
    @Test
    void onTheModulePathTheBundledOpenBlasLoadsAndJoclsFlagIsReported() throws Exception {
        String modulePath = String.join(File.pathSeparator, ForkedJvm.entry("java-api" + File.separator + "target" + File.separator + "classes"),
                ForkedJvm.entry("jocl"), ForkedJvm.entry("bytedeco"));
        List<String> common = List.of("--illegal-native-access=deny", "-Dsxn.openblas=bundled", "-p", modulePath,
                "--add-modules", "dev.sxn.math,jocl", "-cp", ForkedJvm.entry("test-classes"));
        List<String> args = new ArrayList<>(List.of("--enable-native-access=dev.sxn.math"));
        args.addAll(common);
        Result r = check(args);
        assertTrue(r.stdout().contains("module: module dev.sxn.math"), r.all());
        assertTrue(status(r, "NATIVE").startsWith("libsxnkernels"), r.all());
        // The bundled jar on the module path, unresolved (it needs javacpp), is read and verified like on the class path.
        assertTrue(status(r, "OPENBLAS").contains(", bundled (org.bytedeco:openblas) "), r.all());
        assertTrue(operation(r, "linalg.svd").matches(".*NATIVE \\(n >= \\d+\\).*"), r.all());
        assertEquals("unavailable: OpenCL (JOCL) needs native access, which this JVM denies to module jocl (--illegal-native-access=deny):"
                + " add --enable-native-access=jocl", status(r, "OPENCL"));

        // The README's flag for the module path: OPENCL loads (where this machine has OpenCL at all).
        args = new ArrayList<>(List.of("--enable-native-access=dev.sxn.math,jocl"));
        args.addAll(common);
        r = check(args);
        if (Backends.isAvailable(Backend.OPENCL)) assertFalse(status(r, "OPENCL").startsWith("unavailable"), r.all());
        else assertFalse(status(r, "OPENCL").contains("native access"), r.all());
        assertTrue(r.stdout().contains("dot=39998.0"), r.all());

        // Without the jar anywhere, the reason says where it may go and the alternative.
        r = check(List.of("--enable-native-access=dev.sxn.math,jocl", "-Dsxn.openblas=bundled", "-p",
                String.join(File.pathSeparator, ForkedJvm.entry("java-api" + File.separator + "target" + File.separator + "classes"),
                        ForkedJvm.entry("jocl")), "--add-modules", "dev.sxn.math,jocl", "-cp", ForkedJvm.entry("test-classes")));
        assertTrue(status(r, "OPENBLAS").startsWith("unavailable: OpenBLAS/LAPACKE: bundled: the org.bytedeco:openblas:0.3.28-1.5.11:linux-x86_64"
                + " jar is on neither the module path nor the class path"), r.all());
    }
}
