package dev.sxn.math.indicators;

import java.util.Arrays;

/**
 * TTR 0.24.3's building blocks (its C routines {@code runsum}, {@code ema}, {@code wilderSum}, {@code wma},
 * {@code runmax}/{@code runmin}, {@code runcov}, {@code runmedian}, {@code runmad}, {@code ttr_rollPercentRank}),
 * on one contiguous run {@code x[0..m)}, in TTR's floating-point operation order so that the indicators built from
 * them reproduce TTR to rounding. Like TTR they skip leading NaN (an earlier stage's warm-up): the first output
 * comes {@code n - 1} values after the first non-NaN input. A run too short for a window gives all NaN (where TTR
 * stops with "not enough non-NA values").
 *
 * <p>Outputs may not alias inputs unless a method says so. Stateless; costs as stated per method.
 */
final class TtrOps {
    private TtrOps() {}

    static final double NaN = Double.NaN;

    /** The index of the first non-NaN value of {@code x[0..m)}, or m. */
    static int first(double[] x, int m) {
        int i = 0;
        while (i < m && Double.isNaN(x[i])) i++;
        return i;
    }

    /**
     * The index of x's first non-NaN value, with {@code o} NaN up to the first full window of n after it; -1, with
     * {@code o} all NaN, when the run is too short for one window.
     */
    static int start(double[] x, int m, int n, double[] o) {
        int f = first(x, m);
        if (f + n > m) {
            nan(o, 0, m);
            return -1;
        }
        nan(o, 0, f + n - 1);
        return f;
    }

    /** Fills {@code o[from..to)} with NaN (to clamped to m). */
    static void nan(double[] o, int from, int to) {
        if (to > from) Arrays.fill(o, from, to, NaN);
    }

    /** Running sum over n (TTR {@code runSum}): seed by a plain sum, then {@code s + x[i] - x[i-n]}. O(m). */
    static void runSum(double[] x, int m, int n, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        double s = 0;
        for (int i = f; i < f + n; i++) s += x[i];
        o[f + n - 1] = s;
        for (int i = f + n; i < m; i++) o[i] = o[i - 1] + x[i] - x[i - n];
    }

    /** Running mean (TTR {@code runMean}, {@code SMA}): {@code runSum / n}. O(m). */
    static void sma(double[] x, int m, int n, double[] o) {
        runSum(x, m, n, o);
        for (int i = 0; i < m; i++) o[i] = o[i] / n;
    }

    /**
     * Exponential average (TTR {@code EMA}) with weight {@code ratio} (2 / (n + 1), or 1 / n for Wilder): seeded by
     * the mean of the first n values (summed as {@code x / n} terms), then {@code x ratio + prev (1 - ratio)}. O(m).
     */
    static void ema(double[] x, int m, int n, double ratio, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        double seed = 0;
        for (int i = f; i < f + n; i++) seed += x[i] / n;
        o[f + n - 1] = seed;
        for (int i = f + n; i < m; i++) o[i] = x[i] * ratio + o[i - 1] * (1 - ratio);
    }

    /** EMA with TTR's default weight 2 / (n + 1). */
    static void ema(double[] x, int m, int n, double[] o) {
        ema(x, m, n, 2.0 / (n + 1), o);
    }

    /**
     * Wilder's sum (TTR {@code wilderSum}): {@code x[i] + prev (n - 1) / n}, seeded by the plain sum of the n - 1
     * values before the first output. O(m).
     */
    static void wilderSum(double[] x, int m, int n, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        double sum = 0;
        for (int i = f; i < f + n - 1; i++) sum += x[i];
        o[f + n - 1] = x[f + n - 1] + sum * (n - 1) / n;
        for (int i = f + n; i < m; i++) o[i] = x[i] + o[i - 1] * (n - 1) / n;
    }

    /** Weighted average with n fixed weights {@code w[0..n)} (oldest first; TTR's C {@code wma}). O(m n). */
    static void wma(double[] x, int m, double[] w, int n, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        double wtsum = 0;
        for (int j = 0; j < n; j++) wtsum += w[j];
        for (int i = f + n - 1; i < m; i++) {
            double num = 0;
            int ni = i - n + 1;
            for (int j = 0; j < n; j++) num += x[ni + j] * w[j];
            o[i] = num / wtsum;
        }
    }

    /** WMA with TTR's default weights 1..n (newest heaviest); {@code w} is scratch of length n. */
    static void wmaLinear(double[] x, int m, int n, double[] w, double[] o) {
        for (int j = 0; j < n; j++) w[j] = j + 1;
        wma(x, m, w, n, o);
    }

    /** Running maximum ({@code max} true) or minimum over n (TTR {@code runMax}/{@code runMin}). O(m n). */
    static void runExtreme(double[] x, int m, int n, boolean max, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        for (int i = f + n - 1; i < m; i++) {
            double e = x[i];
            for (int j = 1; j < n; j++) {
                double v = x[i - j];
                if (max ? v > e : v < e) e = v;
            }
            o[i] = e;
        }
    }

    /** Mean of {@code x[from..from+n)} as TTR's {@code ttr_mean}: the sum of {@code x / n}. */
    static double ttrMean(double[] x, int from, int n) {
        double mean = x[from] / n;
        for (int i = 1; i < n; i++) mean += x[from + i] / n;
        return mean;
    }

    /**
     * Running covariance over n (TTR {@code runCov}, {@code runVar} with y = x): window means as {@link #ttrMean},
     * products summed newest first, divided by n - 1 ({@code sample}) or n. O(m n).
     */
    static void runCov(double[] x, double[] y, int m, int n, boolean sample, double[] o) {
        int f = Math.max(first(x, m), first(y, m));
        if (f + n > m) {
            nan(o, 0, m);
            return;
        }
        nan(o, 0, f + n - 1);
        double denom = sample ? n - 1 : n;
        for (int i = f + n - 1; i < m; i++) {
            double mx = ttrMean(x, i - n + 1, n), my = ttrMean(y, i - n + 1, n);
            double r = 0.0;
            for (int j = 0; j < n; j++) r += (x[i - j] - mx) * (y[i - j] - my);
            o[i] = r / denom;
        }
    }

    /** Median of {@code s[0..n)} (sorted in place), ties of an even window averaged (TTR's default "mean"). */
    static double median(double[] s, int n) {
        Arrays.sort(s, 0, n);
        int mid = n / 2 - 1;
        return (n & 1) == 1 ? s[mid + 1] : (s[mid] + s[mid + 1]) / 2.0;
    }

    /** Running median over n (TTR {@code runMedian}); {@code win} is scratch of length n. O(m n log n). */
    static void runMedian(double[] x, int m, int n, double[] win, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        for (int i = f + n - 1; i < m; i++) {
            System.arraycopy(x, i - n + 1, win, 0, n);
            o[i] = median(win, n);
        }
    }

    /**
     * Running absolute deviation around {@code center[i]} (TTR {@code runMAD}'s C part): the median
     * ({@code median} true) or the mean ({@link #ttrMean}) of {@code |x[i-j] - center[i]|}, j = 0..n-1, not yet
     * scaled by a constant; {@code win} is scratch of length n. O(m n log n).
     */
    static void runMad(double[] x, double[] center, int m, int n, boolean median, double[] win, double[] o) {
        int f = start(x, m, n, o);
        if (f < 0) return;
        for (int i = f + n - 1; i < m; i++) {
            for (int j = 0; j < n; j++) win[j] = Math.abs(x[i - j] - center[i]);
            o[i] = median ? median(win, n) : ttrMean(win, 0, n);
        }
    }

    /**
     * Running percent rank over n (TTR {@code runPercentRank}, not cumulative): the share of the n - 1 earlier
     * window values below {@code x[i]}, values within 1e-8 of it (and x[i] itself) counting {@code mult}; n = 1
     * gives {@code mult} everywhere. O(m n).
     */
    static void percentRank(double[] x, int m, int n, double mult, double[] o) {
        if (n == 1) {
            Arrays.fill(o, 0, m, mult);
            return;
        }
        int f = start(x, m, n, o);
        if (f < 0) return;
        for (int i = f + n - 1; i < m; i++) {
            double less = mult;
            for (int j = i - n + 1; j < i; j++) {
                double d = x[j] - x[i];
                if (d < 0) less = less + 1.0;
                else if (Math.abs(d) < 1e-8) less = less + mult;
            }
            o[i] = less / n;
        }
    }

    /** {@code x[i] - x[i-n]} (TTR {@code momentum}); the first n are NaN. O(m). */
    static void momentum(double[] x, int m, int n, double[] o) {
        nan(o, 0, Math.min(n, m));
        for (int i = n; i < m; i++) o[i] = x[i] - x[i - n];
    }

    /** {@code x[i] / x[i-n] - 1} (TTR {@code ROC(type = "discrete")}). O(m). */
    static void rocDiscrete(double[] x, int m, int n, double[] o) {
        nan(o, 0, Math.min(n, m));
        for (int i = n; i < m; i++) o[i] = x[i] / x[i - n] - 1;
    }

    /** {@code log x[i] - log x[i-n]} (TTR {@code ROC(type = "continuous")}, its default). O(m). */
    static void rocContinuous(double[] x, int m, int n, double[] o) {
        nan(o, 0, Math.min(n, m));
        for (int i = n; i < m; i++) o[i] = Math.log(x[i]) - Math.log(x[i - n]);
    }

    /**
     * True range and its ends (TTR {@code ATR}'s {@code tr}, {@code trueHigh}, {@code trueLow}): against the previous
     * close; index 0 is NaN (TTR's lagged close is NA there). Any output may be null.
     */
    static void trueRange(double[] h, double[] l, double[] c, int m, double[] tr, double[] th, double[] tl) {
        if (m == 0) return;
        if (tr != null) tr[0] = NaN;
        if (th != null) th[0] = NaN;
        if (tl != null) tl[0] = NaN;
        for (int i = 1; i < m; i++) {
            double hi = Math.max(h[i], c[i - 1]), lo = Math.min(l[i], c[i - 1]);
            if (tr != null) tr[i] = hi - lo;
            if (th != null) th[i] = hi;
            if (tl != null) tl[i] = lo;
        }
    }

    /** TTR's {@code ATR(HLC, n)[, "atr"]}: Wilder's EMA (ratio 1/n) of the true range; {@code tr} is scratch. */
    static void atr(double[] h, double[] l, double[] c, int m, int n, double[] tr, double[] o) {
        trueRange(h, l, c, m, tr, null, null);
        ema(tr, m, n, 1.0 / n, o);
    }

    /**
     * The typical price {@code (h + l + c) / 3} as R's row {@code mean} gives it: R sums in extended precision and
     * refines, so its mean is the exact mean rounded once. Here the sum is exact as a double-double (two-sums) and
     * the division is corrected by its residual. Why it matters: MFI compares consecutive typical prices, and tick
     * prices often have equal exact means that a plain {@code (h + l + c) / 3} rounds apart.
     */
    static void typical(double[] h, double[] l, double[] c, int m, double[] o) {
        for (int i = 0; i < m; i++) o[i] = mean3(h[i], l[i], c[i]);
    }

    /** The mean of three values, rounded once (to within an ulp's fraction). */
    static double mean3(double a, double b, double c) {
        double s = a + b, e = RollingSumState.twoSumError(a, b, s);
        double t = s + c;
        e += RollingSumState.twoSumError(s, c, t);
        double q = t / 3;
        double r = Math.fma(-q, 3, t) + e;
        return q + r / 3;
    }

    /**
     * Cumulative sum from the first non-NaN value (R's {@code cumsum}, which accumulates in extended precision):
     * compensated (Neumaier) so that the result is the exactly rounded running sum, as R's long double is to
     * within an ulp.
     */
    static void cumsum(double[] x, int m, double[] o) {
        int f = first(x, m);
        nan(o, 0, f);
        double s = 0, comp = 0;
        for (int i = f; i < m; i++) {
            double v = x[i], sn = s + v;
            comp += RollingSumState.twoSumError(s, v, sn);
            s = sn;
            o[i] = s + comp;
        }
    }
}
