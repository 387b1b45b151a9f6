package dev.sxn.math.stochastic;

/**
 * Mean and sum of squared deviations of a stream of samples, merged block by block (Chan, Golub and
 * LeVeque's pairwise update): each block's mean and M2 are computed in two passes over the block, then
 * merged, so the variance loses no digits to cancellation however many samples there are. O(1) state.
 */
final class MonteCarloAccumulator {
    private long n;
    private double mean, m2;

    /** Adds the samples {@code v[0 .. count)}. */
    void add(double[] v, int count) {
        if (count <= 0) return;
        double s = 0;
        for (int i = 0; i < count; i++) s += v[i];
        double bm = s / count, bm2 = 0;
        for (int i = 0; i < count; i++) {
            double d = v[i] - bm;
            bm2 += d * d;
        }
        long total = n + count;
        double delta = bm - mean;
        mean += delta * count / total;
        m2 += bm2 + delta * delta * ((double) n * count / total);
        n = total;
    }

    /** The estimate scaled by {@code factor} (a discount factor): mean and standard error. */
    MonteCarloEstimate estimate(double factor) {
        double se = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
        return new MonteCarloEstimate(factor * mean, Math.abs(factor) * se, n);
    }
}
