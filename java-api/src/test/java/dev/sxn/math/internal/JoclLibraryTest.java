package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: JOCL's JNI library is loaded from our verified cache, never extracted unverified
 * under {@code java.io.tmpdir}. Each case runs {@link JoclLoadCheck} in a fresh JVM (JOCL loads its
 * library once per JVM) with its own {@code java.io.tmpdir} and {@code sxn.native.dir}.
 */
class JoclLibraryTest {
    @BeforeAll
    static void linuxWithJocl() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isReadable(Path.of("/proc/self/maps")), "needs Linux");
    }

    private static List<String> fork(Path tmpdir, Path nativeDir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmpdir, "-Dsxn.native.dir=" + nativeDir,
                "-cp", System.getProperty("java.class.path"), JoclLoadCheck.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM timed out");
        assertEquals(0, p.exitValue(), "forked JVM failed:\n" + out);
        return out.lines().toList();
    }

    private static List<String> mapped(List<String> out) {
        return out.stream().filter(l -> l.startsWith("mapped: ")).map(l -> l.substring("mapped: ".length())).toList();
    }

    private static void assertNothingExtractedUnder(Path tmpdir, List<String> out) throws Exception {
        try (Stream<Path> s = Files.walk(tmpdir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("JOCL")).toList(), String.join("\n", out));
        }
        assertTrue(mapped(out).stream().noneMatch(m -> m.startsWith(tmpdir.toString())), String.join("\n", out));
    }

    @Test
    void thePinnedHashesAreThoseOfTheJoclJarsLibraries() throws Exception {
        for (String platform : List.of("linux-x86_64", "linux-arm64")) {
            assertEquals(NativeLibrariesTest.sha("lib/libJOCL_2_0_5-" + platform + ".so"), JoclLibrary.pinnedSha256(platform), platform);
        }
    }

    @Test
    void joclsLibraryIsLoadedFromTheVerifiedCacheNotFromTmpdir(@TempDir Path tmp) throws Exception {
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Path cache = tmp.resolve("cache");
        List<String> out = fork(tmpdir, cache);
        List<String> mapped = mapped(out);
        assertEquals(1, mapped.size(), "one JOCL library, loaded once:\n" + String.join("\n", out));
        assertTrue(mapped.getFirst().startsWith(cache + "/"), String.join("\n", out));
        assertTrue(mapped.getFirst().endsWith("/libJOCL_2_0_5-linux-x86_64.so") || mapped.getFirst().endsWith("/libJOCL_2_0_5-linux-arm64.so"),
                String.join("\n", out));
        assertTrue(out.contains("tmpdir: " + tmpdir), "java.io.tmpdir is restored:\n" + String.join("\n", out));
        assertNothingExtractedUnder(tmpdir, out);
    }

    @Test
    void anUnsafeCacheLeavesOpenClUnavailableRatherThanUnverified(@TempDir Path tmp) throws Exception {
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setAttribute(open, "unix:mode", 0777);
        List<String> out = fork(tmpdir, open);
        String reason = out.stream().filter(l -> l.startsWith("reason: ")).findFirst().orElseThrow();
        assertTrue(reason.contains("JOCL's native library") && reason.contains("without the sticky bit"), reason);
        assertFalse(reason.contains("\n"), reason);
        assertEquals(List.of(), mapped(out), String.join("\n", out));
        assertNothingExtractedUnder(tmpdir, out);
    }
}
