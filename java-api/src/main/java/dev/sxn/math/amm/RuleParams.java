package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

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
 *   <li>{@code logitDeltaLambda}: quantammsim's {@code logit_delta_lamb}, the second decay
 *       {@code lambda2 = logistic(logitLambda + logitDeltaLambda)}: the slow EWMA of difference momentum, the blend of
 *       minimum variance's target with the previous weights ({@code alt_lamb}); 0 gives lambda2 = lambda.
 * </ul>
 * Momentum and anti-momentum read only the first two; difference momentum reads logitLambda, logK and
 * logitDeltaLambda; minimum variance logitLambda and logitDeltaLambda.
 *
 * @param logitLambda  logit of the decay lambda
 * @param logK         log2 of k per day of memory
 * @param exponent     power of the trend signal (channel rules)
 * @param width        channel width (mean-reversion channel)
 * @param logAmplitude log2 of the channel amplitude per day of memory
 * @param preExpScaling scaling of the gradient before the power (channel rules)
 * @param logitDeltaLambda logit offset of the second decay (difference momentum, minimum variance)
 */
public record RuleParams(double logitLambda, double logK, double exponent, double width, double logAmplitude, double preExpScaling,
                         double logitDeltaLambda) {

    /** The number of trainable components, in the order of {@link #get(int)}. */
    public static final int SIZE = 7;

    /** A set of the gradient rules' six components, with {@code logitDeltaLambda = 0}. */
    public RuleParams(double logitLambda, double logK, double exponent, double width, double logAmplitude, double preExpScaling) {
        this(logitLambda, logK, exponent, width, logAmplitude, preExpScaling, 0.0);
    }

    /** A momentum / anti-momentum set: memory in days (at chunkPeriod) and k per day of memory ({@code k = kPerDay * memoryDays}). */
    public static RuleParams momentum(double memoryDays, double kPerDay, int chunkPeriod) {
        double lambda = ParamTransforms.memoryDaysToLambda(memoryDays, chunkPeriod);
        return new RuleParams(ParamTransforms.logit(lambda), Math.log(kPerDay) / Math.log(2.0), 1.0, 1.0, 0.0, 0.5);
    }

    /**
     * A difference-momentum set: fast and slow memories in days (at chunkPeriod) and k per day of the fast memory
     * ({@code k = kPerDay * fastDays}, quantammsim's {@code calc_k} on memory_days_1).
     *
     * @throws IllegalArgumentException if a memory is not positive and finite, kPerDay is not positive, or chunkPeriod {@code < 1}
     */
    public static RuleParams differenceMomentum(double fastDays, double slowDays, double kPerDay, int chunkPeriod) {
        Checks.positive(fastDays, "fastDays");
        Checks.positive(slowDays, "slowDays");
        Checks.positive(kPerDay, "kPerDay");
        double l1 = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(fastDays, chunkPeriod));
        double l2 = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(slowDays, chunkPeriod));
        return new RuleParams(l1, Math.log(kPerDay) / Math.log(2.0), 1.0, 1.0, 0.0, 0.5, l2 - l1);
    }

    /**
     * A minimum-variance set: the variance estimator's memory and the weight blend's memory in days (at chunkPeriod;
     * quantammsim's memory_days_1 and memory_days_2).
     *
     * @throws IllegalArgumentException if a memory is not positive and finite, or chunkPeriod {@code < 1}
     */
    public static RuleParams minimumVariance(double varianceDays, double blendDays, int chunkPeriod) {
        Checks.positive(varianceDays, "varianceDays");
        Checks.positive(blendDays, "blendDays");
        double l1 = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(varianceDays, chunkPeriod));
        double l2 = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(blendDays, chunkPeriod));
        return new RuleParams(l1, 0.0, 1.0, 1.0, 0.0, 0.5, l2 - l1);
    }

    /** Component i (0 logitLambda, 1 logK, 2 exponent, 3 width, 4 logAmplitude, 5 preExpScaling, 6 logitDeltaLambda). */
    public double get(int i) {
        return switch (i) {
            case 0 -> logitLambda;
            case 1 -> logK;
            case 2 -> exponent;
            case 3 -> width;
            case 4 -> logAmplitude;
            case 5 -> preExpScaling;
            case 6 -> logitDeltaLambda;
            default -> throw Checks.invalid("i", i, "be in [0, " + (SIZE - 1) + "]");
        };
    }

    /** Writes the components into {@code out[off .. off + SIZE)}. */
    public void toArray(double[] out, int off) {
        for (int i = 0; i < SIZE; i++) out[off + i] = get(i);
    }

    /** The set from {@code a[off .. off + SIZE)}, the inverse of {@link #toArray}. */
    public static RuleParams of(double[] a, int off) {
        return new RuleParams(a[off], a[off + 1], a[off + 2], a[off + 3], a[off + 4], a[off + 5], a[off + 6]);
    }
}
