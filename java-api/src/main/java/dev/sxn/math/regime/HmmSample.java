package dev.sxn.math.regime;

/**
 * A sequence drawn from a hidden Markov model: the hidden states and the observations, row-major
 * {@code observations[t * d + j]}.
 *
 * @param states the hidden state at each step
 * @param observations n x d observations
 */
public record HmmSample(int[] states, double[] observations) {}
