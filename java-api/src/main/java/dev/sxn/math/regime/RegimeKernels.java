package dev.sxn.math.regime;

/**
 * The batched forward filter of Gaussian hidden Markov models: {@code lanes} independent filters stepped together,
 * the lane index fastest in every array (so a vector, a SIMD register or a device work-group covers lanes).
 *
 * <p>Parameters: {@code E = k (2 + k + 2d + d^2)} entries, entry-major, each entry {@code paramLanes} wide (1 = shared
 * by all lanes, else one value per lane): {@code pi (k) | A row-major (k^2) | mu (k d) | lower Cholesky factors
 * row-major (k d^2) | reciprocal Cholesky diagonals (k d) | log normalisers (k)}. Observations
 * {@code x[(t d + j) xLanes + l]} ({@code xLanes} 1 = one series shared by all lanes); {@code filtered[(t k + s) lanes + l]}
 * (may be null: log-likelihood only); {@code logLikelihood[l]}. Each lane runs {@link Forward#step}'s operations in
 * its order (missing observations: any NaN component).
 */
interface RegimeKernels {
    /** Offsets of the parameter blocks (in entries) for k states and d dimensions. */
    static int entries(int k, int d) {
        return k * (2 + k + 2 * d + d * d);
    }

    void forward(int lanes, int steps, int k, int d, boolean diagonal, double[] params, int paramLanes, double[] x, int xLanes,
                 double[] filtered, double[] logLikelihood);
}
