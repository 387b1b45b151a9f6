package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;
import java.util.Locale;

/**
 * The TFMM update rules: from the estimator's gradients g to a zero-sum weight change dw (quantammsim's
 * {@code *_weight_update} functions). With a signal s_i and k the rule's aggressiveness,
 * {@code offset = -sum(k s_i) / (n k)} and {@code dw_i = k (s_i + offset)}.
 *
 * <ul>
 *   <li>{@link #MOMENTUM}: {@code s = g}.
 *   <li>{@link #ANTI_MOMENTUM}: momentum with {@code -k}.
 *   <li>{@link #POWER_CHANNEL}: {@code s = sign(g) |g / (2 c)|^q} (c the pre-exponent scaling, q the exponent).
 *   <li>{@link #MEAN_REVERSION_CHANNEL}: with {@code e = exp(-g^2 / (2 w^2))} and {@code x = pi g / (3 w)},
 *       {@code s = -A e (x - x^3/6) / 0.5415 + (1 - e) sign(g) |g / (2 c)|^q} (A the amplitude, w the width).
 *   <li>{@link #FIXED}: no change: a G3M / Balancer pool with constant weights.
 *   <li>{@link #DIFFERENCE_MOMENTUM}: not from the gradient estimator: two EWMAs of the coarse prices, the signal
 *       {@code 1 - ewma2/ewma1} into the momentum update ({@link DifferenceMomentum}).
 *   <li>{@link #MIN_VARIANCE}: outputs target weights, not changes: inverse EWMA-variance weights blended with the
 *       previous weights ({@link MinimumVariance}).
 * </ul>
 * {@link #update} covers the gradient rules and FIXED; the pool runs the other two's own estimators. O(n), allocation-free.
 */
public enum WeightRule {
    /** Trend following. */
    MOMENTUM,
    /** Trend fading: momentum with k negated. */
    ANTI_MOMENTUM,
    /** Power-law trend following. */
    POWER_CHANNEL,
    /** Mean reversion inside a channel, power-law trend following outside it. */
    MEAN_REVERSION_CHANNEL,
    /** Constant weights (G3M / Balancer weighted pool). */
    FIXED,
    /** MACD-like trend following on two EWMAs of the prices (quantammsim's {@code DifferenceMomentumPool}). */
    DIFFERENCE_MOMENTUM,
    /** Inverse-variance target weights (quantammsim's {@code MinVariancePool}). */
    MIN_VARIANCE;

    /** True for the rules driven by the {@link GradientEstimator} (momentum, anti-momentum, the channels). */
    public boolean usesGradient() {
        return this == MOMENTUM || this == ANTI_MOMENTUM || this == POWER_CHANNEL || this == MEAN_REVERSION_CHANNEL;
    }

    /** True when the rule's outputs are target weights rather than weight changes ({@link #MIN_VARIANCE}). */
    public boolean outputsWeights() {
        return this == MIN_VARIANCE;
    }

    /** The rule's name on the command line: lower case with hyphens ({@code difference-momentum}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The rule named by {@code key} ({@link #key()}; underscores and upper case accepted).
     *
     * @throws IllegalArgumentException if no rule has that name (the message lists them)
     */
    public static WeightRule of(String key) {
        Checks.notNull(key, "key");
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        for (WeightRule r : values()) if (r.key().equals(k)) return r;
        StringBuilder all = new StringBuilder();
        for (WeightRule r : values()) all.append(all.isEmpty() ? "" : "|").append(r.key());
        throw Checks.invalid("rule", key, "be one of " + all);
    }

    /** The scaling quantammsim divides the channel's cubic by ({@code inverse_scaling}). */
    public static final double CHANNEL_INVERSE_SCALING = 0.5415;

    /**
     * Writes the weight change for gradients {@code g[0 .. n)} to {@code dw[0 .. n)}, with k, amplitude, width,
     * exponent and pre-exponent scaling already in their natural forms.
     *
     * @throws IllegalStateException for {@link #DIFFERENCE_MOMENTUM} and {@link #MIN_VARIANCE}, which do not read
     *     gradients
     */
    public void update(double[] g, int n, double k, double amplitude, double width, double exponent, double preExp, double[] dw) {
        switch (this) {
            case FIXED -> {
                for (int i = 0; i < n; i++) dw[i] = 0.0;
            }
            case MOMENTUM -> zeroSum(g, n, k, dw);
            case ANTI_MOMENTUM -> zeroSum(g, n, -k, dw);
            case POWER_CHANNEL -> {
                for (int i = 0; i < n; i++) dw[i] = Math.signum(g[i]) * Math.pow(Math.abs(g[i] / (2.0 * preExp)), exponent);
                zeroSum(dw, n, k, dw);
            }
            case MEAN_REVERSION_CHANNEL -> {
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double env = Math.exp(-(gi * gi) / (2 * width * width));
                    double x = Math.PI * gi / (3 * width);
                    double channel = -amplitude * env * (x - (x * x * x) / 6) / CHANNEL_INVERSE_SCALING;
                    double trend = (1 - env) * Math.signum(gi) * Math.pow(Math.abs(gi / (2.0 * preExp)), exponent);
                    dw[i] = channel + trend;
                }
                zeroSum(dw, n, k, dw);
            }
            case DIFFERENCE_MOMENTUM, MIN_VARIANCE -> throw new IllegalStateException(this + " has its own estimator, not gradients");
        }
    }

    /** {@code dw_i = k (s_i - sum(k s)/(n k))}, 0 where k is 0; s and dw may be the same array. */
    private static void zeroSum(double[] s, int n, double k, double[] dw) {
        double ks = 0;
        for (int i = 0; i < n; i++) ks += k * s[i];
        double offset = -ks / (n * k);
        for (int i = 0; i < n; i++) dw[i] = k == 0.0 ? 0.0 : k * (s[i] + offset);
    }

    /**
     * The momentum update with a k per asset (quantammsim's {@code _jax_momentum_weight_update}):
     * {@code offset = -sum(k_i g_i) / sum(k_i)}, {@code dw_i = k_i (g_i + offset)}, 0 where {@code k_i = 0}. O(n).
     */
    public static void momentum(double[] g, double[] k, double[] dw) {
        int n = g.length;
        double ks = 0, sk = 0;
        for (int i = 0; i < n; i++) {
            ks += k[i] * g[i];
            sk += k[i];
        }
        double offset = -ks / sk;
        for (int i = 0; i < n; i++) dw[i] = k[i] == 0.0 ? 0.0 : k[i] * (g[i] + offset);
    }
}
