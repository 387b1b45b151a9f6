package dev.sxn.math.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import dev.sxn.math.bench.report.ReportMain;
import dev.sxn.math.bench.report.RunInfo;

/**
 * {@code sxn bench [--quick] [FILTER]}: runs the JMH suite and writes
 * {@code bench-results/<timestamp>.json} (JMH's JSON) and {@code .md} (one table per benchmark).
 *
 * <p>Profiles: full = 2 forks, 5 x 1 s warm-up, 5 x 1 s measurement, every size; quick = 1 fork,
 * 1 x 0.5 s warm-up (2 where a class's {@link Quick#warmups} says so), 3 x 0.3 s measurement and each class's
 * {@link Quick} lists (the whole suite in under 15 minutes on 2 cores; {@code --dry-run} prints the plan, its rows
 * and its estimated time from the newest {@code bench/results/quick-*.json} without running it, see
 * {@link QuickPlan}). Before those warm-up iterations every VECTOR trial runs
 * {@code Backends.warmUp} on the families it measures ({@link JitWarmUp}): the Vector API is slow until C2
 * has compiled a kernel, which on a loaded machine takes longer than any fixed warm-up the suite can afford. FILTER is a regular expression matched against
 * {@code Class.method} names. Forked JVMs get the library's flags (incubator module, native access).
 * Any other option starting with {@code -} hands the whole command line to JMH's own CLI
 * ({@code sxn bench VectorOpsBench -f 1 -p size=1000}).
 *
 * <p>Report ({@link ReportMain}): {@code --report} after the run writes {@code bench-results/<timestamp>-report/}
 * (report.md, report.html, PNGs) from its JSON and the machine file written beside it; {@code --from FILE.json}
 * (repeatable) reports an earlier run instead of running; {@code --baseline OLD.json} adds the ratios new/old;
 * {@code --out DIR}, {@code --targets FILE}; {@code --benchmarks-md} regenerates BENCHMARKS.md
 * (bench/assemble-benchmarks.sh).
 */
public final class BenchMain {
    private BenchMain() {}

    /** Report options that take a value (the value is not a FILTER). */
    private static final List<String> REPORT_VALUED = List.of("--from", "--baseline", "--out", "--targets");

    public static void main(String[] args) throws RunnerException, IOException {
        List<String> suite = Suite.CLASSES.stream().map(Class::getSimpleName).toList();
        boolean report = false;
        for (String a : args) report |= a.equals("--report") || a.equals("--benchmarks-md") || a.equals("--from") || a.equals("--machine-file");
        if (report && ReportMain.main(args, suite)) return;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (REPORT_VALUED.contains(a)) {
                i++;
                continue;
            }
            if (a.startsWith("-") && !a.equals("--quick") && !a.equals("--report") && !a.equals("--dry-run") && !a.equals("-h")
                    && !a.equals("--help")) {
                // Any other option is JMH's own (-f, -wi, -p ...): hand the whole command line to JMH.
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        boolean quick = false, dryRun = false;
        String filter = ".*";
        Path baseline = null, out = null, targets = ReportMain.TARGETS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) quick = true;
            else if (a.equals("--dry-run")) dryRun = true;
            else if (a.equals("--report")) continue;
            else if (a.equals("--baseline")) baseline = Path.of(ReportMain.value(args, ++i, a));
            else if (a.equals("--out")) out = Path.of(ReportMain.value(args, ++i, a));
            else if (a.equals("--targets")) targets = Path.of(ReportMain.value(args, ++i, a));
            else if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: sxn bench [--quick] [--report [--baseline OLD.json] [--out DIR]] [FILTER]   (FILTER: regex over Class.method)\n"
                        + "       sxn bench [--quick] --dry-run [FILTER]   (the plan: rows per class and the estimated time; runs nothing)\n"
                        + "       sxn bench --report --from RUN.json [--from MORE.json] [--baseline OLD.json] [--out DIR]\n"
                        + "       sxn bench --benchmarks-md   (regenerates BENCHMARKS.md from bench/results/sources.txt)");
                return;
            } else filter = a;
        }
        List<QuickPlan.Trial> plan = QuickPlan.plan(Suite.CLASSES, Pattern.compile(filter), quick);
        if (dryRun) {
            dryRun(plan, quick);
            return;
        }
        RunInfo run = ReportMain.startRun("sxn bench " + String.join(" ", args));
        List<RunResult> all = new ArrayList<>();
        for (QuickPlan.Trial t : plan) all.addAll(new Runner(options(t, quick)).run());
        if (all.isEmpty()) {
            System.err.println("sxn bench: no benchmark matches '" + filter + "'");
            System.exit(2);
        }
        Path json = write(all, quick, filter);
        ReportMain.finishRun(run, json);
        if (report) {
            if (out == null) out = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + "-report");
            Path md = ReportMain.report(List.of(json), baseline, out, targets, null);
            System.out.println("sxn bench: wrote " + md + ", " + md.resolveSibling("report.html") + " and the PNGs beside them");
        }
    }

    /** Prints the plan: rows per class and, where an earlier quick run is checked in, the estimated time. */
    private static void dryRun(List<QuickPlan.Trial> plan, boolean quick) throws IOException {
        if (!quick) {
            long rows = QuickPlan.rows(plan);
            System.out.printf(Locale.ROOT, "sxn bench (full profile): %d rows, %d forks x (%d + %d) x 1 s of iterations each, at least %.1f h%n",
                    rows, QuickPlan.FULL_FORKS, QuickPlan.FULL_ITERATIONS, QuickPlan.FULL_ITERATIONS,
                    rows * QuickPlan.FULL_FORKS * 2.0 * QuickPlan.FULL_ITERATIONS / 3600);
            return;
        }
        dev.sxn.math.bench.report.RunCost cost;
        try {
            cost = QuickPlan.cost(Path.of(""));
        } catch (IllegalArgumentException e) {
            System.out.println("sxn bench --quick: " + QuickPlan.rows(plan) + " rows (no estimate: " + e.getMessage() + ")");
            return;
        }
        if (cost == null) {
            System.out.println("sxn bench --quick: " + QuickPlan.rows(plan) + " rows (no bench/results/quick-*.json here to estimate the time from)");
            return;
        }
        System.out.print(QuickPlan.estimate(plan, cost).text());
    }

    /** JMH options for one trial under the chosen profile: its method, every parameter's values, the iterations. */
    static org.openjdk.jmh.runner.options.Options options(QuickPlan.Trial t, boolean quick) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g")
                .shouldFailOnError(true)
                .include("^" + Pattern.quote(t.benchmark()) + "$");
        t.params().forEach(o::param);
        if (quick) {
            o.forks(1).warmupIterations(t.warmups()).warmupTime(TimeValue.milliseconds(Math.round(QuickPlan.QUICK_WARMUP_S * 1000)))
                    .measurementIterations(QuickPlan.QUICK_MEASUREMENTS)
                    .measurementTime(TimeValue.milliseconds(Math.round(QuickPlan.QUICK_MEASUREMENT_S * 1000)));
        } else {
            o.forks(QuickPlan.FULL_FORKS).warmupIterations(QuickPlan.FULL_ITERATIONS).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(QuickPlan.FULL_ITERATIONS).measurementTime(TimeValue.seconds(1));
        }
        return o.build();
    }

    private static Path write(List<RunResult> results, boolean quick, String filter) throws IOException {
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path json = dir.resolve(stamp + ".json");
        Path md = dir.resolve(stamp + ".md");
        try (var out = new java.io.PrintStream(Files.newOutputStream(json))) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# sxn bench ").append(quick ? "--quick " : "").append(filter.equals(".*") ? "" : filter).append("\n\n");
        sb.append("JDK ").append(System.getProperty("java.runtime.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(cpuModel()).append("\n\n");
        Map<String, List<RunResult>> byBench = new TreeMap<>();
        for (RunResult r : results) byBench.computeIfAbsent(r.getParams().getBenchmark(), k -> new ArrayList<>()).add(r);
        for (var e : byBench.entrySet()) {
            sb.append("## ").append(e.getKey().replace("dev.sxn.math.bench.", "")).append("\n\n");
            List<String> keys = new ArrayList<>(e.getValue().get(0).getParams().getParamsKeys());
            sb.append("| ").append(String.join(" | ", keys)).append(keys.isEmpty() ? "" : " | ").append("score | error | unit |\n");
            sb.append("|").append("---|".repeat(keys.size() + 3)).append("\n");
            for (RunResult r : e.getValue()) {
                sb.append("| ");
                for (String k : keys) sb.append(r.getParams().getParam(k)).append(" | ");
                var s = r.getPrimaryResult();
                sb.append(String.format(Locale.ROOT, "%.4g | %.2g | %s |%n", s.getScore(), s.getScoreError(), s.getScoreUnit()));
            }
            sb.append("\n");
        }
        Files.writeString(md, sb.toString());
        System.out.println("sxn bench: wrote " + md + " and " + json);
        return json;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }
}
