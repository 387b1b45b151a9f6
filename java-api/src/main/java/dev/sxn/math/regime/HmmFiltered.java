package dev.sxn.math.regime;

/**
 * Filtered state probabilities {@code P(s_t = k | x_1 .. x_t)} of a sequence, row-major
 * {@code probabilities[t * states + k]}, and the log-likelihood {@code log p(x_1 .. x_n)}. The array is the
 * result's own (not copied on access).
 *
 * @param states the number of states K
 * @param probabilities n x K, each row a distribution
 * @param logLikelihood the log-likelihood of all observations (missing ones add nothing)
 */
public record HmmFiltered(int states, double[] probabilities, double logLikelihood) {
    /** {@code P(s_t = k | x_1 .. x_t)}. */
    public double probability(int t, int k) {
        return probabilities[t * states + k];
    }

    /** The number of observations n. */
    public int length() {
        return probabilities.length / states;
    }

    /** The most probable state at each t (ties to the lower index). */
    public int[] mostLikely() {
        return RegimeArrays.argmaxRows(probabilities, states);
    }
}
