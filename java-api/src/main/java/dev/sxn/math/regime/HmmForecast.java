package dev.sxn.math.regime;

/**
 * h-step forecasts from a filtered distribution {@code f}: for step i = 1 .. horizon, the state distribution
 * {@code f A^i} (row {@code i - 1} of {@code stateProbabilities}, K values), and the observation's mean (d values)
 * and covariance (d x d, row-major) under it, the moments of the Gaussian (or Student-t, or categorical) mixture.
 *
 * @param states K
 * @param dimension d
 * @param stateProbabilities horizon x K
 * @param means horizon x d
 * @param covariances horizon x d x d
 */
public record HmmForecast(int states, int dimension, double[] stateProbabilities, double[] means, double[] covariances) {
    /** The number of steps forecast. */
    public int horizon() {
        return stateProbabilities.length / states;
    }

    /** {@code P(s_{t+h} = k | x_1 .. x_t)} for h in [1, horizon]. */
    public double stateProbability(int h, int k) {
        return stateProbabilities[(h - 1) * states + k];
    }

    /** The expected observation component j at step h in [1, horizon]. */
    public double mean(int h, int j) {
        return means[(h - 1) * dimension + j];
    }
}
