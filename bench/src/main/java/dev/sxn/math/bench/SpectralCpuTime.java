package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.spectral.FFT;
import dev.sxn.math.spectral.SpectralEntropy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The FFT and rolling-entropy comparison of {@link SpectralBench}, timed by this thread's CPU time
 * instead of wall time. On a machine shared with other busy processes, wall-clock JMH scores swing by
 * several times between iterations (the thread waits for a core); CPU time counts only the time the
 * thread ran, so the ratio between implementations, measured in interleaved rounds, stays usable.
 * Each implementation is warmed (0.3 s of wall time, at most 2 million calls), then timed in interleaved rounds of
 * about 40 ms (7 for FFTs, 3 for rolling entropy); the median round is reported. Run:
 * {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.sxn.math.bench.SpectralCpuTime [quick] [rolling]}
 * ({@code quick}: fewer sizes; {@code rolling}: only the rolling-entropy table; {@code sizes=64,1024,...}: these
 * FFT lengths only; {@code complex} / {@code real}: only that FFT table; {@code norolling}: skip the rolling table)
 */
public final class SpectralCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] IMPLS = {"JAVA", "VECTOR", "NATIVE", "JTRANSFORMS"};

    private SpectralCpuTime() {}

    /** Prints Markdown tables: MFLOP/s per implementation and size, and rolling entropy windows/s. */
    public static void main(String[] args) {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        boolean quick = Arrays.asList(args).contains("quick");
        boolean rollingOnly = Arrays.asList(args).contains("rolling");
        List<Integer> sizes = new ArrayList<>();
        for (int p = 6; p <= 22; p += quick ? 4 : 1) sizes.add(1 << p);
        sizes.addAll(List.of(1000, 3000, 10007, 100000));
        boolean complexOnly = Arrays.asList(args).contains("complex"), realOnly = Arrays.asList(args).contains("real");
        for (String a : args) {
            if (a.startsWith("sizes=")) {
                sizes.clear();
                for (String t : a.substring(6).split(",")) sizes.add(Integer.parseInt(t.trim()));
            }
        }
        System.out.println("JDK " + Runtime.version() + ", " + Backends.describe().lines().findFirst().orElse(""));
        boolean[] fftKinds = rollingOnly ? new boolean[0] : complexOnly ? new boolean[] {false} : realOnly ? new boolean[] {true}
                : new boolean[] {false, true};
        for (boolean real : fftKinds) {
            System.out.printf(Locale.ROOT, "%n%s, MFLOP/s (%s n log2 n / CPU time per transform), median of 7 rounds%n%n",
                    real ? "Real FFT (rfft vs JTransforms realForward)" : "Complex FFT (forward vs JTransforms complexForward)",
                    real ? "2.5" : "5");
            System.out.println("| n | JAVA | VECTOR | NATIVE | JTransforms | best / JTransforms |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            for (int n : sizes) {
                Runnable[] ops = new Runnable[IMPLS.length];
                for (int i = 0; i < IMPLS.length; i++) ops[i] = fftOp(IMPLS[i], n, real);
                double[] ns = timeInterleaved(ops, 7, false);
                double flops = (real ? 2.5 : 5.0) * n * (Math.log(n) / Math.log(2));
                StringBuilder row = new StringBuilder("| " + n);
                double best = 0;
                String bestName = "";
                for (int i = 0; i < IMPLS.length; i++) {
                    double mf = Double.isNaN(ns[i]) ? Double.NaN : flops / ns[i] * 1e3;
                    row.append(String.format(Locale.ROOT, " | %.0f", mf));
                    if (i < 3 && mf > best) {
                        best = mf;
                        bestName = IMPLS[i];
                    }
                }
                double jt = flops / ns[3] * 1e3;
                row.append(String.format(Locale.ROOT, " | %.2f (%s) |", best / jt, bestName));
                System.out.println(row);
            }
        }
        if (Arrays.asList(args).contains("norolling")) return;
        System.out.printf(Locale.ROOT, "%nRolling normalised spectral entropy, window 256, windows per CPU second (median of 3)%n%n");
        System.out.println("| points | step | JAVA | VECTOR | NATIVE | OPENCL |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        SplittableRandom r = new SplittableRandom(1);
        int points = quick ? 50_000 : 200_000; // windows/s hardly depend on the series length; OpenCL on PoCL is slow
        double[] x = new double[points];
        double p = 0;
        for (int i = 0; i < points; i++) x[i] = p += r.nextGaussian();
        for (int step : new int[] {1, 16}) {
            int windows = SpectralEntropy.windowCount(points, 256, step);
            String[] kinds = {"JAVA", "VECTOR", "NATIVE", "OPENCL"};
            Runnable[] ops = new Runnable[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                Backend b = Backend.valueOf(kinds[i]);
                ops[i] = Backends.isAvailable(b) ? () -> SpectralEntropy.rollingEntropy(b, x, 256, step, Math.E, true, false) : null;
            }
            // the OpenCL driver runs on other threads: its thread CPU time would understate it, so it is
            // timed by wall clock (and marked)
            double[] ns = timeInterleaved(ops, 3, true);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d", points, step));
            for (int i = 0; i < kinds.length; i++) {
                row.append(String.format(Locale.ROOT, " | %.3g%s", windows / ns[i] * 1e9, kinds[i].equals("OPENCL") ? " (wall)" : ""));
            }
            System.out.println(row + " |");
        }
    }

    private static Runnable fftOp(String impl, int n, boolean real) {
        SplittableRandom r = new SplittableRandom(42);
        double[] srcRe = new double[n], srcIm = new double[n];
        for (int i = 0; i < n; i++) {
            srcRe[i] = r.nextDouble(-1, 1);
            srcIm[i] = r.nextDouble(-1, 1);
        }
        if (impl.equals("JTRANSFORMS")) {
            DoubleFFT_1D jt = new DoubleFFT_1D(n);
            double[] buf = new double[2 * n];
            if (real) {
                return () -> {
                    System.arraycopy(srcRe, 0, buf, 0, n);
                    jt.realForward(buf);
                };
            }
            return () -> {
                for (int i = 0; i < n; i++) {
                    buf[2 * i] = srcRe[i];
                    buf[2 * i + 1] = srcIm[i];
                }
                jt.complexForward(buf);
            };
        }
        Backend b = Backend.valueOf(impl);
        if (!Backends.isAvailable(b)) return null;
        double[] re = new double[n], im = new double[n], oRe = new double[n / 2 + 1], oIm = new double[n / 2 + 1];
        if (real) return () -> FFT.rfft(b, srcRe, 0, n, oRe, oIm, FFT.Norm.BACKWARD);
        return () -> {
            System.arraycopy(srcRe, 0, re, 0, n);
            System.arraycopy(srcIm, 0, im, 0, n);
            FFT.forward(b, re, im, FFT.Norm.BACKWARD);
        };
    }

    /**
     * Nanoseconds per call of each op (NaN for null ops): warm-up, then interleaved rounds, median;
     * {@code lastByWall} times the last op by wall clock.
     */
    private static double[] timeInterleaved(Runnable[] ops, int nRounds, boolean lastByWall) {
        int k = ops.length;
        int[] reps = new int[k];
        for (int i = 0; i < k; i++) {
            if (ops[i] == null) continue;
            // warm-up: 0.3 s of wall time (at most 2e6 calls; wall time, because the
            // OpenCL op's own thread mostly waits); then size a round to ~40 ms
            long w0 = System.nanoTime(), t0 = CPU.getCurrentThreadCpuTime();
            int calls = 0;
            while (System.nanoTime() - w0 < 300_000_000L && calls < 2_000_000) {
                ops[i].run();
                calls++;
            }
            long per = Math.max(1, (CPU.getCurrentThreadCpuTime() - t0) / calls);
            reps[i] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, 40_000_000L / per));
        }
        double[][] rounds = new double[k][nRounds];
        for (int round = 0; round < nRounds; round++) {
            for (int i = 0; i < k; i++) {
                if (ops[i] == null) continue;
                boolean wall = lastByWall && i == k - 1;
                long t0 = wall ? System.nanoTime() : CPU.getCurrentThreadCpuTime();
                for (int j = 0; j < reps[i]; j++) ops[i].run();
                long t1 = wall ? System.nanoTime() : CPU.getCurrentThreadCpuTime();
                rounds[i][round] = (double) (t1 - t0) / reps[i];
            }
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            if (ops[i] == null) {
                out[i] = Double.NaN;
                continue;
            }
            Arrays.sort(rounds[i]);
            out[i] = rounds[i][nRounds / 2];
        }
        return out;
    }
}
