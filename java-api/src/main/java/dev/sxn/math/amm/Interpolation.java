package dev.sxn.math.amm;

/**
 * How weights move from one coarse step's start to its guardrailed target, minute by minute (quantammsim's
 * interpolation blocks). With start w0, per-minute increment d and {@code m = weightInterpolationPeriod}, the end
 * weight is {@code w1 = w0 + m d}; minute j of the block ({@code 0 <= j < chunkPeriod}) holds:
 * <ul>
 *   <li>{@link #LINEAR}: {@code w0 + j d} for {@code j < m}, then w1.
 *   <li>{@link #APPROX_OPTIMAL}: the normalised sum of the linear path and the geometric one,
 *       {@code (w0 + j d + w0 (w1/w0)^(j/(m+1))) / sum_i(...)} for {@code j < m}, then w1 (the approximately optimal
 *       schedule of Willetts and Harrington, arXiv 2403.18737; the exponent's {@code m + 1} is quantammsim's).
 * </ul>
 */
public enum Interpolation {
    /** Straight line from start to target. */
    LINEAR,
    /** The approximately arbitrage-optimal schedule (arXiv 2403.18737). */
    APPROX_OPTIMAL;

    /**
     * Writes minute {@code j}'s weights of a block starting at {@code start} with increment {@code diff} to
     * {@code out[0 .. n)}; {@code m} is the interpolation period. O(n).
     */
    public void row(double[] start, double[] diff, int n, int j, int m, double[] out) {
        if (j >= m) {
            for (int i = 0; i < n; i++) out[i] = start[i] + m * diff[i];
            return;
        }
        if (this == LINEAR) {
            for (int i = 0; i < n; i++) out[i] = j * diff[i] + start[i];
            return;
        }
        double e = (double) j / (m + 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lin = j * diff[i] + start[i];
            double end = m * diff[i] + start[i];
            double v = lin + start[i] * Math.pow(end / start[i], e);
            out[i] = v;
            sum += v;
        }
        for (int i = 0; i < n; i++) out[i] /= sum;
    }
}
