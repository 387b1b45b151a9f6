package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.EB_FACTOR;
import static dev.sxn.math.indicators.IndicatorConstants.RESUM;
import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The state of one rolling variance over one series and its step. The
 * {@link IndicatorKernels#rollingVar} kernel of JAVA is a loop of {@link #update} per asset,
 * whichever order the loop takes, and a streaming form (one update per tick, the window's values in a
 * buffer) can call it too, so every path performs the same floating-point operations in the same
 * order.
 *
 * <p>Sliding sums {@code S1 = sum(x - K)}, {@code S2 = sum((x - K)^2)} over the window, re-centred on
 * the window mean K after every step (so S2 keeps the size of the window's M2 and its rounding errors
 * are relative to the variance, not to the price level), re-computed by two passes at the first full
 * window of a run, at every time index i with {@code (i + 1) % RESUM == 0}, and when the magnitudes
 * summed since the last two-pass exceed {@link JavaIndicatorKernels#EB_FACTOR} times S2. A non-finite
 * value resets it: NaN for every window that contains it. Where the sums overflow (values too large to
 * square), the window's M2 {@code S2 - S1^2 / w} is not finite: that window is computed by
 * {@link ScaledVariance} and the next one restarts by two passes (so ordinary windows after a stretch of
 * huge values are slid again); every other window is untouched by that check.
 */
final class RollingVarState {
    /** Finite values in the current run, and how many of its newest values are equal. */
    int run, eq;
    /** The shift K, the shifted sums S1, S2 and the magnitudes summed into S2 since the last two-pass. */
    double kk, s1, s2, eb;
    /** The previous value (for the count of equal values). */
    double prev = Double.NaN;

    /** Back to the state of a new instance (a batch reuses its per-thread states across calls). */
    void reset() {
        run = eq = 0;
        kk = s1 = s2 = eb = 0;
        prev = Double.NaN;
    }

    /** Takes {@code o}'s state (a stream's fork, or the scratch copy a peek steps). */
    void copyFrom(RollingVarState o) {
        run = o.run;
        eq = o.eq;
        kk = o.kk;
        s1 = o.s1;
        s2 = o.s2;
        eb = o.eb;
        prev = o.prev;
    }

    /** S2 re-centred on a shift moved by {@code d}: {@code (S2 - 2 d S1) + w d^2}. */
    private static double recentredS2(double s2, double s1, double d, int w) {
        return (s2 - 2 * d * s1) + w * d * d;
    }

    /** The mean of the window ending at {@code x[p]}, summed oldest first. */
    private static double windowMean(double[] x, int p, int stride, int w) {
        double m = 0;
        for (int j = p - (w - 1) * stride; j <= p; j += stride) m += x[j];
        return m / w;
    }

    /** The sum of {@code x - k} over the window ending at {@code x[p]}, oldest first. */
    private static double shiftedSum(double[] x, int p, int stride, int w, double k) {
        double s = 0;
        for (int j = p - (w - 1) * stride; j <= p; j += stride) s += x[j] - k;
        return s;
    }

    /** The sum of {@code (x - k)^2} over the window ending at {@code x[p]}, oldest first. */
    private static double shiftedSquares(double[] x, int p, int stride, int w, double k) {
        double s = 0;
        for (int j = p - (w - 1) * stride; j <= p; j += stride) {
            double y = x[j] - k;
            s += y * y;
        }
        return s;
    }

    /**
     * Moves the sums to the window ending at {@code x[p] = v} (a full window of the run): slides them
     * by one step, or re-computes them by two passes at the run's first window, every RESUM steps,
     * and when the slide's error bound has run out. Either way they end re-centred on the window mean
     * (the shift moves by d = K' - K: S1' = S1 - w d, S2' = (S2 - 2 d S1) + w d^2).
     */
    private void advance(double[] x, int p, int stride, int i, int w, double v) {
        boolean twoPass = run == w || (i + 1) % RESUM == 0;
        if (!twoPass) {
            double yv = v - kk, yo = x[p - w * stride] - kk;
            s1 += yv - yo;
            s2 += yv * yv - yo * yo;
            double kn = kk + s1 / w, d = kn - kk;
            s2 = recentredS2(s2, s1, d, w);
            s1 -= w * d;
            kk = kn;
            // eb bounds the magnitudes summed into S2 since the last two-pass, so u * eb bounds the
            // absolute error of S2; once that could exceed 512 u S2 (a window much calmer than its
            // recent past), S2 is re-computed.
            eb += yv * yv + yo * yo + 3 * w * d * d;
            twoPass = eb > EB_FACTOR * s2;
        }
        if (twoPass) {
            // Static helpers only: a call that received this object would keep C2 from holding its
            // fields in registers in a per-asset loop (the rare path's calls are not inlined).
            double m = windowMean(x, p, stride, w);
            double q1 = shiftedSum(x, p, stride, w, m), q2 = shiftedSquares(x, p, stride, w, m);
            double kn = m + q1 / w, d = kn - m;
            s2 = recentredS2(q2, q1, d, w);
            s1 = q1 - w * d;
            kk = kn;
            eb = 0;
        }
    }

    /**
     * Consumes {@code x[p]}, the value at time index {@code i} of a series whose values lie
     * {@code stride} apart in {@code x} (the window is {@code x[p - (w - 1) stride] .. x[p]}, the value
     * leaving it {@code x[p - w stride]}); returns the variance (population: {@code div = w},
     * sample: {@code w - 1}) of the window, or its square root when {@code sqrt}; NaN until the run
     * holds w values.
     */
    double update(double[] x, int p, int stride, int i, int w, double div, boolean sqrt) {
        double v = x[p];
        if (!finite(v)) {
            run = 0;
            eq = 0;
            return Double.NaN;
        }
        run++;
        eq = v == prev ? eq + 1 : 1;
        prev = v;
        if (run < w) return Double.NaN;
        advance(x, p, stride, i, w, v);
        double c = s2 - s1 * s1 / w;
        if (!finite(c)) {
            // The sums overflowed (values too large to square): this window by the scaled two-pass,
            // and the next step restarts the sums from the data, as at a run's first window.
            run = w - 1;
            return eq >= w ? 0 : ScaledVariance.window(x, p, stride, w, div, sqrt);
        }
        // A window of equal values is exactly 0 (TTR's runSD of a flat window).
        double var = eq >= w ? 0 : Math.max(c, 0) / div;
        return sqrt ? Math.sqrt(var) : var;
    }
}
