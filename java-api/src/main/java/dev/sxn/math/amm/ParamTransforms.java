package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * quantammsim's parameter utilities: memory length in days to and from the estimator's decay lambda, the
 * logistic / logit pair (lambda is trained as {@code logit_lambda}), squareplus and its inverse (k, exponents,
 * widths, amplitudes of the channel rules), and k / amplitude to and from their log2 forms.
 *
 * <p>Memory: a decay lambda sampled every {@code chunkPeriod} minutes has memory
 * {@code days = cbrt(6 lambda / (1 - lambda)^3) * 2 chunkPeriod / 1440}; {@link #memoryDaysToLambda} is the closed-form
 * real root of that cubic (quantammsim's {@code memory_days_to_lamb}): with {@code s = (1440 days / (2 chunkPeriod))^3 / 6},
 * {@code lambda = cbrt(sqrt(3 (27 s^4 + 4 s^3)) - 9 s^2) / (cbrt(2) 3^(2/3) s) - cbrt(2/3) / cbrt(sqrt(3 (27 s^4 + 4 s^3)) - 9 s^2) + 1}
 * (0 days gives 0; the form cancels as lambda nears 1: at one sample a minute it keeps about five digits, at one an
 * hour five to nine with the memory). Every method is O(1) and allocation-free.
 */
public final class ParamTransforms {
    private ParamTransforms() {}

    /**
     * The decay lambda whose memory is {@code memoryDays} at one sample per {@code chunkPeriod} minutes.
     *
     * @throws IllegalArgumentException if memoryDays is negative or not finite, or chunkPeriod {@code < 1}
     */
    public static double memoryDaysToLambda(double memoryDays, int chunkPeriod) {
        Checks.nonNegative(memoryDays, "memoryDays");
        Checks.atLeast(chunkPeriod, "chunkPeriod", 1);
        return lambdaOf(memoryDays, chunkPeriod);
    }

    static double lambdaOf(double memoryDays, int chunkPeriod) {
        if (memoryDays == 0.0) return 0.0;
        double s = Math.pow(1440.0 * memoryDays / (2.0 * chunkPeriod), 3) / 6.0;
        double s2 = s * s, s3 = s2 * s, s4 = s3 * s;
        double n1 = Math.cbrt(Math.sqrt(3 * (27 * s4 + 4 * s3)) - 9 * s2);
        double d1 = Math.cbrt(2) * Math.pow(3, 2.0 / 3.0) * s;
        double n2 = Math.cbrt(2.0 / 3.0);
        return n1 / d1 - n2 / n1 + 1.0;
    }

    /**
     * The memory in days of decay lambda at one sample per {@code chunkPeriod} minutes:
     * {@code cbrt(6 lambda / (1 - lambda)^3) * 2 chunkPeriod / 1440}.
     *
     * @throws IllegalArgumentException if lambda is not in [0, 1), or chunkPeriod {@code < 1}
     */
    public static double lambdaToMemoryDays(double lambda, int chunkPeriod) {
        if (!(lambda >= 0 && lambda < 1)) throw Checks.invalid("lambda", lambda, "be in [0, 1)");
        Checks.atLeast(chunkPeriod, "chunkPeriod", 1);
        return memoryDaysOf(lambda, chunkPeriod);
    }

    static double memoryDaysOf(double lambda, int chunkPeriod) {
        double om = 1 - lambda;
        return Math.cbrt(6 * lambda / (om * om * om)) * 2 * chunkPeriod / 1440.0;
    }

    /** The logistic function {@code 1 / (1 + exp(-x))}, written as quantammsim's {@code exp(x) / (1 + exp(x))} for x {@code <= 0}. */
    public static double logistic(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * The logit {@code ln(y / (1 - y))}, inverse of {@link #logistic}.
     *
     * @throws IllegalArgumentException if y is not in (0, 1)
     */
    public static double logit(double y) {
        Checks.inOpen(y, "y", 0, 1);
        return Math.log(y / (1.0 - y));
    }

    /** Squareplus {@code (x + sqrt(x^2 + 4)) / 2} (arXiv 2112.11687), a smooth positive map: squareplus(0) = 1. */
    public static double squareplus(double x) {
        return 0.5 * (x + Math.sqrt(x * x + 4));
    }

    /**
     * The inverse of {@link #squareplus}: {@code (y^2 - 1) / y}.
     *
     * @throws IllegalArgumentException if y is not positive and finite
     */
    public static double inverseSquareplus(double y) {
        Checks.positive(y, "y");
        return (y * y - 1) / y;
    }

    /** k from its log2 form, scaled by memory as quantammsim's {@code calc_k}: {@code 2^logK * memoryDays}. */
    public static double kFromLogK(double logK, double memoryDays) {
        return Math.pow(2.0, logK) * memoryDays;
    }

    /**
     * The log2 amplitude of a channel rule: {@code log2(amplitude / memoryDays)} (quantammsim's {@code get_log_amplitude}).
     *
     * @throws IllegalArgumentException if amplitude or memoryDays is not positive and finite
     */
    public static double logAmplitude(double amplitude, double memoryDays) {
        Checks.positive(amplitude, "amplitude");
        Checks.positive(memoryDays, "memoryDays");
        return Math.log(amplitude / memoryDays) / Math.log(2.0);
    }

    /** The amplitude from its log2 form: {@code 2^logAmplitude * memoryDays}, the inverse of {@link #logAmplitude}. */
    public static double amplitude(double logAmplitude, double memoryDays) {
        return Math.pow(2.0, logAmplitude) * memoryDays;
    }
}
