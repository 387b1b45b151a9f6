package dev.sxn.math.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One row of a JMH result: benchmark {@code Class.method} (the class is the domain), its parameters, mode, score,
 * the 99.9% error JMH reports (NaN when it could not compute one) and unit.
 *
 * @param domain the top-level benchmark class, e.g. {@code LinalgBench}
 * @param method the benchmark method
 * @param params the JMH parameters, sorted by name
 * @param mode JMH's mode ({@code thrpt}, {@code avgt}, ...)
 * @param score the primary score in {@code unit}
 * @param error the half-width of JMH's confidence interval in {@code unit}; NaN when JMH had too few iterations
 * @param unit JMH's unit, e.g. {@code ops/s} or {@code ms/op}
 * @param source the file it was read from
 */
record Result(String domain, String method, Map<String, String> params, String mode, double score, double error,
        String unit, String source) {

    /** {@code Domain.method}. */
    String name() {
        return domain + "." + method;
    }

    /** {@code Domain.method[k=v,...]}: the key a baseline is matched on. */
    String key() {
        StringJoiner j = new StringJoiner(",", name() + "[", "]");
        params.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** Whether higher is better (throughput) rather than lower (time per operation). */
    boolean higherIsBetter() {
        return Units.isRate(unit);
    }

    /** The score as operations per second, whatever JMH's unit. */
    double opsPerSecond() {
        return Units.toOpsPerSecond(score, unit);
    }

    /**
     * Reads one JMH JSON file. An empty or truncated file, or one that is not a JMH result array, raises
     * {@link IllegalArgumentException} naming the file and what is wrong; rows without a primary score are skipped.
     */
    static List<Result> read(Path file) throws IOException {
        String text = Files.readString(file);
        Object doc;
        try {
            doc = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not a complete JMH result (" + e.getMessage() + ")", e);
        }
        if (!(doc instanceof List<?> rows)) throw new IllegalArgumentException(file + ": not a JMH result array");
        List<Result> out = new ArrayList<>();
        for (Object o : rows) {
            if (!(o instanceof Map<?, ?> row) || !(row.get("benchmark") instanceof String bench)) continue;
            if (!(row.get("primaryMetric") instanceof Map<?, ?> pm)) continue;
            double score = number(pm.get("score"));
            if (Double.isNaN(score)) continue;
            String[] parts = bench.split("\\.");
            int at = parts.length - 2;
            // Nested state classes (SpectralBench.Fft.complex): the domain is the top-level *Bench class.
            for (int k = 0; k < parts.length - 1; k++) {
                if (!parts[k].isEmpty() && Character.isUpperCase(parts[k].charAt(0))) {
                    at = k;
                    break;
                }
            }
            String domain = parts[Math.max(0, at)];
            String method = parts[parts.length - 1];
            Map<String, String> params = new TreeMap<>();
            if (row.get("params") instanceof Map<?, ?> p) p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            out.add(new Result(domain, method, Collections.unmodifiableMap(params), String.valueOf(row.get("mode")), score,
                    number(pm.get("scoreError")), String.valueOf(pm.get("scoreUnit")), file.getFileName().toString()));
        }
        return out;
    }

    /** The rows of a JMH JSON file as parsed maps (for fields the record leaves out, such as iteration counts). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rawRows(Path file) throws IOException {
        Object doc = Json.parse(Files.readString(file));
        if (!(doc instanceof List<?> rows)) throw new IllegalArgumentException(file + ": not a JMH result array");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : rows) {
            if (o instanceof Map<?, ?> m && m.get("primaryMetric") instanceof Map<?, ?> pm && !Double.isNaN(number(pm.get("score")))) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    static double number(Object o) {
        if (o instanceof Double d) return d;
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
