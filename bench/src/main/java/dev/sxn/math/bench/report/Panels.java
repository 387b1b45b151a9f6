package dev.sxn.math.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups results into plots: one panel per domain and method (peers joined to the method they compete with, see
 * {@link ReportConfig#panel}), one series per backend or peer, x = the problem size parameter. O(results).
 */
final class Panels {
    private Panels() {}

    /** The parameters that name a problem size, in the order one is picked as the x axis. */
    static final List<String> SIZE_PARAMS = List.of("n", "size", "filters", "hipFilters", "paths", "assets", "points", "shape");
    /** The parameters that name a backend or a peer implementation. */
    static final List<String> KIND_PARAMS = List.of("backend", "impl", "kind");

    /** A point: x = the size, y = the score in the panel's unit, err = JMH's error (NaN when none). */
    record Point(double x, String xLabel, double y, double err, Result result) {}

    /** One backend or peer in a panel. */
    record Series(String label, List<Point> points) {}

    /** One plot: a domain's method with its peers. */
    record Panel(String domain, String name, String xParam, String unit, List<Series> series, String family) {
        String id() {
            return domain + "-" + name;
        }

        /** Every distinct x of the panel. */
        List<Double> xs() {
            return series.stream().flatMap(s -> s.points().stream()).map(Point::x).distinct().sorted().toList();
        }
    }

    /** The x of a result: its size parameter as a number (a shape AxB counts A*B elements); 1 when it has none. */
    static double x(Result r, String xParam) {
        String v = xParam == null ? null : r.params().get(xParam);
        if (v == null) return 1;
        try {
            if (v.contains("x")) {
                double p = 1;
                for (String f : v.split("x")) p *= Double.parseDouble(f);
                return p;
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String xParam(Result r) {
        for (String s : SIZE_PARAMS) if (r.params().containsKey(s)) return s;
        return null;
    }

    /** A result's series label: its backend or peer, then the other non-size parameters; a peer method by its name. */
    static String label(Result r, String panel) {
        StringBuilder sb = new StringBuilder();
        for (String k : KIND_PARAMS) if (r.params().containsKey(k)) sb.append(r.params().get(k));
        if (sb.isEmpty()) sb.append(r.method().equals(panel) ? r.method() : r.method().startsWith("ours") ? "ours" : r.method());
        String xp = xParam(r);
        r.params().forEach((k, v) -> {
            if (!KIND_PARAMS.contains(k) && !k.equals(xp)) sb.append(' ').append(k).append('=').append(v);
        });
        return sb.toString();
    }

    /** The panels of these results, by domain in first-seen order, then panel name. */
    static List<Panel> build(List<Result> results, ReportConfig cfg) {
        Map<String, Map<String, List<Result>>> byDomain = new LinkedHashMap<>();
        for (Result r : results) {
            byDomain.computeIfAbsent(r.domain(), k -> new TreeMap<>()).computeIfAbsent(cfg.panel(r.domain(), r.method()), k -> new ArrayList<>()).add(r);
        }
        List<Panel> out = new ArrayList<>();
        byDomain.forEach((domain, panels) -> panels.forEach((name, rs) -> {
            // The panel's unit: its own method's, else the first row's; peers are converted to it.
            Result lead = rs.stream().filter(r -> r.method().equals(name)).findFirst().orElse(rs.get(0));
            String unit = lead.unit();
            String xParam = xParam(lead);
            Map<String, List<Point>> series = new TreeMap<>();
            for (Result r : rs) {
                if (Units.isRate(r.unit()) != Units.isRate(unit)) continue;
                String xp = xParam(r);
                double x = x(r, xp);
                String xl = xp == null ? "" : r.params().get(xp);
                series.computeIfAbsent(label(r, name), k -> new ArrayList<>()).add(new Point(x, xl, Units.convert(r.score(), r.unit(), unit),
                        Double.isNaN(r.error()) ? Double.NaN : Units.convert(r.error(), r.unit(), unit), r));
            }
            List<Series> ss = new ArrayList<>();
            series.forEach((label, pts) -> {
                pts.sort((a, b) -> Double.compare(a.x(), b.x()));
                ss.add(new Series(label, pts));
            });
            out.add(new Panel(domain, name, xParam, unit, ss, cfg.family(domain, name)));
        }));
        return out;
    }
}
