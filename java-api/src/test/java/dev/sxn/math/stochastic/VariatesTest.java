package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JAVA-only samplers: their distributions (sample moments within 5 standard errors of the exact ones;
 * chi-square goodness of fit below the 5-sigma point of its distribution where the CDF is elementary), and
 * their reproducibility: a block equals its pieces and the scalar form, slot by slot, exactly.
 */
class VariatesTest {
    private static final int LANES = 500, STEPS = 400; // 2 * 10^5 draws
    private static final RandomStream S = RandomStream.philox4x64(20261207L, 3);

    /** |mean - m| <= 5 sqrt(v / n) and the sample variance within 5 of its standard errors (kurtosis k). */
    private static void assertMoments(double[] x, double m, double v, double excessKurtosis, String what) {
        int n = x.length;
        double s = 0, ss = 0;
        for (double d : x) s += d;
        double mean = s / n;
        for (double d : x) ss += (d - mean) * (d - mean);
        double var = ss / (n - 1);
        assertEquals(m, mean, 5 * Math.sqrt(v / n), what + " mean");
        assertEquals(v, var, 5 * v * Math.sqrt((2.0 + excessKurtosis) / n), what + " variance");
    }

    /** Pearson's chi-square over bins of expected count >= 20, below df + 5 sqrt(2 df). */
    private static void assertChiSquare(long[] observed, double[] expectedProb, int n, String what) {
        double chi = 0;
        int df = -1;
        double pooledObs = 0, pooledExp = 0;
        for (int k = 0; k < observed.length; k++) {
            pooledObs += observed[k];
            pooledExp += expectedProb[k] * n;
            if (pooledExp >= 20) {
                chi += (pooledObs - pooledExp) * (pooledObs - pooledExp) / pooledExp;
                df++;
                pooledObs = pooledExp = 0;
            }
        }
        assertTrue(df >= 3, what + ": bins " + df);
        assertTrue(chi < df + 5 * Math.sqrt(2.0 * df), what + ": chi-square " + chi + " with " + df + " degrees of freedom");
    }

    @Test
    void exponentialIsMinusLogOfTheSlotUniform() {
        double[] x = new double[LANES * STEPS];
        Variates.exponentials(S, 0, LANES, 0, STEPS, x, 0, LANES);
        assertMoments(x, 1, 1, 6, "exponential");
        for (int k = 0; k < x.length; k += 101) {
            assertEquals(-StrictMath.log(S.uniform(k % LANES, k / LANES)), x[k]);
            assertEquals(Variates.exponential(S, k % LANES, k / LANES), x[k]);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 3.0, 7.5})
    void gammaMoments(double shape) {
        double[] x = new double[LANES * STEPS];
        Variates.gammas(S, shape, 0, LANES, 0, STEPS, x, 0, LANES);
        assertMoments(x, shape, shape, 6 / shape, "gamma(" + shape + ")");
        for (double d : x) assertTrue(d > 0 && Double.isFinite(d));
    }

    @Test
    void gammaOfIntegerShapeFitsTheErlangCdf() {
        int n = LANES * STEPS, shape = 3;
        double[] x = new double[n];
        Variates.gammas(S.withStream(9), shape, 0, LANES, 0, STEPS, x, 0, LANES);
        double width = 0.25;
        int bins = 60;
        long[] obs = new long[bins + 1];
        for (double d : x) obs[Math.min(bins, (int) (d / width))]++;
        double[] p = new double[bins + 1];
        double prev = 0;
        for (int k = 0; k <= bins; k++) {
            double cdf = k == bins ? 1 : erlangCdf(shape, (k + 1) * width);
            p[k] = cdf - prev;
            prev = cdf;
        }
        assertChiSquare(obs, p, n, "gamma(3)");
    }

    private static double erlangCdf(int k, double x) {
        double term = 1, sum = 0;
        for (int i = 0; i < k; i++) {
            sum += term;
            term *= x / (i + 1);
        }
        return 1 - Math.exp(-x) * sum;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3.0, 9.9, 10.0, 47.0, 1000.0})
    void poissonFitsItsPmf(double mean) {
        int n = LANES * STEPS;
        int[] x = new int[n];
        Variates.poissons(S, mean, 0, LANES, 0, STEPS, x, 0, LANES);
        int max = (int) (mean + 12 * Math.sqrt(mean) + 20);
        long[] obs = new long[max + 1];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            assertTrue(x[k] >= 0 && x[k] <= max, "count " + x[k]);
            obs[x[k]]++;
            d[k] = x[k];
        }
        assertMoments(d, mean, mean, 1 / mean, "poisson(" + mean + ")");
        double[] p = new double[max + 1];
        for (int k = 0; k <= max; k++) p[k] = Math.exp(-mean + k * Math.log(mean) - Samplers.logGamma(k + 1.0));
        assertChiSquare(obs, p, n, "poisson(" + mean + ")");
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.0, 8.0})
    void studentTMoments(double nu) {
        double[] x = new double[LANES * STEPS];
        Variates.studentTs(S, nu, 0, LANES, 0, STEPS, x, 0, LANES);
        // Variance nu / (nu - 2); for nu = 3 the fourth moment is infinite: only the mean (variance 3) is tested.
        double v = nu / (nu - 2);
        if (nu > 4) assertMoments(x, 0, v, 6 / (nu - 4), "t(" + nu + ")");
        else {
            double s = 0;
            for (double d : x) s += d;
            assertEquals(0, s / x.length, 5 * Math.sqrt(v / x.length), "t(3) mean");
        }
    }

    @ParameterizedTest
    @EnumSource(Generator.class)
    void aBlockIsItsPiecesAndTheScalarForms(Generator g) {
        RandomStream s = RandomStream.of(g, 77, 5);
        int lanes = 23, steps = 17;
        double[] whole = new double[lanes * steps], pieces = new double[whole.length];
        double[] t = new double[whole.length], tp = new double[whole.length];
        int[] pois = new int[whole.length], poisP = new int[whole.length];
        Variates.gammas(s, 0.7, 100, lanes, 40, steps, whole, 0, lanes);
        Variates.studentTs(s, 4.5, 100, lanes, 40, steps, t, 0, lanes);
        Variates.poissons(s, 25, 100, lanes, 40, steps, pois, 0, lanes);
        for (int r0 = 0; r0 < steps; r0 += 5) {
            for (int i0 = lanes - 1; i0 >= 0; i0 -= 7) {
                int i1 = i0 + 1, il = Math.max(0, i0 - 6), rs = Math.min(5, steps - r0);
                Variates.gammas(s, 0.7, 100 + il, i1 - il, 40 + r0, rs, pieces, r0 * lanes + il, lanes);
                Variates.studentTs(s, 4.5, 100 + il, i1 - il, 40 + r0, rs, tp, r0 * lanes + il, lanes);
                Variates.poissons(s, 25, 100 + il, i1 - il, 40 + r0, rs, poisP, r0 * lanes + il, lanes);
            }
        }
        assertArrayEquals(whole, pieces);
        assertArrayEquals(t, tp);
        assertArrayEquals(pois, poisP);
        for (int k = 0; k < whole.length; k += 3) {
            assertEquals(whole[k], Variates.gamma(s, 0.7, 100 + k % lanes, 40 + k / lanes));
            assertEquals(t[k], Variates.studentT(s, 4.5, 100 + k % lanes, 40 + k / lanes));
            assertEquals(pois[k], Variates.poisson(s, 25, 100 + k % lanes, 40 + k / lanes));
        }
    }

    @Test
    void logGammaAgreesWithFactorials() {
        double f = 1;
        for (int k = 1; k < 30; k++) {
            f *= k;
            assertEquals(Math.log(f), Samplers.logGamma(k + 1.0), 1e-13 * Math.max(1, Math.log(f)), "log " + k + "!");
        }
        assertEquals(0.5 * Math.log(Math.PI), Samplers.logGamma(0.5 + 1) + Math.log(2), 1e-14); // Gamma(1/2) = sqrt(pi)
    }

    @Test
    void argumentsAreChecked() {
        double[] out = new double[10];
        assertThrows(IllegalArgumentException.class, () -> Variates.gamma(S, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variates.gamma(S, Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variates.studentT(S, Double.POSITIVE_INFINITY, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variates.poisson(S, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variates.poisson(S, 0x1p31, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Variates.gammas(S, 1, 0, 5, 0, 3, out, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> Variates.gamma(RandomStream.philox4x32(1, 1), 2, 0, 1L << 32));
        assertThrows(NullPointerException.class, () -> Variates.exponentials(null, 0, 1, 0, 1, out, 0, 1));
        assertEquals(0, Variates.poisson(S, 0, 3, 4));
    }
}
