package dev.sxn.math.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.linalg.VectorOps;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The VectorOpsBench cases timed by the calling thread's CPU time instead of wall-clock time: the
 * companion for a machine shared with other jobs, where wall-clock time also counts the time this
 * thread waits for a core. For each case: warm up ~0.5 s, then the best of 5 batches of ~0.1 s of
 * CPU time, in calls per CPU-second. OPENCL is left out (its work runs on the driver's threads);
 * the JMH run covers it. Also prints the copy baseline (System.arraycopy) in GB/s.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar dev.sxn.math.bench.VectorOpsCpuTime}
 */
public final class VectorOpsCpuTime {
    private static final ThreadMXBean TMX = ManagementFactory.getThreadMXBean();
    private static final int[] SIZES = {16, 64, 256, 1000, 4096, 10_000, 100_000, 1_000_000, 10_000_000};
    private static final String[] IMPLS = {"JAVA", "VECTOR", "NATIVE", "NETLIB", "NETLIB_JAVA"};
    private static double sink;

    private VectorOpsCpuTime() {}

    interface Op {
        void run();
    }

    /** Calls per CPU-second: best of 5 batches after warm-up. */
    static double rate(Op op) {
        long calls = 1;
        long warm = TMX.getCurrentThreadCpuTime();
        while (TMX.getCurrentThreadCpuTime() - warm < 500_000_000L) {
            for (long i = 0; i < calls; i++) op.run();
            calls = Math.min(calls * 2, 1 << 24);
        }
        // Size a batch to ~0.1 s of CPU time.
        long t0 = TMX.getCurrentThreadCpuTime();
        for (long i = 0; i < calls; i++) op.run();
        double per = (double) (TMX.getCurrentThreadCpuTime() - t0) / calls;
        long batch = Math.max(1, (long) (1e8 / Math.max(per, 1)));
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long s = TMX.getCurrentThreadCpuTime();
            for (long i = 0; i < batch; i++) op.run();
            long ns = TMX.getCurrentThreadCpuTime() - s;
            best = Math.max(best, batch * 1e9 / Math.max(ns, 1));
        }
        return best;
    }

    public static void main(String[] args) {
        System.out.println("VectorOps, calls per CPU-second (best of 5 x ~0.1 s after 0.5 s warm-up); "
                + Backends.status(Backend.NATIVE) + "; netlib: " + BLAS.getInstance().getClass().getSimpleName());
        for (String method : new String[] {"dot", "axpy"}) {
            System.out.println();
            System.out.println("| " + method + " n | " + String.join(" | ", IMPLS) + " | best ours / best netlib |");
            System.out.println("|---:|" + "---:|".repeat(IMPLS.length + 1));
            for (int n : SIZES) {
                SplittableRandom r = new SplittableRandom(n);
                double[] x = r.doubles(n, -1, 1).toArray();
                double[] y = r.doubles(n, -1, 1).toArray();
                StringBuilder row = new StringBuilder("| " + n + " |");
                double ours = 0, peer = 0;
                for (String impl : IMPLS) {
                    Op op = op(method, impl, n, x, y);
                    double v = rate(op);
                    if (impl.startsWith("NETLIB")) peer = Math.max(peer, v);
                    else ours = Math.max(ours, v);
                    row.append(String.format(Locale.ROOT, " %.3g |", v));
                }
                row.append(String.format(Locale.ROOT, " %.2f |", ours / peer));
                System.out.println(row);
            }
        }
        System.out.println();
        System.out.println("| copy n | GB/s (read + write) |");
        System.out.println("|---:|---:|");
        for (int n : new int[] {1000, 100_000, 10_000_000}) {
            double[] src = new double[n], dst = new double[n];
            double v = rate(() -> System.arraycopy(src, 0, dst, 0, n));
            System.out.println(String.format(Locale.ROOT, "| %d | %.1f |", n, v * 16.0 * n / 1e9));
        }
        if (sink == 42) System.out.println();
    }

    private static Op op(String method, String impl, int n, double[] x, double[] y) {
        boolean dot = method.equals("dot");
        switch (impl) {
            case "NETLIB", "NETLIB_JAVA" -> {
                BLAS b = impl.equals("NETLIB") ? BLAS.getInstance() : JavaBLAS.getInstance();
                return dot ? () -> sink += b.ddot(n, x, 1, y, 1) : () -> b.daxpy(n, 1e-12, x, 1, y, 1);
            }
            default -> {
                Backend k = Backend.valueOf(impl);
                return dot ? () -> sink += VectorOps.dot(k, x, 0, y, 0, n) : () -> VectorOps.axpy(k, 1e-12, x, 0, y, 0, n);
            }
        }
    }
}
