package dev.sxn.math.spectral;

/**
 * The butterfly stages of a complex FFT whose length has only the prime factors 2, 3 and 5.
 * Bluestein, real-input packing and normalisation are shared code ({@link FftEngine}) on top of this,
 * so every backend runs the same algorithm around its own stages. Arguments are already checked:
 * the plan is smooth ({@code !plan.isBluestein()}), {@code re}/{@code im} hold at least
 * {@code plan.n} elements and the scratch arrays too. Implementations are stateless or serialise
 * their own state, so one instance serves all threads.
 */
interface FftKernels {
    /**
     * The unnormalised forward DFT {@code X_k = sum_j x_j exp(-2 pi i j k / n)} of
     * {@code (re, im)[0..n)}, in place; {@code sre}/{@code sim} are scratch of length >= n
     * ({@link FftEngine#SCRATCH_SLACK} more lets the native kernel choose where in them to start).
     */
    void transform(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim);

    /**
     * Optionally the whole real FFT of even length {@code 2 * half.n} from {@code x[off..]} into bins
     * {@code 0..half.n} times {@code scale} in one step ({@code half} is smooth); returns false when
     * the kernel leaves it to {@link FftEngine}'s pack / transform / unpack.
     */
    default boolean realEven(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale) {
        return false;
    }

    /**
     * Whether {@link #transformChecked} and {@link #realEvenChecked} check the input for NaN and
     * infinities themselves (cheaper than a separate Java scan: vectorised, or fused into a pass that
     * reads the input anyway); when false, callers scan first.
     */
    default boolean checksFinite() {
        return false;
    }

    /**
     * {@link #transform}, unless {@code (re, im)[0..n)} holds a NaN or an infinity: then returns false
     * having written only the scratch arrays. Called only when {@link #checksFinite()}.
     */
    default boolean transformChecked(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        throw new IllegalStateException("transformChecked called on a kernel whose checksFinite() is false");
    }

    /**
     * {@link #realEven} with the finiteness check of {@link #transformChecked}: 1 when done, 0 when
     * {@code x[off..off+2 half.n)} holds a NaN or an infinity (outputs not written), -1 when the kernel
     * leaves the transform to {@link FftEngine}. Called only when {@link #checksFinite()}.
     */
    default int realEvenChecked(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale) {
        return -1;
    }
}
