package dev.sxn.math.spectral;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Locale;
import java.util.Objects;

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
 * runs Bluestein's chirp-z algorithm on a power-of-two transform of length >= 2n - 1 (about 6x the
 * work of a power of two of similar size, still O(n log n)). A real FFT of even length n is one
 * complex FFT of length n/2 plus an O(n) pass; of odd length, a complex FFT of length n.
 *
 * <p>Plans (radices, twiddles, chirps) are built once per length on first use (warm-up: O(n)
 * trigonometric calls) and cached for the life of the JVM for lengths up to 2^22 (about 32 bytes
 * per point, plus 2 bytes per point for the blocked layout of lengths from 2^12; longer plans are
 * rebuilt per call); they are immutable. Scratch space is per thread (held softly above 2^18
 * doubles, so the garbage collector can reclaim it). All methods are thread-safe and allocate only
 * their result arrays once a thread's scratch has grown to the lengths it transforms.
 *
 * <p>Long transforms on the NATIVE backend (complex length from 2^21 points, real from 2^22, where
 * the length splits into two factors that are multiples of 8) run a cache-blocked four-step
 * transform: transforms down the columns of an n1 x n2 view in blocks of 8-32 columns, a twiddle
 * pass fused into them, then transforms along the rows, each block in an L2-sized buffer, so the
 * array crosses memory twice instead of once per radix-4 stage.
 *
 * <p>Errors (relative normwise, measured against NumPy in the tests): below
 * {@code 1e-12 * max(1, log2 n)}; in practice a few ulps times log2 n.
 *
 * <p>Input: arrays must be non-empty, re/im of equal length, and every value finite: one NaN or
 * infinity spreads over every bin, so it is rejected with {@link IllegalArgumentException}.
 */
public final class FFT {
    static final FftKernels JAVA = JavaFftKernels.INSTANCE;

    // Crossovers (transform length): crossovers.properties (spectral.FFT), measured by the spectral sweep.
    static final KernelSet<FftKernels> KERNELS = KernelSet.of(KernelFamilies.FFT, FftKernels.class, JAVA);

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
            Objects.requireNonNull(name, "norm must not be null");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "backward" -> BACKWARD;
                case "ortho" -> ORTHO;
                case "forward" -> FORWARD;
                default -> throw new IllegalArgumentException("norm must be one of backward, ortho, forward, was " + name);
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
            Objects.requireNonNull(re, "re must not be null");
            Objects.requireNonNull(im, "im must not be null");
            if (re.length != im.length) {
                throw new IllegalArgumentException("re and im must have the same length, were " + re.length + " and " + im.length);
            }
        }

        /** The number of complex values. */
        public int length() {
            return re.length;
        }
    }

    // ---- complex ----

    /** In-place forward DFT of {@code re + i im}, NumPy's {@code fft} with norm "backward". */
    public static void forward(double[] re, double[] im) {
        forward(re, im, Norm.BACKWARD);
    }

    /** In-place forward DFT with the given normalisation. */
    public static void forward(double[] re, double[] im, Norm norm) {
        int n = checkComplex(re, im, norm);
        complexChecked(null, re, im, n, false, norm.forwardScale(n));
    }

    /** {@link #forward(double[], double[], Norm)} on the given backend (throws if unavailable). */
    public static void forward(Backend backend, double[] re, double[] im, Norm norm) {
        Objects.requireNonNull(backend, "backend must not be null");
        int n = checkComplex(re, im, norm);
        complexChecked(backend, re, im, n, false, norm.forwardScale(n));
    }

    /** In-place inverse DFT of {@code re + i im}, NumPy's {@code ifft} with norm "backward". */
    public static void inverse(double[] re, double[] im) {
        inverse(re, im, Norm.BACKWARD);
    }

    /** In-place inverse DFT with the given normalisation. */
    public static void inverse(double[] re, double[] im, Norm norm) {
        int n = checkComplex(re, im, norm);
        complexChecked(null, re, im, n, true, norm.inverseScale(n));
    }

    /** {@link #inverse(double[], double[], Norm)} on the given backend (throws if unavailable). */
    public static void inverse(Backend backend, double[] re, double[] im, Norm norm) {
        Objects.requireNonNull(backend, "backend must not be null");
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
            requireFinite(re, 0, plan.n, "re");
            requireFinite(im, 0, plan.n, "im");
            throw new IllegalStateException("the FFT kernel reported a non-finite input that the scan did not find");
        }
    }

    // ---- real ----

    /** NumPy's {@code rfft(x)}: bins 0..n/2 of the forward DFT of real {@code x}, norm "backward". */
    public static ComplexArray rfft(double[] x) {
        return rfft(x, Norm.BACKWARD);
    }

    /** NumPy's {@code rfft(x, norm=...)}: n/2 + 1 bins. */
    public static ComplexArray rfft(double[] x, Norm norm) {
        Objects.requireNonNull(x, "x must not be null");
        double[] re = new double[x.length / 2 + 1], im = new double[x.length / 2 + 1];
        rfft(null, x, 0, x.length, re, im, norm);
        return new ComplexArray(re, im);
    }

    /**
     * The real FFT of {@code x[off..off+n)} into {@code outRe/outIm[0..n/2]}, allocating nothing
     * (after warm-up); {@code backend} null chooses automatically.
     */
    public static void rfft(Backend backend, double[] x, int off, int n, double[] outRe, double[] outIm, Norm norm) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(outRe, "outRe must not be null");
        Objects.requireNonNull(outIm, "outIm must not be null");
        Objects.requireNonNull(norm, "norm must not be null");
        if (n < 1) throw new IllegalArgumentException("n must be >= 1 (the transform length), was " + n);
        if (off < 0 || (long) off + n > x.length) {
            throw new IllegalArgumentException("off + n must lie in [0, x.length = " + x.length + "], was off " + off + ", n " + n);
        }
        int bins = n / 2 + 1;
        if (outRe.length < bins || outIm.length < bins) {
            throw new IllegalArgumentException("outRe and outIm need n/2 + 1 = " + bins + " elements, were " + outRe.length
                    + " and " + outIm.length);
        }
        double scale = norm.forwardScale(n);
        KERNELS.run(backend, n, k -> runReal(k, x, off, n, outRe, outIm, scale));
    }

    /** One real transform with the finiteness check (see {@link #run}): throws before writing the outputs. */
    private static void runReal(FftKernels k, double[] x, int off, int n, double[] outRe, double[] outIm, double scale) {
        if (!FftEngine.realUnchecked(k, x, off, n, outRe, outIm, scale)) {
            requireFinite(x, off, n, "x");
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

    /** {@link #irfft(double[], double[], int, Norm)} into {@code out[0..n)}; {@code backend} null chooses. */
    public static void irfft(Backend backend, double[] re, double[] im, int n, double[] out, Norm norm) {
        Objects.requireNonNull(re, "re must not be null");
        Objects.requireNonNull(im, "im must not be null");
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(norm, "norm must not be null");
        if (n < 1) throw new IllegalArgumentException("n must be >= 1 (the output length), was " + n);
        int bins = n / 2 + 1;
        if (re.length != bins || im.length != bins) {
            throw new IllegalArgumentException("re and im must hold n/2 + 1 = " + bins + " bins for n = " + n + ", were "
                    + re.length + " and " + im.length);
        }
        if (out.length < n) throw new IllegalArgumentException("out must hold n = " + n + " values, was " + out.length);
        requireFinite(re, 0, bins, "re");
        requireFinite(im, 0, bins, "im");
        double scale = norm.inverseScale(n);
        KERNELS.run(backend, n, k -> FftEngine.realInverse(k, re, im, n, out, 0, scale));
    }

    // ---- checks ----

    private static int checkComplex(double[] re, double[] im, Norm norm) {
        Objects.requireNonNull(re, "re must not be null");
        Objects.requireNonNull(im, "im must not be null");
        Objects.requireNonNull(norm, "norm must not be null");
        if (re.length != im.length) {
            throw new IllegalArgumentException("re and im must have the same length, were " + re.length + " and " + im.length);
        }
        if (re.length == 0) throw new IllegalArgumentException("re must not be empty (length 0)");
        // finiteness is checked per transform (run): in the native kernel's own pass where it has one
        return re.length;
    }

    /** Rejects NaN and infinities, naming the first offending index. */
    static void requireFinite(double[] a, int off, int n, String name) {
        for (int j = off; j < off + n; j++) {
            if (!Double.isFinite(a[j])) {
                throw new IllegalArgumentException(name + "[" + j + "] must be finite (one NaN or infinity spreads over every bin), was "
                        + a[j]);
            }
        }
    }
}
