package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.MonteCarloReference.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Heston: the semi-analytic price against SciPy's quad on the two-probability formula
 * ({@code stochastic_mc_heston.txt}, tolerance 1e-8 absolute on prices of order 1..15), against Black-Scholes in
 * the zero-vol-of-vol limit; QE Monte Carlo prices within 3 standard errors of the semi-analytic ones; the
 * martingale correction; path layout and block independence; every kind of {@code stochastic.paths} is JAVA bit for
 * bit (ulp budget 0), both QE branches, with and without the correction, antithetic or not.
 */
class HestonTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.STOCHASTIC_PATHS);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsJavaBitForBit(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Vol of vol 1.2 over steps of a quarter sends psi across 1.5 both ways; 0.3 over small steps stays quadratic.
        Heston[] models = {new Heston(100, 0.09, 1.0, 0.09, 1.2, -0.9, 0.03), new Heston(100, 0.04, 2.0, 0.05, 0.3, 0.4, 0.0)};
        RandomStream s = RandomStream.philox4x64(77, 7);
        int paths = 203, steps = 37;
        for (Heston h : models) {
            for (double dt : new double[] {0.25, 1.0 / 252}) {
                for (boolean correct : new boolean[] {true, false}) {
                    for (Antithetic a : Antithetic.values()) {
                        double[] got = new double[paths * steps], want = new double[got.length];
                        HestonQe.paths(h, s, dt, 3, paths, steps, a, correct, got, 0, paths, kind);
                        HestonQe.paths(h, s, dt, 3, paths, steps, a, correct, want, 0, paths, Backend.JAVA);
                        assertArrayEquals(want, got, kind + " " + h + " dt " + dt + " correction " + correct + " " + a);
                        double[] r = new double[4 * paths], rw = new double[r.length];
                        HestonQe.reduce(h, s, dt, 3, paths, steps, a, correct, EnumSet.allOf(PathReduction.class), r, 0, paths, kind);
                        HestonQe.reduce(h, s, dt, 3, paths, steps, a, correct, EnumSet.allOf(PathReduction.class), rw, 0, paths, Backend.JAVA);
                        assertArrayEquals(rw, r, kind + " reductions");
                    }
                }
            }
        }
    }

    private static Heston model(String[] f) {
        double r = d(f, 3), q = d(f, 4);
        return new Heston(d(f, 0), d(f, 5), d(f, 6), d(f, 7), d(f, 8), d(f, 9), r - q);
    }

    @Test
    void semiAnalyticPricesMatchScipyQuad() {
        List<String[]> rows = MonteCarloReference.lines("stochastic_mc_heston.txt");
        assertEquals(5, rows.size());
        for (String[] f : rows) {
            double got = HestonPricing.price(model(f), Payoff.CALL, d(f, 1), d(f, 3), d(f, 2));
            assertEquals(d(f, 10), got, 1e-8, String.join(" ", f));
        }
    }

    @Test
    void smallVolOfVolWithFlatVarianceIsBlackScholes() {
        Heston h = new Heston(100, 0.04, 2.0, 0.04, 1e-4, 0.0, 0.03);
        for (double k : new double[] {80, 100, 125}) {
            for (Payoff p : Payoff.values()) {
                double bs = BlackScholes.price(p, 100, k, 0.05, 0.02, 0.2, 1.5);
                assertEquals(bs, HestonPricing.price(h, p, k, 0.05, 1.5), 1e-6, p + " " + k);
            }
        }
    }

    @Test
    void qeMonteCarloIsWithinThreeStandardErrorsOfTheSemiAnalyticPrice() {
        int c = 0;
        for (String[] f : MonteCarloReference.lines("stochastic_mc_heston.txt")) {
            Heston h = model(f);
            double k = d(f, 1), t = d(f, 2), r = d(f, 3), want = d(f, 10);
            for (boolean correct : new boolean[] {true, false}) {
                MonteCarloEstimate e = MonteCarlo.european(h, Payoff.CALL, k, r, t, 64, correct, RandomStream.philox4x64(500 + c++, 0), 100_000,
                        Antithetic.PAIRED, null);
                assertEquals(want, e.value(), 3 * e.standardError(), String.join(" ", f) + " correction " + correct + ": " + e);
            }
        }
    }

    /** With the correction E[S_T] = S_0 e^{mu T}, and the put-call parity of the semi-analytic prices holds. */
    @Test
    void martingaleCorrectionKeepsTheForward() {
        Heston h = new Heston(100, 0.09, 1.0, 0.09, 1.0, -0.9, 0.04);
        double[] st = new double[200_000];
        HestonQe.reduce(h, RandomStream.philox4x64(3, 3), 0.25, 0, st.length, 4, Antithetic.NONE, true, EnumSet.of(PathReduction.TERMINAL), st,
                0, st.length, null);
        double mean = 0, m2 = 0;
        for (double v : st) mean += v;
        mean /= st.length;
        for (double v : st) m2 += (v - mean) * (v - mean);
        double se = Math.sqrt(m2 / (st.length - 1) / st.length);
        assertEquals(100 * Math.exp(0.04), mean, 3 * se);
        double call = HestonPricing.price(h, Payoff.CALL, 95, 0.05, 1), put = HestonPricing.price(h, Payoff.PUT, 95, 0.05, 1);
        assertEquals(100 * Math.exp(-0.01) - 95 * Math.exp(-0.05), call - put, 1e-9);
    }

    @Test
    void pathsAreTheSameFromAnyBlockAndReduceToTheStoredPath() {
        Heston h = new Heston(100, 0.04, 1.5, 0.04, 0.5, -0.7, 0.03);
        RandomStream s = RandomStream.philox4x64(9, 1);
        int paths = 150, steps = 40;
        double dt = 1.0 / 52;
        for (Antithetic a : Antithetic.values()) {
            double[] whole = new double[paths * steps], pieces = new double[paths * steps];
            HestonQe.paths(h, s, dt, 0, paths, steps, a, true, whole, 0, paths, Backend.JAVA);
            int[] cuts = {0, 1, 3, 64, 65, 149, paths};
            for (int i = 0; i + 1 < cuts.length; i++) {
                double[] part = new double[(cuts[i + 1] - cuts[i]) * steps];
                int n = cuts[i + 1] - cuts[i];
                HestonQe.paths(h, s, dt, cuts[i], n, steps, a, true, part, 0, n, Backend.JAVA);
                for (int t = 0; t < steps; t++) System.arraycopy(part, t * n, pieces, t * paths + cuts[i], n);
            }
            assertArrayEquals(whole, pieces, a.toString());
            double[] red = new double[4 * paths];
            HestonQe.reduce(h, s, dt, 0, paths, steps, a, true, EnumSet.allOf(PathReduction.class), red, 0, paths, Backend.JAVA);
            for (int p = 0; p < paths; p++) {
                double sum = 0;
                for (int t = 0; t < steps; t++) sum += whole[t * paths + p];
                assertEquals(whole[(steps - 1) * paths + p], red[p]);
                assertEquals(sum / steps, red[3 * paths + p]);
                assertTrue(red[paths + p] >= red[p] * (1 - 1e-15) && red[2 * paths + p] <= red[p] * (1 + 1e-15));
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new Heston(100, 0.04, 1, 0.04, 0.5, -1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Heston(100, -0.04, 1, 0.04, 0.5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Heston(100, 0.04, 0, 0.04, 0.5, 0, 0));
        Heston h = new Heston(100, 0.04, 1, 0.04, 0.5, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> HestonPricing.price(h, Payoff.CALL, 100, 0.01, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HestonQe.paths(h, RandomStream.philox4x64(1, 1), 0.1, 0, 10, 5, Antithetic.NONE, false, new double[49], 0, 10, null));
    }

    /** An unpinned Heston call never lands on a kind that would only run JAVA's loop (NATIVE, OPENCL), whatever the crossovers. */
    @Test
    void automaticChoicePassesOverKindsWithoutHestonCode() {
        for (long size : new long[] {1, 1 << 10, 1 << 20, 1L << 30}) {
            Backend k = Gbm.PATHS.choose(size, PathKernels::hasOwnHeston);
            assertTrue(k == Backend.JAVA || k == Backend.VECTOR, "size " + size + " chose " + k);
        }
    }
}
