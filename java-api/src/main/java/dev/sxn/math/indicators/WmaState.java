package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The state of one linearly weighted moving average over one series (the run, the steps since the last
 * re-summation, the weighted and plain window sums) and its step: {@link JavaOnlyKernels#wma} is a loop of
 * {@link #update} per asset and the stream calls it per value (the window's values in a
 * {@link StreamWindow}), so both perform the same operations in the same order. See
 * {@link JavaOnlyKernels#wma} for the algorithm and its error bound.
 */
final class WmaState {
    /** Finite values in the current run, and steps since the sums were last recomputed from the window. */
    int run, since;
    /** The weighted sum N and the plain sum S of the window. */
    double n, s;

    /** The divisor w(w+1)/2. */
    static double weightSum(int w) {
        return w * (w + 1.0) / 2.0;
    }

    /** The re-summation period max(64, w). */
    static int resum(int w) {
        return Math.max(64, w);
    }

    void copyFrom(WmaState o) {
        run = o.run;
        since = o.since;
        n = o.n;
        s = o.s;
    }

    /**
     * Consumes {@code x[p]} of a series whose values lie {@code stride} apart (the window is
     * {@code x[p - (w - 1) stride] .. x[p]}, the value leaving it {@code x[p - w stride]}); returns the WMA, NaN
     * until the run holds w values.
     */
    double update(double[] x, int p, int stride, int w, double wsum, int resum) {
        double v = x[p];
        if (!finite(v)) {
            run = 0;
            return Double.NaN;
        }
        run++;
        if (run < w) return Double.NaN;
        if (run == w || ++since == resum) {
            double nn = 0, ss = 0;
            for (int j = 0, q = p - (w - 1) * stride; j < w; j++, q += stride) {
                nn += (j + 1) * x[q];
                ss += x[q];
            }
            n = nn;
            s = ss;
            since = 0;
        } else {
            n += w * v - s;
            s += v - x[p - w * stride];
        }
        return n / wsum;
    }
}
