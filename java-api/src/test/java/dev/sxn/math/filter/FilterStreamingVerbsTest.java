package dev.sxn.math.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming verbs of the filters: peek reports what update would, bit for bit, and changes nothing; copy forks a
 * filter that then runs exactly as the original (Kalman) or with the original's state and its own random stream
 * (particle).
 */
class FilterStreamingVerbsTest {

    @Test
    void kalmanPeekEqualsUpdateAndCommitsNothing() {
        KalmanModel model = KalmanModel.localLinearTrend(0.3, 0.01, 1.5);
        KalmanFilter kf = new KalmanFilter(model, new double[] {100, 0}, new double[][] {{10, 0}, {0, 1}});
        SplittableRandom r = new SplittableRandom(5);
        double level = 100;
        for (int t = 0; t < 200; t++) {
            level += r.nextGaussian() * 0.5;
            double[] z = {r.nextDouble() < 0.05 ? Double.NaN : level + r.nextGaussian()};
            kf.predict();
            double[] before = kf.state();
            double[][] pBefore = kf.covariance();
            double[] would = new double[2];
            KalmanUpdate peek = kf.peek(z, would);
            assertArrayEquals(before, kf.state(), 0.0);
            assertEquals(java.util.Arrays.deepToString(pBefore), java.util.Arrays.deepToString(kf.covariance()));
            KalmanFilter fork = kf.copy();
            KalmanUpdate u = kf.update(z);
            assertEquals(Double.doubleToLongBits(u.logLikelihood()), Double.doubleToLongBits(peek.logLikelihood()));
            assertArrayEquals(u.innovation(), peek.innovation(), 0.0);
            assertArrayEquals(kf.state(), would, 0.0);
            // The fork, updated the same way, is the original bit for bit; and it moved independently of it.
            KalmanUpdate f = fork.update(z);
            assertEquals(Double.doubleToLongBits(u.logLikelihood()), Double.doubleToLongBits(f.logLikelihood()));
            assertArrayEquals(kf.state(), fork.state(), 0.0);
            assertEquals(kf.steps(), fork.steps());
        }
        assertThrows(IllegalArgumentException.class, () -> kf.peek(new double[] {1}, new double[3]));
    }

    @Test
    void particlePeekEqualsUpdateAndCopyKeepsTheState() {
        ParticleFilter pf = new ParticleFilter(500, 1, (x, rng) -> x[0] = rng.nextGaussian(), (x, rng) -> x[0] += 0.3 * rng.nextGaussian(),
                (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]), 0.5, 11);
        SplittableRandom r = new SplittableRandom(6);
        for (int t = 0; t < 50; t++) {
            pf.predict();
            double[] z = {r.nextGaussian()};
            double[] w = pf.logWeights();
            double ll = pf.logLikelihood();
            double peek = pf.peek(z);
            assertArrayEquals(w, pf.logWeights(), 0.0);
            assertEquals(ll, pf.logLikelihood(), 0.0);
            ParticleFilter fork = pf.copy();
            assertArrayEquals(pf.logWeights(), fork.logWeights(), 0.0);
            assertEquals(java.util.Arrays.deepToString(pf.particles()), java.util.Arrays.deepToString(fork.particles()));
            double inc = pf.update(z);
            assertEquals(Double.doubleToLongBits(inc), Double.doubleToLongBits(peek));
            assertEquals(Double.doubleToLongBits(inc), Double.doubleToLongBits(fork.update(z)), "the fork weighs the same particles");
            assertEquals(pf.logLikelihood(), fork.logLikelihood(), 0.0);
        }
        assertEquals(0.0, pf.peek(new double[] {Double.NaN}));
    }
}
