package dev.sxn.math.regime;

/**
 * Smoothed state probabilities {@code P(s_t = k | x_1 .. x_n)}, row-major {@code probabilities[t * states + k]},
 * and the log-likelihood. They use the whole sequence (look-ahead). The array is the result's own.
 *
 * @param states the number of states K
 * @param probabilities n x K, each row a distribution
 * @param logLikelihood the log-likelihood of all observations
 */
public record HmmSmoothed(int states, double[] probabilities, double logLikelihood) {
    /** {@code P(s_t = k | x_1 .. x_n)}. */
    public double probability(int t, int k) {
        return probabilities[t * states + k];
    }

    /** The number of observations n. */
    public int length() {
        return probabilities.length / states;
    }

    /** The most probable state at each t, marginally (not a path: see {@link HiddenMarkovModel#viterbi}). */
    public int[] mostLikely() {
        return RegimeArrays.argmaxRows(probabilities, states);
    }
}
