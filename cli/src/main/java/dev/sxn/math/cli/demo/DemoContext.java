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
     * Runs {@code compute} once per kind in {@code kinds} that is available (JAVA first), prints
     * the time of each and the largest deviation from the JAVA result, and returns the JAVA result.
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
        compute.apply(Backend.JAVA); // warm-up, so the JAVA time is not mostly class loading and JIT
        long t0 = System.nanoTime();
        double[] ref = compute.apply(Backend.JAVA);
        long javaNs = System.nanoTime() - t0;
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s JAVA %9.3f ms", label, javaNs / 1e6));
        for (Backend kind : kinds) {
            if (kind == Backend.JAVA || !Backends.isAvailable(kind)) continue;
            compute.apply(kind);
            long s = System.nanoTime();
            double[] got = compute.apply(kind);
            long ns = System.nanoTime() - s;
            double worst = worstDeviation(got, ref, rtol, atol);
            row.append(String.format(Locale.ROOT, " | %s %9.3f ms (%s)", kind, ns / 1e6,
                    worst <= 1 ? "agrees" : String.format(Locale.ROOT, "OFF x%.3g", worst)));
            if (!(worst <= 1)) fail(label + " on " + kind + " deviates from JAVA by " + worst + " x tolerance");
        }
        line("%s", row);
        return ref;
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
