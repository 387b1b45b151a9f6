package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.dynamics.Dynamics;
import dev.sxn.math.dynamics.Ensemble;
import dev.sxn.math.dynamics.IntegrationOptions;
import dev.sxn.math.dynamics.Integrator;
import dev.sxn.math.filter.BatchKalman;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.internal.CompileQueue;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.VectorOps;
import dev.sxn.math.spectral.FFT;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Time to steady state of one kernel on one backend in a fresh JVM: runs the same call over and over,
 * records the wall-clock and thread-CPU time of every call, and prints one JSON line. One JVM per run
 * (the point is the JIT's state): {@code bench/warmup.sh} launches the forks and
 * {@code bench/warmup-report.py} turns the lines into {@code bench/results/history/warmup.md}.
 *
 * <p>Steady state: the final time is the median thread-CPU time of the calls in the last quarter of the
 * run. The calls are cut into consecutive blocks spanning 50 ms (at least five calls); the run is steady
 * ({@code steady_s}) from the block after the last one whose median exceeds 1.2x the final time, and first
 * fast ({@code fast_s}) at the first block within it (the two differ when a fast phase is interrupted, by
 * a deoptimisation or by the heap growing into memory never touched before). CPU time, not wall time,
 * decides (a call that waited for a core on a shared machine is not a slow call), and the block median
 * ignores the odd disturbed call; the times reported are wall-clock from the first call's start. The run
 * lasts at least {@code min} seconds and at least twice as long as it took the block medians to settle
 * within 1.3x of the best block so far and the JIT's compile queue to hold no method of the library
 * (read every 250 ms between calls: a plateau of C1 code waiting for C2 is not the end), and for at least
 * 600 calls (the JIT's own threshold for asking C2), at most
 * {@code max} seconds; a run whose steady point falls in its last quarter says {@code "reached": false}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar dev.sxn.math.bench.WarmupHarness CASE KIND [min=8] [max=40] [warmup=MS] [trace=FILE]}.
 * CASE: gemm64, gemm256, svd100, fft1024, sma1e5, ema1e5, std1e5, dot1e5, kalman (BatchKalman, 10^4
 * local-linear-trend filters, 8 ticks per call), leapfrog (10^4 particles in d = 3, 64 steps per call).
 * KIND: JAVA, VECTOR, NATIVE, or {@code JAVA>VECTOR@N} (N calls on JAVA, then VECTOR: what an
 * invocation-count threshold before VECTOR would do). {@code warmup=MS}: call
 * {@code Backends.warmUp(MS ms, family)} first and report its time. {@code trace=FILE}: every call's
 * start, wall and CPU time as CSV. Detection
 * ({@code Backends.available()}) runs before the first timed call and is reported on its own.
 */
public final class WarmupHarness {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int CAP = 1 << 21;
    private static double sink;

    private WarmupHarness() {}

    /** One case: a representative call on a given kind, and the kernel family it dispatches on. */
    private record Case(String family, Consumer<Backend> call) {}

    /** A block of calls [from, to) closes once it spans this much wall time and has at least five calls. */
    private static final long BLOCK_NS = 50_000_000L;
    /**
     * Calls before a run may stop: HotSpot's Tier4MinInvocationThreshold. Before it C2 may not even have been
     * asked for the kernel (while its queue is long the JIT keeps methods in C1 without asking), and a plateau
     * of C1 code with an empty queue looked like the end (a BatchKalman VECTOR run stopped after 8 calls).
     */
    private static final int MIN_CALLS = 600;
    /** How often the run reads the JIT's compile queue (reading it formats every queue). */
    private static final long QUEUE_NS = 250_000_000L;

    private static boolean closes(long[] startNs, long[] wallNs, int from, int to) {
        return to - from >= 5 && startNs[to - 1] + wallNs[to - 1] - startNs[from] >= BLOCK_NS;
    }

    private static double median(long[] x, int from, int to) {
        long[] s = Arrays.copyOfRange(x, from, to);
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] series(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) x[i] = p += r.nextGaussian() * 0.1;
        return x;
    }

    private static Case build(String name) {
        switch (name) {
            case "gemm64", "gemm256" -> {
                int n = name.equals("gemm64") ? 64 : 256;
                DMatrix a = DMatrix.random(n, n, 1), b = DMatrix.random(n, n, 2), c = DMatrix.zeros(n, n);
                return new Case("linalg.gemm", k -> Linalg.gemm(k, 1.0, a, false, b, false, 0.0, c));
            }
            case "svd100" -> {
                DMatrix a = DMatrix.random(100, 100, 3);
                return new Case("linalg.svd", k -> sink += Linalg.svd(k, a).s()[0]);
            }
            case "fft1024" -> {
                double[] re = series(1024, 4), im = series(1024, 5);
                return new Case("spectral.FFT", k -> FFT.forward(k, re, im, FFT.Norm.ORTHO));
            }
            case "sma1e5", "ema1e5", "std1e5" -> {
                double[] x = series(100_000, 6), out = new double[x.length];
                IndicatorSet[] sets = new IndicatorSet[Backend.values().length];
                for (Backend b : Backend.values()) sets[b.ordinal()] = Indicators.on(b);
                return switch (name) {
                    case "sma1e5" -> new Case("indicators.Indicators.series", k -> sets[k.ordinal()].smaInto(x, 20, out));
                    case "ema1e5" -> new Case("indicators.Indicators.series", k -> sets[k.ordinal()].emaInto(x, 20, out));
                    default -> new Case("indicators.Indicators.seriesVariance", k -> sets[k.ordinal()].rollingStdInto(x, 20, false, out));
                };
            }
            case "dot1e5" -> {
                double[] x = series(100_000, 7), y = series(100_000, 8);
                return new Case("linalg.VectorOps.reduce", k -> sink += VectorOps.dot(k, x, 0, y, 0, x.length));
            }
            case "kalman" -> {
                int filters = 10_000;
                double[] zs = new double[8 * filters];
                SplittableRandom r = new SplittableRandom(9);
                for (int i = 0; i < zs.length; i++) zs[i] = 100 + r.nextGaussian() * 1e-3;
                BatchKalman bk = new BatchKalman(KalmanBench.MODEL, filters, new double[] {100, 0}, new double[][] {{1, 0}, {0, 1e-4}});
                return new Case("filter.BatchKalman", k -> bk.run(k, zs, 0, 8, null));
            }
            case "leapfrog" -> {
                Ensemble e = DynamicsBench.ensemble(10_000);
                IntegrationOptions[] opts = new IntegrationOptions[Backend.values().length];
                for (Backend b : Backend.values()) opts[b.ordinal()] = IntegrationOptions.DEFAULT.withBackend(b);
                return new Case("dynamics.integrate",
                        k -> Dynamics.integrate(e, DynamicsBench.V, Integrator.LEAPFROG, DynamicsBench.DT, 64, opts[k.ordinal()]));
            }
            default -> throw new IllegalArgumentException("unknown case " + name
                    + " (gemm64, gemm256, svd100, fft1024, sma1e5, ema1e5, std1e5, dot1e5, kalman, leapfrog)");
        }
    }

    /** Main: CASE KIND [min=S] [max=S] [warmup=MS]; prints one JSON line. */
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        String caseName = args[0], kindArg = args[1];
        double minS = 8, maxS = 40;
        long warmupMs = -1;
        String trace = null;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "min" -> minS = Double.parseDouble(kv[1]);
                case "max" -> maxS = Double.parseDouble(kv[1]);
                case "warmup" -> warmupMs = Long.parseLong(kv[1]);
                case "trace" -> trace = kv[1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Backend first, then;
        int switchAt;
        if (kindArg.contains(">")) {
            String[] p = kindArg.split("[>@]");
            first = Backend.valueOf(p[0]);
            then = Backend.valueOf(p[1]);
            switchAt = Integer.parseInt(p[2]);
        } else {
            first = then = Backend.valueOf(kindArg);
            switchAt = 0;
        }
        Case c = build(caseName);

        long d0 = System.nanoTime();
        boolean available = Backends.available().contains(then) && Backends.available().contains(first);
        double detectMs = (System.nanoTime() - d0) / 1e6;
        if (!available) {
            System.out.printf("{\"case\":\"%s\",\"kind\":\"%s\",\"available\":false}%n", caseName, kindArg);
            return;
        }
        String warmupReport = "";
        double warmupS = 0;
        if (warmupMs >= 0) {
            long w0 = System.nanoTime();
            warmupReport = Backends.warmUp(Duration.ofMillis(warmupMs), c.family()).toString();
            warmupS = (System.nanoTime() - w0) / 1e9;
        }

        long[] startNs = new long[CAP], wallNs = new long[CAP], cpuNs = new long[CAP];
        long firstCallMs = System.currentTimeMillis();
        long t0 = System.nanoTime();
        double bestBlock = Double.MAX_VALUE, lastUnsettledS = Double.MAX_VALUE / 4;
        int n = 0, blockFrom = 0;
        long lastQueueNs = 0;
        while (n < CAP) {
            Backend kind = n < switchAt ? first : then;
            long s = System.nanoTime(), cs = MX.getCurrentThreadCpuTime();
            c.call().accept(kind);
            long ce = MX.getCurrentThreadCpuTime(), e = System.nanoTime();
            startNs[n] = s - t0;
            wallNs[n] = e - s;
            cpuNs[n] = ce - cs;
            n++;
            if (n > switchAt && closes(startNs, wallNs, Math.max(blockFrom, switchAt), n)) {
                double m = median(cpuNs, Math.max(blockFrom, switchAt), n);
                bestBlock = Math.min(bestBlock, m);
                if (m > 1.3 * bestBlock || lastUnsettledS == Double.MAX_VALUE / 4) lastUnsettledS = (e - t0) / 1e9;
                // A plateau while C2 still compiles the kernel is not the end: read the JIT's queue now and then.
                if (e - lastQueueNs > QUEUE_NS) {
                    if (!CompileQueue.pendingPackages().isEmpty()) lastUnsettledS = (System.nanoTime() - t0) / 1e9;
                    lastQueueNs = System.nanoTime();
                }
                blockFrom = n;
            }
            double el = (e - t0) / 1e9;
            if (el >= maxS || (el >= minS && el >= 2 * lastUnsettledS && n - switchAt >= MIN_CALLS)) break;
        }
        double runS = (System.nanoTime() - t0) / 1e9;

        // Final: median CPU time of the calls in the last quarter of the run.
        long quarter = (long) (0.75 * (startNs[n - 1] + wallNs[n - 1]));
        int from = n - 1;
        while (from > switchAt && startNs[from - 1] >= quarter) from--;
        double fin = median(cpuNs, from, n);
        // Blocks of calls spanning BLOCK_NS: steady from the block after the last one whose median exceeds
        // 1.2x final; fast at the first block whose median is within it.
        int steady = switchAt, fast = -1;
        for (int i = switchAt; i < n; ) {
            int j = i + 1;
            while (j < n && !closes(startNs, wallNs, i, j)) j++;
            if (j == n && !closes(startNs, wallNs, i, j) && i > switchAt) break; // a last, short block says little
            double m = median(cpuNs, i, j);
            if (m > 1.2 * fin) steady = j;
            else if (fast < 0) fast = i;
            i = j;
        }
        steady = Math.min(steady, n - 1);
        if (fast < 0) fast = steady;
        double cpuBefore = 0;
        for (int i = 0; i < steady; i++) cpuBefore += cpuNs[i];
        System.out.printf("{\"case\":\"%s\",\"kind\":\"%s\",\"available\":true,\"jvm_to_first_call_s\":%.3f,\"detect_ms\":%.1f,"
                        + "\"warmup_s\":%.3f,\"first_ms\":%.3f,\"first_cpu_ms\":%.3f,\"fast_s\":%.3f,\"steady_s\":%.3f,"
                        + "\"steady_calls\":%d,\"steady_cpu_s\":%.3f,\"final_us\":%.3f,\"calls\":%d,\"run_s\":%.2f,\"reached\":%b,"
                        + "\"switch_s\":%.3f,\"warmup\":\"%s\"}%n",
                caseName, kindArg, (firstCallMs - jvmStartMs) / 1e3, detectMs, warmupS, wallNs[0] / 1e6, cpuNs[0] / 1e6,
                startNs[fast] / 1e9, startNs[steady] / 1e9, steady, cpuBefore / 1e9, fin / 1e3, n, runS, startNs[steady] < quarter,
                startNs[Math.min(switchAt, n - 1)] / 1e9, warmupReport.replace("\"", "'").replace("\n", "; "));
        if (trace != null) {
            try (var pw = new java.io.PrintWriter(trace)) {
                pw.println("start_s,wall_us,cpu_us");
                for (int i = 0; i < n; i++) pw.printf("%.6f,%.3f,%.3f%n", startNs[i] / 1e9, wallNs[i] / 1e3, cpuNs[i] / 1e3);
            } catch (java.io.FileNotFoundException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (sink == 42) System.out.println();
    }
}
