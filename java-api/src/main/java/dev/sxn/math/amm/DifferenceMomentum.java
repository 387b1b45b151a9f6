package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * The difference-momentum rule (quantammsim's {@code DifferenceMomentumPool}, a MACD-like signal): two EWMAs of the
 * coarse prices with decays {@code lambda1} (fast) and {@code lambda2} (slow), the signal
 * {@code s_i = 1 - ewma2_i / ewma1_i}, and the momentum update with a k per asset,
 * {@code dw_i = k_i (s_i - sum(k s) / sum(k))}, 0 where {@code k_i = 0} ({@link WeightRule#momentum}).
 *
 * <p>Each EWMA starts at the first coarse price and steps {@code ewma += (p - ewma)(1 - lambda)}
 * (quantammsim's {@code _jax_ewma_at_infinity_via_scan}); a rule output exists for every coarse price after the
 * first, as for the gradient rules. In quantammsim {@code lambda2 = logistic(logit_lambda + logit_delta_lambda)} and k
 * scales with the fast memory ({@link ParamTransforms}). O(n) per step, allocation-free on caller arrays.
 */
public final class DifferenceMomentum {
    private DifferenceMomentum() {}

    /** Starts both EWMAs at the first coarse price {@code price[pOff .. pOff + n)}. O(n). */
    public static void start(double[] price, int pOff, int n, double[] ewma1, double[] ewma2) {
        Checks.range(price, "price", pOff, "pOff", n, "n");
        Checks.minLength(ewma1, "ewma1", n, "one per asset");
        Checks.minLength(ewma2, "ewma2", n, "one per asset");
        System.arraycopy(price, pOff, ewma1, 0, n);
        System.arraycopy(price, pOff, ewma2, 0, n);
    }

    /**
     * One coarse step on {@code price[pOff .. pOff + n)}: updates both EWMAs and writes the weight change to
     * {@code dw[0 .. n)}, with {@code k.length == n}. Lambdas in [0, 1). O(n), allocation-free.
     */
    public static void step(double lambda1, double lambda2, double[] k, double[] price, int pOff,
                            double[] ewma1, double[] ewma2, double[] dw) {
        int n = k.length;
        Checks.inClosed(lambda1, "lambda1", 0.0, Math.nextDown(1.0));
        Checks.inClosed(lambda2, "lambda2", 0.0, Math.nextDown(1.0));
        Checks.range(price, "price", pOff, "pOff", n, "n");
        Checks.minLength(ewma1, "ewma1", n, "one per asset");
        Checks.minLength(ewma2, "ewma2", n, "one per asset");
        Checks.minLength(dw, "dw", n, "one per asset");
        stepUnchecked(lambda1, lambda2, k, price, pOff, ewma1, ewma2, dw);
    }

    static void stepUnchecked(double lambda1, double lambda2, double[] k, double[] price, int pOff,
                              double[] ewma1, double[] ewma2, double[] dw) {
        signal(1.0 / (1.0 - lambda1), 1.0 / (1.0 - lambda2), k.length, price, pOff, ewma1, ewma2, dw);
        WeightRule.momentum(dw, k, dw);
    }

    /** Steps both EWMAs (gains g = 1/(1 - lambda)) and writes the signal {@code 1 - ewma2/ewma1} to dw. */
    private static void signal(double g1, double g2, int n, double[] price, int pOff, double[] ewma1, double[] ewma2, double[] dw) {
        for (int i = 0; i < n; i++) {
            double p = price[pOff + i];
            // quantammsim divides by G_inf rather than multiplying by (1 - lambda): same rounding as its scan
            double e1 = ewma1[i] + (p - ewma1[i]) / g1;
            double e2 = ewma2[i] + (p - ewma2[i]) / g2;
            ewma1[i] = e1;
            ewma2[i] = e2;
            dw[i] = 1.0 - e2 / e1;
        }
    }

    /**
     * {@link #step} with one k for all n assets (the pool's form): the same operations as the per-asset update with
     * {@code k_i = k}, so {@code sum(k)} is added up asset by asset as quantammsim's {@code k.sum()}. O(n).
     */
    static void stepScalar(double g1, double g2, double k, int n, double[] price, int pOff, double[] ewma1, double[] ewma2, double[] dw) {
        signal(g1, g2, n, price, pOff, ewma1, ewma2, dw);
        double ks = 0, sk = 0;
        for (int i = 0; i < n; i++) {
            ks += k * dw[i];
            sk += k;
        }
        double offset = -ks / sk;
        for (int i = 0; i < n; i++) dw[i] = k == 0.0 ? 0.0 : k * (dw[i] + offset);
    }
}
