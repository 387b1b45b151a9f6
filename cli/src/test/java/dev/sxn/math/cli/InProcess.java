package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code sxn compute} inside the test JVM and checks the shape of its error reports. */
final class InProcess {
    /** Exit status, stdout and stderr of one call. */
    record Result(int code, String out, String err) {}

    private InProcess() {}

    /** {@code sxn compute ARGS...} (the "compute" word is added here). */
    static Result compute(String... args) {
        return computeTo(new ByteArrayOutputStream(), args);
    }

    /** Like {@link #compute} with stdout going to {@code stdout}. */
    static Result computeTo(OutputStream stdout, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compute";
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Compute.run(all, new PrintStream(stdout, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String out = stdout instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
        return new Result(code, out, err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts a failed call: status 2 and exactly one line on stderr, containing each of {@code parts}. */
    static void assertOneLineError(Result r, String... parts) {
        assertOneLineError(r.code(), r.err(), parts);
    }

    /** {@link #assertOneLineError(Result, String...)} for a child process's status and stderr. */
    static void assertOneLineError(int code, String err, String... parts) {
        assertEquals(2, code, err);
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "one line on stderr, was:\n" + err);
        assertTrue(err.startsWith("sxn compute: "), err);
        assertFalse(err.contains("Exception") || err.contains("Error:"), "no exception class names: " + err);
        for (String p : parts) assertTrue(err.contains(p), "'" + p + "' in: " + err);
    }

    /** A small OHLCV file, {@code prices.csv} in {@code dir}. */
    static Path prices(Path dir, int rows) throws Exception {
        StringBuilder sb = new StringBuilder("date,high,low,close,volume\n");
        for (int i = 0; i < rows; i++) {
            double c = 100 + 5 * Math.sin(i / 3.0) + i * 0.1;
            sb.append("2026-01-").append(i + 1).append(',').append(c + 1).append(',').append(c - 1).append(',').append(c)
                    .append(',').append(1000 + 10 * i).append('\n');
        }
        Path p = dir.resolve("prices.csv");
        Files.writeString(p, sb.toString());
        return p;
    }
}
