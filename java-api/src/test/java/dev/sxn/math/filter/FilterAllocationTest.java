package dev.sxn.math.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.InjectedFamilies;
import dev.sxn.math.internal.KernelSet;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The filters' steps, dispatch through KernelSet included, allocate nothing proportional to the problem once
 * warm: a Kalman step (n = 16) allocates only its O(m) {@link KalmanUpdate}, a particle step (4096 particles,
 * resampling included) nothing. Measured with HotSpot's per-thread allocation counter; the allowances are far
 * below one n x n temporary (2 KiB) or one array over the particles (16 KiB).
 *
 * <p>Each filter runs pinned to JAVA and unpinned on a set whose other kind (standing in for VECTOR where VECTOR
 * is available) computes with the JAVA kernel, so the automatic choice, the non-JAVA branch of the failure
 * policy and the facade's scratch handling are what is measured. The Vector API kernels themselves are left out
 * here: whether C2 scalar-replaces their vectors depends on the type profiles the whole test JVM has built (other
 * suites run other species), which is a property of those kernels, not of the filters.
 */
class FilterAllocationTest {
    private static final long KALMAN_ALLOWANCE = 512;
    private static final long PARTICLE_ALLOWANCE = 256;

    private static long perCall(Runnable call, long allowance) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The steady state is what is checked: some group of 8 calls within the first few thousand (until C2
        // has compiled the step, escape analysis has not removed the dispatch's lambda plumbing).
        long perCall = Long.MAX_VALUE;
        for (int group = 0; group < 500 && perCall >= allowance; group++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 8; rep++) call.run();
            perCall = (mx.getCurrentThreadAllocatedBytes() - before) / 8;
        }
        return perCall;
    }

    @Test
    void kalmanStepsAllocateOnlyTheirResult() {
        FilterFallbackTest.FailingKalmanKernels.failAt = Integer.MAX_VALUE;
        KernelSet<KalmanKernels> injected = KernelSet.of(InjectedFamilies.withVector("test.filter.kalman.allocation",
                FilterFallbackTest.FailingKalmanKernels.class.getName()), KalmanKernels.class, new JavaKalmanKernels());
        for (Backend kind : new Backend[] {Backend.JAVA, null}) {
            SplittableRandom rnd = new SplittableRandom(3);
            int n = 16;
            KalmanModel model = KalmanFilterVectorTest.randomModel(n, 2, rnd);
            KalmanFilter kf = new KalmanFilter(model, new double[n], KalmanFilterVectorTest.spd(n, 1.0, rnd), kind, injected);
            double[] z = {0.5, -0.25};
            long bytes = perCall(() -> {
                kf.predict();
                kf.update(z);
            }, KALMAN_ALLOWANCE);
            assertTrue(bytes < KALMAN_ALLOWANCE, "a Kalman step (" + kind + ") allocated " + bytes + " bytes once warm");
        }
    }

    @Test
    void particleStepsAllocateNothing() {
        FilterFallbackTest.FailingParticleKernels.failAt = Integer.MAX_VALUE;
        KernelSet<ParticleKernels> injected = KernelSet.of(InjectedFamilies.withVector("test.filter.particle.allocation",
                FilterFallbackTest.FailingParticleKernels.class.getName()), ParticleKernels.class, new JavaParticleKernels());
        for (Backend kind : new Backend[] {Backend.JAVA, null}) {
            ParticleFilter pf = new ParticleFilter(4096, 1, (x, g) -> x[0] = g.nextGaussian(), (x, g) -> x[0] += 0.3 * g.nextGaussian(),
                    (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]), 0.9, 5, kind, injected);
            double[] z = {0.1};
            long bytes = perCall(() -> pf.step(z), PARTICLE_ALLOWANCE);
            assertTrue(bytes < PARTICLE_ALLOWANCE, "a particle step (" + kind + ") allocated " + bytes + " bytes once warm");
            assertTrue(pf.resamplings() > 0, "the steps measured include resampling");
        }
    }
}
