package dev.sxn.math.spectral;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Locale;

/**
 * Fast Fourier transforms of any length on split real/imaginary {@code double[]} arrays, with
 * NumPy's conventions ({@code numpy.fft.fft/ifft/rfft/irfft}).
 *
 * <p>Definition: {@code forward}: {@code X_k = sum_j x_j exp(-2 pi i j k / n)};
 * {@code inverse}: {@code x_j = sum_k X_k exp(+2 pi i j k / n)}; each times the factor of the
 * {@link Norm} mode (default {@link Norm#BACKWARD}: 1 forward, 1/n inverse).
 *
 * <p>Algorithm: lengths whose prime factors are 2, 3 and 5 run a Stockham autosort transform with
 * radix-4 stages first, then 2, 3, 5 (precomputed twiddles, no bit reversal); any other length
 * runs Bluestein's chirp-z algorithm (two power-of-two transforms of length >= 2n - 1 and O(n)
 * passes, still O(n log n)). A real FFT of even length n is one complex FFT of length n/2 plus an
 * O(n) pass; of odd length, a complex FFT of length n.
 *
 * <p>Plans (radices, twiddles, chirps) are built once per length on first use (warm-up: O(n)
 * trigonometric calls) and cached for the life of the JVM up to a length limit ({@link FftPlan});
 * they are immutable. Scratch space is per thread (large arrays held softly, so the garbage collector
 * can reclaim them). All methods are thread-safe and allocate only their result arrays once a thread's
 * scratch has grown to the lengths it transforms.
 *
 * <p>Long transforms on the NATIVE backend (from the length {@code NativeFftKernels.blockedMin}, where
 * the length splits into two factors that are multiples of 8) run a cache-blocked four-step
 * transform: transforms down the columns of an n1 x n2 view in blocks of columns, a twiddle pass
 * fused into them, then transforms along the rows, each block in an L2-sized buffer, so the array
 * crosses memory twice instead of once per radix-4 stage (SpectralCpuTime; bench/results/history/spectral.md,
 * "Large-n blocked FFT").
 *
 * <p><b>Backends.</b> The family {@code spectral.FFT} has JAVA, VECTOR and NATIVE kernels. Every form
 * with a {@code Backend} argument pins that kind (it throws if the kind is unavailable); {@code null}
 * there, and every form without one, chooses per call by the transform length from the crossovers in
 * {@code crossovers.properties}.
 *
 * <p>Accuracy: relative normwise error below {@code 1e-12 * max(1, log2 n)} against NumPy on every
 * backend (the bound FftTest and SpectralBackendsTest hold).
 *
 * <p>Input: arrays must be non-empty, re/im of equal length, and every value finite: one NaN or
 * infinity spreads over every bin, so it is rejected with {@link IllegalArgumentException}.
 */
public final class FFT {
    static final FftKernels JAVA = JavaFftKernels.INSTANCE;

    /** The one binding of the FFT family (size: transform length). */
    private static final KernelSet<FftKernels> KERNELS = KernelSet.of(KernelFamilies.FFT, FftKernels.class, JAVA);

    private FFT() {}

    /** NumPy's normalisation modes: which direction carries the 1/n (or both 1/sqrt(n)). */
    public enum Norm {
        /** Forward unscaled, inverse scaled by 1/n (NumPy's default, "backward"). */
        BACKWARD,
        /** Both directions scaled by 1/sqrt(n): the transform is unitary ("ortho"). */
        ORTHO,
        /** Forward scaled by 1/n, inverse unscaled ("forward"). */
        FORWARD;

        /** The mode named as NumPy names it: "backward", "ortho" or "forward" (case-insensitive). */
        public static Norm of(String name) {
            Checks.notNull(name, "norm");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "backward" -> BACKWARD;
                case "ortho" -> ORTHO;
                case "forward" -> FORWARD;
                default -> throw Checks.invalid("norm", name, "be one of backward, ortho, forward");
            };
        }

        double forwardScale(int n) {
            return switch (this) {
                case BACKWARD -> 1.0;
                case ORTHO -> 1.0 / Math.sqrt(n);
                case FORWARD -> 1.0 / n;
            };
        }

        double inverseScale(int n) {
            return switch (this) {
                case BACKWARD -> 1.0 / n;
                case ORTHO -> 1.0 / Math.sqrt(n);
                case FORWARD -> 1.0;
            };
        }
    }

    /** A complex array in split form: {@code re[i] + i im[i]}. The arrays are the caller's to keep. */
    public record ComplexArray(double[] re, double[] im) {
        /** Checks that both parts are non-null and of equal length. */
        public ComplexArray {
            Checks.sameLength(re, "re", im, "im");
        }

        /** The number of complex values. */
        public int length() {
            return re.length;
        }
    }

    // ---- complex ----

    /** In-place forward DFT of {@code re + i im}, NumPy's {@code fft} with norm "backward". O(n log n). */
    public static void forward(double[] re, double[] im) {
        forward(null, re, im, Norm.BACKWARD);
    }

    /** In-place forward DFT with the given normalisation. O(n log n). */
    public static void forward(double[] re, double[] im, Norm norm) {
        forward(null, re, im, norm);
    }

    /**
     * In-place forward DFT of {@code re + i im} with the given normalisation, on {@code backend}
     * (null: chosen per call by n). Non-finite input throws before re/im are touched. O(n log n).
     *
     * @throws IllegalArgumentException if re and im differ in length, are empty, or hold a non-finite value
     * @throws IllegalStateException if {@code backend} is unavailable here
     */
    public static void forward(Backend backend, double[] re, double[] im, Norm norm) {
        int n = checkComplex(re, im, norm);
        complexChecked(backend, re, im, n, false, norm.forwardScale(n));
    }

    /** In-place inverse DFT of {@code re + i im}, NumPy's {@code ifft} with norm "backward". O(n log n). */
    public static void inverse(double[] re, double[] im) {
        inverse(null, re, im, Norm.BACKWARD);
    }

    /** In-place inverse DFT with the given normalisation. O(n log n). */
    public static void inverse(double[] re, double[] im, Norm norm) {
        inverse(null, re, im, norm);
    }

    /**
     * In-place inverse DFT with the given normalisation on {@code backend} (null: chosen per call);
     * checks as {@link #forward(Backend, double[], double[], Norm)}.
     */
    public static void inverse(Backend backend, double[] re, double[] im, Norm norm) {
        int n = checkComplex(re, im, norm);
        complexChecked(backend, re, im, n, true, norm.inverseScale(n));
    }

    private static void complexChecked(Backend pinned, double[] re, double[] im, int n, boolean inverse, double scale) {
        FftPlan plan = FftPlan.of(n);
        // The FFT kernels can fail only before they touch the data (loading, linking a symbol): the stages
        // themselves are plain arithmetic on checked ranges, so a retry on JAVA starts from the input.
        KERNELS.run(pinned, n, k -> run(k, plan, re, im, inverse));
        if (scale != 1.0) {
            for (int j = 0; j < n; j++) {
                re[j] *= scale;
                im[j] *= scale;
            }
        }
    }

    /**
     * One transform with the finiteness check (by the kernel where it can, else a Java scan first):
     * non-finite input throws before re/im are touched.
     */
    private static void run(FftKernels k, FftPlan plan, double[] re, double[] im, boolean inverse) {
        boolean done = inverse ? FftEngine.complexUnchecked(k, plan, im, re) : FftEngine.complexUnchecked(k, plan, re, im);
        if (!done) {
            Checks.allFinite(re, 0, plan.n, "re");
            Checks.allFinite(im, 0, plan.n, "im");
            throw new IllegalStateException("the FFT kernel reported a non-finite input that the scan did not find");
        }
    }

    // ---- real ----

    /** NumPy's {@code rfft(x)}: bins 0..n/2 of the forward DFT of real {@code x}, norm "backward". */
    public static ComplexArray rfft(double[] x) {
        return rfft(x, Norm.BACKWARD);
    }

    /** NumPy's {@code rfft(x, norm=...)}: n/2 + 1 bins. O(n log n). */
    public static ComplexArray rfft(double[] x, Norm norm) {
        Checks.notNull(x, "x");
        double[] re = new double[x.length / 2 + 1], im = new double[x.length / 2 + 1];
        rfft(null, x, 0, x.length, re, im, norm);
        return new ComplexArray(re, im);
    }

    /**
     * The real FFT of {@code x[off..off+n)} into {@code outRe/outIm[0..n/2]}, allocating nothing
     * (after warm-up); {@code backend} null chooses per call. Non-finite input throws before the
     * outputs are written. O(n log n).
     *
     * @throws IllegalArgumentException if n < 1, the range lies outside x, an output holds fewer than
     *         n/2 + 1 values, or the input holds a non-finite value
     */
    public static void rfft(Backend backend, double[] x, int off, int n, double[] outRe, double[] outIm, Norm norm) {
        Checks.notNull(x, "x");
        Checks.notNull(norm, "norm");
        Checks.atLeast(n, "n", 1, "the transform length");
        Checks.range(x, "x", off, "off", n, "n");
        int bins = n / 2 + 1;
        Checks.minLength(outRe, "outRe", bins, "n/2 + 1 bins");
        Checks.minLength(outIm, "outIm", bins, "n/2 + 1 bins");
        rfftChecked(backend, x, off, n, outRe, outIm, norm.forwardScale(n));
    }

    /**
     * The real FFT on arguments already checked (only finiteness is left: it is checked by the transform
     * itself), for this package's callers that have checked their own arguments.
     */
    static void rfftChecked(Backend pinned, double[] x, int off, int n, double[] outRe, double[] outIm, double scale) {
        KERNELS.run(pinned, n, k -> runReal(k, x, off, n, outRe, outIm, scale));
    }

    /** One real transform with the finiteness check (see {@link #run}): throws before writing the outputs. */
    private static void runReal(FftKernels k, double[] x, int off, int n, double[] outRe, double[] outIm, double scale) {
        if (!FftEngine.realUnchecked(k, x, off, n, outRe, outIm, scale)) {
            Checks.allFinite(x, off, n, "x");
            throw new IllegalStateException("the FFT kernel reported a non-finite input that the scan did not find");
        }
    }

    /** NumPy's {@code irfft(X, n)}: the real signal of length n from bins 0..n/2, norm "backward". */
    public static double[] irfft(double[] re, double[] im, int n) {
        return irfft(re, im, n, Norm.BACKWARD);
    }

    /**
     * NumPy's {@code irfft(X, n, norm=...)}: {@code re}/{@code im} must hold exactly n/2 + 1 bins. The
     * imaginary parts of bin 0 and, for even n, bin n/2 are ignored (they must be 0 for a real signal).
     */
    public static double[] irfft(double[] re, double[] im, int n, Norm norm) {
        double[] out = new double[Math.max(n, 0)];
        irfft(null, re, im, n, out, norm);
        return out;
    }

    /**
     * {@link #irfft(double[], double[], int, Norm)} into {@code out[0..n)}; {@code backend} null chooses
     * per call. O(n log n).
     *
     * @throws IllegalArgumentException if n < 1, re or im does not hold n/2 + 1 bins, out holds fewer
     *         than n values, or a bin is non-finite
     */
    public static void irfft(Backend backend, double[] re, double[] im, int n, double[] out, Norm norm) {
        Checks.notNull(re, "re");
        Checks.notNull(im, "im");
        Checks.notNull(out, "out");
        Checks.notNull(norm, "norm");
        Checks.atLeast(n, "n", 1, "the output length");
        int bins = n / 2 + 1;
        Checks.length(re, "re", bins, "n/2 + 1 bins for n = " + n);
        Checks.length(im, "im", bins, "n/2 + 1 bins for n = " + n);
        Checks.minLength(out, "out", n, "the output length n");
        Checks.allFinite(re, 0, bins, "re");
        Checks.allFinite(im, 0, bins, "im");
        double scale = norm.inverseScale(n);
        KERNELS.run(backend, n, k -> FftEngine.realInverse(k, re, im, n, out, 0, scale));
    }

    // ---- checks ----

    private static int checkComplex(double[] re, double[] im, Norm norm) {
        Checks.sameLength(re, "re", im, "im");
        Checks.distinct(im, "im", re, "re");
        Checks.notNull(norm, "norm");
        Checks.minLength(re, "re", 1, "");
        // finiteness is checked per transform (run): in the native kernel's own pass where it has one
        return re.length;
    }

    /**
     * The check of a whole signal for this package's transforms (spectral entropy, Welch, wavelets):
     * non-null, non-empty and finite (one NaN or infinity spreads over every bin). O(n).
     */
    static void requireSignal(double[] x, String name) {
        Checks.minLength(x, name, 1, "");
        Checks.allFinite(x, 0, x.length, name);
    }
}
