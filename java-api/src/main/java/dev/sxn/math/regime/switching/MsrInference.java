package dev.sxn.math.regime.switching;

/**
 * Regime probabilities of a Markov-switching regression at given parameters, indexed {@code [t][i]} for
 * observation t and regime i.
 *
 * @param logLikelihood sum over t of {@code log f(y_t | y_0..y_{t-1})}
 * @param filtered      {@code P(s_t = i | y_0..y_t)}: causal, no look-ahead (Hamilton's filter)
 * @param predicted     {@code P(s_t = i | y_0..y_{t-1})} (row 0: the initial distribution pi of s_0)
 * @param smoothed      {@code P(s_t = i | y_0..y_{n-1})} (Kim's smoother): uses the whole sample
 */
public record MsrInference(double logLikelihood, double[][] filtered, double[][] predicted, double[][] smoothed) {}
