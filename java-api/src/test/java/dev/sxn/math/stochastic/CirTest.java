package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.MonteCarloReference.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CIR, exact: the one-step law against scipy.stats.ncx2 ({@code stochastic_mc_cir.txt}: at nine quantiles the empirical
 * CDF of 10^5 draws is within 4 binomial standard errors, {@code 4 sqrt(p (1 - p) / n)}, of the reference probability),
 * including a case that violates Feller's condition; multi-step mean and variance within 4 standard errors; states
 * never negative; blocks of any size give the same paths.
 */
class CirTest {
    @Test
    void oneStepLawIsTheScaledNonCentralChiSquare() {
        List<String[]> rows = MonteCarloReference.lines("stochastic_mc_cir.txt");
        assertEquals(27, rows.size());
        int n = 100_000;
        String last = "";
        double[] x = new double[n];
        for (String[] f : rows) {
            String key = f[0] + f[1] + f[2] + f[3] + f[4];
            Cir cir = new Cir(d(f, 0), d(f, 1), d(f, 2), d(f, 3));
            if (!key.equals(last)) cir.terminal(RandomStream.philox4x64(12, rows.indexOf(f)), d(f, 4), 0, n, 1, x, 0);
            last = key;
            double q = d(f, 5), p = d(f, 6);
            int below = 0;
            for (double v : x) if (v <= q) below++;
            assertEquals(p, (double) below / n, 4 * Math.sqrt(p * (1 - p) / n), String.join(" ", f));
        }
    }

    @Test
    void multiStepMomentsAndPositivity() {
        Cir cir = new Cir(0.04, 1.2, 0.05, 0.6);
        int n = 100_000, steps = 8;
        double[] x = new double[n];
        cir.terminal(RandomStream.philox4x64(5, 5), 0.125, 0, n, steps, x, 0);
        double mean = 0, m2 = 0;
        for (double v : x) {
            assertTrue(v >= 0);
            mean += v;
        }
        mean /= n;
        for (double v : x) m2 += (v - mean) * (v - mean);
        double var = cir.variance(1.0);
        assertEquals(cir.mean(1.0), mean, 4 * Math.sqrt(var / n));
        assertEquals(var, m2 / (n - 1), 0.05 * var);
    }

    @Test
    void pathsDoNotDependOnTheBlock() {
        Cir cir = new Cir(0.04, 1.2, 0.05, 0.3);
        RandomStream s = RandomStream.philox4x32(3, 4);
        double[] whole = new double[50 * 12], a = new double[20 * 12], b = new double[30 * 12];
        cir.paths(s, 0.1, 0, 50, 12, whole, 0, 50);
        cir.paths(s, 0.1, 0, 20, 12, a, 0, 20);
        cir.paths(s, 0.1, 20, 30, 12, b, 0, 30);
        double[] joined = new double[whole.length];
        for (int t = 0; t < 12; t++) {
            System.arraycopy(a, t * 20, joined, t * 50, 20);
            System.arraycopy(b, t * 30, joined, t * 50 + 20, 30);
        }
        assertArrayEquals(whole, joined);
        double[] term = new double[50];
        cir.terminal(s, 0.1, 0, 50, 12, term, 0);
        for (int i = 0; i < 50; i++) assertEquals(whole[11 * 50 + i], term[i]);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new Cir(-0.01, 1, 0.05, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Cir(0.01, 1, 0.05, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Cir(0.01, 1, 0.05, 0.2).terminal(RandomStream.philox4x64(1, 1), 0.1, 0, 5, 0,
                new double[5], 0));
    }
}
