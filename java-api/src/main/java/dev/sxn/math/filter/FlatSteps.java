package dev.sxn.math.filter;

/**
 * The flat, row-major per-step storage that {@link KalmanResult} and {@link SmoothedStates} share
 * (mean i of step t at {@code t*n + i}, covariance (i, j) at {@code (t*n + i)*n + j}): its index
 * arithmetic and the column read, written once for both records' accessors.
 */
final class FlatSteps {
    private FlatSteps() {}

    /** Mean component i of step t in {@code means} (n components per step). */
    static double mean(double[] means, int n, int t, int i) {
        return means[t * n + i];
    }

    /** Covariance (i, j) of step t in {@code covariances} (n x n per step). */
    static double covariance(double[] covariances, int n, int t, int i, int j) {
        return covariances[(t * n + i) * n + j];
    }

    /** Component i of every step, as a new array of length {@code steps}. O(steps). */
    static double[] series(double[] means, int steps, int n, int i) {
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) out[t] = means[t * n + i];
        return out;
    }
}
