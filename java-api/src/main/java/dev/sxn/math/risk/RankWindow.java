package dev.sxn.math.risk;

import java.util.Arrays;

/**
 * The order-statistic window of the rolling historical VaR/ES: a Fenwick (binary indexed) tree of counts and one of
 * sums over the ranks of the series' distinct values.
 *
 * <p>Why this structure: the series is known in advance, so its values are sorted once ({@code O(n log n)}) and each
 * value gets its rank among the distinct ones; the window is then a multiset of ranks. Insert and delete are point
 * updates, the j-th smallest is a descent through the count tree, and the sum of every value up to a rank (the ES's
 * tail) is a prefix query of the sum tree: all {@code O(log m)}, m the number of distinct values, with flat arrays
 * from per-thread scratch and nothing allocated per step. A sorted window array needs an {@code O(w)} shift per step;
 * two heaps give one quantile but not the tail sum, and need lazy deletion; a balanced tree of nodes allocates.
 * The price is {@code O(n)} scratch and {@code O(log m)} instead of {@code O(log w)} per step.
 *
 * <p>The sum tree adds and removes the same values in a different order than a fresh sum would, so the tail sum
 * differs from a two-pass sum by rounding (relative error of order {@code steps * eps} of the values' magnitude).
 */
final class RankWindow {
    private final double[] values;
    private final int m;
    private final int[] counts;
    private final double[] sums;
    private final int top;

    /** Over {@code sorted[0 .. m)}, the distinct values ascending; the trees are scratch of length >= m + 1. */
    RankWindow(double[] sorted, int m, int[] counts, double[] sums) {
        this.values = sorted;
        this.m = m;
        this.counts = counts;
        this.sums = sums;
        Arrays.fill(counts, 0, m + 1, 0);
        Arrays.fill(sums, 0, m + 1, 0);
        this.top = Integer.highestOneBit(m);
    }

    /** Sorts {@code sorted[0 .. n)} and squeezes out duplicates; returns the number of distinct values. */
    static int distinct(double[] sorted, int n) {
        Arrays.sort(sorted, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || sorted[i] != sorted[m - 1]) sorted[m++] = sorted[i];
        return m;
    }

    /** The rank of {@code v} (present among the values). O(log m). */
    int rank(double v) {
        return Arrays.binarySearch(values, 0, m, v);
    }

    void add(int rank, int sign) {
        double v = sign * values[rank];
        for (int i = rank + 1; i <= m; i += i & -i) {
            counts[i] += sign;
            sums[i] += v;
        }
    }

    /** The rank of the j-th smallest (0-based) in the window. O(log m). */
    int select(int j) {
        int pos = 0, rem = j + 1;
        for (int step = top; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= m && counts[next] < rem) {
                pos = next;
                rem -= counts[next];
            }
        }
        return pos;
    }

    double value(int rank) {
        return values[rank];
    }

    /** The number of window values of rank {@code <= rank}. O(log m). */
    int countUpTo(int rank) {
        int c = 0;
        for (int i = rank + 1; i > 0; i -= i & -i) c += counts[i];
        return c;
    }

    /** The sum of the window values of rank {@code <= rank}. O(log m). */
    double sumUpTo(int rank) {
        double s = 0;
        for (int i = rank + 1; i > 0; i -= i & -i) s += sums[i];
        return s;
    }
}
