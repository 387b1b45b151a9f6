package dev.sxn.math.amm;

/**
 * One parameter set of a TFMM weight rule, in quantammsim's trainable forms (scalar across assets).
 *
 * <ul>
 *   <li>{@code logitLambda}: the estimator's decay, {@code lambda = logistic(logitLambda)} capped at the lambda of
 *       the run's maximum memory ({@link ParamTransforms#memoryDaysToLambda}).
 *   <li>{@code logK}: the aggressiveness, {@code k = 2^logK * memoryDays} (quantammsim's {@code log_k}).
 *   <li>{@code exponent}: the power of the channel rules' trend part ({@code squareplus(sp_exponents)} there).
 *   <li>{@code width}: the mean-reversion channel's width ({@code squareplus(sp_width)} there).
 *   <li>{@code logAmplitude}: the channel amplitude, {@code amplitude = 2^logAmplitude * memoryDays}.
 *   <li>{@code preExpScaling}: the scaling inside the power, {@code |g / (2 preExpScaling)|^exponent} (0.5 by default).
 * </ul>
 * Momentum and anti-momentum read only the first two.
 *
 * @param logitLambda  logit of the decay lambda
 * @param logK         log2 of k per day of memory
 * @param exponent     power of the trend signal (channel rules)
 * @param width        channel width (mean-reversion channel)
 * @param logAmplitude log2 of the channel amplitude per day of memory
 * @param preExpScaling scaling of the gradient before the power (channel rules)
 */
public record RuleParams(double logitLambda, double logK, double exponent, double width, double logAmplitude, double preExpScaling) {

    /** The number of trainable components, in the order of {@link #get(int)}. */
    public static final int SIZE = 6;

    /** A momentum / anti-momentum set: memory in days (at chunkPeriod) and k per day of memory ({@code k = kPerDay * memoryDays}). */
    public static RuleParams momentum(double memoryDays, double kPerDay, int chunkPeriod) {
        double lambda = ParamTransforms.memoryDaysToLambda(memoryDays, chunkPeriod);
        return new RuleParams(ParamTransforms.logit(lambda), Math.log(kPerDay) / Math.log(2.0), 1.0, 1.0, 0.0, 0.5);
    }

    /** Component i (0 logitLambda, 1 logK, 2 exponent, 3 width, 4 logAmplitude, 5 preExpScaling). */
    public double get(int i) {
        return switch (i) {
            case 0 -> logitLambda;
            case 1 -> logK;
            case 2 -> exponent;
            case 3 -> width;
            case 4 -> logAmplitude;
            case 5 -> preExpScaling;
            default -> throw dev.sxn.math.internal.Checks.invalid("i", i, "be in [0, " + (SIZE - 1) + "]");
        };
    }

    /** Writes the components into {@code out[off .. off + SIZE)}. */
    public void toArray(double[] out, int off) {
        for (int i = 0; i < SIZE; i++) out[off + i] = get(i);
    }

    /** The set from {@code a[off .. off + SIZE)}, the inverse of {@link #toArray}. */
    public static RuleParams of(double[] a, int off) {
        return new RuleParams(a[off], a[off + 1], a[off + 2], a[off + 3], a[off + 4], a[off + 5]);
    }
}
