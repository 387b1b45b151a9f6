package dev.sxn.math.spectral;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.internal.Scratch;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Spectral entropy of real series (whole series, rolling, batched rolling), the power spectrum it is
 * computed from, and the Shannon entropy and Kullback-Leibler divergence of discrete distributions
 * (spectral entropy is the Shannon entropy of the normalised power spectrum).
 *
 * <p><b>Spectral entropy.</b> With {@code X = rfft(x)} (n/2 + 1 bins) and {@code P_k = |X_k|^2},
 * the bins used are {@code k = 1..n/2} (DC excluded, the default: a price level or mean says
 * nothing about the shape of the spectrum) or {@code k = 0..n/2}; {@code p_k = P_k / sum P},
 * {@code H = -sum p_k log_b p_k} with {@code 0 log 0 = 0}. Normalised, {@code H / ln(B)} with B the
 * number of bins used, in [0, 1] (0 when B = 1): white noise is near 1, a pure tone on a bin near 0.
 * A signal with no power in the bins used has no spectral distribution: its entropy is NaN. A
 * constant signal or window with DC excluded is detected exactly (not from FFT rounding noise) and
 * gives NaN on every backend.
 *
 * <p><b>NaN</b> (DESIGN.md, Settled questions): a NaN or infinity in a whole-signal computation
 * (power spectrum, entropy) is an {@link IllegalArgumentException}; in a rolling computation it makes
 * the windows that contain it NaN and leaves the others exact.
 *
 * <p><b>Backends.</b> The rolling forms dispatch the kernel family {@code spectral.rollingEntropy}
 * (JAVA, VECTOR, NATIVE, OPENCL); a {@code Backend} argument pins a kind (it throws if that kind is
 * unavailable), {@code null} chooses per call by the number of windows times the window length, from
 * the crossovers in {@code crossovers.properties}. The whole-signal forms run one FFT ({@link FFT},
 * chosen per call).
 *
 * <p>All methods are stateless and thread-safe; costs are those of the FFTs plus O(n).
 */
public final class SpectralEntropy {
    private static final EntropyKernels JAVA = new JavaEntropyKernels();

    /** The one binding of the rolling-entropy family (size: windows x window length). */
    static final KernelSet<EntropyKernels> KERNELS =
            KernelSet.of(KernelFamilies.ROLLING_ENTROPY, EntropyKernels.class, JAVA);

    private SpectralEntropy() {}

    // ---- power spectrum and entropy of a whole signal ----

    /**
     * The power spectrum {@code |rfft(x)_k|^2} for {@code k = 0..n/2} (unnormalised, as
     * {@code numpy.abs(numpy.fft.rfft(x))**2}). O(n log n).
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value
     */
    public static double[] powerSpectrum(double[] x) {
        FFT.requireSignal(x, "x");
        int bins = x.length / 2 + 1;
        double[] re = new double[bins], im = new double[bins];
        FFT.rfftChecked(null, x, 0, x.length, re, im, 1.0);
        for (int k = 0; k < bins; k++) re[k] = re[k] * re[k] + im[k] * im[k];
        return re;
    }

    /** The spectral entropy of {@code x} in {@code base} (e.g. 2, or {@link Math#E}), DC excluded. */
    public static double entropy(double[] x, double base, boolean normalized) {
        return entropy(x, base, normalized, false);
    }

    /**
     * The spectral entropy of {@code x} (see the class comment); {@code keepDc} includes bin 0.
     * {@code base} must be finite, > 0 and != 1 (ignored when normalised). NaN when the bins used
     * carry no power. O(n log n).
     *
     * @throws IllegalArgumentException if x has fewer than 2 values (1 with keepDc) or a non-finite value
     */
    public static double entropy(double[] x, double base, boolean normalized, boolean keepDc) {
        FFT.requireSignal(x, "x");
        if (!keepDc) Checks.minLength(x, "x", 2, "one bin besides DC");
        checkBase(base);
        int bins = x.length / 2 + 1;
        double[] re = new double[bins], im = new double[bins];
        FFT.rfftChecked(null, x, 0, x.length, re, im, 1.0);
        int from = keepDc ? 0 : 1;
        if (!keepDc && isFlat(x, 0, x.length)) return Double.NaN;
        return JavaEntropyKernels.entropyOfBins(re, im, bins, from) * logScale(bins - from, base, normalized);
    }

    // ---- rolling entropy ----

    /**
     * The normalised spectral entropy (DC excluded) of every window {@code x[w*step .. w*step+window)},
     * {@code w = 0 .. (n - window) / step}: value {@code w} belongs to the window ending at index
     * {@code w*step + window - 1}. A window containing NaN gives NaN. O(count * window log window).
     */
    public static double[] rollingEntropy(double[] x, int window, int step) {
        return rollingEntropy(null, x, window, step, Math.E, true, false);
    }

    /**
     * {@link #rollingEntropy(double[], int, int)} with every option, on {@code backend} (null: chosen per
     * call by the number of windows times the window length).
     */
    public static double[] rollingEntropy(Backend backend, double[] x, int window, int step, double base, boolean normalized,
            boolean keepDc) {
        Checks.notNull(x, "x");
        return rollingEntropyFlat(backend, x, 1, x.length, window, step, base, normalized, keepDc);
    }

    /**
     * Batched rolling entropy: row {@code s} of the result holds the normalised (DC excluded) rolling
     * entropy of {@code series[s]}; all series must have the same length.
     */
    public static double[][] rollingEntropy(double[][] series, int window, int step) {
        return rollingEntropy(null, series, window, step, Math.E, true, false);
    }

    /**
     * Batched rolling entropy with every option on {@code backend} (null: chosen per call). Copies the
     * rows into one flat array for {@link #rollingEntropyFlat}, which allocates nothing else.
     */
    public static double[][] rollingEntropy(Backend backend, double[][] series, int window, int step, double base,
            boolean normalized, boolean keepDc) {
        Checks.notNull(series, "series");
        if (series.length == 0) throw Checks.invalid("series.length", 0, "be >= 1 (at least one series)");
        int len = Checks.notNull(series[0], "series[0]").length;
        double[] flat = new double[Math.multiplyExact(series.length, len)];
        for (int s = 0; s < series.length; s++) {
            double[] row = Checks.notNull(series[s], "series[" + s + "]");
            if (row.length != len) throw Checks.invalid("series[" + s + "].length", row.length, "equal series[0].length (" + len + ")");
            System.arraycopy(row, 0, flat, s * len, len);
        }
        double[] out = rollingEntropyFlat(backend, flat, series.length, len, window, step, base, normalized, keepDc);
        int count = out.length / series.length;
        double[][] rows = new double[series.length][];
        for (int s = 0; s < series.length; s++) rows[s] = Arrays.copyOfRange(out, s * count, (s + 1) * count);
        return rows;
    }

    /**
     * Batched rolling entropy on a flat row-major layout, the one checked core of every rolling form:
     * series {@code s} is {@code data[s*length .. (s+1)*length)}; the result holds
     * {@code count = (length - window)/step + 1} values per series, series after series. {@code backend}
     * null chooses per call. Allocates the result only: the flat-window test (DC excluded) counts in
     * per-thread scratch.
     *
     * @throws IllegalArgumentException if series or length is below 1, {@code series * length} exceeds
     *         data.length, window is not in [2, length], step is below 1, or base is not finite, > 0 and != 1
     */
    public static double[] rollingEntropyFlat(Backend backend, double[] data, int series, int length, int window, int step,
            double base, boolean normalized, boolean keepDc) {
        Checks.notNull(data, "data");
        Checks.atLeast(series, "series", 1);
        Checks.atLeast(length, "length", 1, "the series length");
        if ((long) series * length > data.length) {
            throw Checks.invalid("series * length", (long) series * length, "be <= data.length (" + data.length + ")");
        }
        Checks.inRange(window, "window", 2, length, "the series length");
        Checks.atLeast(step, "step", 1);
        checkBase(base);
        int count = windowCount(length, window, step);
        double[] out = new double[Math.multiplyExact(series, count)];
        int bins = window / 2 + 1 - (keepDc ? 0 : 1);
        double scale = logScale(bins, base, normalized);
        // Every window's value is written, so a retry on JAVA rewrites whatever a failed kernel left.
        long size = (long) out.length * window;
        Predicate<EntropyKernels> eligible = backend == null ? eligibility(size, window, step) : null;
        KERNELS.run(backend, size, eligible, k -> k.rollingEntropy(data, series, length, window, step, keepDc, scale, out));
        if (!keepDc) markFlatWindows(data, series, length, window, step, out);
        return out;
    }

    /**
     * The automatic choice's extra rule for an unpinned call: when a kernel that slides the DFT for these
     * arguments is reachable at this size, NATIVE (one FFT per window on the same CPU) is passed over for it,
     * whatever the crossovers say; OPENCL keeps its own crossover (a GPU transforms windows in parallel and
     * outruns one core's slide). Null when no sliding kernel is reachable (the crossovers alone).
     */
    static Predicate<EntropyKernels> eligibility(long size, int window, int step) {
        Predicate<EntropyKernels> slides = k -> k.slides(window, step) || k.offloads();
        return KERNELS.choose(size, k -> k.slides(window, step)) != Backend.JAVA ? slides : null;
    }

    /** The number of rolling windows of {@code window} values every {@code step} in {@code length} values. */
    public static int windowCount(int length, int window, int step) {
        return length < window ? 0 : (length - window) / step + 1;
    }

    /**
     * A constant window has no power outside DC, but an FFT returns exact zeros there only for some
     * lengths (Bluestein and direct DFTs leave rounding noise whose "entropy" is meaningless), so
     * constant windows are found exactly, from a running count of value changes, and set to NaN.
     */
    private static void markFlatWindows(double[] x, int series, int length, int window, int step, double[] out) {
        try (Scratch scratch = Scratch.open()) {
            markFlatWindows(x, series, length, window, step, out, scratch.ints(length));
        }
    }

    /** {@link #markFlatWindows(double[], int, int, int, int, double[])} with its scratch of length ints. */
    private static void markFlatWindows(double[] x, int series, int length, int window, int step, double[] out, int[] changes) {
        int count = windowCount(length, window, step);
        changes[0] = 0;
        for (int s = 0; s < series; s++) {
            int base = s * length;
            for (int i = 1; i < length; i++) changes[i] = changes[i - 1] + (x[base + i] != x[base + i - 1] ? 1 : 0);
            for (int w = 0; w < count; w++) {
                int start = w * step;
                if (changes[start + window - 1] == changes[start]) out[s * count + w] = Double.NaN;
            }
        }
    }

    private static boolean isFlat(double[] x, int off, int n) {
        for (int i = off + 1; i < off + n; i++) if (x[i] != x[off]) return false;
        return true;
    }

    private static double logScale(int bins, double base, boolean normalized) {
        if (normalized) return bins <= 1 ? 0.0 : 1.0 / Math.log(bins);
        return 1.0 / Math.log(base);
    }

    private static void checkBase(double base) {
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) throw Checks.invalid("base", base, "be finite, > 0 and != 1");
    }

    // ---- discrete distributions ----

    /**
     * The Shannon entropy {@code -sum p_i log_b p_i} of the distribution proportional to {@code p}
     * (divided by its sum first). Zeros: {@code 0 log 0 = 0}. Entries must be finite and >= 0 with a
     * positive sum. O(n).
     */
    public static double shannonEntropy(double[] p, double base) {
        double sum = checkDistribution(p, "p");
        checkBase(base);
        double h = 0;
        for (double v : p) {
            double q = v / sum;
            if (q > 0) h -= q * Math.log(q);
        }
        return h / Math.log(base);
    }

    /**
     * The Kullback-Leibler divergence {@code D(p || q) = sum p_i log_b(p_i / q_i)} of the distributions
     * proportional to {@code p} and {@code q} (each divided by its sum). Zeros: a term with
     * {@code p_i = 0} is 0; a term with {@code p_i > 0} and {@code q_i = 0} makes the divergence
     * {@code +Infinity} (p is not absolutely continuous with respect to q), as scipy.stats.entropy. O(n).
     */
    public static double klDivergence(double[] p, double[] q, double base) {
        double sp = checkDistribution(p, "p");
        double sq = checkDistribution(q, "q");
        Checks.sameLength(p, "p", q, "q");
        checkBase(base);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            if (a == 0) continue;
            double b = q[i] / sq;
            if (b == 0) return Double.POSITIVE_INFINITY;
            d += a * Math.log(a / b);
        }
        return d / Math.log(base);
    }

    /** Checks a weight vector (non-empty, finite, >= 0, positive sum) and returns its sum. */
    private static double checkDistribution(double[] p, String name) {
        Checks.minLength(p, name, 1, "");
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw Checks.invalid(name + "[" + i + "]", p[i], "be finite and >= 0 (a probability weight)");
            }
            s += p[i];
        }
        if (!(s > 0)) throw Checks.invalid("the sum of " + name, s, "be > 0");
        return s;
    }
}
