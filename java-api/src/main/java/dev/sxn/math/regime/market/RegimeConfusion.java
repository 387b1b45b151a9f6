package dev.sxn.math.regime.market;

import dev.sxn.math.internal.Checks;

/**
 * How well detected regime labels match known ones: the confusion matrix {@code counts[truth][detected]}, the
 * label mapping (detected label to true regime) that maximises agreement, found over all permutations (a
 * detector's labels are arbitrary), and the hit rate under a mapping. O(n + k! k) for k labels (k at most 8).
 */
public final class RegimeConfusion {
    private final int[][] counts;
    private final int n;

    private RegimeConfusion(int[][] counts, int n) {
        this.counts = counts;
        this.n = n;
    }

    /**
     * The confusion of {@code detected[from + i]} against {@code truth[from + i]} for {@code i < length}, labels in
     * [0, k) with k in [1, 8].
     */
    public static RegimeConfusion of(int[] truth, int[] detected, int from, int length, int k) {
        Checks.notNull(truth, "truth");
        Checks.notNull(detected, "detected");
        Checks.inRange(k, "k", 1, 8, "");
        Checks.atLeast(from, "from", 0);
        Checks.atLeast(length, "length", 1);
        if ((long) from + length > Math.min(truth.length, detected.length)) {
            throw Checks.invalid("from + length", (long) from + length, "be <= the labels' length (" + Math.min(truth.length, detected.length) + ")");
        }
        int[][] c = new int[k][k];
        for (int i = from; i < from + length; i++) {
            int t = truth[i], d = detected[i];
            if (t < 0 || t >= k) throw Checks.invalid("truth[" + i + "]", t, "be in [0, " + (k - 1) + "]");
            if (d < 0 || d >= k) throw Checks.invalid("detected[" + i + "]", d, "be in [0, " + (k - 1) + "]");
            c[t][d]++;
        }
        return new RegimeConfusion(c, length);
    }

    /** {@code counts[truth][detected]}, a copy. */
    public int[][] counts() {
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) out[i] = counts[i].clone();
        return out;
    }

    /** The labels counted. */
    public int size() {
        return n;
    }

    /** The mapping {@code m[detected] = truth} with the most agreements (the first found among ties). */
    public int[] bestMapping() {
        int k = counts.length;
        int[] best = new int[k], cur = new int[k];
        int[] bestHits = {-1};
        search(cur, new boolean[k], 0, 0, best, bestHits);
        return best;
    }

    private void search(int[] cur, boolean[] used, int d, int hits, int[] best, int[] bestHits) {
        int k = counts.length;
        if (d == k) {
            if (hits > bestHits[0]) {
                bestHits[0] = hits;
                System.arraycopy(cur, 0, best, 0, k);
            }
            return;
        }
        for (int t = 0; t < k; t++) {
            if (used[t]) continue;
            used[t] = true;
            cur[d] = t;
            search(cur, used, d + 1, hits + counts[t][d], best, bestHits);
            used[t] = false;
        }
    }

    /** The fraction of labels where {@code mapping[detected] == truth}. */
    public double hitRate(int[] mapping) {
        Checks.notNull(mapping, "mapping");
        if (mapping.length != counts.length) throw Checks.invalid("mapping.length", mapping.length, "be " + counts.length + " (the labels)");
        long hits = 0;
        for (int d = 0; d < counts.length; d++) {
            int t = mapping[d];
            if (t < 0 || t >= counts.length) throw Checks.invalid("mapping[" + d + "]", t, "be in [0, " + (counts.length - 1) + "]");
            hits += counts[t][d];
        }
        return (double) hits / n;
    }
}
