package dev.sxn.math.indicators;

/**
 * Bollinger bands, each of the input's length with NaN in the warm-up: {@code middle = SMA(x, n)},
 * {@code lower/upper = middle -/+ k * sd} with the population standard deviation of the window.
 *
 * @param lower lower band
 * @param middle the simple moving average
 * @param upper upper band
 */
public record Bollinger(double[] lower, double[] middle, double[] upper) {}
