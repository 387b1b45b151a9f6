package dev.sxn.math.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sxn} ({@link Main}) in a child JVM through {@code bash}, for what only a real process shows:
 * exit statuses, {@code ulimit -f}, stdout redirected to {@code /dev/full}, a small {@code -Xmx}.
 * The child runs on this test's class path with the optional backends switched off, so it extracts no
 * native library (which a file-size limit would break).
 */
final class SxnProcess {
    /** Exit status, stdout and stderr of a finished run. */
    record Result(int code, String out, String err) {}

    private SxnProcess() {}

    /**
     * Runs {@code bash -c "PREFIX java JVMFLAGS -cp ... Main ARGS SUFFIX"}; prefix and suffix are shell
     * text (a {@code ulimit}, a redirection), the arguments are quoted.
     */
    static Result run(Path dir, String shellPrefix, List<String> jvmFlags, List<String> args, String shellSuffix)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(quote(java));
        cmd.add("-XX:-UsePerfData");
        for (String f : jvmFlags) cmd.add(quote(f));
        cmd.add("-cp");
        cmd.add(quote(System.getProperty("java.class.path")));
        cmd.add(Main.class.getName());
        for (String a : args) cmd.add(quote(a));
        String line = shellPrefix + " exec " + String.join(" ", cmd) + " " + shellSuffix;
        // Captured outside dir, so a test can check that dir holds no stray files afterwards.
        Path capture = Files.createTempDirectory("sxn-process");
        Path out = capture.resolve("stdout.txt");
        Path err = capture.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(dir.toFile());
        pb.environment().put("SXN_DISABLE", "vector,native,opencl");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sxn did not finish in 120 s: " + line);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        Files.delete(capture);
        return r;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
