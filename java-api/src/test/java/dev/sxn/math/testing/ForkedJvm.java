package dev.sxn.math.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JVM the way a host would (the same {@code java}, arguments of the test's choosing) and keeps what
 * it wrote to stdout and stderr apart, so a test can check that nothing reached either stream; optionally
 * inside a private mount namespace ({@code unshare -m}, root only) where a shell prefix can hide a library or
 * mount a {@code noexec} file system without touching the machine.
 */
public final class ForkedJvm {
    private ForkedJvm() {}

    /** What a forked JVM did: its exit status and its two output streams. */
    public record Result(int exit, String stdout, String stderr) {
        /** Both streams, stdout first: for assertion messages and for searching either. */
        public String all() {
            return stdout + stderr;
        }
    }

    /** The {@code java} launcher of this JVM. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The test class path (the library's classes, the tests' classes and every dependency jar). */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The class-path entry whose path contains {@code contains} (e.g. "jocl", "test-classes"). */
    public static String entry(String contains) {
        return Arrays.stream(classPath().split(File.pathSeparator)).filter(p -> p.contains(contains)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no class-path entry containing " + contains));
    }

    /** The class path without the entries whose path contains {@code contains}. */
    public static String classPathWithout(String contains) {
        return String.join(File.pathSeparator, Arrays.stream(classPath().split(File.pathSeparator)).filter(p -> !p.contains(contains)).toList());
    }

    /** Runs {@code java args...} and waits for it (at most two minutes). */
    public static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(args);
        return exec(cmd);
    }

    /**
     * Runs {@code java args...} in a private mount namespace after the shell commands {@code setup} (mounts made
     * there vanish with the process). Call {@link #canUnshare()} first.
     */
    public static Result runUnshared(String setup, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", setup + " && exec \"$@\"", "sh", java()));
        cmd.addAll(args);
        return exec(cmd);
    }

    /** Whether this process may make a private mount namespace and mount in it (root with CAP_SYS_ADMIN). */
    public static boolean canUnshare() {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        // Both pipes drain at once: a child that fills one while we block on the other would never finish.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM timed out: " + cmd);
        return new Result(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
