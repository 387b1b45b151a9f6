package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * The minimum-variance rule (quantammsim's {@code MinVariancePool}): target weights inversely proportional to each
 * asset's exponentially weighted variance of coarse returns (the diagonal-covariance minimum-variance portfolio),
 * {@code w_i = (1/v_i) / sum(1/v)}. Unlike the gradient rules its outputs are weights, not weight changes.
 *
 * <p>Returns are {@code r_t = p_t / p_{t-1} - 1}. The variance estimator (quantammsim's
 * {@code _jax_variance_at_infinity_via_scan}) starts at {@code ewma = r_1, s = 0} with variance 1 (equal weights)
 * for that first return, and per later return steps {@code d = r - ewma}, {@code ewma += d / G},
 * {@code s = lambda s + d^2 lambda}, {@code v = (1 - lambda) s}, with {@code G = 1/(1 - lambda)}. O(n) per step,
 * allocation-free on caller arrays.
 */
public final class MinimumVariance {
    private MinimumVariance() {}

    /**
     * Starts the estimator from the first return {@code cur/prev - 1} of the coarse rows {@code prev[pOff ..]} and
     * {@code cur[cOff ..]}, and writes the first target weights (equal) to {@code w[0 .. n)}. O(n).
     */
    public static void start(double[] prev, int pOff, double[] cur, int cOff, int n, double[] ewma, double[] s, double[] w) {
        Checks.range(prev, "prev", pOff, "pOff", n, "n");
        Checks.range(cur, "cur", cOff, "cOff", n, "n");
        Checks.minLength(ewma, "ewma", n, "one per asset");
        Checks.minLength(s, "s", n, "one per asset");
        Checks.minLength(w, "w", n, "one per asset");
        startUnchecked(prev, pOff, cur, cOff, n, ewma, s, w);
    }

    static void startUnchecked(double[] prev, int pOff, double[] cur, int cOff, int n, double[] ewma, double[] s, double[] w) {
        for (int i = 0; i < n; i++) {
            ewma[i] = cur[cOff + i] / prev[pOff + i] - 1.0;
            s[i] = 0.0;
            w[i] = 1.0 / n;
        }
    }

    /**
     * One step on the return {@code cur/prev - 1}: updates {@code ewma} and {@code s} and writes the variances to
     * {@code v[0 .. n)} and the target weights to {@code w[0 .. n)}. Lambda in [0, 1). O(n), allocation-free.
     */
    public static void step(double lambda, double[] prev, int pOff, double[] cur, int cOff, int n,
                            double[] ewma, double[] s, double[] v, double[] w) {
        Checks.inClosed(lambda, "lambda", 0.0, Math.nextDown(1.0));
        Checks.range(prev, "prev", pOff, "pOff", n, "n");
        Checks.range(cur, "cur", cOff, "cOff", n, "n");
        Checks.minLength(ewma, "ewma", n, "one per asset");
        Checks.minLength(s, "s", n, "one per asset");
        Checks.minLength(v, "v", n, "one per asset");
        Checks.minLength(w, "w", n, "one per asset");
        stepUnchecked(lambda, prev, pOff, cur, cOff, n, ewma, s, v, w);
    }

    static void stepUnchecked(double lambda, double[] prev, int pOff, double[] cur, int cOff, int n, double[] ewma, double[] s, double[] v,
                              double[] w) {
        double gInf = 1.0 / (1.0 - lambda);
        double precisionSum = 0.0;
        for (int i = 0; i < n; i++) {
            double r = cur[cOff + i] / prev[pOff + i] - 1.0;
            double dOld = r - ewma[i];
            ewma[i] += dOld / gInf;
            double dNew = dOld * (1.0 - 1.0 / gInf);
            s[i] = lambda * s[i] + dOld * dNew;
            v[i] = s[i] * (1.0 - lambda);
            precisionSum += 1.0 / v[i];
        }
        for (int i = 0; i < n; i++) w[i] = (1.0 / v[i]) / precisionSum;
    }
}
