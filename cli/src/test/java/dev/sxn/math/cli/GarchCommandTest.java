package dev.sxn.math.cli;

import static dev.sxn.math.cli.References.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sxn garch} on R's EuStockMarkets DAX closes (eustockmarkets.csv) against R fGarch's {@code garchFit}
 * (garch_fits.txt, made by gen_garch.R on {@code 100 * diff(log(DAX))}). Tolerances, relative, as the library's
 * GarchReferenceTest: parameters, forecast sd and VaR/ES 1e-4 (the bar), log-likelihood and AIC/BIC 1e-6,
 * standard errors 2e-2 (fGarch's Hessian is a finite difference of its own); the report prints 9 to 12 significant
 * digits, well inside those.
 */
class GarchCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run garch(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "garch";
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = GarchCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The parsed report: parameter rows (estimate, s.e.), the criteria line's numbers and the forecast rows. */
    record Report(Map<String, double[]> parameters, double logLikelihood, double aic, double bic, List<double[]> forecast) {
        static Report parse(String text) {
            Map<String, double[]> p = new HashMap<>();
            double ll = Double.NaN, aic = Double.NaN, bic = Double.NaN;
            List<double[]> fc = new ArrayList<>();
            boolean table = false;
            for (String l : text.lines().toList()) {
                String[] f = l.trim().split("\\s+");
                if (l.startsWith("log-likelihood")) {
                    ll = Double.parseDouble(f[1]);
                    aic = Double.parseDouble(f[3]);
                    bic = Double.parseDouble(f[5]);
                } else if (f.length == 4 && List.of("mu", "omega", "alpha", "gamma", "beta", "shape").contains(f[0])) {
                    p.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                } else if (f[0].equals("h")) {
                    table = true;
                } else if (table && f.length == 4) {
                    fc.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                }
            }
            return new Report(p, ll, aic, bic, fc);
        }
    }

    @ParameterizedTest
    @CsvSource({"std, garch, std, 'mu,omega,alpha,beta,shape'", "norm, garch, norm, 'mu,omega,alpha,beta'",
        "gjrstd, gjr, std, 'mu,omega,alpha,gamma,beta,shape'"})
    void daxFitMatchesFGarch(String ref, String model, String dist, String names) {
        Run r = garch("--input", References.path("eustockmarkets.csv").toString(), "--column", "DAX", "--model", model, "--dist", dist,
                "--level", "0.99");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals("", r.err());
        assertTrue(r.out().contains("status: CONVERGED"), r.out());
        assertTrue(r.out().contains("series: 1859 log returns in percent"), r.out());
        Report rep = Report.parse(r.out());
        String[] n = names.split(",");
        double[] coef = References.values("garch_fits.txt", ref, "coef"), se = References.values("garch_fits.txt", ref, "se");
        assertEquals(n.length, rep.parameters().size(), r.out());
        for (int i = 0; i < n.length; i++) {
            double[] row = rep.parameters().get(n[i]);
            assertClose(coef[i], row[0], 0, 1e-4, ref + " " + n[i]);
            assertClose(se[i], row[1], 0, 2e-2, ref + " s.e. " + n[i]);
            assertClose(row[0] / row[1], row[2], 0, 2e-3, ref + " t value " + n[i]);
        }
        double[] ics = References.values("garch_fits.txt", ref, "ics");
        assertClose(-References.values("garch_fits.txt", ref, "nllh")[0], rep.logLikelihood(), 0, 1e-6, ref + " log-likelihood");
        assertClose(ics[0], rep.aic(), 0, 1e-6, ref + " AIC");
        assertClose(ics[1], rep.bic(), 0, 1e-6, ref + " BIC");
        double[] fsd = References.values("garch_fits.txt", ref, "fsd");
        assertEquals(10, rep.forecast().size(), "the default horizon");
        for (int h = 0; h < 10; h++) {
            assertEquals(h + 1, (int) rep.forecast().get(h)[0]);
            assertClose(fsd[h], rep.forecast().get(h)[1], 0, 1e-4, ref + " forecast sd h=" + (h + 1));
        }
        assertClose(References.values("garch_fits.txt", ref, "var99")[0], rep.forecast().get(0)[2], 0, 1e-4, ref + " VaR 99");
        assertClose(References.values("garch_fits.txt", ref, "es99")[0], rep.forecast().get(0)[3], 0, 1e-4, ref + " ES 99");
    }

    @Test
    void aReturnsColumnIsFittedAsItIsAndTheLevelAndHorizonApply() throws Exception {
        StringBuilder sb = new StringBuilder("day,r\n");
        List<String> x = References.lines("garch_dax_returns.txt");
        for (int i = 0; i < x.size(); i++) sb.append(i).append(',').append(x.get(i).trim()).append('\n');
        Path in = dir.resolve("returns.csv");
        Files.writeString(in, sb.toString());
        Run r = garch("--input", in.toString(), "--returns", "r", "--level", "0.95", "--horizon", "3", "--periods-per-year", "252");
        assertEquals(0, r.code(), r.err());
        Report rep = Report.parse(r.out());
        double[] coef = References.values("garch_fits.txt", "std", "coef");
        assertClose(coef[4], rep.parameters().get("shape")[0], 0, 1e-4, "shape");
        assertEquals(3, rep.forecast().size());
        assertTrue(r.out().contains("VaR 95%"), r.out());
        assertClose(References.values("garch_fits.txt", "std", "var95")[0], rep.forecast().get(0)[2], 0, 1e-4, "VaR 95");
        assertClose(References.values("garch_fits.txt", "std", "es95")[0], rep.forecast().get(0)[3], 0, 1e-4, "ES 95");
        double[] sigma = References.values("garch_fits.txt", "std", "sigma");
        int at = r.out().indexOf("annualised ");
        assertTrue(at > 0 && r.out().indexOf(" with 252 periods per year", at) > 0, r.out());
        double annual = Double.parseDouble(r.out().substring(at + "annualised ".length(), r.out().indexOf(" with 252", at)));
        assertClose(sigma[3] * Math.sqrt(252), annual, 0, 1e-4, "annualised conditional sd of the last return");
    }

    private Path file(String text) throws Exception {
        Path p = dir.resolve("prices.csv");
        Files.writeString(p, text);
        return p;
    }

    private static void assertOneLine(Run r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("sxn garch: ") && r.err().indexOf('\n') == r.err().length() - 1, "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String p : parts) assertTrue(r.err().contains(p), "'" + p + "' in " + r.err());
    }

    private static String prices(int n) {
        return prices(n, -1, "");
    }

    /** n rows of prices, the one at index {@code bad} (data row bad + 1) replaced by {@code cell}. */
    private static String prices(int n, int bad, String cell) {
        StringBuilder sb = new StringBuilder("date,close\n");
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(i == bad ? cell : Double.toString(100 + 3 * Math.sin(i * 0.7) + 0.01 * i * i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void badInputGivesOneClearLine() throws Exception {
        Path ok = file(prices(40));
        assertOneLine(garch("--input", ok.toString(), "--column", "adj_close"), "no column 'adj_close' (--column)", "the columns are [date, close]");
        assertOneLine(garch("--input", file(prices(10)).toString()), "has 10 rows", "needs at least 11 prices (10 returns)");
        assertOneLine(garch("--input", file("date,close\n1,100\n2,abc\n3,101\n").toString()), "line 3 column 2: column 'close' value 'abc'",
                "is not a number");
        assertOneLine(garch("--input", file(prices(40, 5, "-2")).toString()), "is -2.0 at data row 6", "prices must be > 0");
        assertOneLine(garch("--input", file(prices(40, 7, "NA")).toString()), "missing at data row 8");
        ok = file(prices(40));
        assertOneLine(garch("--input", ok.toString(), "--dist", "ged"), "--dist must be std or norm, was 'ged'");
        assertOneLine(garch("--input", ok.toString(), "--model", "egarch"), "--model must be garch or gjr");
        assertOneLine(garch("--input", ok.toString(), "--horizon", "0"), "--horizon must be in [1, 10000], was 0");
        assertOneLine(garch("--input", ok.toString(), "--level", "99"), "--level must be in (0, 1)");
        assertOneLine(garch("--input", ok.toString(), "--n", "5"), "option --n does not apply to garch");
        assertOneLine(garch("--column", "close"), "missing --input FILE");
        assertOneLine(garch("--input", dir.resolve("nope.csv").toString()), "does not exist");
        assertOneLine(garch("--input", file("date,close\n" + "1,100\n".repeat(20)).toString()), "do not vary");
    }

    @Test
    void aFitThatDoesNotConvergePrintsItsBestPointWithTheStatusAndExitsOne() throws Exception {
        // Eleven returns alternating +1, -1: the normal GARCH likelihood has no interior optimum, the optimiser
        // runs to its iteration limit (the library's behaviour on this series; the CLI only reports it).
        StringBuilder sb = new StringBuilder("r\n");
        for (int i = 0; i < 11; i++) sb.append(i % 2 == 0 ? "1" : "-1").append('\n');
        Run r = garch("--input", file(sb.toString()).toString(), "--returns", "r", "--dist", "norm");
        assertEquals(1, r.code(), r.err() + r.out());
        assertEquals("", r.err());
        assertTrue(r.out().contains("status: MAX_ITERATIONS after 1000 iterations (the best point found is shown; treat it with care)"),
                r.out());
        Report rep = Report.parse(r.out());
        assertEquals(4, rep.parameters().size(), r.out());
        assertEquals(10, rep.forecast().size(), r.out());
    }

    @Test
    void helpNamesTheOptions() {
        Run r = garch("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--dist std|norm") && r.out().contains("--model garch|gjr") && r.out().contains("--horizon 10"), r.out());
    }
}
