package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.SeriesBatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the fit that need no reference: scale equivariance (returns times 1e-4 and 1e4 give mu times c,
 * omega times c^2, the rest equal, to 1e-6 relative), a status instead of an exception on pathological series,
 * the backcast start, the batched fit equal to single fits (bit for bit: same code, same operations), the exact
 * gradient against central differences (1e-6 relative), and the standardized quantiles and tail means against R
 * (reference/garch_quantiles.txt, 1e-10 relative).
 */
class GarchBehaviourTest {
    private static final double[] DAX = GarchReference.dax();
    private static final GarchSpec STD = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 1e4})
    void badlyScaledSeriesGivesScaledParameters(double c) {
        GarchFit base = Garch.fit(DAX, STD);
        double[] x = DAX.clone();
        for (int i = 0; i < x.length; i++) x[i] *= c;
        GarchFit fit = Garch.fit(x, STD);
        assertEquals(GarchStatus.CONVERGED, fit.status());
        double[] expected = base.parameters().clone();
        expected[0] *= c;
        expected[1] *= c * c;
        assertClose(expected, fit.parameters(), 0, 1e-6, "parameters at scale " + c);
        assertClose(base.logLikelihood() - x.length * Math.log(c), fit.logLikelihood(), 0, 1e-9, "logLik at scale " + c);
        assertClose(base.sigma()[100] * c, fit.sigma()[100], 0, 1e-6, "sigma at scale " + c);
    }

    @Test
    void constantSeriesReturnsAStatus() {
        double[] x = new double[500];
        Arrays.fill(x, 0.25);
        GarchFit fit = Garch.fit(x, STD);
        assertEquals(GarchStatus.DEGENERATE_SERIES, fit.status());
        assertTrue(Double.isNaN(fit.mu()) && Double.isNaN(fit.logLikelihood()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NORMAL", "STUDENT_T"})
    void singleHugeOutlierReturnsTheBestPointWithAStatus(String innovations) {
        double[] x = new double[1000];
        x[500] = 1e6;
        GarchFit fit = Garch.fit(x, GarchSpec.of(GarchModel.GJR, GarchInnovations.valueOf(innovations)));
        assertTrue(fit.status() != null && fit.status() != GarchStatus.DEGENERATE_SERIES, "status " + fit.status());
        for (double v : fit.parameters()) assertTrue(Double.isFinite(v), Arrays.toString(fit.parameters()));
        assertTrue(Double.isFinite(fit.logLikelihood()), "logLik " + fit.logLikelihood());
    }

    @Test
    void backcastStartIsArchsAndFitsClose() {
        GarchSpec bc = STD.withInit(GarchInit.BACKCAST);
        GarchFit fit = Garch.fit(DAX, bc);
        assertEquals(GarchStatus.CONVERGED, fit.status());
        // h_1 = omega + (alpha + beta) b with b the 0.94-weighted mean square of the first 75 residuals about the mean.
        double mean = Arrays.stream(DAX).average().orElseThrow();
        double w = 1, sw = 0, sb = 0;
        for (int t = 0; t < 75; t++) {
            sb += w * (DAX[t] - mean) * (DAX[t] - mean);
            sw += w;
            w *= 0.94;
        }
        double h1 = fit.omega() + (fit.alpha() + fit.beta()) * sb / sw;
        assertClose(Math.sqrt(h1), fit.sigma()[0], 0, 1e-12, "sigma_1 from the backcast");
        GarchFit mci = Garch.fit(DAX, STD);
        assertNotEquals(mci.logLikelihood(), fit.logLikelihood());
        // The start only moves the first few variances: estimates stay within a fraction of a standard error.
        for (int i = 0; i < mci.parameters().length; i++) {
            assertTrue(Math.abs(mci.parameters()[i] - fit.parameters()[i]) < 0.5 * mci.standardErrors()[i],
                    "parameter " + i);
        }
    }

    @Test
    void batchEqualsSingleFits() {
        int k = 3, t = 600;
        double[][] series = new double[k][];
        for (int a = 0; a < k; a++) series[a] = Arrays.copyOfRange(DAX, 400 * a, 400 * a + t);
        SeriesBatch batch = SeriesBatch.of(series);
        for (GarchSpec spec : List.of(STD, GarchSpec.of(GarchModel.GJR, GarchInnovations.NORMAL))) {
            GarchFit[] fits = Garch.fitBatch(batch, spec);
            for (int a = 0; a < k; a++) {
                GarchFit single = Garch.fit(series[a], spec);
                assertArrayEquals(single.parameters(), fits[a].parameters(), "asset " + a);
                assertArrayEquals(single.sigma(), fits[a].sigma(), "asset " + a);
                assertEquals(single.logLikelihood(), fits[a].logLikelihood());
                assertEquals(single.status(), fits[a].status());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARCH:NORMAL:MCI", "GARCH:STUDENT_T:MCI", "GJR:STUDENT_T:MCI", "GJR:NORMAL:BACKCAST",
        "GJR:STUDENT_T:BACKCAST"})
    void gradientMatchesCentralDifferences(String s) {
        String[] parts = s.split(":");
        GarchSpec spec = new GarchSpec(GarchModel.valueOf(parts[0]), GarchInnovations.valueOf(parts[1]), GarchInit.valueOf(parts[2]));
        GarchLikelihood lik = new GarchLikelihood(DAX, 0, DAX.length, 1.3, spec);
        double[] th = spec.hasGamma() ? new double[] {0.05, 0.02, 0.07, 0.2, 0.9, 5.5} : new double[] {0.05, 0.02, 0.07, 0.9, 5.5};
        th = Arrays.copyOf(th, spec.parameterCount());
        double[] g = new double[th.length];
        lik.evaluate(th, g);
        for (int i = 0; i < th.length; i++) {
            // Richardson-extrapolated central differences: O(h^4) truncation with a step large enough that the
            // rounding of a sum over 1859 terms stays below the tolerance.
            double h = 1e-5 * Math.max(Math.abs(th[i]), 1);
            double fd = (4 * central(lik, th, i, h / 2) - central(lik, th, i, h)) / 3;
            assertClose(fd, g[i], 1e-5, 1e-7, s + " d/d" + spec.parameterNames()[i]);
        }
    }

    private static double central(GarchLikelihood lik, double[] th, int i, double h) {
        double[] up = th.clone(), dn = th.clone();
        up[i] += h;
        dn[i] -= h;
        return (lik.evaluate(up, null) - lik.evaluate(dn, null)) / (2 * h);
    }

    @Test
    void quantilesAndTailMeansMatchR() {
        for (String[] row : GarchReference.rows("garch_quantiles.txt")) {
            double nu = row[0].equals("norm") ? Double.POSITIVE_INFINITY : Double.parseDouble(row[1]);
            double p = Double.parseDouble(row[2]);
            String what = row[0] + " nu=" + row[1] + " p=" + row[2];
            assertClose(Double.parseDouble(row[3]), GarchDistributions.quantile(p, nu), 1e-13, 1e-10, what + " quantile");
            if (p <= 0.5) {
                assertClose(Double.parseDouble(row[4]), -GarchDistributions.tailMean(p, nu), 1e-13, 1e-9, what + " tail mean");
            }
        }
    }
}
