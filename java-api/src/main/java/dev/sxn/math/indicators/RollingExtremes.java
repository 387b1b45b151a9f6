package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * Rolling maximum and minimum (JAVA only, on time-major batches like {@link IndicatorKernels}): the
 * van Herk / Gil-Werman block algorithm on order-preserving integer keys, three max (or min)
 * operations per point whatever the data, no data-dependent branch.
 */
final class RollingExtremes {
    private RollingExtremes() {}

    /**
     * Rolling max ({@code max = true}) or min over w by van Herk / Gil-Werman: the series is cut into
     * blocks of w; the window ending at i spans the suffix of the previous block from i - w + 1 and
     * the prefix of i's own block, so out[i] = max(suffix[i - w + 1], prefix[i]): three max
     * operations per point whatever the data (O(1), not amortised), with no data-dependent branch.
     * Why not the monotonic deque it replaces: on random-walk prices its pop loop is a coin flip for
     * the branch predictor, so it measured several times slower on long series (IndicatorsSweepBench).
     * The maxima are taken on order-preserving integer keys (see {@link #key}): a long max is a
     * compare and a conditional move on the prefix/suffix chains, where C2's
     * {@code Math.max(double, double)} costs a blend sequence, which measured slower than the whole
     * three passes on keys (IndicatorsSweepBench).
     *
     * <p>Max and min select an input, so the result is exact whatever the algorithm; the two ways
     * the keys' order differs from the deque's comparisons are fixed in the last pass: -0.0 sorts
     * below +0.0 as a key, so a window whose extreme is zero returns its newest zero (the deque kept
     * the newest of equal values); and a window holding a non-finite value (NaN or +-Inf, as
     * everywhere in this package), or closer than w to the start of a run, is NaN (the run
     * counter), whatever the blocks computed there. Batches (k > 1) gather each asset into a
     * contiguous buffer and run the same code, so batched results equal one-by-one results.
     */
    static void rollingExtreme(double[] x, int k, int t, int w, boolean max, double[] out) {
        long[] suf = new long[w + 1];
        if (k == 1) {
            extremeSeries(x, t, w, max, out, suf);
            return;
        }
        double[] xs = new double[t], os = new double[t];
        for (int a = 0; a < k; a++) {
            for (int i = 0, p = a; i < t; i++, p += k) xs[i] = x[p];
            extremeSeries(xs, t, w, max, os, suf);
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = os[i];
        }
    }

    /**
     * A long whose signed order is the numeric order of finite doubles (with -0.0 below +0.0): the
     * bits of a non-negative double, and the bits with the magnitude inverted for a negative one.
     * Its own inverse.
     */
    private static long key(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b ^ ((b >> 63) >>> 1);
    }

    private static double unkey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) >>> 1));
    }

    private static final long MAX_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);

    private static void extremeSeries(double[] x, int t, int w, boolean max, double[] out, long[] suf) {
        if (max) maxSeries(x, t, w, out, suf);
        else minSeries(x, t, w, out, suf);
        // The NaN rule and the newest-zero rule. A branch-free scan first (it vectorises, so it costs a
        // fraction of the fix-up pass it usually saves) tells whether the series holds any zero
        // or non-finite value: the sign bit of (m - 1) | (MAX - m), m the magnitude's bits, is set
        // exactly for m == 0 and for m above Double.MAX_VALUE's bits. Without them only the warm-up
        // needs NaN.
        long flags = 0;
        for (int i = 0; i < t; i++) {
            long m = Double.doubleToRawLongBits(x[i]) & Long.MAX_VALUE;
            flags |= (m - 1) | (MAX_BITS - m);
        }
        if (flags >= 0) {
            java.util.Arrays.fill(out, 0, Math.min(w - 1, t), Double.NaN);
            return;
        }
        // Both branches are predictable (taken only at missing values, warm-ups and zero extremes).
        int run = 0, lastZero = 0;
        for (int i = 0; i < t; i++) {
            double v = x[i];
            run = finite(v) ? run + 1 : 0;
            if (v == 0) lastZero = i;
            double o = out[i];
            if (run < w) o = Double.NaN;
            else if (o == 0) o = x[lastZero];
            out[i] = o;
        }
    }

    /**
     * Block pass of {@link #rollingExtreme} for max: per block, the prefix chain writes the outputs
     * (combined with {@code suf}, the previous block's suffix maxima; suf[w] is the identity so the
     * block's last point takes its own prefix, the whole block), then the suffix chain of the block
     * overwrites {@code suf}. Every block is read twice, the second time from L1.
     */
    private static void maxSeries(double[] x, int t, int w, double[] out, long[] suf) {
        java.util.Arrays.fill(suf, Long.MIN_VALUE);
        for (int s = 0; s < t; s += w) {
            int m = Math.min(w, t - s);
            long p = Long.MIN_VALUE;
            for (int j = 0; j < m; j++) {
                p = Math.max(p, key(x[s + j]));
                out[s + j] = unkey(Math.max(suf[j + 1], p));
            }
            if (m == w) {
                long q = Long.MIN_VALUE;
                for (int j = w - 1; j >= 0; j--) {
                    q = Math.max(key(x[s + j]), q);
                    suf[j] = q;
                }
            }
        }
    }

    /** {@link #maxSeries} for min. */
    private static void minSeries(double[] x, int t, int w, double[] out, long[] suf) {
        java.util.Arrays.fill(suf, Long.MAX_VALUE);
        for (int s = 0; s < t; s += w) {
            int m = Math.min(w, t - s);
            long p = Long.MAX_VALUE;
            for (int j = 0; j < m; j++) {
                p = Math.min(p, key(x[s + j]));
                out[s + j] = unkey(Math.min(suf[j + 1], p));
            }
            if (m == w) {
                long q = Long.MAX_VALUE;
                for (int j = w - 1; j >= 0; j--) {
                    q = Math.min(key(x[s + j]), q);
                    suf[j] = q;
                }
            }
        }
    }
}
