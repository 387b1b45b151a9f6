package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The issues' performance targets (checked in as {@code bench/targets.txt}) evaluated against JMH results. One line
 * per target: {@code issue | target | check | threshold}, where check is one of
 * <ul>
 *   <li>{@code value SEL UNIT}: the score in UNIT ({@code ms/op}, {@code s/op}, {@code ops/s} ...);</li>
 *   <li>{@code rate SEL*PARAM}: operations per second times a parameter (items per second);</li>
 *   <li>{@code speedup A / B}: A's rate over B's (each {@code SEL} or {@code SEL*PARAM}), at each size both have;</li>
 *   <li>{@code peak SEL} / {@code bandwidth SEL}: the fraction of the FLOP peak or copy bandwidth
 *       (work models of {@code report.properties});</li>
 *   <li>{@code elsewhere TEXT}: not a JMH figure; TEXT says where it is measured.</li>
 * </ul>
 * {@code SEL} is {@code Class.method[param=v1|v2,param=*]}; where several rows match at one size the best (fastest)
 * counts (the best backend), and over several sizes the worst counts (the target holds at every size listed).
 * Threshold: {@code >= x}, {@code <= x}, or {@code -} (shown, no line to meet).
 */
final class Targets {
    private Targets() {}

    /** One target and its evaluation: measured text and met ("yes", "no", "shown", or why not evaluated). */
    record Row(String issue, String target, String measured, String met) {}

    /** Reads and evaluates the targets file; a malformed line raises {@link IllegalArgumentException} naming it. */
    static List<Row> evaluate(Path file, List<Result> results, ReportConfig cfg, Limits limits) throws IOException {
        List<Row> out = new ArrayList<>();
        int no = 0;
        for (String line : Files.readAllLines(file)) {
            no++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+\\|\\s+");
            if (f.length != 4) throw new IllegalArgumentException(file + ":" + no + " must have 4 fields 'issue | target | check | threshold', was " + line);
            out.add(evaluate(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), results, cfg, limits));
        }
        return out;
    }

    static Row evaluate(String issue, String target, String check, String threshold, List<Result> results, ReportConfig cfg, Limits limits) {
        String kind = check.split("\\s+", 2)[0];
        String rest = check.substring(kind.length()).strip();
        if (kind.equals("elsewhere")) return new Row(issue, target, "not a JMH figure: " + rest, "see there");
        // size -> value, best over matching rows at that size
        Map<Double, Double> perSize;
        String unitText;
        switch (kind) {
            case "value" -> {
                int sp = rest.lastIndexOf(' ');
                String unit = rest.substring(sp + 1);
                perSize = best(rest.substring(0, sp).strip(), results, r -> Units.convert(Units.isRate(unit) ? r.opsPerSecond() : 1 / r.opsPerSecond(),
                        Units.isRate(unit) ? "ops/s" : "s/op", unit));
                unitText = " " + unit;
            }
            case "rate" -> {
                perSize = side(rest, results);
                unitText = "/s";
            }
            case "speedup" -> {
                String[] ab = rest.split("\\s+/\\s+");
                if (ab.length != 2) throw new IllegalArgumentException("speedup must be 'A / B', was " + rest);
                Map<Double, Double> a = side(ab[0], results), b = side(ab[1], results);
                perSize = new TreeMap<>();
                for (var e : a.entrySet()) if (b.containsKey(e.getKey())) perSize.put(e.getKey(), e.getValue() / b.get(e.getKey()));
                unitText = "x";
            }
            case "peak", "bandwidth" -> {
                perSize = best(rest, results, r -> limits.fraction(r, cfg.work(r.domain(), r.method())));
                unitText = kind.equals("peak") ? " of peak" : " of copy bandwidth";
                perSize.values().removeIf(v -> Double.isNaN(v));
                if (perSize.isEmpty() && (kind.equals("peak") ? Double.isNaN(limits.peakFlops) : limits.bandwidth.length == 0)) {
                    return new Row(issue, target, "no " + (kind.equals("peak") ? "PeakFlopsBench" : "BandwidthBench") + " in these results", "not measured");
                }
            }
            default -> throw new IllegalArgumentException("check must start with value, rate, speedup, peak, bandwidth or elsewhere, was " + check);
        }
        if (perSize.isEmpty()) return new Row(issue, target, "not in these results (" + check + ")", "not measured");
        boolean atMost = threshold.startsWith("<=");
        double worst = atMost ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : perSize.values()) {
            worst = atMost ? Math.max(worst, v) : Math.min(worst, v);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        String measured = (lo == hi ? fmt(lo, kind) : fmt(lo, kind) + " to " + fmt(hi, kind)) + unitText
                + (perSize.size() > 1 ? " (" + perSize.size() + " sizes)" : "");
        if (threshold.equals("-")) return new Row(issue, target, measured, "shown");
        double t;
        try {
            t = Double.parseDouble(threshold.replaceFirst("^(>=|<=)", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold must be '>= x', '<= x' or '-', was " + threshold);
        }
        if (!threshold.startsWith(">=") && !atMost) throw new IllegalArgumentException("threshold must be '>= x', '<= x' or '-', was " + threshold);
        boolean met = atMost ? worst <= t : worst >= t;
        return new Row(issue, target, measured, met ? "yes" : "no");
    }

    private static String fmt(double v, String kind) {
        if (kind.equals("peak") || kind.equals("bandwidth")) return String.format(Locale.ROOT, "%.0f%%", 100 * v);
        return Report.num(v);
    }

    /** {@code SEL} or {@code SEL*PARAM}: items per second by size, best row per size. */
    private static Map<Double, Double> side(String s, List<Result> results) {
        int star = s.lastIndexOf('*');
        String param = star > s.lastIndexOf(']') ? s.substring(star + 1).strip() : null;
        String sel = param == null ? s.strip() : s.substring(0, star).strip();
        return best(sel, results, r -> {
            if (param == null) return r.opsPerSecond();
            String v = r.params().get(param);
            return v == null ? Double.NaN : r.opsPerSecond() * Double.parseDouble(v);
        });
    }

    interface Metric {
        double of(Result r);
    }

    /** The matching rows' metric per size: the best row (highest rate) at each size. */
    private static Map<Double, Double> best(String selector, List<Result> results, Metric m) {
        int b = selector.indexOf('[');
        String name = b < 0 ? selector : selector.substring(0, b);
        Map<String, String> want = new LinkedHashMap<>();
        if (b >= 0) {
            if (!selector.endsWith("]")) throw new IllegalArgumentException("selector must be Class.method[k=v,...], was " + selector);
            for (String kv : selector.substring(b + 1, selector.length() - 1).split(",")) {
                if (kv.isBlank()) continue;
                String[] p = kv.split("=", 2);
                if (p.length != 2) throw new IllegalArgumentException("selector parameter must be k=v, was " + kv + " in " + selector);
                want.put(p[0].strip(), p[1].strip());
            }
        }
        Map<Double, Double> out = new TreeMap<>();
        Map<Double, Double> rate = new TreeMap<>();
        outer:
        for (Result r : results) {
            if (!r.name().equals(name)) continue;
            for (var w : want.entrySet()) {
                String v = r.params().get(w.getKey());
                if (v == null) continue outer;
                if (!w.getValue().equals("*") && !List.of(w.getValue().split("\\|")).contains(v)) continue outer;
            }
            double x = Panels.x(r, Panels.xParam(r));
            double val = m.of(r);
            if (Double.isNaN(val)) continue;
            if (!rate.containsKey(x) || r.opsPerSecond() > rate.get(x)) {
                rate.put(x, r.opsPerSecond());
                out.put(x, val);
            }
        }
        return out;
    }
}
