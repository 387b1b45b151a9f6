package dev.sxn.math.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New results against a baseline run, matched on {@code Class.method[params]}: the ratio new/old of the scores (in
 * the new row's unit) and a flag where the new run is worse beyond both JMH errors (the intervals do not overlap).
 * Rows without an error (too few iterations for JMH to give one) are not judged.
 */
final class Comparison {
    private Comparison() {}

    /** One matched benchmark; {@code verdict} is "regression", "faster", "within error" or "no error to judge". */
    record Row(Result now, Result old, double ratio, String verdict) {}

    static List<Row> compare(List<Result> now, List<Result> old) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        for (Result r : old) byKey.put(r.key(), r);
        List<Row> out = new ArrayList<>();
        for (Result n : now) {
            Result o = byKey.get(n.key());
            if (o == null || Units.isRate(o.unit()) != Units.isRate(n.unit())) continue;
            double os = Units.convert(o.score(), o.unit(), n.unit());
            double oe = Units.convert(o.error(), o.unit(), n.unit());
            double ratio = n.score() / os;
            String verdict;
            if (Double.isNaN(n.error()) || Double.isNaN(oe)) verdict = "no error to judge";
            else {
                boolean apart = n.score() + n.error() < os - oe || n.score() - n.error() > os + oe;
                boolean worse = n.higherIsBetter() ? n.score() < os : n.score() > os;
                verdict = !apart ? "within error" : worse ? "regression" : "faster";
            }
            out.add(new Row(n, o, ratio, verdict));
        }
        return out;
    }

    /** Keys in one list and not the other. */
    static List<String> missing(List<Result> from, List<Result> in) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (Result r : in) keys.put(r.key(), true);
        List<String> out = new ArrayList<>();
        for (Result r : from) if (!keys.containsKey(r.key())) out.add(r.key());
        return out;
    }
}
