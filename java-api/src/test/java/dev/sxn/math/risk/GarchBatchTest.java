package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched GARCH fit and its kernel family {@code risk.garch}. On JAVA every asset's fit is its single fit bit for
 * bit (parameters, standard errors, log-likelihood, sd path, status, iterations), for GARCH and GJR, normal and t,
 * both starts, with a constant asset in the batch. On every kind each asset's fit matches its single fit within the
 * optimiser's tolerance: parameters |a - b| <= 1e-6 + 1e-4 |b| (the fGarch tolerance), log-likelihood
 * relative 1e-9. The kernels against JAVA's directly, on random parameters around typical fits: value relative
 * 1e-12, gradient |a - b| <= 1e-11 n + 1e-10 |b| (sums over n steps); assets not asked for are not written; an
 * undefined likelihood (negative variance, shape <= 2) is +Infinity on every kind.
 */
class GarchBatchTest {
    private static final GarchSpec[] SPECS = {
        GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL),
        GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T),
        GarchSpec.of(GarchModel.GJR, GarchInnovations.STUDENT_T),
        GarchSpec.of(GarchModel.GJR, GarchInnovations.NORMAL).withInit(GarchInit.BACKCAST),
    };

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_GARCH);
    }

    /** k assets of GARCH-like returns in percent with different persistence and tails; asset {@code flat} constant. */
    static SeriesBatch returns(int k, int n, long seed, int flat) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[k * n];
        for (int a = 0; a < k; a++) {
            double om = 0.02 + 0.01 * (a % 5), al = 0.05 + 0.01 * (a % 7), be = 0.9 - 0.01 * (a % 7), h = om / (1 - al - be);
            for (int t = 0; t < n; t++) {
                double z = r.nextGaussian();
                if (a % 2 == 1) { // standardized t with 5 degrees of freedom
                    double chi2 = 0;
                    for (int j = 0; j < 5; j++) chi2 += Math.pow(r.nextGaussian(), 2);
                    z *= Math.sqrt(3 / chi2);
                }
                double e = Math.sqrt(h) * z;
                d[t * k + a] = a == flat ? 0.25 : 0.03 * (a % 3) + e;
                h = om + al * e * e + be * h;
            }
        }
        return SeriesBatch.wrap(k, n, d);
    }

    private static double[] series(SeriesBatch b, int a) {
        double[] s = new double[b.length()];
        for (int t = 0; t < s.length; t++) s[t] = b.data()[t * b.assets() + a];
        return s;
    }

    @Test
    void javaBatchIsEachSingleFitBitForBit() {
        SeriesBatch x = returns(7, 400, 11, 3);
        for (GarchSpec spec : SPECS) {
            GarchFit[] batch = Garch.fitBatch(x, spec, Backend.JAVA);
            for (int a = 0; a < x.assets(); a++) {
                GarchFit one = Garch.fit(series(x, a), spec);
                String at = spec + ", asset " + a;
                assertEquals(one.status(), batch[a].status(), at);
                assertEquals(one.iterations(), batch[a].iterations(), at);
                assertArrayEquals(one.parameters(), batch[a].parameters(), 0.0, at);
                assertArrayEquals(one.standardErrors(), batch[a].standardErrors(), 0.0, at);
                assertEquals(one.logLikelihood(), batch[a].logLikelihood(), 0.0, at);
                assertArrayEquals(one.sigma(), batch[a].sigma(), 0.0, at);
            }
            assertEquals(GarchStatus.DEGENERATE_SERIES, batch[3].status());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindMatchesTheSingleFits(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SeriesBatch x = returns(19, 700, 23, 5);
        for (GarchSpec spec : new GarchSpec[] {SPECS[1], SPECS[2], SPECS[3]}) {
            GarchFit[] batch = Garch.fitBatch(x, spec, kind);
            for (int a = 0; a < x.assets(); a++) {
                GarchFit one = Garch.fit(series(x, a), spec);
                String at = kind + ", " + spec + ", asset " + a;
                assertEquals(one.status(), batch[a].status(), at);
                if (one.status() == GarchStatus.DEGENERATE_SERIES) continue;
                double[] want = one.parameters(), got = batch[a].parameters();
                for (int i = 0; i < want.length; i++) {
                    assertTrue(Math.abs(got[i] - want[i]) <= 1e-6 + 1e-4 * Math.abs(want[i]),
                            at + ", parameter " + i + ": " + got[i] + " vs " + want[i]);
                }
                assertEquals(one.logLikelihood(), batch[a].logLikelihood(), 1e-9 * Math.abs(one.logLikelihood()), at);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void kernelsAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        GarchKernels ref = GarchBatchEstimator.KERNELS.java(), other = GarchBatchEstimator.KERNELS.kernel(kind);
        int n = 333;
        for (int k : new int[] {1, 8, 13, 37}) {
            SeriesBatch x = returns(k, n, 100 + k, -1);
            for (GarchSpec spec : SPECS) {
                Problem pr = new Problem(x, spec, 7 * k);
                double[] fj = new double[k], gj = new double[pr.p * k];
                ref.likelihood(pr.flags, pr.p, x.data(), k, n, pr.c, pr.th, pr.active, fj, gj);
                double[] fo = new double[k], go = new double[pr.p * k];
                java.util.Arrays.fill(fo, -7);
                java.util.Arrays.fill(go, -7);
                other.likelihood(pr.flags, pr.p, x.data(), k, n, pr.c, pr.th, pr.active, fo, go);
                for (int a = 0; a < k; a++) {
                    String at = kind + ", " + spec + ", k " + k + ", asset " + a;
                    if (pr.active[a] == 0) {
                        assertEquals(-7, fo[a], at + " not asked for, written");
                        for (int i = 0; i < pr.p; i++) assertEquals(-7, go[i * k + a], at + " not asked for, written");
                        continue;
                    }
                    assertEquals(fj[a], fo[a], 1e-12 * Math.abs(fj[a]), at);
                    for (int i = 0; i < pr.p; i++) {
                        double w = gj[i * k + a], g = go[i * k + a];
                        assertTrue(Math.abs(g - w) <= 1e-11 * n + 1e-10 * Math.abs(w), at + ", gradient " + i + ": " + g + " vs " + w);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void undefinedLikelihoodIsInfinityOnEveryKind(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 11, n = 50;
        SeriesBatch x = returns(k, n, 5, -1);
        GarchSpec spec = SPECS[2];
        Problem pr = new Problem(x, spec, 3);
        java.util.Arrays.fill(pr.active, (byte) 1);
        pr.th[k + 2] = -1; // omega < 0 with alpha, beta small: a negative variance
        pr.th[2 * k + 2] = 1e-8;
        pr.th[4 * k + 2] = 1e-8;
        pr.th[5 * k + 9] = 1.5; // shape <= 2
        double[] f = new double[k], g = new double[pr.p * k];
        GarchBatchEstimator.KERNELS.kernel(kind).likelihood(pr.flags, pr.p, x.data(), k, n, pr.c, pr.th, pr.active, f, g);
        assertEquals(Double.POSITIVE_INFINITY, f[2], kind + ": negative variance");
        assertEquals(Double.POSITIVE_INFINITY, f[9], kind + ": shape 1.5");
        assertTrue(Double.isFinite(f[0]) && Double.isFinite(f[10]), kind + ": the other assets");
    }

    /** A kernel call's inputs: each asset scaled by its sd, parameters near a typical fit, some assets inactive. */
    static final class Problem {
        final int p, flags;
        final double[] c, th;
        final byte[] active;

        Problem(SeriesBatch x, GarchSpec spec, long seed) {
            int k = x.assets(), n = x.length();
            p = spec.parameterCount();
            flags = GarchLikelihood.flags(spec);
            c = new double[GarchLikelihood.CONSTANTS * k];
            th = new double[p * k];
            active = new byte[k];
            SplittableRandom r = new SplittableRandom(seed);
            for (int a = 0; a < k; a++) {
                double[] s = series(x, a);
                double m = 0, ss = 0;
                for (double v : s) m += v;
                m /= n;
                for (double v : s) ss += (v - m) * (v - m);
                GarchLikelihood.constants(x.data(), a, k, n, 1 / Math.sqrt(ss / (n - 1)), c, a, k);
                int i = 0;
                th[i++ * k + a] = 0.05 * r.nextGaussian();
                th[i++ * k + a] = 0.02 + 0.1 * r.nextDouble();
                th[i++ * k + a] = 0.02 + 0.15 * r.nextDouble();
                if (spec.hasGamma()) th[i++ * k + a] = -0.3 + 0.6 * r.nextDouble();
                th[i++ * k + a] = 0.6 + 0.3 * r.nextDouble();
                if (spec.hasShape()) th[i * k + a] = 2.5 + 7 * r.nextDouble();
                active[a] = (byte) (k == 1 || a % 4 != 1 ? 1 : 0);
            }
        }
    }
}
