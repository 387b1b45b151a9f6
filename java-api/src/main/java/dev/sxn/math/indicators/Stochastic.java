package dev.sxn.math.indicators;

/**
 * Stochastic oscillator in percent, each of the input's length with NaN in the warm-up:
 * {@code %K = 100 (close - min(low, nK)) / (max(high, nK) - min(low, nK))},
 * {@code %D = SMA(%K, nD)}.
 *
 * @param k fast %K
 * @param d %D, the simple moving average of %K
 */
public record Stochastic(double[] k, double[] d) {}
