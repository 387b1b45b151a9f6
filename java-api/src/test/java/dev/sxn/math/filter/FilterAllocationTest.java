package dev.sxn.math.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The filters' steps allocate nothing proportional to the problem once warm, dispatch through KernelSet
 * included: a Kalman step (n = 16) allocates only its O(m) {@link KalmanUpdate}, a particle step (4096
 * particles) nothing. Measured with HotSpot's per-thread allocation counter; the allowances are far below
 * one n x n temporary (2 KiB) or one array over the particles (16 KiB).
 */
class FilterAllocationTest {
    private static final long KALMAN_ALLOWANCE = 512;
    private static final long PARTICLE_ALLOWANCE = 256;

    /** The family's available kinds from the registry, then null (chosen per call). */
    private static List<Backend> kinds(KernelFamily family) {
        List<Backend> kinds = new ArrayList<>(family.availableKinds());
        kinds.add(null);
        return kinds;
    }

    private static long perCall(Runnable call, long allowance) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Until C2 has compiled them, Vector API kernels box their vectors: the steady state is what is checked,
        // some group of 8 calls within the first 24000 (VECTOR's n = 16 products take several thousand steps).
        long perCall = Long.MAX_VALUE;
        for (int group = 0; group < 3000 && perCall >= allowance; group++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 8; rep++) call.run();
            perCall = (mx.getCurrentThreadAllocatedBytes() - before) / 8;
        }
        return perCall;
    }

    @Test
    void kalmanStepsAllocateOnlyTheirResult() {
        for (Backend kind : kinds(KernelFamilies.KALMAN)) {
            SplittableRandom rnd = new SplittableRandom(3);
            int n = 16;
            KalmanModel model = KalmanFilterVectorTest.randomModel(n, 2, rnd);
            KalmanFilter kf = new KalmanFilter(model, new double[n], KalmanFilterVectorTest.spd(n, 1.0, rnd), kind);
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
        for (Backend kind : kinds(KernelFamilies.PARTICLE)) {
            ParticleFilter pf = new ParticleFilter(4096, 1, (x, g) -> x[0] = g.nextGaussian(), (x, g) -> x[0] += 0.3 * g.nextGaussian(),
                    (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]), 0.9, 5, kind);
            double[] z = {0.1};
            long bytes = perCall(() -> pf.step(z), PARTICLE_ALLOWANCE);
            assertTrue(bytes < PARTICLE_ALLOWANCE, "a particle step (" + kind + ") allocated " + bytes + " bytes once warm");
            assertTrue(pf.resamplings() > 0, "the steps measured include resampling");
        }
    }
}
