package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.filter.BatchKalman;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link KalmanBench} for a shared, overloaded machine: the same workloads timed by
 * the calling thread's CPU time (ThreadMXBean) instead of wall time, so time the thread spent
 * descheduled while other processes ran does not count. It still feels other processes through
 * shared caches and memory bandwidth. OPENCL is left out (its work runs on the driver's threads).
 * Prints filter-updates per CPU-second. Run:
 * {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.sxn.math.bench.KalmanCpuTime}
 */
public final class KalmanCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private KalmanCpuTime() {}

    /** Updates per CPU-second of {@code body}, run until ~{@code cpuSeconds} of CPU time. */
    static double rate(Runnable body, double updatesPerCall, double cpuSeconds) {
        long end = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < end) body.run(); // warm-up (JIT), wall-clock bounded
        long c0 = MX.getCurrentThreadCpuTime();
        long calls = 0;
        while (MX.getCurrentThreadCpuTime() - c0 < cpuSeconds * 1e9) {
            body.run();
            calls++;
        }
        return calls * updatesPerCall / ((MX.getCurrentThreadCpuTime() - c0) / 1e9);
    }

    public static void main(String[] args) {
        int[] sizes = {100, 1000, 10_000, 100_000, 1_000_000};
        Backend[] kinds = {Backend.JAVA, Backend.VECTOR, Backend.NATIVE};
        System.out.println("| method | N | JAVA | VECTOR | NATIVE |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String method : new String[] {"batchStep", "batchRun8"}) {
            for (int n : sizes) {
                StringBuilder row = new StringBuilder("| " + method + " | " + String.format(Locale.ROOT, "%,d", n) + " |");
                double[] zs = KalmanBench.observations(n, KalmanBench.TICKS, 42);
                for (Backend kind : kinds) {
                    if (!Backends.isAvailable(kind)) {
                        row.append(" - |");
                        continue;
                    }
                    BatchKalman b = new BatchKalman(KalmanBench.MODEL, n, new double[] {100, 0}, new double[][] {{1, 0}, {0, 1e-4}});
                    int[] t = {0};
                    double r = method.equals("batchStep")
                            ? rate(() -> b.run(kind, zs, (t[0]++ & (KalmanBench.TICKS - 1)) * n, 1, null), n, 1.0)
                            : rate(() -> b.run(kind, zs, 0, KalmanBench.TICKS, null), (double) n * KalmanBench.TICKS, 1.0);
                    row.append(String.format(Locale.ROOT, " %.1f |", r / 1e6));
                }
                System.out.println(row);
            }
        }
        // Constant velocity with each filter's own dt (BatchKalman.run with dts), one tick per call.
        dev.sxn.math.filter.KalmanModel cv = dev.sxn.math.filter.KalmanModel.constantVelocity(1e-6, 2.5e-7);
        for (int n : new int[] {10_000, 1_000_000}) {
            StringBuilder row = new StringBuilder("| cvStepDt | " + String.format(Locale.ROOT, "%,d", n) + " |");
            double[] zs = KalmanBench.observations(n, KalmanBench.TICKS, 42);
            double[] dts = new double[zs.length];
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
            for (int i = 0; i < dts.length; i++) dts[i] = -Math.log(1 - rnd.nextDouble());
            for (Backend kind : kinds) {
                if (!Backends.isAvailable(kind)) {
                    row.append(" - |");
                    continue;
                }
                BatchKalman b = new BatchKalman(cv, n, new double[] {100, 0}, new double[][] {{1, 0}, {0, 1e-4}});
                int[] t = {0};
                double r = rate(() -> {
                    int off = (t[0]++ & (KalmanBench.TICKS - 1)) * n;
                    b.run(kind, zs, off, dts, off, 1, null);
                }, n, 1.0);
                row.append(String.format(Locale.ROOT, " %.1f |", r / 1e6));
            }
            System.out.println(row);
        }
        for (int n : new int[] {100, 10_000}) {
            KalmanBench.Hip h = new KalmanBench.Hip();
            h.hipFilters = n;
            h.setup();
            KalmanBench bench = new KalmanBench();
            double r = rate(() -> bench.hipparchus(h), n, 1.0);
            System.out.println(String.format(Locale.ROOT, "Hipparchus LinearKalmanFilter, N = %,d: %.3f M updates per CPU-second", n, r / 1e6));
        }
    }
}
