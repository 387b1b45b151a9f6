package dev.sxn.math.regime;

/**
 * The most likely hidden state path and its joint log probability with the observations,
 * {@code log p(s_1 .. s_n, x_1 .. x_n)} (summed over sequences when there are several).
 *
 * @param states the state at each time step (the result's own array)
 * @param logProbability the joint log probability of the path and the observations
 */
public record ViterbiPath(int[] states, double logProbability) {}
