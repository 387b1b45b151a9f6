package dev.sxn.math.indicators;

/**
 * MACD lines, each of the input's length with NaN in the warm-up: {@code macd = EMA(x, fast) -
 * EMA(x, slow)}, {@code signal = EMA(macd, signal)}, {@code histogram = macd - signal}.
 *
 * @param macd the MACD line
 * @param signal the signal line
 * @param histogram macd minus signal
 */
public record Macd(double[] macd, double[] signal, double[] histogram) {}
