package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.MonteCarloReference.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Merton jump diffusion: Monte Carlo calls on the simulated terminal values within 3 standard errors of Merton's
 * series ({@code stochastic_mc_merton.txt}, SciPy); the compensated mean {@code E[S_T] = S_0 e^{mu T}} within 3
 * standard errors; with no jumps it is GBM's law (terminal mean and variance).
 */
class MertonTest {
    @Test
    void callsMatchMertonsSeries() {
        int c = 0;
        for (String[] f : MonteCarloReference.lines("stochastic_mc_merton.txt")) {
            double s = d(f, 0), k = d(f, 1), r = d(f, 2), t = d(f, 3);
            Merton m = new Merton(s, r, d(f, 4), d(f, 5), d(f, 6), d(f, 7));
            int n = 200_000, steps = 4;
            double[] st = new double[n];
            m.terminal(RandomStream.philox4x64(40, c++), t / steps, 0, n, steps, st, 0);
            double mean = 0, m2 = 0, sMean = 0;
            for (double v : st) {
                mean += Math.max(v - k, 0);
                sMean += v;
            }
            mean /= n;
            sMean /= n;
            for (double v : st) m2 += (Math.max(v - k, 0) - mean) * (Math.max(v - k, 0) - mean);
            double df = Math.exp(-r * t), se = df * Math.sqrt(m2 / (n - 1) / n);
            assertEquals(d(f, 8), df * mean, 3 * se, String.join(" ", f));
            double sv = 0;
            for (double v : st) sv += (v - sMean) * (v - sMean);
            assertEquals(s * Math.exp(r * t), sMean, 3 * Math.sqrt(sv / (n - 1) / n), "compensated drift " + String.join(" ", f));
        }
    }

    @Test
    void withoutJumpsItIsGbm() {
        Merton m = new Merton(100, 0.05, 0.2, 0.0, -0.1, 0.2);
        int n = 100_000;
        double[] st = new double[n];
        m.terminal(RandomStream.philox4x64(2, 2), 0.5, 0, n, 2, st, 0);
        double mean = 0, m2 = 0;
        for (double v : st) mean += v;
        mean /= n;
        for (double v : st) m2 += (v - mean) * (v - mean);
        double want = 100 * Math.exp(0.05), var = want * want * Math.expm1(0.04);
        assertEquals(want, mean, 4 * Math.sqrt(var / n));
        assertEquals(var, m2 / (n - 1), 0.05 * var);
        double[] path = new double[n * 2];
        m.paths(RandomStream.philox4x64(2, 2), 0.5, 0, n, 2, path, 0, n);
        for (int i = 0; i < n; i += 997) assertEquals(st[i], path[n + i]);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new Merton(100, 0.05, 0.2, -1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Merton(100, 0.05, 0.2, 1, 0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Merton(100, 0.05, 0.2, 1, 0, 0.1).terminal(RandomStream.philox4x64(1, 1), -1, 0, 1,
                1, new double[1], 0));
    }
}
