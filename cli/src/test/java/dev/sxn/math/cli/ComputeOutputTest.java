package dev.sxn.math.cli;

import static dev.sxn.math.cli.InProcess.assertOneLineError;
import static dev.sxn.math.cli.InProcess.compute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output}: written whole or not at all, never over the input. */
class ComputeOutputTest {
    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void outputThatIsTheInputIsRefusedAndTheInputKept(@TempDir Path dir) throws Exception {
        Path in = InProcess.prices(dir, 40);
        String before = Files.readString(in);
        InProcess.Result r = compute("sma", "--input", in.toString(), "--output", in.toString());
        assertOneLineError(r, "same file", in.toString());
        assertEquals(before, Files.readString(in));

        Path otherSpelling = dir.resolve("sub/../prices.csv");
        Files.createDirectory(dir.resolve("sub"));
        r = compute("sma", "--input", in.toString(), "--output", otherSpelling.toString());
        assertOneLineError(r, "same file", in.toString(), otherSpelling.toString());

        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        r = compute("sma", "--input", in.toString(), "--output", link.toString());
        assertOneLineError(r, "same file", link.toString());
        assertEquals(before, Files.readString(in));
    }

    @Test
    void aWriteThatFailsPartWayKeepsTheOldOutputAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path in = InProcess.prices(dir, 200);
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "the previous result\n");
        // ulimit -f 1: files may grow to 1 KiB; the output is several, so the write fails part-way.
        SxnProcess.Result r = SxnProcess.run(dir, "ulimit -f 1;", List.of(),
                List.of("compute", "sma", "--input", in.toString(), "--output", out.toString()), "");
        assertOneLineError(r.code(), r.err(), out.toString());
        assertEquals("the previous result\n", Files.readString(out));
        assertEquals(Set.of("prices.csv", "out.csv"), names(dir));
    }

    @Test
    void theOutputIsReplacedWholeAndNoTemporaryFileRemains(@TempDir Path dir) throws Exception {
        Path in = InProcess.prices(dir, 40);
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "x".repeat(100_000));
        InProcess.Result r = compute("ema", "--input", in.toString(), "--n", "3", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(41, lines.size());
        assertTrue(lines.get(0).endsWith(",ema_3"), lines.get(0));
        assertEquals(Set.of("prices.csv", "out.csv"), names(dir));
    }
}
