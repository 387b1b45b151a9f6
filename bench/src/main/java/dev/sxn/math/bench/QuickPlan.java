package dev.sxn.math.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import dev.sxn.math.bench.report.RunCost;

/**
 * The trials {@code sxn bench} runs, read from JMH's generated benchmark list (so methods of nested state classes
 * count, as {@code SpectralBench.Fft.complex} does) with each class's {@link Quick} lists applied, and the run's
 * time estimated from an earlier run ({@link RunCost}). {@code sxn bench --quick --dry-run} prints it; the bench
 * module's tests hold the quick plan to its 15-minute budget without running it. O(benchmarks x parameters).
 */
final class QuickPlan {
    private QuickPlan() {}

    /**
     * The quick profile's iterations: warm-ups of 0.5 s (how many: {@link Quick#warmups}) and 3 measurements of 0.3 s,
     * long enough for thousands of operations of a small kernel and a few of a large one, short enough that the suite
     * keeps its kinds and the targets' sizes within the budget (a row's fork costs more than a measurement).
     */
    static final int QUICK_MEASUREMENTS = 3;
    static final double QUICK_WARMUP_S = 0.5, QUICK_MEASUREMENT_S = 0.3;
    /** The full profile: 2 forks x (5 + 5) x 1 s. */
    static final int FULL_FORKS = 2, FULL_ITERATIONS = 5;

    /** One benchmark method and the parameter values it runs with: rows = the product of the lists' lengths. */
    record Trial(Class<?> suiteClass, String benchmark, String method, Map<String, String[]> params, int warmups) {
        long rows() {
            long n = 1;
            for (String[] v : params.values()) n *= v.length;
            return n;
        }

        /** Each row's parameters (one value per parameter), in the order JMH runs them. */
        List<Map<String, String>> rowParams() {
            List<Map<String, String>> out = new ArrayList<>();
            out.add(new TreeMap<>());
            for (var e : params.entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> prefix : out) {
                    for (String v : e.getValue()) {
                        Map<String, String> m = new TreeMap<>(prefix);
                        m.put(e.getKey(), v);
                        next.add(m);
                    }
                }
                out = next;
            }
            return out;
        }

        /** {@code Class.method} with the top-level class, as the report names it. */
        String name() {
            return suiteClass.getSimpleName() + "." + method;
        }
    }

    /** The trials of {@code classes} whose {@code Class.method} (top-level simple class name) matches {@code filter}. */
    static List<Trial> plan(List<Class<?>> classes, Pattern filter, boolean quick) {
        BenchmarkList list = BenchmarkList.defaultList();
        var silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        List<Trial> out = new ArrayList<>();
        for (Class<?> c : classes) {
            Quick q = c.getAnnotation(Quick.class);
            for (BenchmarkListEntry e : list.find(silent, List.of("^" + Pattern.quote(c.getName() + ".")), List.of())) {
                String user = e.getUsername();
                String method = user.substring(user.lastIndexOf('.') + 1);
                if (!filter.matcher(c.getSimpleName() + "." + method).find()) continue;
                if (quick && q != null && !q.skip().isEmpty() && method.matches(q.skip())) continue;
                Map<String, String[]> params = new LinkedHashMap<>();
                if (e.getParams().hasValue()) params.putAll(e.getParams().get());
                if (quick && q != null) apply(q.value(), method, params);
                out.add(new Trial(c, user, method, params, q == null ? 1 : q.warmups()));
            }
        }
        return out;
    }

    /** Applies {@link Quick} entries to one method's parameters (only those it has; a later entry wins). */
    static void apply(String[] entries, String method, Map<String, String[]> params) {
        for (String entry : entries) {
            String e = entry;
            int colon = e.indexOf(':');
            if (colon >= 0) {
                if (!method.matches(e.substring(0, colon))) continue;
                e = e.substring(colon + 1);
            }
            String[] kv = e.split("=", 2);
            if (kv.length != 2 || kv[1].isBlank()) throw new IllegalArgumentException("@Quick entry must be [METHODS:]name=v1,v2, was " + entry);
            if (params.containsKey(kv[0].strip())) params.put(kv[0].strip(), kv[1].strip().split("\\s*,\\s*"));
        }
    }

    /** Total rows of a plan. */
    static long rows(List<Trial> plan) {
        return plan.stream().mapToLong(Trial::rows).sum();
    }

    /**
     * The estimated seconds of a plan under the quick profile: per row the earlier run's fork-and-setup time
     * plus each iteration's time and one operation (that row's time per operation, where the earlier run has the row).
     * Rows it lacks take their time from the other runs the cost lists ({@link RunCost#withSources}), else from the same
     * benchmark at another size ({@link RunCost#secondsPerOp}), else count as light (no time per operation);
     * {@link Estimate#unknown} says how many.
     */
    static Estimate estimate(List<Trial> plan, RunCost cost) {
        Map<String, double[]> perClass = new LinkedHashMap<>();
        long unknown = 0;
        for (Trial t : plan) {
            double[] acc = perClass.computeIfAbsent(t.suiteClass().getSimpleName(), k -> new double[2]);
            for (Map<String, String> row : t.rowParams()) {
                double op = cost.secondsPerOp(t.name(), row);
                if (Double.isNaN(op)) {
                    unknown++;
                    op = 0;
                }
                acc[0]++;
                acc[1] += cost.overheadPerRow() + t.warmups() * (QUICK_WARMUP_S + op) + QUICK_MEASUREMENTS * (QUICK_MEASUREMENT_S + op);
            }
        }
        double total = 0;
        for (double[] a : perClass.values()) total += a[1];
        return new Estimate(perClass, total, unknown, cost);
    }

    /** Per class (rows, seconds), the total seconds, the rows without an earlier time, and the model's source. */
    record Estimate(Map<String, double[]> perClass, double seconds, long unknown, RunCost cost) {
        String text() {
            StringBuilder sb = new StringBuilder();
            long rows = 0;
            for (double[] a : perClass.values()) rows += (long) a[0];
            sb.append(String.format(Locale.ROOT, "sxn bench --quick: %d rows in %d classes, about %.1f min (%.0f s)%n", rows, perClass.size(),
                    seconds / 60, seconds));
            sb.append(String.format(Locale.ROOT, "  model: per row %.2f s of fork and setup (from %s: %d rows in %.0f s) + warm-ups x %.1f s + %d x "
                    + "%.1f s, each iteration plus one operation of the row (measured there or in bench/results/sources.txt, else scaled from another size); %d rows without either count as light%n", cost.overheadPerRow(),
                    cost.source().getFileName(), cost.rows(), cost.wallSeconds(), QUICK_WARMUP_S, QUICK_MEASUREMENTS, QUICK_MEASUREMENT_S, unknown));
            perClass.forEach((c, a) -> sb.append(String.format(Locale.ROOT, "  %-24s %4d rows %6.0f s%n", c, (long) a[0], a[1])));
            return sb.toString();
        }
    }

    /** The cost model of the newest quick run under {@code root} with the other sources' times per operation; null when none. */
    static RunCost cost(Path root) throws IOException {
        Path last = latestQuickRun(root);
        if (last == null) return null;
        RunCost c = RunCost.of(last);
        Path sources = root.resolve("bench/results/sources.txt");
        return Files.isRegularFile(sources) ? c.withSources(root, sources) : c;
    }

    /** The newest {@code bench/results/quick-*.json} under {@code root}, or null. */
    static Path latestQuickRun(Path root) throws IOException {
        Path dir = root.resolve("bench/results");
        if (!Files.isDirectory(dir)) return null;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("quick-.*\\.json")).sorted().reduce((a, b) -> b).orElse(null);
        }
    }
}
