package dev.sxn.math.spectral;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Spectral statistics of real series: power spectrum, spectral entropy (whole series, rolling and
 * batched rolling), Welch's power spectral density (as {@code scipy.signal.welch}), and the Shannon
 * entropy and Kullback-Leibler divergence of discrete distributions.
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
 * (power spectrum, entropy, Welch) is an {@link IllegalArgumentException}; in a rolling computation
 * it makes the windows that contain it NaN and leaves the others exact.
 *
 * <p>All methods are stateless and thread-safe; costs are those of the FFTs ({@link FFT}) plus O(n).
 */
public final class Spectral {
    private static final EntropyKernels JAVA = new JavaEntropyKernels();

    // Crossovers (windows x window): crossovers.properties (spectral.rollingEntropy), measured by the spectral sweep.
    static final KernelSet<EntropyKernels> KERNELS = KernelSet.of(KernelFamilies.ROLLING_ENTROPY, EntropyKernels.class, JAVA);

    private Spectral() {}

    // ---- power spectrum and entropy ----

    /**
     * The power spectrum {@code |rfft(x)_k|^2} for {@code k = 0..n/2} (unnormalised, as
     * {@code numpy.abs(numpy.fft.rfft(x))**2}). O(n log n).
     */
    public static double[] powerSpectrum(double[] x) {
        requireSignal(x, "x");
        int bins = x.length / 2 + 1;
        double[] re = new double[bins], im = new double[bins];
        FFT.rfft(null, x, 0, x.length, re, im, FFT.Norm.BACKWARD);
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
     * carry no power.
     *
     * @throws IllegalArgumentException if x has fewer than 2 values (1 with keepDc) or a non-finite value
     */
    public static double entropy(double[] x, double base, boolean normalized, boolean keepDc) {
        requireSignal(x, "x");
        int minLen = keepDc ? 1 : 2;
        if (x.length < minLen) {
            throw new IllegalArgumentException("x must have at least " + minLen + " values for an entropy "
                    + (keepDc ? "" : "without the DC bin ") + "(at least one bin), had " + x.length);
        }
        checkBase(base);
        int bins = x.length / 2 + 1;
        double[] re = new double[bins], im = new double[bins];
        FFT.rfft(null, x, 0, x.length, re, im, FFT.Norm.BACKWARD);
        int from = keepDc ? 0 : 1;
        if (!keepDc && isFlat(x, 0, x.length)) return Double.NaN;
        return JavaEntropyKernels.entropyOfBins(re, im, bins, from) * logScale(bins - from, base, normalized);
    }

    /**
     * The normalised spectral entropy (DC excluded) of every window {@code x[w*step .. w*step+window)},
     * {@code w = 0 .. (n - window) / step}: value {@code w} belongs to the window ending at index
     * {@code w*step + window - 1}. A window containing NaN gives NaN. O(count * window log window).
     */
    public static double[] rollingEntropy(double[] x, int window, int step) {
        return rollingEntropy(null, x, window, step, Math.E, true, false);
    }

    /**
     * {@link #rollingEntropy(double[], int, int)} with every option, on {@code backend} (null: chosen
     * automatically by the number of windows times the window length).
     */
    public static double[] rollingEntropy(Backend backend, double[] x, int window, int step, double base, boolean normalized,
            boolean keepDc) {
        Objects.requireNonNull(x, "x must not be null");
        return rollingBatch(backend, x, 1, x.length, window, step, base, normalized, keepDc);
    }

    /**
     * Batched rolling entropy: row {@code s} of the result holds the normalised (DC excluded) rolling
     * entropy of {@code series[s]}; all series must have the same length.
     */
    public static double[][] rollingEntropy(double[][] series, int window, int step) {
        return rollingEntropy(null, series, window, step, Math.E, true, false);
    }

    /** Batched rolling entropy with every option on {@code backend} (null: automatic). */
    public static double[][] rollingEntropy(Backend backend, double[][] series, int window, int step, double base,
            boolean normalized, boolean keepDc) {
        Objects.requireNonNull(series, "series must not be null");
        if (series.length == 0) throw new IllegalArgumentException("series must hold at least one series, had 0");
        int len = Objects.requireNonNull(series[0], "series[0] must not be null").length;
        double[] flat = new double[Math.multiplyExact(series.length, len)];
        for (int s = 0; s < series.length; s++) {
            double[] row = Objects.requireNonNull(series[s], "series[" + s + "] must not be null");
            if (row.length != len) {
                throw new IllegalArgumentException("series[" + s + "] must have the length of series[0] (" + len + "), had "
                        + row.length);
            }
            System.arraycopy(row, 0, flat, s * len, len);
        }
        double[] out = rollingBatch(backend, flat, series.length, len, window, step, base, normalized, keepDc);
        int count = out.length / series.length;
        double[][] rows = new double[series.length][];
        for (int s = 0; s < series.length; s++) rows[s] = java.util.Arrays.copyOfRange(out, s * count, (s + 1) * count);
        return rows;
    }

    /**
     * Batched rolling entropy on a flat row-major layout: series {@code s} is
     * {@code data[s*length .. (s+1)*length)}; the result holds {@code count = (length - window)/step + 1}
     * values per series, series after series. Allocates only the result.
     */
    public static double[] rollingEntropyFlat(Backend backend, double[] data, int series, int length, int window, int step,
            double base, boolean normalized, boolean keepDc) {
        Objects.requireNonNull(data, "data must not be null");
        return rollingBatch(backend, data, series, length, window, step, base, normalized, keepDc);
    }

    /** The number of rolling windows of {@code window} values every {@code step} in {@code length} values. */
    public static int windowCount(int length, int window, int step) {
        return length < window ? 0 : (length - window) / step + 1;
    }

    private static double[] rollingBatch(Backend backend, double[] x, int series, int length, int window, int step, double base,
            boolean normalized, boolean keepDc) {
        if (series < 1) throw new IllegalArgumentException("series must be >= 1, was " + series);
        if (length < 1) throw new IllegalArgumentException("the series must not be empty (length " + length + ")");
        if ((long) series * length > x.length) {
            throw new IllegalArgumentException("series * length = " + ((long) series * length) + " must be <= data length "
                    + x.length);
        }
        if (window < 2 || window > length) {
            throw new IllegalArgumentException("window must be in [2, " + length + "] (the series length), was " + window);
        }
        if (step < 1) throw new IllegalArgumentException("step must be >= 1, was " + step);
        checkBase(base);
        int count = windowCount(length, window, step);
        double[] out = new double[Math.multiplyExact(series, count)];
        int bins = window / 2 + 1 - (keepDc ? 0 : 1);
        double scale = logScale(bins, base, normalized);
        // Every window's value is written, so a retry on JAVA rewrites whatever a failed kernel left.
        KERNELS.run(backend, (long) out.length * window, k -> k.rollingEntropy(x, series, length, window, step, keepDc, scale, out));
        if (!keepDc) markFlatWindows(x, series, length, window, step, out);
        return out;
    }

    /**
     * A constant window has no power outside DC, but an FFT returns exact zeros there only for some
     * lengths (Bluestein and direct DFTs leave rounding noise whose "entropy" is meaningless), so
     * constant windows are found exactly, from a running count of value changes, and set to NaN.
     */
    private static void markFlatWindows(double[] x, int series, int length, int window, int step, double[] out) {
        int count = windowCount(length, window, step);
        int[] changes = new int[length];
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
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            throw new IllegalArgumentException("base must be finite, > 0 and != 1, was " + base);
        }
    }

    // ---- discrete distributions ----

    /**
     * The Shannon entropy {@code -sum p_i log_b p_i} of the distribution proportional to {@code p}
     * (divided by its sum first). Zeros: {@code 0 log 0 = 0}. Entries must be finite and >= 0 with a
     * positive sum.
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
     * {@code +Infinity} (p is not absolutely continuous with respect to q), as scipy.stats.entropy.
     */
    public static double klDivergence(double[] p, double[] q, double base) {
        double sp = checkDistribution(p, "p");
        double sq = checkDistribution(q, "q");
        if (p.length != q.length) {
            throw new IllegalArgumentException("p and q must have the same length, were " + p.length + " and " + q.length);
        }
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

    private static double checkDistribution(double[] p, String name) {
        Objects.requireNonNull(p, name + " must not be null");
        if (p.length == 0) throw new IllegalArgumentException(name + " must not be empty (length 0)");
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0 (a probability weight), was " + p[i]);
            }
            s += p[i];
        }
        if (!(s > 0)) throw new IllegalArgumentException(name + " must have a positive sum, was " + s);
        return s;
    }

    // ---- Welch ----

    /** Window functions, periodic ("fftbins") as scipy.signal.get_window builds them for spectral analysis. */
    public enum Window {
        /** 0.5 - 0.5 cos(2 pi k / N). */
        HANN,
        /** 0.54 - 0.46 cos(2 pi k / N). */
        HAMMING,
        /** 0.42 - 0.5 cos(2 pi k / N) + 0.08 cos(4 pi k / N). */
        BLACKMAN,
        /** All ones (no taper). */
        BOXCAR;

        /** The window named as SciPy names it ("hann", "hamming", "blackman", "boxcar"). */
        public static Window of(String name) {
            Objects.requireNonNull(name, "window must not be null");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "hann", "hanning" -> HANN;
                case "hamming" -> HAMMING;
                case "blackman" -> BLACKMAN;
                case "boxcar", "rectangular", "rect" -> BOXCAR;
                default -> throw new IllegalArgumentException("window must be one of hann, hamming, blackman, boxcar, was " + name);
            };
        }

        /** The periodic window of length {@code n >= 1}. */
        public double[] values(int n) {
            if (n < 1) throw new IllegalArgumentException("n must be >= 1 (the window length), was " + n);
            double[] w = new double[n];
            if (this == BOXCAR || n == 1) {
                java.util.Arrays.fill(w, 1.0);
                return w;
            }
            // SciPy's general_cosine on linspace(-pi, pi, N + 1)[:-1]; the same values as cos(2 pi k / N) form
            for (int k = 0; k < n; k++) {
                double fac = -Math.PI + 2.0 * Math.PI * k / n;
                w[k] = switch (this) {
                    case HANN -> 0.5 + 0.5 * Math.cos(fac);
                    case HAMMING -> 0.54 + 0.46 * Math.cos(fac);
                    case BLACKMAN -> 0.42 + 0.5 * Math.cos(fac) + 0.08 * Math.cos(2 * fac);
                    case BOXCAR -> 1.0;
                };
            }
            return w;
        }
    }

    /** Per-segment detrending before the window is applied (scipy's {@code detrend} argument). */
    public enum Detrend {
        /** No detrending ({@code detrend=False}). */
        NONE,
        /** Subtract the segment mean ({@code 'constant'}, SciPy's default). */
        CONSTANT,
        /** Subtract the least-squares line ({@code 'linear'}). */
        LINEAR;

        /** The detrending named as SciPy names it ("constant", "linear", or "none"/"false" for no detrending). */
        public static Detrend of(String name) {
            Objects.requireNonNull(name, "detrend must not be null");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "none", "false" -> NONE;
                case "constant" -> CONSTANT;
                case "linear" -> LINEAR;
                default -> throw new IllegalArgumentException("detrend must be one of none, constant, linear, was " + name);
            };
        }
    }

    /** Welch scaling: power spectral density (units^2/Hz) or power spectrum (units^2). */
    public enum Scaling {
        /** {@code 1 / (fs sum w^2)}: density, units^2 / Hz. */
        DENSITY,
        /** {@code 1 / (sum w)^2}: power spectrum, units^2. */
        SPECTRUM;

        /** The scaling named as SciPy names it ("density", "spectrum"). */
        public static Scaling of(String name) {
            Objects.requireNonNull(name, "scaling must not be null");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "density" -> DENSITY;
                case "spectrum" -> SPECTRUM;
                default -> throw new IllegalArgumentException("scaling must be one of density, spectrum, was " + name);
            };
        }
    }

    /**
     * How Welch combines the per-segment periodograms (scipy's {@code average} argument). With one
     * segment both return that segment's periodogram.
     */
    public enum Average {
        /** The arithmetic mean over segments (SciPy's default). */
        MEAN,
        /**
         * The median over segments, bin by bin, divided by {@link Spectral#medianBias(int)} of the
         * segment count: robust to a few segments spoilt by bursts or glitches. The bias makes the
         * median of chi-squared (2 degrees of freedom) periodogram ordinates an unbiased estimate of
         * their mean for Gaussian noise; it assumes independent segments (no overlap).
         */
        MEDIAN;

        /** The average named as SciPy names it ("mean", "median"). */
        public static Average of(String name) {
            Objects.requireNonNull(name, "average must not be null");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "mean" -> MEAN;
                case "median" -> MEDIAN;
                default -> throw new IllegalArgumentException("average must be one of mean, median, was " + name);
            };
        }
    }

    /**
     * The options of {@link Spectral#welch(double[], WelchOptions)}, mirroring the keyword arguments of
     * {@code scipy.signal.welch} and their defaults ({@link #DEFAULT}). Immutable; the {@code with...}
     * methods return copies. Each field is checked on its own here; the rules that involve the series
     * length or another field ({@code nperseg <= n}, {@code noverlap < nperseg}, {@code nfft >= nperseg}) are checked when
     * {@code welch} runs, so the {@code with...} calls may come in any order.
     *
     * <p>An empty {@code OptionalInt} is SciPy's {@code None}: nperseg 256 capped at the series length
     * (SciPy warns when it caps), noverlap {@code nperseg / 2} (of the nperseg used), nfft = nperseg.
     * An explicit nperseg above the series length is an error here, where SciPy warns and caps it.
     *
     * @param fs sampling frequency (samples per unit of time), finite and > 0; frequencies come out in its unit
     * @param window the window applied to every segment (periodic, as SciPy's {@code get_window})
     * @param nperseg segment length, >= 1 when present
     * @param noverlap samples shared by consecutive segments, >= 0 when present
     * @param nfft FFT length, >= 1 when present: each windowed segment is zero-padded to nfft points,
     *     which interpolates the spectrum on the finer grid {@code fs k / nfft} (it adds no resolution)
     * @param detrend per-segment detrending, applied before the window
     * @param scaling density (units^2 / Hz) or spectrum (units^2)
     * @param onesided true: bins {@code 0..nfft/2} with the negative frequencies folded in (doubled);
     *     false: all nfft bins in {@code numpy.fft.fftfreq} order
     * @param average mean or bias-corrected median over segments
     */
    public record WelchOptions(double fs, Window window, OptionalInt nperseg, OptionalInt noverlap, OptionalInt nfft,
            Detrend detrend, Scaling scaling, boolean onesided, Average average) {
        /**
         * SciPy's defaults: fs 1, hann, nperseg 256 capped at n, noverlap nperseg / 2, nfft nperseg,
         * detrend constant, density, one-sided, mean.
         */
        public static final WelchOptions DEFAULT = new WelchOptions(1.0, Window.HANN, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Detrend.CONSTANT, Scaling.DENSITY, true, Average.MEAN);

        /** Validates each field on its own (messages name the field, its value and the rule). */
        public WelchOptions {
            if (!(fs > 0) || Double.isInfinite(fs)) throw new IllegalArgumentException("fs must be finite and > 0, was " + fs);
            Objects.requireNonNull(window, "window must not be null");
            Objects.requireNonNull(nperseg, "nperseg must not be null (OptionalInt.empty() for the default)");
            Objects.requireNonNull(noverlap, "noverlap must not be null (OptionalInt.empty() for the default)");
            Objects.requireNonNull(nfft, "nfft must not be null (OptionalInt.empty() for the default)");
            Objects.requireNonNull(detrend, "detrend must not be null");
            Objects.requireNonNull(scaling, "scaling must not be null");
            Objects.requireNonNull(average, "average must not be null");
            if (nperseg.isPresent() && nperseg.getAsInt() < 1) {
                throw new IllegalArgumentException("nperseg must be >= 1 (the segment length), was " + nperseg.getAsInt());
            }
            if (noverlap.isPresent() && noverlap.getAsInt() < 0) {
                throw new IllegalArgumentException("noverlap must be >= 0, was " + noverlap.getAsInt());
            }
            if (nfft.isPresent() && nfft.getAsInt() < 1) {
                throw new IllegalArgumentException("nfft must be >= 1 (and >= nperseg), was " + nfft.getAsInt());
            }
        }

        /** These options with sampling frequency {@code fs}. */
        public WelchOptions withFs(double fs) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code window}. */
        public WelchOptions withWindow(Window window) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with segment length {@code nperseg} (>= 1, at most the series length at the call). */
        public WelchOptions withNperseg(int nperseg) {
            return new WelchOptions(fs, window, OptionalInt.of(nperseg), noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code noverlap} shared samples (>= 0, below nperseg at the call). */
        public WelchOptions withNoverlap(int noverlap) {
            return new WelchOptions(fs, window, nperseg, OptionalInt.of(noverlap), nfft, detrend, scaling, onesided, average);
        }

        /** These options with FFT length {@code nfft} (>= nperseg at the call; segments are zero-padded to it). */
        public WelchOptions withNfft(int nfft) {
            return new WelchOptions(fs, window, nperseg, noverlap, OptionalInt.of(nfft), detrend, scaling, onesided, average);
        }

        /** These options with {@code detrend}. */
        public WelchOptions withDetrend(Detrend detrend) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code scaling}. */
        public WelchOptions withScaling(Scaling scaling) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options one-sided ({@code true}) or two-sided (SciPy's {@code return_onesided}). */
        public WelchOptions withOnesided(boolean onesided) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code average}. */
        public WelchOptions withAverage(Average average) {
            return new WelchOptions(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }
    }

    /**
     * A spectral density estimate: frequencies (in the units of fs) and the values at them
     * (units^2 / Hz for {@link Scaling#DENSITY}, units^2 for {@link Scaling#SPECTRUM}).
     *
     * @param frequencies bin frequencies in the unit of fs (one-sided ascending, two-sided in fftfreq order)
     * @param power the estimate at each frequency
     */
    public record Psd(double[] frequencies, double[] power) {}

    /**
     * {@code scipy.signal.welch(x, fs, window, nperseg, noverlap, detrend=..., scaling=...)} with
     * SciPy's other defaults (nfft = nperseg, one-sided, average 'mean'): segments
     * {@code x[i*(nperseg-noverlap) ..][0..nperseg)} for {@code i < (n - noverlap) / (nperseg - noverlap)},
     * each detrended, multiplied by the window and transformed; {@code |X|^2} times the scaling,
     * doubled in every bin except DC and (even nperseg) Nyquist, averaged over segments. Frequencies
     * {@code k fs / nperseg}, {@code k = 0..nperseg/2}. O(n log nperseg). See
     * {@link #welch(double[], WelchOptions)} for every option.
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value, fs is not finite and
     *         positive, nperseg is not in [1, n] or noverlap is not in [0, nperseg)
     */
    public static Psd welch(double[] x, double fs, Window window, int nperseg, int noverlap, Detrend detrend, Scaling scaling) {
        return welch(x, fs, window, nperseg, noverlap, detrend, scaling, true);
    }

    /** {@link #welch(double[], double, Window, int, int, Detrend, Scaling)}; two-sided when {@code !onesided}
     * (frequencies in numpy.fft.fftfreq order, no doubling). */
    public static Psd welch(double[] x, double fs, Window window, int nperseg, int noverlap, Detrend detrend, Scaling scaling,
            boolean onesided) {
        return welch(x, new WelchOptions(fs, window, OptionalInt.of(nperseg), OptionalInt.of(noverlap), OptionalInt.empty(),
                detrend, scaling, onesided, Average.MEAN));
    }

    /**
     * {@code scipy.signal.welch(x)} with every default ({@link WelchOptions#DEFAULT}): hann segments
     * of min(256, n) samples overlapping by half, mean-detrended, density scaling, one-sided, mean
     * average, fs = 1 (frequencies in cycles per sample).
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value
     */
    public static Psd welch(double[] x) {
        return welch(x, WelchOptions.DEFAULT);
    }

    /**
     * Welch's power spectral density estimate, as {@code scipy.signal.welch} (SciPy 1.10.1) with the
     * keyword arguments of {@code options} (real input, {@code axis=-1}, a named window).
     *
     * <p>With {@code L} = nperseg, {@code D} = noverlap, {@code N} = nfft and window {@code w}: segment
     * {@code i} is {@code x[i(L-D) .. i(L-D)+L)} for {@code i < S = (n - D) / (L - D)}; it is detrended,
     * multiplied by {@code w}, zero-padded to N points and transformed, {@code X_i = rfft(...)}
     * ({@code N/2 + 1} bins) or {@code fft(...)} (N bins, two-sided). Its periodogram is
     * {@code P_i[k] = c |X_i[k]|^2} with {@code c = 1 / (fs sum w^2)} (density, units^2/Hz) or
     * {@code 1 / (sum w)^2} (spectrum, units^2), one-sided doubled in every bin except DC and, for even
     * N, Nyquist. The estimate is {@code mean_i P_i[k]}, or {@code median_i P_i[k] / b(S)} with the
     * bias {@link #medianBias(int) b(S)} (median of an even count: the mean of the two middle values).
     * Frequencies are {@code k fs / N} (numpy.fft.rfftfreq / fftfreq arithmetic).
     *
     * <p>Cost O(S N log N); the median keeps all S periodograms (S (N/2 + 1) doubles) and sorts each
     * bin's S values. Stateless and thread-safe.
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value (naming the index), an
     *         explicit nperseg exceeds n, noverlap (given or nperseg / 2) is not below nperseg, or nfft
     *         (given) is below nperseg
     */
    public static Psd welch(double[] x, WelchOptions options) {
        requireSignal(x, "x");
        Objects.requireNonNull(options, "options must not be null");
        int n = x.length;
        int nperseg = options.nperseg().orElse(Math.min(256, n));
        if (nperseg > n) {
            throw new IllegalArgumentException("nperseg must be in [1, " + n + "] (the series length), was " + nperseg);
        }
        int noverlap = options.noverlap().orElse(nperseg / 2);
        if (noverlap >= nperseg) {
            throw new IllegalArgumentException("noverlap must be in [0, " + (nperseg - 1) + "] (below nperseg), was " + noverlap);
        }
        int nfft = options.nfft().orElse(nperseg);
        if (nfft < nperseg) {
            throw new IllegalArgumentException("nfft must be >= nperseg (" + nperseg + "), was " + nfft);
        }
        double fs = options.fs();
        double[] w = options.window().values(nperseg);
        double sw = 0, sw2 = 0;
        for (double v : w) {
            sw += v;
            sw2 += v * v;
        }
        double scale = options.scaling() == Scaling.DENSITY ? 1.0 / (fs * sw2) : 1.0 / (sw * sw);
        int step = nperseg - noverlap;
        int segments = (n - noverlap) / step;
        int bins = nfft / 2 + 1;
        boolean onesided = options.onesided();
        // one-sided doubling: every bin but DC and, for even nfft, the unpaired Nyquist bin
        int lastDoubled = onesided ? (nfft % 2 == 0 ? bins - 2 : bins - 1) : 0;
        boolean median = options.average() == Average.MEDIAN;
        // the mean accumulates |X|^2 and scales once; the median keeps every segment, bin-major
        double[] acc = median ? new double[Math.multiplyExact(bins, segments)] : new double[bins];
        double[] seg = new double[nfft], re = new double[bins], im = new double[bins];
        for (int s = 0; s < segments; s++) {
            // seg[nperseg..nfft) stays zero: the zero padding after detrending and windowing
            System.arraycopy(x, s * step, seg, 0, nperseg);
            detrend(seg, nperseg, options.detrend());
            for (int j = 0; j < nperseg; j++) seg[j] *= w[j];
            FFT.rfft(null, seg, 0, nfft, re, im, FFT.Norm.BACKWARD);
            if (median) {
                // as SciPy: scale and double each periodogram, then take the median
                for (int k = 0; k < bins; k++) {
                    double p = (re[k] * re[k] + im[k] * im[k]) * scale;
                    acc[k * segments + s] = k >= 1 && k <= lastDoubled ? 2 * p : p;
                }
            } else {
                for (int k = 0; k < bins; k++) acc[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        double[] perBin = new double[bins];
        if (median) {
            double bias = segments > 1 ? medianBias(segments) : 1.0;
            for (int k = 0; k < bins; k++) {
                int from = k * segments, to = from + segments;
                java.util.Arrays.sort(acc, from, to);
                int mid = from + segments / 2;
                double m = segments % 2 == 1 ? acc[mid] : (acc[mid - 1] + acc[mid]) / 2;
                perBin[k] = m / bias;
            }
        } else {
            double norm = scale / segments;
            for (int k = 0; k < bins; k++) perBin[k] = acc[k] * norm * (k >= 1 && k <= lastDoubled ? 2.0 : 1.0);
        }
        double val = 1.0 / (nfft * (1.0 / fs)); // numpy.fft.rfftfreq / fftfreq arithmetic
        if (onesided) {
            double[] freq = new double[bins];
            for (int k = 0; k < bins; k++) freq[k] = k * val;
            return new Psd(freq, perBin);
        }
        // two-sided: a real segment's spectrum is Hermitian, so bin N-k has the power of bin k
        double[] psd = new double[nfft];
        double[] freq = new double[nfft];
        for (int k = 0; k < nfft; k++) {
            psd[k] = perBin[k < bins ? k : nfft - k];
            freq[k] = (k <= (nfft - 1) / 2 ? k : k - nfft) * val;
        }
        return new Psd(freq, psd);
    }

    /**
     * The bias of the median of {@code segments} periodograms relative to their mean,
     * {@code b(S) = 1 + sum_{i=1}^{(S-1)/2} (1/(2i+1) - 1/(2i))} (integer division; b(1) = b(2) = 1,
     * b(3) = 5/6, tending to ln 2): scipy.signal's {@code _median_bias}, from Allen et al., "FINDCHIRP",
     * Phys. Rev. D 85 (2012), appendix B (arXiv gr-qc/0509116). {@link Average#MEDIAN} divides the
     * median by it.
     *
     * @throws IllegalArgumentException if {@code segments < 1}
     */
    public static double medianBias(int segments) {
        if (segments < 1) throw new IllegalArgumentException("segments must be >= 1, was " + segments);
        // the terms summed first and 1 added last, as SciPy
        double s = 0;
        for (int i = 1; i <= (segments - 1) / 2; i++) s += 1.0 / (2.0 * i + 1) - 1.0 / (2.0 * i);
        return 1 + s;
    }

    private static void detrend(double[] a, int n, Detrend d) {
        if (d == Detrend.NONE) return;
        double mean = 0;
        for (int j = 0; j < n; j++) mean += a[j];
        mean /= n;
        if (d == Detrend.CONSTANT || n < 2) {
            for (int j = 0; j < n; j++) a[j] -= mean;
            return;
        }
        // least-squares line on centred abscissae: slope = sum(t x) / sum(t^2), intercept = mean
        double c = (n - 1) / 2.0, stx = 0, stt = 0;
        for (int j = 0; j < n; j++) {
            double t = j - c;
            stx += t * a[j];
            stt += t * t;
        }
        double slope = stx / stt;
        for (int j = 0; j < n; j++) a[j] -= mean + slope * (j - c);
    }

    static void requireSignal(double[] x, String name) {
        Objects.requireNonNull(x, name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must not be empty (length 0)");
        FFT.requireFinite(x, 0, x.length, name);
    }
}
