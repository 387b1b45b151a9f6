package dev.sxn.math.cli;

import static dev.sxn.math.cli.InProcess.assertOneLineError;
import static dev.sxn.math.cli.InProcess.compute;
import static dev.sxn.math.cli.References.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sxn compute metrics} and {@code sxn compute var} against the NumPy/SciPy references of gen_risk.py
 * (risk_series.txt, risk_metrics.txt, risk_drawdown.txt, risk_var.txt). The CLI prints every double in its
 * shortest round-trip form, so the tolerances are the library's own: 1e-12 relative for the metrics and the
 * historical, normal and EWMA VaR/ES, 1e-10 for the Student-t (a quadrature reference), 1e-9 for Cornish-Fisher.
 */
class ComputeRiskTest {
    @TempDir
    Path dir;

    /** A CSV with one column per named series: a returns column, and optionally prices and their simple returns. */
    private Path csv(String header, double[]... columns) throws Exception {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < columns[0].length; i++) {
            for (int c = 0; c < columns.length; c++) sb.append(c == 0 ? "" : ",").append(i < columns[c].length ? Double.toString(columns[c][i]) : "");
            sb.append('\n');
        }
        Path p = dir.resolve("series.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static Map<String, String> table(InProcess.Result r, String header) {
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(header, lines.get(0));
        Map<String, String> m = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            int comma = l.indexOf(',');
            assertTrue(m.put(l.substring(0, comma), l.substring(comma + 1)) == null, "one row per name: " + l);
        }
        return m;
    }

    private static double metric(Map<String, String> t, String name) {
        assertTrue(t.containsKey(name), name + " in " + t.keySet());
        return Double.parseDouble(t.get(name));
    }

    @Test
    void metricsOfAReturnsColumnMatchNumPy() throws Exception {
        double[] daily = References.values("risk_series.txt", "daily");
        Path in = csv("returns", daily);
        Map<String, String> t = table(compute("metrics", "--input", in.toString(), "--periods-per-year", "252", "--risk-free", "0.03",
                "--mar", "0.03"), "metric,value");
        String[][] keyed = {
            {"sharpe", "sharpe", "0.03", "252.0"}, {"sortino", "sortino", "0.03", "252.0"}, {"omega", "omega", "0.03", "252.0"},
            {"cagr", "cagr", "252.0"}, {"calmar", "calmar", "252.0"}, {"sterling", "sterling", "252.0"}, {"win_rate", "winrate"},
            {"profit_factor", "profitfactor"}, {"tail_ratio", "tailratio"}, {"skewness_g1", "skew_g1"}, {"skewness_G1", "skew_G1"},
            {"excess_kurtosis_g2", "kurt_g2"}, {"excess_kurtosis_G2", "kurt_G2"}, {"mean", "mean"}, {"std", "std"}};
        for (String[] k : keyed) {
            String[] key = new String[k.length];
            key[0] = "daily";
            System.arraycopy(k, 1, key, 1, k.length - 1);
            assertClose(References.values("risk_metrics.txt", key)[0], metric(t, k[0]), 1e-15, 1e-12, k[0]);
        }
        // risk_drawdown.txt: max drawdown, peak, trough, recovery (-1: none), longest duration, Ulcer index.
        double[] dd = References.values("risk_drawdown.txt", "daily");
        assertClose(dd[0], metric(t, "max_drawdown"), 0, 1e-12, "max drawdown");
        assertEquals((int) dd[1], Integer.parseInt(t.get("drawdown_peak")));
        assertEquals((int) dd[2], Integer.parseInt(t.get("drawdown_trough")));
        assertEquals((int) dd[3], Integer.parseInt(t.get("drawdown_recovery")));
        assertEquals((int) dd[4], Integer.parseInt(t.get("longest_drawdown")));
        assertClose(dd[5], metric(t, "ulcer_index"), 0, 1e-12, "Ulcer index");
        assertEquals(daily.length, Integer.parseInt(t.get("returns")));
    }

    @Test
    void pricesAreTurnedIntoNumPysSimpleReturns() throws Exception {
        double[] prices = References.values("risk_series.txt", "prices");
        double[] simple = new double[prices.length - 1];
        for (int i = 0; i < simple.length; i++) simple[i] = References.values("risk_metrics.txt", "prices", "simple", Integer.toString(i))[0];
        Path in = csv("close", prices);
        Map<String, String> fromPrices = table(compute("metrics", "--input", in.toString(), "--prices", "close", "--periods-per-year", "12"),
                "metric,value");
        in = csv("numpy_returns", simple);
        Map<String, String> fromReturns = table(compute("metrics", "--input", in.toString(), "--column", "numpy_returns",
                "--periods-per-year", "12"), "metric,value");
        assertEquals(fromReturns.keySet(), fromPrices.keySet());
        for (String k : fromReturns.keySet()) {
            assertClose(metric(fromReturns, k), metric(fromPrices, k), 1e-15, 1e-11, k + " from --prices vs NumPy's returns");
        }
        assertEquals(Integer.toString(simple.length), fromPrices.get("returns"));
    }

    @Test
    void varAtEveryLevelMatchesSciPy() throws Exception {
        Path in = csv("r", References.values("risk_series.txt", "daily"));
        Map<String, String> rows = new HashMap<>();
        InProcess.Result r = compute("var", "--input", in.toString(), "--column", "r", "--level", "0.99,0.975, 0.95,0.9", "--nu", "5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("method,level,var,es,note", lines.get(0));
        assertEquals(1 + 4 * 5, lines.size(), r.out());
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            assertEquals(5, f.length, l);
            rows.put(f[0] + " " + f[1], l);
        }
        String[][] levels = {{"0.99", "0.01"}, {"0.975", "0.025"}, {"0.95", "0.05"}, {"0.9", "0.1"}};
        for (String[] lv : levels) {
            check(rows, "historical " + lv[0], References.values("risk_var.txt", "daily", "historical", lv[1], "-"), 1e-12, "");
            check(rows, "normal " + lv[0], References.values("risk_var.txt", "daily", "normal", lv[1], "-"), 1e-12, "");
            check(rows, "student-t " + lv[0], References.values("risk_var.txt", "daily", "t", lv[1], "5.0"), 1e-10, "nu 5.0");
            check(rows, "cornish-fisher " + lv[0], References.values("risk_var.txt", "daily", "cornishfisher", lv[1], "standard"), 1e-9,
                    "standard");
            check(rows, "ewma " + lv[0], References.values("risk_var.txt", "daily", "ewma", lv[1], "0.94"), 1e-12, "lambda 0.94");
        }
    }

    private static void check(Map<String, String> rows, String key, double[] ref, double rtol, String note) {
        String l = rows.get(key);
        assertTrue(l != null, key + " in " + rows.keySet());
        String[] f = l.split(",", -1);
        assertClose(ref[0], Double.parseDouble(f[2]), 1e-16, rtol, key + " VaR");
        assertClose(ref[1], Double.parseDouble(f[3]), 1e-16, rtol, key + " ES");
        assertEquals(note, f[4], key);
    }

    @Test
    void cornishFisherOutsideItsDomainUsesMaillardsCorrectionAndSaysSo() throws Exception {
        Path in = csv("returns", References.values("risk_series.txt", "heavy"));
        InProcess.Result r = compute("var", "--input", in.toString(), "--level", "0.99");
        assertEquals(0, r.code(), r.err());
        Map<String, String> rows = new HashMap<>();
        for (String l : r.out().lines().skip(1).toList()) rows.put(l.substring(0, l.indexOf(',', l.indexOf(',') + 1)).replace(',', ' '), l);
        check(rows, "cornish-fisher 0.99", References.values("risk_var.txt", "heavy", "cornishfisher", "0.01", "corrected"), 1e-9, "corrected");
    }

    @Test
    void cornishFisherOutOfReachIsSaidInItsRowNotPrintedAsANumber() throws Exception {
        // gen_risk.py marks the monthly series "invalid": no corrected expansion has its skewness and kurtosis.
        Path in = csv("returns", References.values("risk_series.txt", "monthly"));
        InProcess.Result r = compute("var", "--input", in.toString(), "--level", "0.99");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\ncornish-fisher,0.99,NaN,NaN,unavailable: skewness and kurtosis out of reach\n"), r.out());
    }

    @Test
    void outputFileHoldsWhatStdoutWouldShow() throws Exception {
        Path in = csv("returns", References.values("risk_series.txt", "daily"));
        Path out = dir.resolve("metrics.csv");
        InProcess.Result toFile = compute("metrics", "--input", in.toString(), "--periods-per-year", "252", "--output", out.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(compute("metrics", "--input", in.toString(), "--periods-per-year", "252").out(), Files.readString(out));
    }

    @Test
    void periodsPerYearIsRequiredAndSaysWhy() throws Exception {
        Path in = csv("returns", References.values("risk_series.txt", "daily"));
        assertOneLineError(compute("metrics", "--input", in.toString()), "missing --periods-per-year N", "never assumed");
        assertOneLineError(compute("metrics", "--input", in.toString(), "--periods-per-year", "0"), "--periods-per-year must be", "was 0.0");
        assertOneLineError(compute("metrics", "--input", in.toString(), "--periods-per-year", "x"), "--periods-per-year must be a number");
    }

    @Test
    void badInputGivesOneLine() throws Exception {
        Path in = csv("returns,close", new double[] {0.01, Double.NaN, 0.02, 0.01, -0.01}, new double[] {100, 101, -3, 102, 103});
        assertOneLineError(compute("metrics", "--input", in.toString(), "--periods-per-year", "252"),
                "column 'returns' (--column) is missing at data row 2");
        assertOneLineError(compute("var", "--input", in.toString(), "--prices", "close"), "column 'close' (--prices) is -3.0 at data row 3",
                "prices must be > 0");
        assertOneLineError(compute("var", "--input", in.toString(), "--column", "volume"), "no column 'volume' (--column)");
        assertOneLineError(compute("var", "--input", in.toString(), "--column", "returns", "--prices", "close"), "not both");
        assertOneLineError(compute("var", "--input", in.toString(), "--prices", "close", "--level", "1.5"), "--level must be in (0, 1)");
        assertOneLineError(compute("var", "--input", in.toString(), "--prices", "close", "--nu", "2"), "--nu must be", "> 2");
        assertOneLineError(compute("var", "--input", in.toString(), "--periods-per-year", "252"), "--periods-per-year does not apply to var");
        Path tiny = csv("returns", new double[] {0.01, 0.02, -0.01});
        assertOneLineError(compute("metrics", "--input", tiny.toString(), "--periods-per-year", "252"), "has 3 returns", "at least 4");
    }

    @Test
    void helpListsTheRiskCommands() {
        InProcess.Result r = compute("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("metrics --periods-per-year N") && r.out().contains("var [--level 0.95,0.99]"), r.out());
    }
}
