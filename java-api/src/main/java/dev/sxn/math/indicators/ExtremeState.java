package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The rolling maximum (or minimum) of the last w values of a stream, by a monotonic deque: O(1) amortised per
 * value, O(1) for a peek. The array kernel ({@link RollingExtremes}) is the van Herk / Gil-Werman block scan,
 * which needs the future of a block; both select an input value, so they agree bit for bit once they apply the
 * same two rules: NaN while the run of finite values is shorter than w (a missing value empties the deque), and
 * a window whose extreme is zero returns its newest zero (the deque compares numerically, so -0.0 and +0.0 tie;
 * the newest zero's bits are kept apart).
 */
final class ExtremeState {
    private final int w;
    private final boolean max;
    /** The deque's values and time indices, in a ring of w slots from {@code head}, {@code size} long. */
    private final double[] vals;
    private final long[] idx;
    private int head, size;
    /** The time index of the next value, the run of finite values, and the newest zero. */
    private long i, run;
    private double zero;

    ExtremeState(int w, boolean max) {
        this.w = w;
        this.max = max;
        vals = new double[w];
        idx = new long[w];
    }

    ExtremeState(ExtremeState o) {
        w = o.w;
        max = o.max;
        vals = o.vals.clone();
        idx = o.idx.clone();
        head = o.head;
        size = o.size;
        i = o.i;
        run = o.run;
        zero = o.zero;
    }

    /** Whether {@code a} displaces {@code b} from the deque's back (ties too: the newer one is kept). */
    private boolean dominates(double a, double b) {
        return max ? a >= b : a <= b;
    }

    /** The extreme of the window ending at v, zero rule applied. */
    private double result(double e, double v) {
        if (e != 0) return e;
        return v == 0 ? v : zero;
    }

    /** Commits {@code v}; returns the window's extreme (NaN while the run is shorter than w). */
    double update(double v) {
        long now = i++;
        if (!finite(v)) {
            run = 0;
            size = 0;
            return Double.NaN;
        }
        run++;
        if (size > 0 && idx[head] <= now - w) {
            head = head + 1 == w ? 0 : head + 1;
            size--;
        }
        while (size > 0) {
            int back = head + size - 1;
            if (back >= w) back -= w;
            if (!dominates(v, vals[back])) break;
            size--;
        }
        int slot = head + size;
        if (slot >= w) slot -= w;
        vals[slot] = v;
        idx[slot] = now;
        size++;
        if (v == 0) zero = v;
        return run < w ? Double.NaN : result(vals[head], v);
    }

    /** The value {@link #update} would return for v, changing nothing. */
    double peek(double v) {
        if (!finite(v) || run + 1 < w) return Double.NaN;
        long now = i;
        // The extreme of the committed values still in the next window: the deque's front, or the one after it
        // when the front leaves (each deque entry is the extreme of the values after its predecessor).
        double e = v;
        int f = head, left = size;
        if (left > 0 && idx[f] <= now - w) {
            f = f + 1 == w ? 0 : f + 1;
            left--;
        }
        if (left > 0 && !dominates(v, vals[f])) e = vals[f];
        return result(e, v);
    }
}
