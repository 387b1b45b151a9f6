package dev.sxn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The library in JVMs the way hosts start them: without the incubator module, with optional kinds
 * switched off, and on the module path with and without the optional modules. Each runs
 * {@code dev.sxn.forkcheck.ForkedCheck} and checks what it printed.
 */
class ForkedJvmTest {
    /** 10,000 values cycling -3..3: the sum of squares and sum printed by ForkedCheck. */
    private static final String EXPECTED = "dot=39998.0 sum=-6.0";

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static List<String> classPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    private static String entry(String contains) {
        return classPath().stream().filter(p -> p.contains(contains)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no class-path entry containing " + contains));
    }

    private static String run(List<String> args) throws IOException, InterruptedException {
        return run(args, java.util.Map.of());
    }

    private static String run(List<String> args, java.util.Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM timed out");
        assertEquals(0, p.exitValue(), "forked JVM failed:\n" + out);
        return out;
    }

    @Test
    void plainJavaWithoutIncubatorModuleAndWithNativeDisabled() throws Exception {
        String out = run(List.of("-Dsxn.disable=native,opencl", "-cp", System.getProperty("java.class.path"),
                "dev.sxn.forkcheck.ForkedCheck"));
        assertTrue(out.contains("VECTOR: unavailable: module jdk.incubator.vector not resolved (add --add-modules jdk.incubator.vector)"), out);
        assertTrue(out.contains("NATIVE: unavailable: disabled by sxn.disable"), out);
        assertTrue(out.contains("OPENCL: unavailable: disabled by sxn.disable"), out);
        assertTrue(out.contains(EXPECTED), out);
        assertTrue(!out.contains("NoClassDefFoundError") && !out.contains("Exception"), out);
    }

    /** Issue 17, item 7: bad settings used to break the JVM (ExceptionInInitializerError, then NoClassDefFoundError). */
    @Test
    void aBadSettingFailsEachCallWithAnIllegalArgumentExceptionNamingIt() throws Exception {
        String cp = System.getProperty("java.class.path");
        String out = run(List.of("-cp", cp, "dev.sxn.forkcheck.ForkedCheck", "twice"), java.util.Map.of("SXN_BACKEND", "bogus"));
        String bad = "error: IllegalArgumentException: environment variable SXN_BACKEND must be one of java, vector, native, opencl,"
                + " was 'bogus'";
        assertEquals(2, out.split(java.util.regex.Pattern.quote(bad), -1).length - 1, out);
        assertTrue(!out.contains("Error:") && !out.contains("NoClassDefFoundError"), out);
        out = run(List.of("-Dsxn.disable=java", "-cp", cp, "dev.sxn.forkcheck.ForkedCheck", "twice"));
        bad = "error: IllegalArgumentException: sxn.disable / SXN_DISABLE must not switch off java (the reference backend), was 'java'";
        assertEquals(2, out.split(java.util.regex.Pattern.quote(bad), -1).length - 1, out);
        out = run(List.of("-cp", cp, "dev.sxn.forkcheck.ForkedCheck", "twice"), java.util.Map.of("SXN_DISABLE", "gpu"));
        assertTrue(out.contains("error: IllegalArgumentException: sxn.disable / SXN_DISABLE entry must be one of java, vector, native,"
                + " opencl, was 'gpu'"), out);
        assertTrue(!out.contains("NoClassDefFoundError"), out);
    }

    @Test
    void forcingAnUnavailableKindThrowsNamingWhy() throws Exception {
        String out = run(List.of("-Dsxn.backend=vector", "-cp", System.getProperty("java.class.path"), "dev.sxn.forkcheck.ForkedCheck"));
        assertTrue(out.contains("error: IllegalStateException: sxn.backend / SXN_BACKEND forces VECTOR, which is unavailable: "
                + "module jdk.incubator.vector not resolved"), out);
    }

    @Test
    void withoutC2TheVectorApiIsRefused() throws Exception {
        String out = run(List.of("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-Dsxn.disable=native,opencl",
                "-cp", System.getProperty("java.class.path"), "dev.sxn.forkcheck.ForkedCheck"));
        assertTrue(out.contains("VECTOR: unavailable: C2 is off (-XX:TieredStopAtLevel=1)"), out);
        assertTrue(out.contains(EXPECTED), out);
    }

    @Test
    void bundledOpenBlasIsExtractedVerifiedAndLoaded() throws Exception {
        String out = run(List.of("--enable-native-access=ALL-UNNAMED", "-Dsxn.openblas=bundled", "-cp",
                System.getProperty("java.class.path"), "dev.sxn.forkcheck.ForkedCheck", "openblas"));
        assertTrue(out.contains("OPENBLAS NATIVE: OpenBLAS 0.3.28"), out);
        assertTrue(out.contains("1 thread(s), bundled (org.bytedeco:openblas)"), out);
    }

    @Test
    void aBadOpenBlasSettingIsReported() throws Exception {
        String out = run(List.of("--enable-native-access=ALL-UNNAMED", "-Dsxn.openblas=mkl", "-cp",
                System.getProperty("java.class.path"), "dev.sxn.forkcheck.ForkedCheck", "openblas"));
        assertTrue(out.contains("sxn.openblas must be auto, system or bundled, was 'mkl'"), out);
    }

    @Test
    void modulePathWithOptionalModules() throws Exception {
        String lib = entry("java-api" + File.separator + "target" + File.separator + "classes");
        String jocl = entry("jocl");
        String tests = entry("test-classes");
        String out = run(List.of("--enable-native-access=dev.sxn.math,jocl", "-p", lib + File.pathSeparator + jocl,
                "--add-modules", "dev.sxn.math,jdk.incubator.vector,jocl", "-cp", tests, "dev.sxn.forkcheck.ForkedCheck"));
        assertTrue(out.contains("module: module dev.sxn.math"), out);
        assertTrue(out.contains("VECTOR: Vector API"), out);
        assertTrue(out.contains(EXPECTED), out);
    }

    @Test
    void modulePathWithoutOptionalModules() throws Exception {
        String lib = entry("java-api" + File.separator + "target" + File.separator + "classes");
        String tests = entry("test-classes");
        String out = run(List.of("--enable-native-access=dev.sxn.math", "-p", lib, "--add-modules", "dev.sxn.math",
                "-cp", tests, "dev.sxn.forkcheck.ForkedCheck"));
        assertTrue(out.contains("module: module dev.sxn.math"), out);
        assertTrue(out.contains("VECTOR: unavailable: module jdk.incubator.vector not resolved"), out);
        assertTrue(out.contains("OPENCL: unavailable: JOCL (org.jocl:jocl 2.0.5) is not on the class or module path"), out);
        assertTrue(out.contains(EXPECTED), out);
    }
}
