package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.Indicators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sxn compute}: results equal the library's, input columns are kept, errors name the line. */
class ComputeTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Compute.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static Path prices(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("date,high,low,close,volume\n");
        for (int i = 0; i < 40; i++) {
            double c = 100 + 5 * Math.sin(i / 3.0) + i * 0.1;
            sb.append("2026-01-").append(i + 1).append(',').append(c + 1).append(',').append(c - 1).append(',').append(c)
                    .append(',').append(1000 + 10 * i).append('\n');
        }
        Path p = dir.resolve("prices.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void smaOverAColumnEqualsTheLibraryAndKeepsTheInputColumns(@TempDir Path dir) throws Exception {
        Path in = prices(dir);
        Path out = dir.resolve("out.csv");
        String[] r = run("compute", "sma", "--input", in.toString(), "--column", "close", "--n", "5", "--output", out.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals("date,high,low,close,volume,sma_5", lines.get(0));
        assertEquals(41, lines.size());
        double[] close = new double[40];
        for (int i = 0; i < 40; i++) close[i] = Double.parseDouble(lines.get(i + 1).split(",")[3]);
        double[] sma = Indicators.sma(close, 5);
        for (int i = 0; i < 40; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(6, f.length);
            assertEquals(sma[i], Double.parseDouble(f[5]), 0.0, "row " + i);
        }
        assertEquals("NaN", lines.get(4).split(",")[5], "inside the warm-up");
    }

    @Test
    void multiOutputIndicatorsWriteOneColumnEach(@TempDir Path dir) throws Exception {
        String[] r = run("compute", "stochastic", "--input", prices(dir).toString(), "--nk", "5", "--nd", "3");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("date,high,low,close,volume,stoch_k,stoch_d\n"), r[1]);
        r = run("compute", "bollinger", "--input", prices(dir).toString(), "--n", "10", "--k", "2.5");
        assertTrue(r[1].startsWith("date,high,low,close,volume,bb_lower,bb_middle,bb_upper\n"), r[1]);
    }

    @Test
    void errorsNameTheLineColumnOrOption(@TempDir Path dir) throws Exception {
        Path in = prices(dir);
        String[] r = run("compute", "sma", "--input", in.toString(), "--column", "open");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no column 'open' (--column); the columns are [date, high, low, close, volume]"), r[2]);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t,close\n1,100\n2,oops\n3,101\n");
        r = run("compute", "ema", "--input", bad.toString(), "--n", "2");
        assertTrue(r[2].contains("bad.csv line 3 column 2: column 'close' value 'oops' is not a number"), r[2]);

        Files.writeString(bad, "t,close\n1,100\n2\n");
        r = run("compute", "ema", "--input", bad.toString());
        assertTrue(r[2].contains("bad.csv line 3: 1 fields, but the header has 2"), r[2]);

        r = run("compute", "sma", "--input", in.toString(), "--n", "0");
        assertTrue(r[2].contains("was 0"), "the library's own message about the window: " + r[2]);
        r = run("compute", "sma", "--input", in.toString(), "--n", "five");
        assertTrue(r[2].contains("option --n must be an integer, was 'five'"), r[2]);
        r = run("compute", "sma", "--input", in.toString(), "--tau", "3");
        assertTrue(r[2].contains("option --tau does not apply to sma"), r[2]);
        r = run("compute", "kama", "--input", in.toString());
        assertTrue(r[2].contains("unknown indicator 'kama'"), r[2]);
        r = run("compute", "sma", "--input", dir.resolve("missing.csv").toString());
        assertTrue(r[2].contains("does not exist"), r[2]);
    }
}
