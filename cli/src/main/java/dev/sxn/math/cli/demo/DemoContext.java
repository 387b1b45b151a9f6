package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a {@link DemoSection} works with: the market, the output, and a helper that runs one
 * computation on every available backend, times it and checks it against the plain-Java result.
 */
public final class DemoContext {
    private final SyntheticMarket market;
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();

    /** A context over {@code market} printing to {@code out}. */
    public DemoContext(SyntheticMarket market, PrintStream out) {
        this.market = market;
        this.out = out;
    }

    /** The synthetic market. */
    public SyntheticMarket market() {
        return market;
    }

    /** Prints one line of the report (indented under the section heading). */
    public void line(String format, Object... args) {
        out.println("  " + String.format(Locale.ROOT, format, args));
    }

    /** Prints a progress note for long steps (to stderr, so reports stay clean). */
    public void progress(String what) {
        System.err.println("  ... " + what);
    }

    /** Records a disagreement or wrong result; the demo exits non-zero at the end. */
    public void fail(String what) {
        failures.add(what);
        line("FAIL: %s", what);
    }

    /** The failures recorded so far. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Runs {@code compute} on each kind in {@code kinds} that is available (JAVA first), prints the
     * best time of each after a warm-up and the largest deviation from the JAVA result, and returns
     * the JAVA result.
     * The deviation is max |x - ref| / (atol + rtol |ref|) over all values, so <= 1 means agreement
     * within the stated tolerance; NaNs must sit at the same positions.
     *
     * @param label what is computed, for the report
     * @param kinds the kinds the kernel family has
     * @param rtol relative tolerance, atol absolute tolerance
     * @param compute runs the computation pinned to a kind and returns its values
     */
    public double[] acrossBackends(String label, Iterable<Backend> kinds, double rtol, double atol,
                                   Function<Backend, double[]> compute) {
        double[][] result = new double[1][];
        long javaNs = warmAndTime(compute, Backend.JAVA, result);
        double[] ref = result[0];
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-36s JAVA %9.3f ms", label, javaNs / 1e6));
        for (Backend kind : kinds) {
            if (kind == Backend.JAVA || !Backends.isAvailable(kind)) continue;
            long ns = warmAndTime(compute, kind, result);
            double[] got = result[0];
            double worst = worstDeviation(got, ref, rtol, atol);
            row.append(String.format(Locale.ROOT, " | %s %9.3f ms (%s)", kind, ns / 1e6,
                    worst <= 1 ? "agrees" : String.format(Locale.ROOT, "OFF x%.3g", worst)));
            if (!(worst <= 1)) fail(label + " on " + kind + " deviates from JAVA by " + worst + " x tolerance");
        }
        line("%s", row);
        return ref;
    }

    /**
     * Runs {@code compute} on {@code kind} until the JIT has had a chance to compile it (at least 3
     * runs and 0.5 s, at most 2000 runs; Vector API code is slow until C2 compiles it), then returns the best of 3 timed runs; the last result is
     * left in {@code out[0]}. A demo report, not a benchmark: JMH in bench/ gives the real numbers.
     */
    private static long warmAndTime(Function<Backend, double[]> compute, Backend kind, double[][] out) {
        long start = System.nanoTime();
        for (int i = 0; i < 2000 && (i < 3 || System.nanoTime() - start < 500_000_000L); i++) out[0] = compute.apply(kind);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            out[0] = compute.apply(kind);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    /** max |x - ref| / (atol + rtol |ref|); infinity when lengths or NaN positions differ. */
    public static double worstDeviation(double[] x, double[] ref, double rtol, double atol) {
        if (x.length != ref.length) return Double.POSITIVE_INFINITY;
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(ref[i]) || Double.isNaN(x[i])) {
                if (Double.isNaN(ref[i]) != Double.isNaN(x[i])) return Double.POSITIVE_INFINITY;
                continue;
            }
            worst = Math.max(worst, Math.abs(x[i] - ref[i]) / (atol + rtol * Math.abs(ref[i])));
        }
        return worst;
    }
}
