package dev.sxn.math.filter;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ParticleFilter on a linear Gaussian model, where the Kalman filter is exact. */
class ParticleFilterTest {
    private static final double Q = 0.5;
    private static final double R = 1.0;

    private static ParticleFilter localLevel(int count, double ess, long seed) {
        return localLevel(count, ess, seed, null);
    }

    private static ParticleFilter localLevel(int count, double ess, long seed, Backend backend) {
        return new ParticleFilter(count, 1, (x, rng) -> x[0] = 2 * rng.nextGaussian(), (x, rng) -> x[0] += Math.sqrt(Q) * rng.nextGaussian(),
                (x, z) -> -0.5 * (Math.log(2 * Math.PI * R) + (z[0] - x[0]) * (z[0] - x[0]) / R), ess, seed, backend);
    }

    @Test
    void tracksTheKalmanFilterOnALinearGaussianModel() {
        int steps = 60;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] zs = new double[steps];
        double lvl = 0;
        for (int t = 0; t < steps; t++) {
            lvl += Math.sqrt(Q) * rnd.nextGaussian();
            zs[t] = t == 20 ? Double.NaN : lvl + Math.sqrt(R) * rnd.nextGaussian();
        }
        KalmanFilter kf = new KalmanFilter(KalmanModel.localLevel(Q, R), new double[] {0}, new double[][] {{4}});
        ParticleFilter pf = localLevel(20_000, 0.5, 42);
        double worst = 0;
        double kfLl = 0;
        for (int t = 0; t < steps; t++) {
            kf.predict();
            kfLl += kf.update(zs[t]).logLikelihood();
            pf.step(new double[] {zs[t]});
            double sd = Math.sqrt(kf.covariance()[0][0]);
            // Monte Carlo error of a weighted mean: ~ sd / sqrt(ESS); allow 5 of those.
            double err = Math.abs(pf.mean()[0] - kf.state()[0]) / (sd / Math.sqrt(pf.ess()));
            worst = Math.max(worst, err);
            assertClose(kf.covariance()[0][0], pf.variance()[0], 0, 0.1, "posterior variance at " + t);
        }
        assertTrue(worst < 5, "particle mean within 5 Monte Carlo sd of the Kalman mean, worst " + worst);
        assertClose(kfLl, pf.logLikelihood(), 0, 0.01, "log marginal likelihood");
        assertTrue(pf.resamplings() > 0 && pf.resamplings() < steps, "resampled sometimes: " + pf.resamplings());
    }

    @Test
    void sameSeedSameRun() {
        // Bit for bit on JAVA; VECTOR's lanewise exponential may differ in the last ulp between the
        // interpreted and the C2-compiled kernel (see the class Javadoc), so it is not pinned here.
        ParticleFilter a = localLevel(500, 0.5, 7, Backend.JAVA);
        ParticleFilter b = localLevel(500, 0.5, 7, Backend.JAVA);
        for (int t = 0; t < 20; t++) {
            double z = Math.sin(t);
            assertEquals(a.step(new double[] {z}), b.step(new double[] {z}));
        }
        assertArrayEquals(a.logWeights(), b.logWeights());
        assertArrayEquals(a.mean(), b.mean());
    }

    @Test
    void thresholdControlsResampling() {
        ParticleFilter never = localLevel(300, 0.0, 3);
        ParticleFilter always = localLevel(300, 1.0, 3);
        for (int t = 0; t < 15; t++) {
            never.step(new double[] {0.3 * t});
            always.step(new double[] {0.3 * t});
        }
        assertEquals(0, never.resamplings());
        assertEquals(15, always.resamplings());
        assertClose(300, always.ess(), 0, 1e-9, "uniform weights after resampling");
    }

    @Test
    void systematicResamplingKeepsExpectedCounts() {
        double[] w = {0.1, 0.45, 0.05, 0.4};
        double[] cdf = new double[4];
        double acc = 0;
        for (int i = 0; i < 4; i++) cdf[i] = acc += w[i];
        for (double u : new double[] {0.0, 0.37, 0.999}) {
            int[] idx = ParticleFilter.systematic(cdf, 20, u);
            int[] counts = new int[4];
            for (int i : idx) counts[i]++;
            for (int i = 0; i < 4; i++) {
                double expected = 20 * w[i];
                assertTrue(Math.abs(counts[i] - expected) < 1 + 1e-9, "count of " + i + " = " + counts[i] + " vs " + expected + " (u=" + u + ")");
            }
        }
    }

    /** The family's kinds beyond JAVA, from the registry. */
    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.PARTICLE);
    }

    /** Accelerated (VECTOR) weight kernels vs JAVA on odd sizes: sums in another order and a vector EXP, 1e-13 relative. */
    @ParameterizedTest
    @MethodSource("accelerated")
    void weightKernelsMatchJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        ParticleKernels java = new JavaParticleKernels();
        ParticleKernels vec = ParticleFilter.kernelFor(kind);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 63, 1001}) {
            double[] a = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                a[i] = i % 13 == 5 ? Double.NEGATIVE_INFINITY : -50 * rnd.nextDouble();
                max = Math.max(max, a[i]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                a[0] = -1;
                max = -1;
            }
            double[] b = a.clone();
            double lj = java.logSumExp(a, n, max);
            double lv = vec.logSumExp(b, n, max);
            assertArrayEquals(a, b, "the kernels only read the log-weights");
            assertClose(lj, lv, 1e-13, 1e-13, "lse n=" + n);
            for (int i = 0; i < n; i++) {
                a[i] -= lj;
                b[i] -= lv;
            }
            assertClose(a, b, 1e-12, 1e-13, "normalised log-weights n=" + n);
            assertClose(java.ess(a, n), vec.ess(a, n), 0, 1e-13, "ess n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void acceleratedBackendRunsTheSameFilter(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        ParticleFilter[] pf = new ParticleFilter[2];
        Backend[] kinds = {Backend.JAVA, kind};
        for (int k = 0; k < 2; k++) {
            pf[k] = new ParticleFilter(2000, 1, (x, rng) -> x[0] = rng.nextGaussian(), (x, rng) -> x[0] += 0.7 * rng.nextGaussian(),
                    (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]), 0.5, 99, kinds[k]);
        }
        for (int t = 0; t < 30; t++) {
            double z = Math.cos(0.3 * t);
            double a = pf[0].step(new double[] {z});
            double b = pf[1].step(new double[] {z});
            assertClose(a, b, 1e-11, 1e-11, "log-likelihood increment at " + t);
        }
        assertEquals(pf[0].resamplings(), pf[1].resamplings());
        assertClose(pf[0].mean(), pf[1].mean(), 1e-10, 1e-10, "mean");
    }

    @Test
    void badArgumentsThrowClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> localLevel(0, 0.5, 1));
        assertTrue(e.getMessage().contains("count must be >= 1, was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> localLevel(10, 1.5, 1));
        assertTrue(e.getMessage().contains("essThreshold must be in [0.0, 1.0], was 1.5"), e.getMessage());
        ParticleFilter lost = new ParticleFilter(10, 1, (x, r) -> x[0] = 0, (x, r) -> { }, (x, z) -> Double.NEGATIVE_INFINITY, 0.5, 1);
        ArithmeticException a = assertThrows(ArithmeticException.class, () -> lost.step(new double[] {1}));
        assertTrue(a.getMessage().contains("lost track"), a.getMessage());
    }
}
