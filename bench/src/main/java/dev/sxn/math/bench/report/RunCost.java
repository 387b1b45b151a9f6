package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an earlier run of the suite cost, to estimate a planned one without running it: its wall time (the machine
 * file's start and end), each row's time per operation, and the time per row outside JMH's iterations (forking the
 * JVM, the trial's setup, {@code JitWarmUp}), found as what is left of the wall time after every row's iterations,
 * each counted as its iteration time plus one operation (JMH finishes the operation in progress).
 */
public final class RunCost {
    private final Path source;
    private final Map<String, Double> secondsPerOp = new HashMap<>();
    /** Class.method and its parameters other than the size -> (size, seconds per operation) of every row read. */
    private final Map<String, java.util.List<double[]>> bySize = new HashMap<>();
    private final int rows;
    private final double wall;
    private final double overhead;

    private RunCost(Path source, List<Result> rows, double wall, double iterations) {
        this.source = source;
        for (Result r : rows) add(r, true);
        this.rows = rows.size();
        this.wall = wall;
        this.overhead = rows.isEmpty() ? 0 : Math.max(0, (wall - iterations) / rows.size());
    }

    /**
     * Reads a run's JMH JSON and the machine file beside it.
     *
     * @throws IllegalArgumentException when the JSON cannot be read or the machine file lacks the run's start and end
     */
    public static RunCost of(Path json) throws IOException {
        List<Result> rows = Result.read(json);
        RunInfo info = RunInfo.readBeside(json);
        if (info == null || info.p.getProperty("start") == null || info.p.getProperty("end") == null) {
            throw new IllegalArgumentException(json + " must have a machine file with the run's start and end, was missing");
        }
        double wall = Duration.between(Instant.parse(info.get("start")), Instant.parse(info.get("end"))).toNanos() / 1e9;
        double iterations = 0;
        for (Map<String, Object> row : Result.rawRows(json)) {
            double op = 1 / Units.toOpsPerSecond(Result.number(((Map<?, ?>) row.get("primaryMetric")).get("score")),
                    String.valueOf(((Map<?, ?>) row.get("primaryMetric")).get("scoreUnit")));
            iterations += iterations(row, "warmupIterations", "warmupTime", op) + iterations(row, "measurementIterations", "measurementTime", op);
        }
        return new RunCost(json, rows, wall, iterations);
    }

    private static double iterations(Map<String, Object> row, String count, String time, double op) {
        double n = Result.number(row.get(count));
        if (Double.isNaN(n)) return 0;
        String[] t = String.valueOf(row.get(time)).strip().split("\\s+");
        double s = t.length == 2 ? Double.parseDouble(t[0]) * Units.seconds(t[1]) : 0;
        return n * (s + op);
    }

    /**
     * Adds the time per operation of rows this run lacks from the JMH JSON files a sources file lists (the
     * {@code bench/results/sources.txt} format, paths relative to {@code root}); unreadable files add nothing.
     */
    public RunCost withSources(Path root, Path sources) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(sources)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            for (Path f : BenchmarksPage.expand(root, line.split("\\s+\\|\\s+", 2)[0].strip())) {
                Report.Input in = Report.Input.read(f);
                for (Result r : in.results()) add(r, false);
            }
        }
        return this;
    }

    private void add(Result r, boolean replace) {
        double t = 1 / r.opsPerSecond();
        if (replace) secondsPerOp.put(r.key(), t);
        else secondsPerOp.putIfAbsent(r.key(), t);
        String xp = Panels.xParam(r);
        if (xp != null) bySize.computeIfAbsent(series(r.name(), r.params(), xp), k -> new java.util.ArrayList<>()).add(new double[] {Panels.x(r, xp), t});
    }

    private static String series(String name, Map<String, String> params, String xParam) {
        Map<String, String> rest = new java.util.TreeMap<>(params);
        rest.remove(xParam);
        return name + rest;
    }

    /**
     * A row's time per operation in seconds: as measured when a run has the row, else scaled in proportion to the
     * size from the same benchmark and other parameters at the nearest measured size (a lower bound for kernels that
     * grow faster than linearly); NaN when nothing like it was measured.
     *
     * @param name {@code Class.method}
     */
    public double secondsPerOp(String name, Map<String, String> params) {
        Result probe = new Result(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1), new java.util.TreeMap<>(params),
                "", 1, Double.NaN, "ops/s", "");
        Double exact = secondsPerOp.get(probe.key());
        if (exact != null) return exact;
        String xp = Panels.xParam(probe);
        if (xp == null) return Double.NaN;
        double x = Panels.x(probe, xp);
        double[] near = null;
        for (double[] m : bySize.getOrDefault(series(name, params, xp), java.util.List.of())) {
            if (near == null || Math.abs(Math.log(m[0] / x)) < Math.abs(Math.log(near[0] / x))) near = m;
        }
        return near == null ? Double.NaN : near[1] * x / near[0];
    }

    /** Seconds per row outside JMH's iterations. */
    public double overheadPerRow() {
        return overhead;
    }

    public double wallSeconds() {
        return wall;
    }

    /** Rows of the run itself. */
    public int rows() {
        return rows;
    }

    public Path source() {
        return source;
    }
}
