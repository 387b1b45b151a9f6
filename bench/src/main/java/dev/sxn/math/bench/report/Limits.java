package dev.sxn.math.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured limits the second panel divides by: the FLOP peak ({@code PeakFlopsBench.vectorFma}, whose operation
 * count assumes 8 double lanes, scaled to the run's lane count) and copy bandwidth per working set
 * ({@code BandwidthBench.copy}: 16 bytes per element moved). Also parses the crossovers out of
 * {@code Backends.describe()}.
 */
final class Limits {
    /** FLOP/s of one core; NaN when the run had no peak benchmark. */
    final double peakFlops;
    /** Copy bandwidth in bytes/s by working-set bytes (read + write), ascending. */
    final double[][] bandwidth;

    Limits(List<Result> results, int lanes) {
        double peak = Double.NaN;
        List<double[]> bw = new ArrayList<>();
        for (Result r : results) {
            if (r.name().equals("PeakFlopsBench.vectorFma")) {
                double f = r.opsPerSecond() * lanes / 8.0;
                if (Double.isNaN(peak) || f > peak) peak = f;
            } else if (r.name().equals("BandwidthBench.copy") && r.params().containsKey("size")) {
                double bytes = 16 * Double.parseDouble(r.params().get("size"));
                bw.add(new double[] {bytes, r.opsPerSecond() * bytes});
            }
        }
        bw.sort((a, b) -> Double.compare(a[0], b[0]));
        peakFlops = peak;
        bandwidth = bw.toArray(new double[0][]);
    }

    /** Copy bandwidth at the measured working set nearest (in log scale) to {@code bytes}; NaN when none was measured. */
    double bandwidthAt(double bytes) {
        double best = Double.NaN, dist = Double.POSITIVE_INFINITY;
        for (double[] b : bandwidth) {
            double d = Math.abs(Math.log(b[0] / bytes));
            if (d < dist) {
                dist = d;
                best = b[1];
            }
        }
        return best;
    }

    /** A result's fraction of its limit under a work model; NaN when the model or the limit is missing. */
    double fraction(Result r, ReportConfig.Work w) {
        if (w == null) return Double.NaN;
        double work = w.of(r.params());
        if (Double.isNaN(work)) return Double.NaN;
        double rate = r.opsPerSecond() * work;
        return rate / (w.flops() ? peakFlops : bandwidthAt(work));
    }

    /**
     * The crossovers printed by {@code Backends.describe()} under "operations:": family -> (kind -> size) for every
     * kind shown as "KIND (n >= N)" (a kind shown without a size is chosen from any size: 0).
     */
    static Map<String, Map<String, Long>> crossovers(String describe) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        boolean ops = false;
        for (String line : describe.split("\n")) {
            if (line.startsWith("operations:")) {
                ops = true;
                continue;
            }
            if (!ops || !line.startsWith("  ")) continue;
            String l = line.strip();
            int colon = l.indexOf(": ");
            if (colon < 0) continue;
            Map<String, Long> kinds = new LinkedHashMap<>();
            String rest = l.substring(colon + 2);
            int semi = rest.indexOf(';');
            if (semi >= 0) rest = rest.substring(0, semi);
            for (String part : rest.split(",(?![^(]*\\))")) {
                String p = part.strip();
                if (p.startsWith("JAVA") || p.contains("unavailable") || p.contains("pinned only")) continue;
                int at = p.indexOf("(n >= ");
                String kind = (at < 0 ? p : p.substring(0, at)).strip().split(" ")[0];
                try {
                    kinds.put(kind, at < 0 ? 0L : Long.parseLong(p.substring(at + 6, p.indexOf(')', at))));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // a line this parser does not know: no mark
                }
            }
            out.put(l.substring(0, colon), kinds);
        }
        return out;
    }
}
