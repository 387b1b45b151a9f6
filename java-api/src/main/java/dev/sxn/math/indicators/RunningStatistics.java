package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Segments.one;
import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;

import dev.sxn.math.internal.Checks;

/**
 * Running statistics of R's TTR 0.24.3 that {@link Indicators} lacks: runCov, runCor, runMedian, runMAD and
 * runPercentRank (not cumulative). Windows hold the last n values; the first value is at index n - 1. Definitions
 * and operation order are TTR's. Every method has a one-series form and a batch form (each asset its own series,
 * bit-identical to the one-series form); NaN or infinite inputs poison the windows that hold them (see
 * {@link Segments}). Thread-safe.
 */
public final class RunningStatistics {
    private RunningStatistics() {}

    private static final String[] XY = {"x", "y"};

    private static double[] two(double[] x, double[] y, int n, Segments.Kernel k) {
        double[][] in = {x, y};
        Shapes.window(n, "n", Segments.seriesLength(in, XY), SERIES);
        return Segments.series(1, k, in)[0];
    }

    private static SeriesBatch two(SeriesBatch x, SeriesBatch y, int n, Segments.Kernel k) {
        SeriesBatch[] in = {x, y};
        Segments.sameShape(in, XY);
        Shapes.window(n, "n", x.length(), BATCH);
        return Segments.batch(1, k, in)[0];
    }

    /**
     * Running covariance (TTR {@code runCov(x, y, n = 10, sample = TRUE)}): the two-pass covariance of the last n
     * pairs over n - 1 ({@code sample}) or n. O(t n).
     */
    public static double[] runCov(double[] x, double[] y, int n, boolean sample) {
        return two(x, y, n, (v, m, out, w) -> TtrOps.runCov(v[0], v[1], m, n, sample, out[0]));
    }

    /** {@link #runCov(double[], double[], int, boolean)} of every asset of the batches. */
    public static SeriesBatch runCov(SeriesBatch x, SeriesBatch y, int n, boolean sample) {
        return two(x, y, n, (v, m, out, w) -> TtrOps.runCov(v[0], v[1], m, n, sample, out[0]));
    }

    /**
     * Running correlation (TTR {@code runCor(x, y, n = 10)}): runCov / (runSD(x) runSD(y)); NaN for a flat
     * window. O(t n).
     */
    public static double[] runCor(double[] x, double[] y, int n, boolean sample) {
        return two(x, y, n, (v, m, out, w) -> runCor(v[0], v[1], m, n, sample, out[0], w));
    }

    /** {@link #runCor(double[], double[], int, boolean)} of every asset of the batches. */
    public static SeriesBatch runCor(SeriesBatch x, SeriesBatch y, int n, boolean sample) {
        return two(x, y, n, (v, m, out, w) -> runCor(v[0], v[1], m, n, sample, out[0], w));
    }

    private static void runCor(double[] x, double[] y, int m, int n, boolean sample, double[] o, Segments.Work w) {
        double[] vx = w.tmp(0, m), vy = w.tmp(1, m);
        TtrOps.runCov(x, y, m, n, sample, o);
        TtrOps.runCov(x, x, m, n, sample, vx);
        TtrOps.runCov(y, y, m, n, sample, vy);
        for (int i = 0; i < m; i++) o[i] = o[i] / (Math.sqrt(vx[i]) * Math.sqrt(vy[i]));
    }

    /**
     * Running median (TTR {@code runMedian(x, n = 10)}): the middle of the sorted window, the mean of the two middle
     * values for an even n (TTR's default {@code non.unique = "mean"}). O(t n log n).
     */
    public static double[] runMedian(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.runMedian(v[0], m, n, w.tmp(0, n), out[0]));
    }

    /** {@link #runMedian(double[], int)} of every asset of the batch. */
    public static SeriesBatch runMedian(SeriesBatch x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.runMedian(v[0], m, n, w.tmp(0, n), out[0]));
    }

    /**
     * Running absolute deviation around the running median (TTR {@code runMAD(x, n = 10, stat, constant =
     * 1.4826)}): with {@code median} true the median of |x - runMedian(x, n)[i]| over the window times
     * {@code constant} (a consistent estimator of the SD for normal data); with {@code median} false their mean
     * (TTR's {@code stat = "mean"}, where the constant is not applied). O(t n log n).
     *
     * @throws IllegalArgumentException if n is outside [1, length] or constant is not finite
     */
    public static double[] runMad(double[] x, int n, boolean median, double constant) {
        Checks.finite(constant, "constant");
        return one(x, n, (v, m, out, w) -> runMad(v[0], m, n, median, constant, out[0], w));
    }

    /** {@link #runMad(double[], int, boolean, double)} of every asset of the batch. */
    public static SeriesBatch runMad(SeriesBatch x, int n, boolean median, double constant) {
        Checks.finite(constant, "constant");
        return one(x, n, (v, m, out, w) -> runMad(v[0], m, n, median, constant, out[0], w));
    }

    private static void runMad(double[] x, int m, int n, boolean median, double constant, double[] o,
            Segments.Work w) {
        double[] center = w.tmp(0, m), win = w.tmp(1, n);
        TtrOps.runMedian(x, m, n, win, center);
        TtrOps.runMad(x, center, m, n, median, win, o);
        if (median) {
            for (int i = 0; i < m; i++) o[i] = o[i] * constant;
        }
    }

    /**
     * Running percent rank (TTR {@code runPercentRank(x, n = 260, exact.multiplier = 0.5)}): the share of the
     * window's earlier n - 1 values below the current one, counting values within 1e-8 of it (TTR's absolute
     * tolerance) and the value itself as {@code exactMultiplier} each, divided by n. n = 1 gives exactMultiplier
     * everywhere, without warm-up. O(t n).
     *
     * @throws IllegalArgumentException if n is outside [1, length] or exactMultiplier outside [0, 1]
     */
    public static double[] runPercentRank(double[] x, int n, double exactMultiplier) {
        Checks.inClosed(exactMultiplier, "exactMultiplier", 0, 1);
        return one(x, n, (v, m, out, w) -> TtrOps.percentRank(v[0], m, n, exactMultiplier, out[0]));
    }

    /** {@link #runPercentRank(double[], int, double)} of every asset of the batch. */
    public static SeriesBatch runPercentRank(SeriesBatch x, int n, double exactMultiplier) {
        Checks.inClosed(exactMultiplier, "exactMultiplier", 0, 1);
        return one(x, n, (v, m, out, w) -> TtrOps.percentRank(v[0], m, n, exactMultiplier, out[0]));
    }
}
