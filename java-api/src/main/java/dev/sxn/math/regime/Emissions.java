package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

/**
 * The emission distributions of a hidden Markov model: one density per hidden state over observations of
 * {@link #dimension()} values. Observations are passed row-major, {@code x[t * d + j]} (time t, component j);
 * categorical symbols are the integers {@code 0 .. M-1} stored as doubles.
 *
 * <p>Implementations: {@link GaussianEmissions} (full, diagonal, spherical, tied covariance),
 * {@link CategoricalEmissions}, {@link StudentTEmissions}. Immutable and thread-safe.
 */
public abstract sealed class Emissions permits GaussianEmissions, CategoricalEmissions, StudentTEmissions {
    Emissions() {}

    /** The number of hidden states K. */
    public abstract int states();

    /** The number of values per observation d (1 for categorical). */
    public abstract int dimension();

    /** The number of free parameters of the emissions (for AIC/BIC). */
    public abstract int freeParameters();

    /**
     * {@code log p(x | state)} of one observation {@code x} (length d). O(d^2).
     */
    public final double logDensity(int state, double[] x) {
        Checks.inRange(state, "state", 0, states() - 1, "a state");
        Checks.length(x, "x", dimension(), "the emission dimension");
        double[] out = new double[states()];
        logDensities(x, 0, out, new double[dimension()]);
        return out[state];
    }

    /**
     * The mean of the observation in each state, {@code K x d} (a categorical emission's mean is its expected
     * symbol index).
     */
    public abstract double[][] means();

    /** Writes {@code log p(x[off .. off+d) | k)} for every state k into {@code out[0 .. K)}; {@code work} has length d. */
    abstract void logDensities(double[] x, int off, double[] out, double[] work);

    /** Whether symbol/component values of one observation are acceptable (checked once at the entry point). */
    abstract void checkObservations(double[] x, String name);

    /** The emissions with the states reordered: new state i is old state {@code order[i]}. */
    abstract Emissions permuted(int[] order);

    /** The key of state k for the canonical label order (ascending). */
    abstract double orderKey(int k);

    /**
     * The observation's mean and covariance (row-major d x d) under the state distribution {@code p}: the
     * mixture's moments, {@code sum p_k mu_k} and {@code sum p_k (S_k + mu_k mu_k') - mu mu'}.
     */
    abstract void mixtureMoments(double[] p, double[] mean, double[] cov);

    /** Draws one observation of state k into {@code out[off .. off+d)} from the source of normals/uniforms. */
    abstract void sample(int k, Draws draws, double[] out, int off);

    /** Baum-Welch's M-step: new emissions from the data and the posteriors {@code gamma[t * K + k]}. */
    abstract Emissions reestimate(double[] x, int n, double[] gamma, double[] floors);
}
