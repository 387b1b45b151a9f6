package dev.sxn.math.spectral;

/**
 * Rolling spectral entropy over many windows of one or many series. Arguments are already checked by
 * {@link SpectralEntropy}: {@code 2 <= window <= length}, {@code step >= 1}, the ranges lie inside the arrays.
 * Implementations are stateless or serialise their own state, so one instance serves all threads.
 */
interface EntropyKernels {
    /**
     * For each series {@code s < series} (stored at {@code x[s * length .. (s+1) * length)}) and each
     * window {@code w < count = (length - window) / step + 1}: {@code out[s * count + w]} = the spectral
     * entropy of {@code x[s * length + w * step ..][0..window)}, NaN when that window holds a NaN or
     * has no power in the bins used. {@code logScale} multiplies the natural-log entropy (1/ln base, or
     * 1/ln(bins) when normalised).
     */
    void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc, double logScale,
            double[] out);

    /**
     * Whether this kernel slides the DFT from window to window for these arguments (O(W) per window instead
     * of an FFT's O(W log W)): the automatic choice prefers such a kernel for them over kinds that transform
     * every window.
     */
    default boolean slides(int window, int step) {
        return false;
    }

    /** Whether this kernel runs the windows on an OpenCL device rather than on the calling CPU thread. */
    default boolean offloads() {
        return false;
    }
}
