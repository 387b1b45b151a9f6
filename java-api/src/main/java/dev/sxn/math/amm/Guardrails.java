package dev.sxn.math.amm;

/**
 * The per-coarse-step weight guardrails of a TFMM pool (quantammsim's {@code _jax_calc_coarse_weight_scan_function},
 * additive mode):
 * <ol>
 *   <li>raw = w_prev + dw, normalised to sum 1;
 *   <li>optional per-asset bounds: clip to [lo_i, hi_i], then move the deficit (surplus) to the assets with room in
 *       proportion to that room ({@code slack / (total slack + 1e-10)}), clip again and renormalise;
 *   <li>the minimum weight eps (0.1/n by default): clip to [eps, 1 - (n-1) eps], hold the assets that were below eps
 *       at eps and rescale the others to the remaining {@code 1 - (count below) eps}, then give the rounding residual
 *       {@code 1 - sum} to the largest weight;
 *   <li>the maximum change: the per-minute increment {@code d = (target - w_prev) / m} is scaled by
 *       {@code maximumChange / (max|d| + 1e-10)} when {@code max|d| > maximumChange}.
 * </ol>
 * The next coarse step starts from {@code w_prev + m d} (the position actually reached). O(n), allocation-free.
 */
public final class Guardrails {
    private Guardrails() {}

    /**
     * One coarse step: from {@code prev} and rule output {@code dw} writes the guardrailed target to {@code target}
     * and the capped per-minute increment to {@code diff} (all length n). {@code lo}/{@code hi} are per-asset bounds
     * or null.
     */
    public static void step(double[] prev, double[] dw, int n, double minimumWeight, double maximumChange, int m, double[] lo, double[] hi,
                            double[] target, double[] diff) {
        for (int i = 0; i < n; i++) target[i] = prev[i] + dw[i];
        fromRaw(prev, n, minimumWeight, maximumChange, m, lo, hi, target, diff);
    }

    /**
     * One coarse step of a rule whose outputs are target weights (quantammsim's {@code rule_outputs_are_weights}
     * mode): raw = {@code blend prev + (1 - blend) w}, then steps 1 to 4 as {@link #step}. O(n), allocation-free.
     */
    public static void blendStep(double[] prev, double[] w, double blend, int n, double minimumWeight, double maximumChange, int m, double[] target,
                                 double[] diff) {
        for (int i = 0; i < n; i++) target[i] = blend * prev[i] + (1 - blend) * w[i];
        fromRaw(prev, n, minimumWeight, maximumChange, m, null, null, target, diff);
    }

    /** Steps 1 (normalisation) to 4 on the raw weights already in {@code target}. */
    private static void fromRaw(double[] prev, int n, double minimumWeight, double maximumChange, int m, double[] lo, double[] hi, double[] target,
                                double[] diff) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += target[i];
        for (int i = 0; i < n; i++) target[i] = target[i] / sum;
        if (lo != null) perAssetBounds(target, n, lo, hi);
        applyMinimum(target, n, minimumWeight);
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double d = 1.0 / m * (target[i] - prev[i]);
            diff[i] = d;
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        if (maxAbs > maximumChange) {
            double scale = maximumChange / (maxAbs + 1e-10);
            for (int i = 0; i < n; i++) diff[i] = diff[i] * scale;
        }
    }

    /** Step 3 in place on normalised weights w[0 .. n). */
    public static void applyMinimum(double[] w, int n, double eps) {
        double max = 1.0 - (n - 1) * eps;
        int below = 0;
        double others = 0;
        for (int i = 0; i < n; i++) {
            boolean low = w[i] < eps;
            if (low) below++;
            double c = Math.min(Math.max(w[i], eps), max);
            // the "below" mark is taken before clipping; -0.0 encodes it without a second array
            w[i] = low ? -c : c;
            if (!low) others += c;
        }
        double remaining = 1 - below * eps;
        double total = 0;
        int arg = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = w[i] < 0 ? -w[i] : w[i] * remaining / others;
            w[i] = v;
            total += v;
            if (v > best) {
                best = v;
                arg = i;
            }
        }
        w[arg] = w[arg] - total + 1.0;
    }

    private static void perAssetBounds(double[] w, int n, double[] lo, double[] hi) {
        double total = 0, up = 0, down = 0;
        for (int i = 0; i < n; i++) {
            double c = Math.min(Math.max(w[i], lo[i]), hi[i]);
            w[i] = c;
            total += c;
            up += hi[i] - c;
            down += c - lo[i];
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double adj = total < 1.0 ? (1.0 - total) * (hi[i] - w[i]) / (up + 1e-10)
                    : total > 1.0 ? -(total - 1.0) * (w[i] - lo[i]) / (down + 1e-10) : 0.0;
            double c = Math.min(Math.max(w[i] + adj, lo[i]), hi[i]);
            w[i] = c;
            sum += c;
        }
        for (int i = 0; i < n; i++) w[i] = w[i] / sum;
    }
}
