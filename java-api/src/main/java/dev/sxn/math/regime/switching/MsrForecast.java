package dev.sxn.math.regime.switching;

/**
 * Out-of-sample forecasts from the end of the sample, for horizons {@code h = 1..steps} (row / index
 * {@code h - 1}).
 *
 * @param regimeProbabilities {@code P(s_{T+h} = i | y_0..y_T) = (p_T P^h)_i}, p_T the last filtered probabilities
 * @param mean                {@code E[y_{T+h} | y_0..y_T] = sum_i P_i x_{T+h}' beta_i}
 * @param variance            {@code Var[y_{T+h} | y_0..y_T] = sum_i P_i (sigma2_i + m_i^2) - mean^2} (a mixture's
 *                            variance, m_i the regime means)
 */
public record MsrForecast(double[][] regimeProbabilities, double[] mean, double[] variance) {}
