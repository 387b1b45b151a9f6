package dev.sxn.math.stochastic;

/**
 * A Monte Carlo estimate: the sample mean of {@code samples} independent samples and its standard error
 * {@code sd / sqrt(samples)} (sd with ddof 1). Under {@link Antithetic#PAIRED} a sample is the mean of a
 * mirrored pair, so {@code samples} is half the number of paths.
 *
 * @param value the estimate (a price: discounted)
 * @param standardError the standard error of {@code value}
 * @param samples the number of independent samples averaged
 */
public record MonteCarloEstimate(double value, double standardError, long samples) {
    /** Whether {@code reference} lies within {@code k} standard errors of the estimate. */
    public boolean within(double reference, double k) {
        return Math.abs(value - reference) <= k * standardError;
    }
}
