package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.VolatilityEstimators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sxn compute} for the TTR breadth indicators: OHLCV columns by name, results equal the library's. */
class ComputeTtrTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Compute.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static final int ROWS = 80;

    /** Bars with the columns in an unusual order and a renamed close, so columns must be found by name. */
    private static Path bars(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("date,volume,Close,low,open,high\n");
        for (int i = 0; i < ROWS; i++) {
            double c = 100 + 5 * Math.sin(i / 3.0) + i * 0.1, o = c - 0.5 * Math.cos(i);
            sb.append("d").append(i).append(',').append(1000 + 10 * i).append(',').append(c).append(',')
                    .append(Math.min(o, c) - 1).append(',').append(o).append(',').append(Math.max(o, c) + 1).append('\n');
        }
        Path p = dir.resolve("bars.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static double[] column(List<String> lines, int j) {
        double[] x = new double[lines.size() - 1];
        for (int i = 0; i < x.length; i++) x[i] = Double.parseDouble(lines.get(i + 1).split(",")[j]);
        return x;
    }

    @Test
    void adxReadsOhlcColumnsByName(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");
        String[] r = run("compute", "adx", "--input", bars(dir).toString(), "--close", "Close", "--n", "5", "--output", out.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals("date,volume,Close,low,open,high,adx_dip,adx_din,adx_dx,adx", lines.get(0));
        var want = TrendIndicators.adx(column(lines, 5), column(lines, 3), column(lines, 2), 5);
        double[][] w = {want.diPlus(), want.diMinus(), want.dx(), want.adx()};
        for (int j = 0; j < 4; j++) {
            double[] got = column(lines, 6 + j);
            for (int i = 0; i < ROWS; i++) assertEquals(w[j][i], got[i], 0.0, "line " + j + " row " + i);
        }
    }

    @Test
    void volatilityAndWprMatchTheLibrary(@TempDir Path dir) throws Exception {
        Path in = bars(dir);
        String[] r = run("compute", "volatility", "--input", in.toString(), "--close", "Close", "--calc", "yang-zhang", "--n", "7");
        assertEquals("0", r[0], r[2]);
        List<String> lines = List.of(r[1].split("\n"));
        assertEquals("date,volume,Close,low,open,high,volatility_yang_zhang_7", lines.get(0));
        double[] want = VolatilityEstimators.volatility(column(lines, 4), column(lines, 5), column(lines, 3), column(lines, 2), 7,
                VolatilityEstimators.Method.YANG_ZHANG, 260);
        double[] got = column(lines, 6);
        for (int i = 0; i < ROWS; i++) assertEquals(want[i], got[i], 0.0, "row " + i);

        r = run("compute", "wpr", "--input", in.toString(), "--close", "Close");
        lines = List.of(r[1].split("\n"));
        want = Oscillators.wpr(column(lines, 5), column(lines, 3), column(lines, 2), 14);
        got = column(lines, 6);
        for (int i = 0; i < ROWS; i++) assertEquals(want[i], got[i], 0.0, "wpr row " + i);
    }

    @Test
    void almaMatchesTheLibrary(@TempDir Path dir) throws Exception {
        String[] r = run("compute", "alma", "--input", bars(dir).toString(), "--column", "Close", "--n", "7", "--offset", "0.5", "--sigma", "4");
        assertEquals("0", r[0], r[2]);
        List<String> lines = List.of(r[1].split("\n"));
        assertEquals("date,volume,Close,low,open,high,alma_7", lines.get(0));
        double[] want = MovingAverages.alma(column(lines, 2), 7, 0.5, 4);
        double[] got = column(lines, 6);
        for (int i = 0; i < ROWS; i++) assertEquals(want[i], got[i], 0.0, "row " + i);
    }

    @Test
    void badChoicesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path in = bars(dir);
        String[] r = run("compute", "volatility", "--input", in.toString(), "--calc", "garch");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("option --calc must be one of close, garman-klass"), r[2]);
        r = run("compute", "zigzag", "--input", in.toString(), "--percent", "maybe");
        assertTrue(r[2].contains("option --percent must be true or false, was 'maybe'"), r[2]);
        r = run("compute", "cmo", "--input", in.toString());
        assertTrue(r[2].contains("no column 'close' (--column)"), r[2]);
    }

    /** Every indicator the help names runs on the bars file with its defaults (short windows where needed). */
    @Test
    void helpListsEveryIndicatorAndEachRuns(@TempDir Path dir) throws Exception {
        String[] h = run("compute", "--help");
        assertEquals("0", h[0]);
        String help = TtrPlans.USAGE.substring(TtrPlans.USAGE.indexOf("):") + 2);
        assertTrue(h[1].contains(help.strip().substring(0, 40)), h[1]);
        Path in = bars(dir);
        Matcher m = Pattern.compile("(?:^|\\s)([a-z][a-z-]*[a-z])(?=\\s|$)").matcher(help.replaceAll("\\[[^\\]]*\\]", " "));
        int count = 0;
        while (m.find()) {
            String name = m.group(1);
            String[] args = switch (name) {
                case "dvi" -> new String[] {"--n", "20"};
                case "run-percent-rank" -> new String[] {"--n", "20"};
                case "run-cor", "run-cov" -> new String[] {"--y", "volume"};
                case "vma" -> new String[] {"--weights", "volume", "--ratio", "1e-4"};
                default -> new String[0];
            };
            String[] base = {"compute", name, "--input", in.toString()};
            boolean closeOnly = List.of("alma", "cmo", "cti", "dpo", "dvi", "evwma", "gmma", "hma", "kst", "momentum", "pbands", "roc",
                    "run-cor", "run-cov", "run-mad", "run-median", "run-percent-rank", "tdi", "trix", "vma", "vwma", "wilder-sum",
                    "zlema").contains(name);
            String[] all = concat(base, args, closeOnly ? new String[] {"--column", "Close"} : name.matches("adx|cci|chaikin-ad|clv|cmf|keltner|mfi|smi|snr|ultimate|vhf|volatility|williams-ad|wpr")
                    ? new String[] {"--close", "Close"} : new String[0]);
            String[] r = run(all);
            assertEquals("0", r[0], name + ": " + r[2]);
            count++;
        }
        assertEquals(43, count, "indicators in the help");
    }

    private static String[] concat(String[]... parts) {
        int n = 0;
        for (String[] p : parts) n += p.length;
        String[] out = new String[n];
        int k = 0;
        for (String[] p : parts) for (String s : p) out[k++] = s;
        return out;
    }
}
