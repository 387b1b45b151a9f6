package dev.sxn.math.indicators;

/**
 * The kernels of family {@code indicators.ttr.oscillators} (size = assets x bars): momentum, ROC, Williams %R, CCI
 * and MFI over a time-major batch ({@code x[i k + a]}, k assets, t bars), each writing every element of {@code out}
 * (k t values), so a failed call is re-run by JAVA exactly. Arguments are checked by {@link OscillatorBatches}.
 *
 * <p>JAVA ({@link JavaTtrOscKernels}) is the {@link Segments} path: each asset's maximal finite runs computed afresh
 * (the project's NaN rule), in TTR's operation order ({@link TtrOps}). The other kinds compute every asset's whole
 * series as one run, so they are given only batches whose values are all finite and of magnitude at most
 * {@link OscillatorBatches#LIMIT} (the facade pins JAVA otherwise): on such a batch a single run is what JAVA does,
 * and the typical price {@code (h + l + c) / 3} cannot overflow. They repeat JAVA's IEEE operations in its order
 * (no contraction; the typical price's one fused multiply-add is an explicit fma everywhere), so their results are
 * JAVA's bits, except ROC continuous on NATIVE and OPENCL, whose logarithm is libm's or the device's: within a few
 * ulps of {@link Math#log} each (tested), and so not chosen per call for it ({@link #exactLog}).
 */
interface TtrOscKernels {
    /** {@link #momentum} types: {@code x[i] - x[i-n]}, {@code x[i] / x[i-n] - 1}, {@code log x[i] - log x[i-n]}. */
    int DIFF = 0, DISCRETE = 1, CONTINUOUS = 2;

    /** Momentum or ROC of the given type over n bars ({@link TtrOps#momentum}, rocDiscrete, rocContinuous). */
    void momentum(double[] x, int k, int t, int n, int type, double[] out);

    /** Williams %R over n bars ({@link Oscillators#wpr(double[], double[], double[], int)}). */
    void wpr(double[] h, double[] l, double[] c, int k, int t, int n, double[] out);

    /**
     * CCI over n bars with constant {@code coef}: of the typical price of h, l, c, or, with {@code l} and {@code c}
     * null, of the series h itself (TTR's univariate form).
     */
    void cci(double[] h, double[] l, double[] c, int k, int t, int n, double coef, double[] out);

    /** Money flow index over n bars ({@link VolumeIndicators#mfi(double[], double[], double[], double[], int)}). */
    void mfi(double[] h, double[] l, double[] c, double[] v, int k, int t, int n, double[] out);

    /**
     * Whether this kernel's logarithm is {@link Math#log} (so ROC continuous gives JAVA's bits): the per-call choice
     * takes only such a kernel for ROC continuous, so an unpinned batch equals its one-series results bit for bit.
     */
    default boolean exactLog() {
        return false;
    }
}
