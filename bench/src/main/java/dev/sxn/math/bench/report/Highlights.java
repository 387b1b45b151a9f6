package dev.sxn.math.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a plot that matter on {@code BENCHMARKS.md}: at the largest size both sides have, the fastest of our
 * kinds against the fastest peer; without a peer, against the panel's {@code versus} panel (report.properties: the
 * per-asset loop a batch replaces), else our own baseline (LOOP, SCALAR), else plain JAVA. One row per panel and
 * case (the series' parameters other than the kind, such as {@code generator=PHILOX_4X32}). O(points).
 */
final class Highlights {
    private Highlights() {}

    /** The library's kinds and its own kernels' labels. */
    static final Set<String> KINDS = Set.of("JAVA", "VECTOR", "NATIVE", "OPENCL", "STREAM", "ARRAY", "ours");
    /** Our own yardsticks: the plain loop a user writes without the library. */
    static final List<String> BASELINES = List.of("LOOP", "SCALAR");

    /** One row: the panel, the case, the size, the fastest of ours and what it is compared with (null: nothing). */
    record Row(Panels.Panel panel, String kase, String at, Panels.Point best, String bestLabel, Panels.Point vs, String vsLabel) {
        /** How many times faster {@code best} is than {@code vs}; NaN without a comparison. */
        double speedup() {
            if (vs == null) return Double.NaN;
            return Units.isRate(panel.unit()) ? best.y() / vs.y() : vs.y() / best.y();
        }
    }

    static String kind(Panels.Series s) {
        return s.label().split(" ", 2)[0];
    }

    static String kase(Panels.Series s) {
        String[] f = s.label().split(" ", 2);
        return f.length > 1 ? f[1] : "";
    }

    /** Ours: a kind, the panel's own method, or one of {@code extra} (report.properties {@code ours}). */
    static boolean ours(Panels.Series s, Panels.Panel p, Set<String> extra) {
        return KINDS.contains(kind(s)) || kind(s).equals(p.name()) || extra.contains(kind(s));
    }

    /**
     * The rows of these panels; a panel named as another's {@code versus} is folded into it.
     *
     * @param versus panel id -> the panel it is compared with
     * @param ours series labels that are our own kernels though not a kind (a method of ours drawn in another's plot)
     */
    static List<Row> rows(List<Panels.Panel> panels, Map<String, String> versus, Set<String> ours) {
        Map<String, Panels.Panel> byId = new LinkedHashMap<>();
        for (Panels.Panel p : panels) byId.put(p.id(), p);
        Set<String> folded = new LinkedHashSet<>();
        for (var e : versus.entrySet()) if (byId.containsKey(e.getKey())) folded.add(e.getValue());
        List<Row> out = new ArrayList<>();
        for (Panels.Panel p : panels) {
            if (folded.contains(p.id())) continue;
            Panels.Panel other = byId.get(versus.get(p.id()));
            Set<String> cases = new LinkedHashSet<>();
            for (Panels.Series s : p.series()) if (ours(s, p, ours)) cases.add(kase(s));
            if (cases.isEmpty()) cases.add(null); // only peers (a peer-only method): its fastest series alone
            for (String c : cases) {
                Row r = row(p, c, other, ours);
                if (r != null) out.add(r);
            }
        }
        return out;
    }

    private static Row row(Panels.Panel p, String c, Panels.Panel other, Set<String> extra) {
        List<Panels.Series> mine = new ArrayList<>(), peers = new ArrayList<>(), base = new ArrayList<>(), java = new ArrayList<>();
        for (Panels.Series s : p.series()) {
            boolean sameCase = c == null || kase(s).equals(c);
            if (c == null || (ours(s, p, extra) && sameCase)) {
                mine.add(s);
                if (kind(s).equals("JAVA")) java.add(s);
            } else if (BASELINES.contains(kind(s))) {
                if (sameCase || kase(s).isEmpty()) base.add(s);
            } else if (!ours(s, p, extra) && (sameCase || kase(s).isEmpty())) {
                peers.add(s);
            }
        }
        if (other != null && c != null && Units.isRate(other.unit()) == Units.isRate(p.unit())) {
            for (Panels.Series s : other.series()) if (kase(s).equals(c)) base.add(inUnit(s, other, p.unit()));
        }
        for (List<Panels.Series> vs : List.of(peers, base, java)) {
            if (vs.isEmpty()) continue;
            Row r = compare(p, c, mine, vs);
            if (r != null && r.best() != r.vs()) return r;
        }
        return compare(p, c, mine, List.of());
    }

    /** A series of another panel in this panel's unit, its kind prefixed with that panel's name. */
    private static Panels.Series inUnit(Panels.Series s, Panels.Panel other, String to) {
        String from = other.unit();
        String label = kind(s).equals(other.name()) ? s.label() : other.name() + ":" + s.label();
        if (from.equals(to)) return new Panels.Series(label, s.points());
        List<Panels.Point> pts = new ArrayList<>();
        for (Panels.Point pt : s.points()) {
            pts.add(new Panels.Point(pt.x(), pt.xLabel(), Units.convert(pt.y(), from, to), Double.isNaN(pt.err()) ? Double.NaN
                    : Units.convert(pt.err(), from, to), pt.result()));
        }
        return new Panels.Series(label, pts);
    }

    /**
     * The GPU rows of a panel: per case, OPENCL against the fastest of the host CPU's kinds (JAVA, VECTOR, NATIVE)
     * measured beside it in the same run.
     */
    static List<Row> gpuRows(List<Panels.Panel> panels) {
        List<Row> out = new ArrayList<>();
        for (Panels.Panel p : panels) {
            Set<String> cases = new LinkedHashSet<>();
            for (Panels.Series s : p.series()) if (kind(s).equals("OPENCL")) cases.add(kase(s));
            for (String c : cases) {
                List<Panels.Series> gpu = new ArrayList<>(), cpu = new ArrayList<>();
                for (Panels.Series s : p.series()) {
                    if (!kase(s).equals(c) || !ours(s, p, Set.of())) continue;
                    (kind(s).equals("OPENCL") ? gpu : cpu).add(s);
                }
                Row r = cpu.isEmpty() ? null : compare(p, c, gpu, cpu);
                if (r == null) r = compare(p, c, gpu, List.of());
                if (r != null) out.add(r);
            }
        }
        return out;
    }

    /** At the largest size both have (or mine alone when {@code vs} is empty), the fastest of each. */
    private static Row compare(Panels.Panel p, String c, List<Panels.Series> mine, List<Panels.Series> vs) {
        double x = Double.NaN;
        for (Panels.Series s : mine) {
            for (Panels.Point pt : s.points()) {
                if ((vs.isEmpty() || at(vs, pt.x(), p) != null) && (Double.isNaN(x) || pt.x() > x)) x = pt.x();
            }
        }
        if (Double.isNaN(x)) return null;
        Object[] best = at(mine, x, p);
        Object[] other = vs.isEmpty() ? null : at(vs, x, p);
        if (best == null) return null;
        Panels.Point b = (Panels.Point) best[0];
        return new Row(p, c == null ? "" : c, p.xParam() == null ? "" : p.xParam() + "=" + b.xLabel(), b, (String) best[1],
                other == null ? null : (Panels.Point) other[0], other == null ? null : (String) other[1]);
    }

    /** The fastest point at size x among the series, with its series' label; null when none has that size. */
    private static Object[] at(List<Panels.Series> ss, double x, Panels.Panel p) {
        Object[] best = null;
        boolean rate = Units.isRate(p.unit());
        for (Panels.Series s : ss) {
            for (Panels.Point pt : s.points()) {
                if (pt.x() != x) continue;
                if (best == null || (rate ? pt.y() > ((Panels.Point) best[0]).y() : pt.y() < ((Panels.Point) best[0]).y())) {
                    best = new Object[] {pt, s.label()};
                }
            }
        }
        return best;
    }
}
