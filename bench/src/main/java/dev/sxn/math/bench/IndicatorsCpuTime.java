package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-series indicators on 10^6 points (issue 3's copy-bandwidth target), timed by the calling
 * thread's CPU time: SMA(20), EMA(20), rolling population std(20) and std(200), each as the pinned
 * {@code ...Into} form per CPU backend (JAVA, VECTOR, NATIVE), beside {@code System.arraycopy} of the
 * same 10^6 doubles (the yardstick: the same bytes read and written). "% of copy bw" = copy time /
 * indicator time. CPU time counts only the time this thread ran, so neighbours on a shared host
 * disturb it through caches and SMT, not through descheduling.
 *
 * <p>Method: every case is warmed (0.3 s of CPU time, at least 20 calls), then all cases are timed
 * in 9 interleaved rounds of about 20 ms of CPU time each (the per-call mean of a round); the table
 * gives the median round and the best round. Data: a seeded geometric random walk near 100 (the
 * price scale the variance kernels are built for). Run from the repository root after
 * {@code ./mvnw -o -q -B -pl java-api,bench -am -DskipTests package}:
 * {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar dev.sxn.math.bench.IndicatorsCpuTime [n]}
 */
public final class IndicatorsCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] KINDS = {"JAVA", "VECTOR", "NATIVE"};
    private static final String[] OPS = {"SMA(20)", "EMA(20)", "std(20)", "std(200)"};
    private static final int ROUNDS = 9;
    private static final long ROUND_NS = 20_000_000L;

    private IndicatorsCpuTime() {}

    /** Prints the Markdown table (median / best ms per call and % of copy bandwidth) and the load. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("batch")) {
            batches(args.length > 1 ? Integer.parseInt(args[1]) : 1024, 10_000);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SplittableRandom r = new SplittableRandom(20261123);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            x[i] = p;
        }
        double[] copyDst = new double[n];
        int cases = 1 + OPS.length * KINDS.length;
        Runnable[] ops = new Runnable[cases];
        String[] names = new String[cases];
        ops[0] = () -> System.arraycopy(x, 0, copyDst, 0, n);
        names[0] = "copy";
        for (int o = 0; o < OPS.length; o++) {
            for (int k = 0; k < KINDS.length; k++) {
                Backend b = Backend.valueOf(KINDS[k]);
                int c = 1 + o * KINDS.length + k;
                names[c] = OPS[o] + " " + KINDS[k];
                if (!Backends.isAvailable(b)) continue;
                IndicatorSet on = Indicators.on(b);
                double[] out = new double[n];
                ops[c] = switch (o) {
                    case 0 -> () -> on.smaInto(x, 20, out);
                    case 1 -> () -> on.emaInto(x, 20, out);
                    case 2 -> () -> on.rollingStdInto(x, 20, false, out);
                    default -> () -> on.rollingStdInto(x, 200, false, out);
                };
            }
        }
        String load0 = load();
        double[][] ms = time(ops);
        String load1 = load();
        double copyMed = median(ms[0]), copyBest = min(ms[0]);
        System.out.printf(Locale.ROOT, "JDK %s; %s; n = %d; CPU time per call, %d interleaved rounds of ~%d ms;"
                        + " load average before: %s, after: %s%n%n", Runtime.version(),
                Backends.describe().lines().findFirst().orElse(""), n, ROUNDS, ROUND_NS / 1_000_000, load0, load1);
        System.out.printf(Locale.ROOT, "System.arraycopy of %d doubles: median %.3f ms, best %.3f ms (%.1f GB/s read + write)%n%n",
                n, copyMed, copyBest, 16.0 * n / (copyBest * 1e6));
        System.out.println("| indicator | " + String.join(" | ", KINDS) + " | best backend: % of copy bw (median / best rounds) |");
        System.out.println("|---|" + "---:|".repeat(KINDS.length + 1));
        for (int o = 0; o < OPS.length; o++) {
            StringBuilder row = new StringBuilder("| " + OPS[o] + " |");
            double bestMed = Double.POSITIVE_INFINITY, bestBest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < KINDS.length; k++) {
                double[] m = ms[1 + o * KINDS.length + k];
                if (m == null) {
                    row.append(" n/a |");
                    continue;
                }
                row.append(String.format(Locale.ROOT, " %.3f / %.3f ms |", median(m), min(m)));
                if (k > 0) {
                    bestMed = Math.min(bestMed, median(m));
                    bestBest = Math.min(bestBest, min(m));
                }
            }
            row.append(String.format(Locale.ROOT, " %.0f%% / %.0f%% |", 100 * copyMed / bestMed, 100 * copyBest / bestBest));
            System.out.println(row);
        }
        System.out.println();
        System.out.println("(cells: median / best round, ms of CPU time per call; the last column compares the faster of"
                + " VECTOR and NATIVE with the copy, median with median and best with best)");
    }

    /**
     * Issue 3's batch target: EMA(20) and RSI(14) over {@code k} assets x {@code t} points (time-major
     * SeriesBatch) per backend, beside LOOP (the plain-Java kernel once per asset on contiguous
     * arrays, what a user writes without batches) and a copy of the same k t doubles. The copy bounds
     * what any kernel that reads the input and writes the output can reach: LOOP / copy is the ceiling
     * of the ratio.
     */
    private static void batches(int k, int t) {
        SplittableRandom r = new SplittableRandom(20261123);
        double[][] series = new double[k][t], outs = new double[k][t];
        for (double[] x : series) {
            double p = 100;
            for (int i = 0; i < t; i++) {
                p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
                x[i] = p;
            }
        }
        SeriesBatch batch = SeriesBatch.of(series), out = batch.like();
        double[] src = batch.data(), dst = new double[src.length];
        String[] kinds = {"LOOP", "JAVA", "VECTOR", "NATIVE"};
        Runnable[] ops = new Runnable[1 + 2 * kinds.length];
        IndicatorSet plain = Indicators.on(Backend.JAVA);
        ops[0] = () -> System.arraycopy(src, 0, dst, 0, src.length);
        for (int o = 0; o < 2; o++) {
            for (int j = 0; j < kinds.length; j++) {
                boolean ema = o == 0;
                int c = 1 + o * kinds.length + j;
                if (kinds[j].equals("LOOP")) {
                    ops[c] = () -> {
                        for (int a = 0; a < k; a++) {
                            if (ema) plain.emaInto(series[a], 20, outs[a]);
                            else plain.rsiInto(series[a], 14, outs[a]);
                        }
                    };
                    continue;
                }
                Backend b = Backend.valueOf(kinds[j]);
                if (!Backends.isAvailable(b)) continue;
                IndicatorSet on = Indicators.on(b);
                ops[c] = ema ? () -> on.emaInto(batch, 20, out) : () -> on.rsiInto(batch, 14, out);
            }
        }
        String load0 = load();
        double[][] ms = time(ops);
        String load1 = load();
        System.out.printf(Locale.ROOT, "JDK %s; %d assets x %d points; CPU time per call, %d interleaved rounds;"
                + " load average before: %s, after: %s%n%n", Runtime.version(), k, t, ROUNDS, load0, load1);
        System.out.printf(Locale.ROOT, "copy of the %d doubles: median %.2f ms, best %.2f ms%n%n", src.length, median(ms[0]), min(ms[0]));
        System.out.println("| batch | " + String.join(" | ", kinds) + " | VECTOR vs LOOP | best vs LOOP | ceiling (LOOP / copy) |");
        System.out.println("|---|" + "---:|".repeat(kinds.length + 3));
        for (int o = 0; o < 2; o++) {
            StringBuilder row = new StringBuilder("| " + (o == 0 ? "EMA(20)" : "RSI(14)") + " |");
            double loop = median(ms[1 + o * kinds.length]), best = Double.POSITIVE_INFINITY, vector = Double.NaN;
            for (int j = 0; j < kinds.length; j++) {
                double[] m = ms[1 + o * kinds.length + j];
                if (m == null) {
                    row.append(" n/a |");
                    continue;
                }
                row.append(String.format(Locale.ROOT, " %.2f / %.2f ms |", median(m), min(m)));
                if (j > 0) best = Math.min(best, median(m));
                if (kinds[j].equals("VECTOR")) vector = median(m);
            }
            row.append(String.format(Locale.ROOT, " %.2fx | %.2fx | %.2fx |", loop / vector, loop / best, loop / median(ms[0])));
            System.out.println(row);
        }
        System.out.println();
        System.out.println("(cells: median / best round, ms of CPU time per call; ratios use medians)");
    }

    private static double[][] time(Runnable[] ops) {
        int k = ops.length;
        long[] reps = new long[k];
        for (int i = 0; i < k; i++) {
            if (ops[i] == null) continue;
            long t0 = CPU.getCurrentThreadCpuTime();
            int calls = 0;
            while (calls < 20 || CPU.getCurrentThreadCpuTime() - t0 < 300_000_000L) {
                ops[i].run();
                calls++;
            }
            long per = Math.max(1, (CPU.getCurrentThreadCpuTime() - t0) / calls);
            reps[i] = Math.max(1, ROUND_NS / per);
        }
        double[][] ms = new double[k][];
        for (int i = 0; i < k; i++) if (ops[i] != null) ms[i] = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < k; i++) {
                if (ops[i] == null) continue;
                long t0 = CPU.getCurrentThreadCpuTime();
                for (long c = 0; c < reps[i]; c++) ops[i].run();
                ms[i][round] = (CPU.getCurrentThreadCpuTime() - t0) / 1e6 / reps[i];
            }
        }
        return ms;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
