package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * OU: each step is the exact transition on the stream's normals (recomputed in scalar code, tolerance 1e-15
 * relative); terminal mean and variance of 2 10^5 paths against the closed form within 4 standard errors; the
 * kappa = 0 limit is Brownian motion.
 */
class OrnsteinUhlenbeckTest {
    @Test
    void stepsAreTheExactTransitionOnTheStreamsNormals() {
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(1.0, 2.0, 0.5, 0.3);
        RandomStream s = RandomStream.philox4x64(7, 7);
        int paths = 70, steps = 40;
        double dt = 0.05;
        double[] out = new double[paths * steps];
        ou.paths(s, dt, 3, paths, steps, Antithetic.PAIRED, out, 0, paths);
        double e = Math.exp(-2.0 * dt), sd = 0.3 * Math.sqrt((1 - Math.exp(-4.0 * dt)) / 4.0);
        for (int i = 0; i < paths; i++) {
            long p = 3 + i;
            double x = 1.0;
            for (int t = 0; t < steps; t++) {
                double z = s.normal(Antithetic.PAIRED.lane(p), t);
                x = 0.5 + (x - 0.5) * e + sd * (Antithetic.PAIRED.mirrored(p) ? -z : z);
                assertEquals(x, out[t * paths + i], 1e-15 * Math.max(1, Math.abs(x)) * 4);
            }
        }
    }

    @Test
    void terminalMomentsAreTheClosedForm() {
        for (OrnsteinUhlenbeck ou : new OrnsteinUhlenbeck[] {new OrnsteinUhlenbeck(1.0, 2.0, 0.5, 0.3), new OrnsteinUhlenbeck(0.2, 0.0, 0.0, 0.5)}) {
            int n = 200_000;
            double[] x = new double[n];
            ou.terminal(RandomStream.philox4x64(11, 2), 0.1, 0, n, 10, Antithetic.NONE, x, 0);
            double mean = 0, m2 = 0;
            for (double v : x) mean += v;
            mean /= n;
            for (double v : x) m2 += (v - mean) * (v - mean);
            double var = ou.variance(1.0);
            assertEquals(ou.mean(1.0), mean, 4 * Math.sqrt(var / n), ou.toString());
            assertEquals(var, m2 / (n - 1), 4 * var * Math.sqrt(2.0 / n), ou.toString());
        }
        assertEquals(0.25, new OrnsteinUhlenbeck(0, 0, 0, 0.5).variance(1.0), 1e-15);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new OrnsteinUhlenbeck(0, -1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new OrnsteinUhlenbeck(Double.NaN, 1, 0, 0.1));
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(0, 1, 0, 0.1);
        assertThrows(IllegalArgumentException.class, () -> ou.terminal(RandomStream.philox4x64(1, 1), 0.0, 0, 10, 1, Antithetic.NONE, new double[10], 0));
    }
}
