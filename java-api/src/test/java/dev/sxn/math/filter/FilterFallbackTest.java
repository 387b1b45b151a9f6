package dev.sxn.math.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.InjectedFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KernelSet's failure policy inside the filters: an unpinned kernel that fails part-way through a step (after
 * writing garbage into the array it was given) is switched off and the step re-runs on JAVA; the state must
 * then be exactly the JAVA run's, bit for bit. The injected "VECTOR" kernel computes with the JAVA kernel until
 * its {@code failAt}-th call, so any corruption left by the failed attempt would show as a difference. These go
 * through the filters' package-private constructors with a family of their own (FilterAllocationTest reuses the
 * kernels); {@code FaultInjectionTest} does the same for every family through the public calls.
 */
class FilterFallbackTest {
    /** Calls the JAVA Kalman kernel; call number {@code failAt} (counted from 0) fills its output with NaN and throws. */
    static final class FailingKalmanKernels implements KalmanKernels {
        static volatile int failAt;
        private final int failOn = failAt;
        private final KalmanKernels java = new JavaKalmanKernels();
        private int calls;

        private void tick(double[] out) {
            if (calls++ == failOn) {
                Arrays.fill(out, Double.NaN);
                throw new IllegalStateException("simulated VECTOR failure at call " + failOn);
            }
        }

        @Override
        public void mul(double[] a, double[] b, double[] out, int r, int k, int c) {
            tick(out);
            java.mul(a, b, out, r, k, c);
        }

        @Override
        public void mulTransB(double[] a, double[] b, double[] out, int r, int k, int c, double[] work) {
            tick(out);
            java.mulTransB(a, b, out, r, k, c, work);
        }

        @Override
        public void mulTransAAdd(double alpha, double[] a, double[] b, double[] out, int k, int r, int c) {
            tick(out);
            java.mulTransAAdd(alpha, a, b, out, k, r, c);
        }

        @Override
        public void mulVec(double[] a, double[] x, double[] y, int r, int c) {
            tick(y);
            java.mulVec(a, x, y, r, c);
        }

        @Override
        public void cholSolve(double[] l, double[] b, int k, int c) {
            tick(b);
            java.cholSolve(l, b, k, c);
        }
    }

    /** Calls the JAVA particle kernel; call number {@code failAt} throws (the interface only reads the weights). */
    static final class FailingParticleKernels implements ParticleKernels {
        static volatile int failAt;
        private final int failOn = failAt;
        private final ParticleKernels java = new JavaParticleKernels();
        private int calls;

        private void tick() {
            if (calls++ == failOn) throw new IllegalStateException("simulated VECTOR failure at call " + failOn);
        }

        @Override
        public double logSumExp(double[] logW, int n, double max) {
            tick();
            return java.logSumExp(logW, n, max);
        }

        @Override
        public double ess(double[] logW, int n) {
            tick();
            return java.ess(logW, n);
        }
    }

    private static void assumeInjectable() {
        // The injected kernel stands in for VECTOR, so VECTOR must be available and nothing forced.
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty(), "VECTOR unavailable or a kind forced");
    }

    private static KernelSet<KalmanKernels> failingKalman(String name, int failAt) {
        FailingKalmanKernels.failAt = failAt;
        return KernelSet.of(InjectedFamilies.withVector(name, FailingKalmanKernels.class.getName()), KalmanKernels.class,
                new JavaKalmanKernels());
    }

    @Test
    void kalmanFilterFallsBackMidStepWithJavasState() {
        assumeInjectable();
        SplittableRandom rnd = new SplittableRandom(21);
        int n = 5;
        int m = 2;
        KalmanModel model = KalmanFilterVectorTest.randomModel(n, m, rnd);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) x0[i] = rnd.nextGaussian();
        double[][] p0 = KalmanFilterVectorTest.spd(n, 1.0, rnd);
        double[][] zs = KalmanFilterVectorTest.observations(30, m, rnd);
        KalmanResult want = new KalmanFilter(model, x0, p0, Backend.JAVA).filter(zs);
        // A step is 3 kernel calls of predict and up to 8 of update: these fail inside each of them, and later.
        for (int failAt : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 40, 101}) {
            KernelSet<KalmanKernels> set = failingKalman("test.filter.kalman.fallback." + failAt, failAt);
            KalmanResult got = new KalmanFilter(model, x0, p0, null, set).filter(zs);
            String at = "failure at call " + failAt;
            assertTrue(set.hasFailed(Backend.VECTOR), at);
            assertArrayEquals(want.means(), got.means(), at);
            assertArrayEquals(want.covariances(), got.covariances(), at);
            assertArrayEquals(want.predictedMeans(), got.predictedMeans(), at);
            assertArrayEquals(want.predictedCovariances(), got.predictedCovariances(), at);
            assertArrayEquals(want.innovations(), got.innovations(), at);
            assertArrayEquals(want.standardized(), got.standardized(), at);
            assertEquals(want.logLikelihood(), got.logLikelihood(), 0.0, at);
        }
        // The step-by-step API, with the failure a few steps in.
        KernelSet<KalmanKernels> set = failingKalman("test.filter.kalman.fallback.steps", 2 * 11 + 3 + 4);
        KalmanFilter ref = new KalmanFilter(model, x0, p0, Backend.JAVA);
        KalmanFilter got = new KalmanFilter(model, x0, p0, null, set);
        for (double[] z : zs) {
            ref.predict();
            got.predict();
            assertEquals(ref.update(z).logLikelihood(), got.update(z).logLikelihood(), 0.0);
            assertArrayEquals(ref.state(), got.state());
            for (int i = 0; i < n; i++) assertArrayEquals(ref.covariance()[i], got.covariance()[i]);
        }
        assertTrue(set.hasFailed(Backend.VECTOR));
    }

    @Test
    void rtsSmootherFallsBackWithJavasResult() {
        assumeInjectable();
        SplittableRandom rnd = new SplittableRandom(22);
        int n = 4;
        KalmanModel model = KalmanFilterVectorTest.randomModel(n, 2, rnd);
        KalmanResult r = new KalmanFilter(model, new double[n], KalmanFilterVectorTest.spd(n, 1.0, rnd), Backend.JAVA)
                .filter(KalmanFilterVectorTest.observations(25, 2, rnd));
        SmoothedStates want = KalmanFilter.rtsSmooth(r, Backend.JAVA);
        // The sweep makes 5 kernel calls per step: fail in the first, in the middle and near the end.
        for (int failAt : new int[] {0, 3, 52, 118}) {
            KernelSet<KalmanKernels> set = failingKalman("test.filter.rts.fallback." + failAt, failAt);
            SmoothedStates got = KalmanFilter.rtsSmooth(r, null, set);
            assertTrue(set.hasFailed(Backend.VECTOR), "failure at call " + failAt);
            assertArrayEquals(want.means(), got.means(), "failure at call " + failAt);
            assertArrayEquals(want.covariances(), got.covariances(), "failure at call " + failAt);
        }
    }

    @Test
    void particleFilterFallsBackWithJavasState() {
        assumeInjectable();
        for (int failAt : new int[] {0, 1, 2, 7, 30}) {
            FailingParticleKernels.failAt = failAt;
            KernelSet<ParticleKernels> set = KernelSet.of(
                    InjectedFamilies.withVector("test.filter.particle.fallback." + failAt, FailingParticleKernels.class.getName()),
                    ParticleKernels.class, new JavaParticleKernels());
            ParticleFilter want = particles(Backend.JAVA, null);
            ParticleFilter got = particles(null, set);
            String at = "failure at call " + failAt;
            for (int t = 0; t < 25; t++) {
                double[] z = {t == 6 ? Double.NaN : Math.sin(0.4 * t)};
                assertEquals(want.step(z), got.step(z), 0.0, at + ", step " + t);
                assertEquals(want.ess(), got.ess(), 0.0, at + ", step " + t);
            }
            assertTrue(set.hasFailed(Backend.VECTOR), at);
            assertArrayEquals(want.logWeights(), got.logWeights(), at);
            assertArrayEquals(want.particles(), got.particles(), at);
            assertEquals(want.logLikelihood(), got.logLikelihood(), 0.0, at);
            assertEquals(want.resamplings(), got.resamplings(), at);
        }
    }

    private static ParticleFilter particles(Backend backend, KernelSet<ParticleKernels> set) {
        ParticleFilter.Initializer init = (x, g) -> x[0] = g.nextGaussian();
        ParticleFilter.Transition move = (x, g) -> x[0] += 0.6 * g.nextGaussian();
        ParticleFilter.LogLikelihood like = (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]);
        return set == null ? new ParticleFilter(300, 1, init, move, like, 0.5, 13, backend)
                : new ParticleFilter(300, 1, init, move, like, 0.5, 13, backend, set);
    }
}
