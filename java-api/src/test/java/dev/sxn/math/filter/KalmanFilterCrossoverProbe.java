package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.testing.BackendSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the {@code filter.KalmanFilter} crossover (crossovers.properties): thread CPU time per filter step
 * (predict + update + the smoother's share) pinned to JAVA and to VECTOR for n = 2..64 states, m = 2,
 * best of 5 after 0.5 s of warm-up per kind and n (thread CPU time, not wall clock, because the build machine is shared).
 * Off unless {@code -Dsxn.probe.kalman=true}; prints one line per n.
 */
class KalmanFilterCrossoverProbe {
    @Test
    @EnabledIfSystemProperty(named = "sxn.probe.kalman", matches = "true")
    void probe() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int n : new int[] {2, 4, 8, 16, 32, 64}) {
            SplittableRandom rnd = new SplittableRandom(n);
            int m = 2;
            KalmanModel model = KalmanFilterVectorTest.randomModel(n, m, rnd);
            double[][] p0 = KalmanFilterVectorTest.spd(n, 1.0, rnd);
            int steps = Math.max(200, 4_000_000 / (n * n * n));
            double[][] zs = KalmanFilterVectorTest.observations(steps, m, rnd);
            StringBuilder line = new StringBuilder("kalman-probe n=" + n + " m=" + m + " steps=" + steps);
            double[] best = new double[2];
            Backend[] kinds = {Backend.JAVA, Backend.VECTOR}; // the crossover measured is VECTOR's against JAVA
            for (int k = 0; k < 2; k++) {
                // Warm-up by time (0.5 s of CPU), so C2 has compiled the vector loops even at n = 64.
                long w0 = mx.getCurrentThreadCpuTime();
                while (mx.getCurrentThreadCpuTime() - w0 < 500_000_000L) run(model, p0, zs, kinds[k]);
                best[k] = Double.MAX_VALUE;
                for (int rep = 0; rep < 5; rep++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    run(model, p0, zs, kinds[k]);
                    best[k] = Math.min(best[k], (mx.getCurrentThreadCpuTime() - t0) / (double) steps);
                }
                line.append(' ').append(kinds[k]).append(String.format("=%.0fns/step", best[k]));
            }
            line.append(String.format(" VECTOR/JAVA=%.2f", best[1] / best[0]));
            System.out.println(line);
        }
    }

    private static double run(KalmanModel model, double[][] p0, double[][] zs, Backend kind) {
        KalmanResult r = new KalmanFilter(model, new double[model.stateDim()], p0, kind).filter(zs);
        return KalmanFilter.rtsSmooth(r, kind).mean(0, 0);
    }
}
