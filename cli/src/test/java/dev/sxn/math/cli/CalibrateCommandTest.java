package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, item 4: {@code sxn calibrate} is a command: its options, and a run in a child JVM. */
class CalibrateCommandTest {
    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Calibrate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "calibrate", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: sxn calibrate [--budget SECONDS]"), out.toString());
        assertEquals(2, run(out, err, "calibrate", "--fast"));
        assertEquals("sxn calibrate: unknown option '--fast' (sxn calibrate --help lists them)\n", err.toString(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(out, err, "calibrate", "--budget", "soon"));
        assertEquals("--budget must be a number of seconds, was 'soon'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(out, err, "calibrate", "--budget", "7200"));
        assertEquals("--budget must be between 0.001 and 3600 seconds, was '7200'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(out, err, "calibrate", "--kinds", "java"));
        assertTrue(e.getMessage().startsWith("--kinds must not name java"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run(out, err, "calibrate", "--kinds", "fpga"));
        e = assertThrows(IllegalArgumentException.class, () -> run(out, err, "calibrate", "--budget"));
        assertEquals("--budget needs a value", e.getMessage());
    }

    /**
     * In a child JVM with the optional backends switched off (SxnProcess): one line per family, nothing measured,
     * nothing stored, status 1, and the cache left as it was.
     */
    @Test
    void aRunWithOnlyJavaStoresNothing(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        SxnProcess.Result r = SxnProcess.run(dir, "", List.of("-Dsxn.native.dir=" + cache), List.of("calibrate", "--budget", "1"), "");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("sxn calibrate: the default kinds against JAVA, budget 1 s"), r.out());
        long families = r.out().lines().filter(l -> l.matches(" +\\d+\\.\\d s  [a-zA-Z.]+: .*")).count();
        assertEquals(dev.sxn.math.backend.Backends.operations().size(), families, r.out());
        assertTrue(r.out().contains("\nnot stored: nothing was measured"), r.out());
        assertTrue(r.out().contains("\ncrossovers now: shipped defaults for "), r.out());
        try (var files = Files.list(cache)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("crossovers-")).toList());
        }
    }
}
