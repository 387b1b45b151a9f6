package dev.sxn.math.amm;

/**
 * Order statistics of a prefix of a {@code double[]} in place, allocation-free, in {@link Double#compare}'s order
 * (the order of {@link java.util.Arrays#sort(double[])}: -0.0 before 0.0, NaN last), so a percentile read from them
 * equals the one read from a sorted copy bit for bit. Hoare's selection with a median-of-three pivot: O(k) expected.
 */
final class OrderStatistics {
    private OrderStatistics() {}

    /**
     * The j-th smallest of x[0 .. k) (j from 0); afterwards x[j] holds it, x[0 .. j) no larger and x(j .. k) no
     * smaller. Requires {@code 0 <= j < k <= x.length}.
     */
    static double select(double[] x, int k, int j) {
        int lo = 0, hi = k - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (less(x[mid], x[lo])) swap(x, lo, mid);
            if (less(x[hi], x[lo])) swap(x, lo, hi);
            if (less(x[hi], x[mid])) swap(x, mid, hi);
            double p = x[mid];
            int i = lo, r = hi;
            while (i <= r) {
                while (less(x[i], p)) i++;
                while (less(p, x[r])) r--;
                if (i <= r) {
                    swap(x, i, r);
                    i++;
                    r--;
                }
            }
            if (j <= r) hi = r;
            else if (j >= i) lo = i;
            else return x[j];
        }
        return x[j];
    }

    /** The smallest of x[from .. to), {@code from < to}. */
    static double min(double[] x, int from, int to) {
        double m = x[from];
        for (int t = from + 1; t < to; t++) if (less(x[t], m)) m = x[t];
        return m;
    }

    private static boolean less(double a, double b) {
        return a < b || (!(a > b) && Double.compare(a, b) < 0);
    }

    private static void swap(double[] x, int a, int b) {
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
    }
}
