package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report half of {@code sxn bench}: {@code --report --from a.json [--from b.json] [--baseline old.json]
 * [--out DIR] [--targets FILE]} reads JMH JSON and writes the report; {@code --benchmarks-md} regenerates
 * {@code BENCHMARKS.md} from the files {@code bench/results/sources.txt} lists; {@code --machine-file RUN.json
 * [--since ISO-INSTANT] [--load-start "1 5 15"] [--command TEXT]} writes the machine file of a run made outside
 * {@code sxn bench} (JMH's own CLI, as {@code bench/gpu/run-bench.sh} runs it), describing this machine now and the
 * run's start as given. {@code BenchMain} calls {@link #report}
 * after a run for {@code sxn bench [--quick] --report}.
 */
public final class ReportMain {
    private ReportMain() {}

    /** Default targets file, relative to the working directory (the repository root for {@code ./sxn}). */
    public static final Path TARGETS = Path.of("bench", "targets.txt");

    /**
     * Writes the report of {@code json} (one or more JMH result files) into {@code out}.
     *
     * @param baseline an earlier run's JSON to compare with, or null
     * @param fallback the run info to show when the files carry none (null: this machine, marked as such)
     * @return the Markdown file written
     */
    public static Path report(List<Path> json, Path baseline, Path out, Path targets, RunInfo fallback) throws IOException {
        List<Report.Input> in = new ArrayList<>();
        for (Path p : json) in.add(Report.Input.read(p));
        Report r = new Report(in, fallback != null ? fallback : RunInfo.ofReader());
        List<Result> base = null;
        if (baseline != null) {
            Report.Input b = Report.Input.read(baseline);
            if (b.failure() != null) throw new IllegalArgumentException("baseline " + baseline + " cannot be read: " + b.failure());
            base = b.results();
        }
        return r.write(out, base, targets);
    }

    /** Starts capturing the machine for a run about to start; pass the result to {@link #finishRun}. */
    public static RunInfo startRun(String command) {
        return RunInfo.capture(command);
    }

    /** Ends a run: records the end load and writes the machine file beside {@code json}. */
    public static void finishRun(RunInfo run, Path json) throws IOException {
        run.finish().write(RunInfo.sidecar(json));
    }

    /**
     * Handles the report options of {@code sxn bench}; returns false when the arguments ask for a run first.
     *
     * @param suite the suite's benchmark class names (for the page's list of domains without results)
     */
    public static boolean main(String[] args, List<String> suite) throws IOException {
        List<Path> from = new ArrayList<>();
        Path baseline = null, out = null, targets = TARGETS, machineFor = null;
        String since = null, loadStart = null, command = "sxn bench";
        boolean page = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from.add(Path.of(value(args, ++i, "--from")));
                case "--baseline" -> baseline = Path.of(value(args, ++i, "--baseline"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--targets" -> targets = Path.of(value(args, ++i, "--targets"));
                case "--benchmarks-md" -> page = true;
                case "--machine-file" -> machineFor = Path.of(value(args, ++i, "--machine-file"));
                case "--since" -> since = value(args, ++i, "--since");
                case "--load-start" -> loadStart = value(args, ++i, "--load-start");
                case "--command" -> command = value(args, ++i, "--command");
                default -> { }
            }
        }
        if (machineFor != null) {
            RunInfo run = RunInfo.capture(command);
            if (since != null) run.p.setProperty("start", java.time.Instant.parse(since).toString());
            if (loadStart != null) run.p.setProperty("loadStart", loadStart);
            finishRun(run, machineFor);
            System.out.println("sxn bench: wrote " + RunInfo.sidecar(machineFor));
            return true;
        }
        if (page) {
            Path md = BenchmarksPage.write(Path.of(""), Path.of("bench/results/sources.txt"), Path.of("bench/benchmarks-method.md"), targets,
                    Path.of("bench/results/plots"), Path.of("BENCHMARKS.md"), suite);
            System.out.println("sxn bench: wrote " + md + " (" + Files.readAllLines(md).size() + " lines) and bench/results/plots/");
            return true;
        }
        if (from.isEmpty()) return false;
        if (out == null) {
            String n = from.get(0).getFileName().toString().replaceFirst("\\.json$", "");
            out = from.get(0).resolveSibling(n + "-report");
        }
        Path md = report(from, baseline, out, targets, null);
        System.out.println("sxn bench: wrote " + md + ", " + md.resolveSibling("report.html") + " and the PNGs beside them");
        return true;
    }

    /** The value after an option. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " must be followed by a value, was the last argument");
        return args[i];
    }
}
