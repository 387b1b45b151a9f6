package dev.sxn.math.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.testing.ForkedJvm;
import dev.sxn.math.testing.ForkedJvm.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 3: the first call in a fresh JVM pays only for what it can use. Each case starts a JVM the way a
 * host does and makes one first call ({@code dev.sxn.forkcheck.FirstCall}), which reports the optional native
 * libraries the process mapped, the backend kinds detected and how many cached native files were hashed. An
 * unpinned call that only JAVA or VECTOR can take loads no native library and never probes OpenCL; one that
 * NATIVE takes loads only the library it needs; a second JVM verifies the cached library by its fingerprint
 * record instead of hashing it, and a library changed in place (size and modification time put back) is hashed
 * again and replaced. No timing is asserted: the first-call times are in bench/results/history/first-call.md.
 */
class FirstCallTest {
    private static final String MAIN = "dev.sxn.forkcheck.FirstCall";
    private static final String LIB = "libsxnkernels.so";

    /** One first call in a fresh JVM: {@code FirstCall op kind}, with the Vector API and native access on. */
    private static Result firstCall(String op, String kind, String... jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        args.addAll(List.of(jvmArgs));
        args.addAll(List.of("-cp", ForkedJvm.classPath(), MAIN, op, kind));
        Result r = ForkedJvm.run(args);
        assertEquals(0, r.exit(), r.all());
        return r;
    }

    /** The value of the report line {@code name: value}. */
    private static String line(Result r, String name) {
        return r.stdout().lines().filter(l -> l.startsWith(name + ": ")).findFirst().map(l -> l.substring(name.length() + 2))
                .orElseThrow(() -> new AssertionError("no '" + name + ":' line in\n" + r.all()));
    }

    private static int hashed(Result r) {
        return Integer.parseInt(line(r, "hashed"));
    }

    private static String checksum(Result r) {
        String first = r.stdout().lines().filter(l -> l.startsWith("first ")).findFirst().orElseThrow(() -> new AssertionError(r.all()));
        return first.substring(first.indexOf("(checksum"));
    }

    @Test
    void anUnpinnedCallOnlyJavaOrVectorCanTakeLoadsNoNativeLibraryAndProbesNoOpenCl() throws Exception {
        // SMA over 10^4 points: VECTOR from 4096, NATIVE and OPENCL never (crossovers.properties); dot likewise.
        for (String op : List.of("sma", "dot")) {
            Result r = firstCall(op, "auto");
            assertEquals("[]", line(r, "mapped"), op + ": no libOpenCL, JOCL, libsxnkernels or OpenBLAS\n" + r.all());
            assertEquals("[VECTOR]", line(r, "detected"), op + ": only the kind the call could take\n" + r.all());
            assertEquals(0, hashed(r), r.all());
        }
        Result r = firstCall("sma", "auto", "-Dsxn.disable=vector");
        assertEquals("[]", line(r, "mapped"), "with VECTOR off it runs on JAVA, still loading nothing\n" + r.all());
        assertEquals("[VECTOR]", line(r, "detected"), r.all());
    }

    @Test
    void aCallNativeTakesLoadsOnlyTheLibraryItNeedsAndProbesNoOpenCl() throws Exception {
        // FFT 1024: NATIVE from 32, no OPENCL kernel; GEMM 64x64: NATIVE (OpenBLAS) from 8, OPENCL never on a CPU
        // and from 256 on a GPU, so OpenCL is not worth probing for it.
        assumeTrue(Backends.isAvailable(Backend.NATIVE) && Backends.openBlas().available(), "needs libsxnkernels and OpenBLAS");
        Result fft = firstCall("fft", "auto");
        assertEquals("[libsxnkernels]", line(fft, "mapped"), fft.all());
        assertEquals("[NATIVE]", line(fft, "detected"), fft.all());
        Result gemm = firstCall("gemm", "auto");
        assertEquals("[libopenblas]", line(gemm, "mapped"), "linear algebra's NATIVE is OpenBLAS alone\n" + gemm.all());
        assertEquals("[]", line(gemm, "detected"), gemm.all());
        Result pinned = firstCall("fft", "native");
        assertEquals("[libsxnkernels]", line(pinned, "mapped"), "a pinned call loads its kind alone\n" + pinned.all());
        assertEquals("[NATIVE]", line(pinned, "detected"), pinned.all());
    }

    @Test
    void aSecondJvmVerifiesTheLibraryByItsFingerprintAndAChangedOneIsHashedAgainAndReplaced(@TempDir Path tmp) throws Exception {
        assumeTrue(Backends.isAvailable(Backend.NATIVE), "needs libsxnkernels in the jar");
        String dir = "-Dsxn.native.dir=" + tmp.resolve("cache");
        Result first = firstCall("fft", "native", dir);
        assertTrue(hashed(first) >= 1, "the first JVM extracts and hashes\n" + first.all());
        Result later = null;
        // A file changed within the file system's current clock tick is deliberately not recorded; a few starts settle it.
        for (int i = 0; i < 5 && (later == null || hashed(later) != 0); i++) later = firstCall("fft", "native", dir);
        assertEquals(0, hashed(later), "a later JVM trusts the fingerprint record: nothing hashed\n" + later.all());
        assertEquals(checksum(first), checksum(later));

        Path lib = cachedLibrary(tmp.resolve("cache"));
        FileTime mtime = Files.getLastModifiedTime(lib);
        byte[] b = Files.readAllBytes(lib);
        int at = b.length - 1; // the last byte: past every loaded segment's code, so the library still loads if it were used
        b[at] ^= 1;
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rw-------")); // extracted read-only
        Files.write(lib, b);
        Files.setLastModifiedTime(lib, mtime);
        assertEquals(b.length, Files.size(lib));

        Result changed = firstCall("fft", "native", dir);
        assertTrue(hashed(changed) >= 1, "the changed library is hashed again\n" + changed.all());
        assertEquals("[libsxnkernels]", line(changed, "mapped"), changed.all());
        assertEquals(checksum(first), checksum(changed));
        assertEquals(packagedSha256(), sha256(lib), "and replaced by a verified copy before it was loaded");
    }

    private static Path cachedLibrary(Path cache) throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.getFileName().toString().equals(LIB)).findFirst().orElseThrow(() -> new AssertionError("no " + LIB + " under " + cache));
        }
    }

    private static String packagedSha256() throws IOException {
        try (InputStream in = FirstCallTest.class.getResourceAsStream("/dev/sxn/math/native/linux-x86_64/" + LIB + ".sha256")) {
            if (in == null) fail("libsxnkernels.so.sha256 is not on the class path (built without cmake?)");
            return new String(in.readAllBytes()).strip();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
