package dev.sxn.math.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The checked-in resource {@code report.properties}: which plot a peer method joins, the work of one operation
 * (flops or bytes, for the fraction-of-limit panel) and the kernel family whose crossovers a plot marks.
 */
final class ReportConfig {
    private final Properties p = new Properties();

    private ReportConfig() {}

    /** The resource shipped in the bench jar. */
    static ReportConfig load() {
        ReportConfig c = new ReportConfig();
        try (InputStream in = ReportConfig.class.getResourceAsStream("report.properties")) {
            if (in == null) throw new IllegalStateException("report.properties is missing from the bench jar");
            c.p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** The panel a method is drawn in: its own name unless the resource or the ours/ta4j naming joins it to another. */
    String panel(String domain, String method) {
        String p2 = p.getProperty("panel." + domain + "." + method);
        if (p2 != null) return p2.strip();
        for (String prefix : new String[] {"ours", "ta4j"}) {
            if (method.startsWith(prefix) && method.length() > prefix.length() && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }

    /** The kernel family of a panel, or null. */
    String family(String domain, String panel) {
        String f = p.getProperty("family." + domain + "." + panel);
        return f == null ? null : f.strip();
    }

    /**
     * Panel id ({@code Class-panel}) -> the id of the panel it is compared with on BENCHMARKS.md when it has no peer
     * of its own ({@code versus.<Class>.<panel> = <panel>}).
     */
    Map<String, String> versus() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!k.startsWith("versus.")) continue;
            String[] f = k.substring(7).split("\\.", 2);
            if (f.length == 2) out.put(f[0] + "-" + f[1], f[0] + "-" + p.getProperty(k).strip());
        }
        return out;
    }

    /** Series labels that are our own kernels though not a backend kind ({@code ours = a b ...}). */
    java.util.Set<String> ours() {
        String v = p.getProperty("ours", "").strip();
        return v.isEmpty() ? java.util.Set.of() : java.util.Set.of(v.split("[\\s,]+"));
    }

    /** The work model of a method, or null when it has none. */
    Work work(String domain, String method) {
        String w = p.getProperty("work." + domain + "." + method);
        return w == null ? null : Work.parse(w.strip());
    }

    /**
     * Work per operation: {@code flops} or {@code bytes} = coefficient x product of param^exponent terms (and
     * log2(param) terms).
     */
    record Work(boolean flops, double coefficient, String[] terms) {
        static Work parse(String s) {
            String[] t = s.split("\\s+");
            if (t.length < 2 || !(t[0].equals("flops") || t[0].equals("bytes"))) {
                throw new IllegalArgumentException("work must be 'flops|bytes <coefficient> [param^exp ...]', was " + s);
            }
            String[] terms = new String[t.length - 2];
            System.arraycopy(t, 2, terms, 0, terms.length);
            return new Work(t[0].equals("flops"), Double.parseDouble(t[1]), terms);
        }

        /** The work of one operation with these parameters; NaN when a parameter is missing or not a number. */
        double of(Map<String, String> params) {
            double w = coefficient;
            for (String term : terms) {
                try {
                    if (term.startsWith("log2(") && term.endsWith(")")) {
                        String v = params.get(term.substring(5, term.length() - 1));
                        if (v == null) return Double.NaN;
                        w *= Math.log(Double.parseDouble(v)) / Math.log(2);
                    } else {
                        String[] pe = term.split("\\^");
                        String v = params.get(pe[0]);
                        if (v == null) return Double.NaN;
                        w *= Math.pow(Double.parseDouble(v), pe.length > 1 ? Double.parseDouble(pe[1]) : 1);
                    }
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
            return w;
        }
    }
}
