package dev.sxn.math.indicators;

import dev.sxn.math.internal.Checks;

/**
 * The checks that depend on a call's shape (one series as {@code double[]}, or a {@link SeriesBatch}), written
 * once for every indicator: inputs that must match each other, outputs that must fit their input and not alias
 * it, and windows against the length. The public forms of {@link IndicatorSet}, {@link CompositeIndicators} and
 * {@link PriceMatrices} check their shape here and then hand {@code (data, k, t)} to the indicator's one checked
 * core ({@link Primitives}, or the composite's own), which checks the indicator's own rules; so every message is
 * worded once, in {@link Checks}' style.
 *
 * <p>Stateless; O(1) per check.
 */
final class Shapes {
    private Shapes() {}

    /** What a window is checked against for a single series (the wording of its message). */
    static final String SERIES = "the series length";
    /** What a window is checked against for a batch. */
    static final String BATCH = "the batch length";

    /** A new output of x's length ({@code x} non-null). */
    static double[] like(double[] x, String name) {
        return new double[Checks.notNull(x, name).length];
    }

    /** A new output of x's shape ({@code x} non-null). */
    static SeriesBatch like(SeriesBatch x, String name) {
        return Checks.notNull(x, name).like();
    }

    /** {@code out} fits {@code x}: both non-null, out of x's length and not x itself. */
    static void out(double[] out, String outName, double[] x, String xName) {
        // Messages are built only on failure: the Into forms run per tick and allocate nothing.
        Checks.notNull(x, xName);
        Checks.notNull(out, outName);
        if (out.length != x.length) Checks.length(out, outName, x.length, xName + ".length");
        Checks.distinct(out, outName, x, xName);
    }

    /** {@code out} fits {@code x} as a batch: both non-null, the same shape, and not sharing their array. */
    static void out(SeriesBatch out, String outName, SeriesBatch x, String xName) {
        Checks.notNull(x, xName);
        Checks.notNull(out, outName);
        if (!out.sameShape(x)) throw Checks.invalid(outName, shape(out), "have the shape of " + xName + " (" + shape(x) + ")");
        if (out.data() == x.data()) Checks.distinct(out.data(), outName + ".data()", x.data(), xName + ".data()");
    }

    /** Two inputs of one length, and an output that fits them and aliases neither. */
    static void out(double[] out, String outName, double[] a, String aName, double[] b, String bName) {
        Checks.sameLength(a, aName, b, bName);
        out(out, outName, a, aName);
        Checks.distinct(out, outName, b, bName);
    }

    /** High, low and close of one length, and an output that fits them and aliases none. */
    static void out(double[] out, String outName, double[] high, double[] low, double[] close) {
        hlc(high, low, close);
        out(out, outName, close, "close");
        Checks.distinct(out, outName, high, "high");
        Checks.distinct(out, outName, low, "low");
    }

    /** MACD lines that fit {@code x}. */
    static void out(Macd out, double[] x) {
        Checks.notNull(out, "out");
        out(out.macd(), "out.macd", x, "x");
        out(out.signal(), "out.signal", x, "x");
        out(out.histogram(), "out.histogram", x, "x");
    }

    /** Bollinger bands that fit {@code x}. */
    static void out(Bollinger out, double[] x) {
        Checks.notNull(out, "out");
        out(out.lower(), "out.lower", x, "x");
        out(out.middle(), "out.middle", x, "x");
        out(out.upper(), "out.upper", x, "x");
    }

    /** Stochastic lines that fit high, low and close and are two arrays (%K and %D are built in place). */
    static void out(Stochastic out, double[] high, double[] low, double[] close) {
        Checks.notNull(out, "out");
        out(out.k(), "out.k", high, low, close);
        out(out.d(), "out.d", high, low, close);
        Checks.distinct(out.k(), "out.k", out.d(), "out.d");
    }

    /** {@code a} and {@code b} are non-null batches of the same shape. */
    static void same(SeriesBatch a, String aName, SeriesBatch b, String bName) {
        Checks.notNull(a, aName);
        Checks.notNull(b, bName);
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(aName + " and " + bName + " must have the same shape, were " + shape(a) + " and "
                    + shape(b));
        }
    }

    /** High, low and close of one series: non-null, of close's length. */
    static void hlc(double[] high, double[] low, double[] close) {
        Checks.sameLength(high, "high", close, "close");
        Checks.sameLength(low, "low", close, "close");
    }

    /** High, low and close batches: non-null, of close's shape. */
    static void hlc(SeriesBatch high, SeriesBatch low, SeriesBatch close) {
        same(high, "high", close, "close");
        same(low, "low", close, "close");
    }

    /** A window of {@code 1 <= n <= t}, {@code length} saying what t is ({@link #SERIES} or {@link #BATCH}). */
    static void window(int n, String name, int t, String length) {
        Checks.inRange(n, name, 1, t, length);
    }

    /** A window for a sample variance: {@code 2 <= n <= t} (a series shorter than 2 names its own length). */
    static void sampleWindow(int n, String name, int t, String length) {
        if (n < 2 || n > Math.max(2, t)) {
            throw Checks.invalid(name, n, "be in [2, " + Math.max(2, t) + "] (" + length + "; a sample variance needs 2 values)");
        }
        window(n, name, t, length);
    }

    private static String shape(SeriesBatch b) {
        return b.assets() + " x " + b.length();
    }
}
