package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the report of one or more JMH result files: the load line, the machine header, per domain one plot per
 * panel (see {@link Charts}) with its table, the crossovers as {@code Backends.describe()} printed them, the targets
 * and, against a baseline, the ratios new/old. Writes {@code report.md}, {@code report.html} (self-contained) and the
 * PNGs into one folder.
 */
final class Report {
    /** One input file: its results, its run info (null when it had none) and what went wrong reading it. */
    record Input(Path file, List<Result> results, RunInfo info, String failure) {
        static Input read(Path file) {
            try {
                return new Input(file, Result.read(file), RunInfo.readBeside(file), null);
            } catch (IOException | IllegalArgumentException e) {
                return new Input(file, List.of(), null, e.getMessage());
            }
        }
    }

    final List<Input> inputs;
    final List<Result> results;
    final RunInfo info;
    final ReportConfig cfg = ReportConfig.load();
    final Limits limits;
    final Map<String, Map<String, Long>> crossovers;
    final List<Panels.Panel> panels;

    /** Later inputs replace earlier rows with the same benchmark and parameters. */
    Report(List<Input> inputs, RunInfo fallback) {
        this.inputs = inputs;
        Map<String, Result> merged = new LinkedHashMap<>();
        RunInfo first = null;
        for (Input in : inputs) {
            for (Result r : in.results()) merged.put(r.key(), r);
            if (first == null && in.info() != null) first = in.info();
        }
        this.results = List.copyOf(merged.values());
        this.info = first != null ? first : fallback;
        this.limits = new Limits(results, info.lanes());
        this.crossovers = Limits.crossovers(info.get("describe"));
        this.panels = Panels.build(results, cfg);
    }

    /** Four significant digits, plain for 0.01..10^6, else scientific. */
    static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 1e6)) return String.format(Locale.ROOT, "%.3e", v).replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", v);
    }

    /** The table of a panel: one row per series, one column per size: score +- error. */
    static Doc panelTable(Doc d, Panels.Panel p) {
        Set<String> sizes = new LinkedHashSet<>();
        List<Panels.Point> all = new ArrayList<>();
        p.series().forEach(s -> all.addAll(s.points()));
        all.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).forEach(pt -> sizes.add(pt.xLabel()));
        List<String> head = new ArrayList<>();
        head.add(p.name() + " (" + p.unit() + ")" + (p.xParam() == null ? "" : " \\ " + p.xParam()));
        for (String s : sizes) head.add(s.isEmpty() ? "score" : s);
        List<List<String>> rows = new ArrayList<>();
        for (Panels.Series s : p.series()) {
            List<String> row = new ArrayList<>();
            row.add(s.label());
            for (String size : sizes) {
                String cell = "";
                for (Panels.Point pt : s.points()) {
                    if (pt.xLabel().equals(size)) cell = num(pt.y()) + (Double.isNaN(pt.err()) ? "" : " ± " + num(pt.err()));
                }
                row.add(cell);
            }
            rows.add(row);
        }
        return d.table(head, rows);
    }

    /**
     * One table for a domain's panels: a row per panel and series, a column per size (as param=value); the compact
     * form BENCHMARKS.md uses.
     */
    static Doc domainTable(Doc d, List<Panels.Panel> ps) {
        Map<String, Double> cols = new LinkedHashMap<>();
        for (Panels.Panel p : ps) {
            for (Panels.Series s : p.series()) for (Panels.Point pt : s.points()) cols.put(col(p, pt), pt.x());
        }
        List<String> order = new ArrayList<>(cols.keySet());
        order.sort((a, b) -> Double.compare(cols.get(a), cols.get(b)));
        List<String> head = new ArrayList<>();
        head.add("benchmark: kind");
        head.add("unit");
        head.addAll(order);
        List<List<String>> rows = new ArrayList<>();
        for (Panels.Panel p : ps) {
            for (Panels.Series s : p.series()) {
                List<String> row = new ArrayList<>();
                row.add(p.name() + ": " + s.label());
                row.add(p.unit());
                for (String c : order) {
                    String cell = "";
                    for (Panels.Point pt : s.points()) {
                        if (col(p, pt).equals(c)) cell = num(pt.y()) + (Double.isNaN(pt.err()) ? "" : " ± " + num(pt.err()));
                    }
                    row.add(cell);
                }
                rows.add(row);
            }
        }
        return d.table(head, rows);
    }

    private static String col(Panels.Panel p, Panels.Point pt) {
        return p.xParam() == null ? "score" : p.xParam() + "=" + pt.xLabel();
    }

    /** The machine header table. */
    Doc machine(Doc d) {
        List<List<String>> rows = new ArrayList<>();
        for (String[] h : info.header()) rows.add(List.of(h[0], h[1]));
        d.table(List.of("machine", ""), rows);
        String peak = Double.isNaN(limits.peakFlops) ? "not measured in this run (no PeakFlopsBench)"
                : num(limits.peakFlops / 1e9) + " GFLOP/s single-thread (PeakFlopsBench.vectorFma)";
        String bw = limits.bandwidth.length == 0 ? "not measured in this run (no BandwidthBench)" : bandwidthText();
        return d.para("Measured limits: FLOP peak " + peak + "; copy bandwidth " + bw + ".");
    }

    private String bandwidthText() {
        List<String> s = new ArrayList<>();
        for (double[] b : limits.bandwidth) s.add(String.format(Locale.ROOT, "%s at %s B", num(b[1] / 1e9) + " GB/s", num(b[0])));
        return String.join(", ", s) + " (BandwidthBench.copy, bytes read + written)";
    }

    /** Inputs that could not be read, as paragraphs. */
    Doc failures(Doc d) {
        for (Input in : inputs) {
            if (in.failure() != null) d.para("**Run failed or incomplete:** " + in.failure() + ". Its benchmarks are missing below.");
            else if (in.results().isEmpty()) d.para("**No results in** " + in.file() + " (the run wrote no score).");
        }
        return d;
    }

    /** The crossover block: {@code Backends.describe()}'s lines as printed. */
    Doc crossoverText(Doc d) {
        String desc = info.get("describe");
        int ops = desc.indexOf("crossovers:");
        return d.pre(ops >= 0 ? desc.substring(ops) : desc);
    }

    /** Writes report.md, report.html and the PNGs into {@code out}; returns the Markdown path. */
    Path write(Path out, List<Result> baseline, Path targets) throws IOException {
        Files.createDirectories(out);
        Doc d = new Doc();
        d.para((info.loaded() ? "**" : "") + info.loadLine() + (info.loaded() ? "**" : ""));
        d.heading(1, "SxN-Math benchmark report");
        List<String> srcs = new ArrayList<>();
        for (Input in : inputs) srcs.add("`" + in.file() + "`");
        d.para("From " + String.join(", ", srcs) + ": " + results.size() + " results in " + panels.size() + " plots. Plots: log-log, error bars "
                + "JMH's 99.9% interval (clipped at 90% of the score on the log axis), peers dashed, vertical lines where the library "
                + "switches kind (Backends.describe()); the right panel, where a work model exists, is the fraction of the measured limit.");
        failures(d);
        d.heading(2, "Machine");
        machine(d);
        if (targets != null && Files.isRegularFile(targets)) {
            d.heading(2, "Targets");
            List<List<String>> rows = new ArrayList<>();
            for (Targets.Row r : Targets.evaluate(targets, results, cfg, limits)) rows.add(List.of(r.issue(), r.target(), r.measured(), r.met()));
            d.table(List.of("issue", "target", "measured", "met"), rows);
        }
        if (baseline != null) comparison(d, baseline);
        String domain = null;
        for (Panels.Panel p : panels) {
            if (!p.domain().equals(domain)) {
                domain = p.domain();
                d.heading(2, domain);
            }
            d.image(Charts.write(p, cfg, limits, crossovers, out), p.id());
            panelTable(d, p);
        }
        d.heading(2, "Crossovers");
        crossoverText(d);
        Path md = out.resolve("report.md");
        Files.writeString(md, d.markdown(out));
        Files.writeString(out.resolve("report.html"), d.html("SxN-Math benchmark report"));
        return md;
    }

    private void comparison(Doc d, List<Result> baseline) {
        d.heading(2, "Against the baseline");
        List<Comparison.Row> rows = Comparison.compare(results, baseline);
        long reg = rows.stream().filter(r -> r.verdict().equals("regression")).count();
        d.para(rows.size() + " benchmarks in both runs; **" + reg + " regressions** beyond the JMH error of both. Ratio = new/old score "
                + "(for ops/s above 1 is faster, for time per op below 1 is faster).");
        List<List<String>> t = new ArrayList<>();
        for (Comparison.Row r : rows) {
            t.add(List.of(r.now().key(), num(r.now().score()) + " ± " + num(r.now().error()), num(Units.convert(r.old().score(), r.old().unit(),
                    r.now().unit())) + " ± " + num(Units.convert(r.old().error(), r.old().unit(), r.now().unit())), r.now().unit(),
                    num(r.ratio()), r.verdict().equals("regression") ? "**regression**" : r.verdict()));
        }
        d.table(List.of("benchmark", "new", "old", "unit", "new/old", "verdict"), t);
        List<String> gone = Comparison.missing(baseline, results), added = Comparison.missing(results, baseline);
        if (!gone.isEmpty()) d.para("Only in the baseline: " + String.join(", ", gone));
        if (!added.isEmpty()) d.para("Only in the new run: " + String.join(", ", added));
    }
}
