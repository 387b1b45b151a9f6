package dev.sxn.math.spectral;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Welch's power spectral density estimate of a real series, as {@code scipy.signal.welch}: the series
 * is cut into overlapping segments, each detrended, windowed and transformed, and their periodograms
 * are averaged (mean, or bias-corrected median). {@link #psd(double[], Options)} is the one checked
 * core; {@link Options} mirrors SciPy's keyword arguments and defaults.
 *
 * <p><b>NaN</b> (DESIGN.md, Settled questions): a NaN or infinity anywhere in the series is an
 * {@link IllegalArgumentException} naming its index (one NaN spreads over every bin of its segments).
 *
 * <p>The segment FFTs run on the backend {@link FFT} chooses per call. Stateless and thread-safe.
 */
public final class Welch {
    private Welch() {}

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
            Checks.notNull(name, "window");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "hann", "hanning" -> HANN;
                case "hamming" -> HAMMING;
                case "blackman" -> BLACKMAN;
                case "boxcar", "rectangular", "rect" -> BOXCAR;
                default -> throw Checks.invalid("window", name, "be one of hann, hamming, blackman, boxcar");
            };
        }

        /** The periodic window of length {@code n >= 1}. */
        public double[] values(int n) {
            Checks.atLeast(n, "n", 1, "the window length");
            double[] w = new double[n];
            if (this == BOXCAR || n == 1) {
                Arrays.fill(w, 1.0);
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
            Checks.notNull(name, "detrend");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "none", "false" -> NONE;
                case "constant" -> CONSTANT;
                case "linear" -> LINEAR;
                default -> throw Checks.invalid("detrend", name, "be one of none, constant, linear");
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
            Checks.notNull(name, "scaling");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "density" -> DENSITY;
                case "spectrum" -> SPECTRUM;
                default -> throw Checks.invalid("scaling", name, "be one of density, spectrum");
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
         * The median over segments, bin by bin, divided by {@link Welch#medianBias(int)} of the
         * segment count: robust to a few segments spoilt by bursts or glitches. The bias makes the
         * median of chi-squared (2 degrees of freedom) periodogram ordinates an unbiased estimate of
         * their mean for Gaussian noise; it assumes independent segments (no overlap).
         */
        MEDIAN;

        /** The average named as SciPy names it ("mean", "median"). */
        public static Average of(String name) {
            Checks.notNull(name, "average");
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "mean" -> MEAN;
                case "median" -> MEDIAN;
                default -> throw Checks.invalid("average", name, "be one of mean, median");
            };
        }
    }

    /**
     * The options of {@link Welch#psd(double[], Options)}, mirroring the keyword arguments of
     * {@code scipy.signal.welch} and their defaults ({@link #DEFAULT}). Immutable; the {@code with...}
     * methods return copies. Each field is checked on its own here; the rules that involve the series
     * length or another field ({@code nperseg <= n}, {@code noverlap < nperseg}, {@code nfft >= nperseg}) are checked when
     * {@link Welch#psd(double[], Options) psd} runs, so the {@code with...} calls may come in any order.
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
    public record Options(double fs, Window window, OptionalInt nperseg, OptionalInt noverlap, OptionalInt nfft,
            Detrend detrend, Scaling scaling, boolean onesided, Average average) {
        /**
         * SciPy's defaults: fs 1, hann, nperseg 256 capped at n, noverlap nperseg / 2, nfft nperseg,
         * detrend constant, density, one-sided, mean.
         */
        public static final Options DEFAULT = new Options(1.0, Window.HANN, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Detrend.CONSTANT, Scaling.DENSITY, true, Average.MEAN);

        /** Validates each field on its own (messages name the field, its value and the rule). */
        public Options {
            Checks.positive(fs, "fs");
            Checks.notNull(window, "window");
            Checks.notNull(nperseg, "nperseg");
            Checks.notNull(noverlap, "noverlap");
            Checks.notNull(nfft, "nfft");
            Checks.notNull(detrend, "detrend");
            Checks.notNull(scaling, "scaling");
            Checks.notNull(average, "average");
            if (nperseg.isPresent()) Checks.atLeast(nperseg.getAsInt(), "nperseg", 1, "the segment length");
            if (noverlap.isPresent()) Checks.atLeast(noverlap.getAsInt(), "noverlap", 0);
            if (nfft.isPresent()) Checks.atLeast(nfft.getAsInt(), "nfft", 1, "and >= nperseg");
        }

        /** These options with sampling frequency {@code fs}. */
        public Options withFs(double fs) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code window}. */
        public Options withWindow(Window window) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with segment length {@code nperseg} (>= 1, at most the series length at the call). */
        public Options withNperseg(int nperseg) {
            return new Options(fs, window, OptionalInt.of(nperseg), noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code noverlap} shared samples (>= 0, below nperseg at the call). */
        public Options withNoverlap(int noverlap) {
            return new Options(fs, window, nperseg, OptionalInt.of(noverlap), nfft, detrend, scaling, onesided, average);
        }

        /** These options with FFT length {@code nfft} (>= nperseg at the call; segments are zero-padded to it). */
        public Options withNfft(int nfft) {
            return new Options(fs, window, nperseg, noverlap, OptionalInt.of(nfft), detrend, scaling, onesided, average);
        }

        /** These options with {@code detrend}. */
        public Options withDetrend(Detrend detrend) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code scaling}. */
        public Options withScaling(Scaling scaling) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options one-sided ({@code true}) or two-sided (SciPy's {@code return_onesided}). */
        public Options withOnesided(boolean onesided) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
        }

        /** These options with {@code average}. */
        public Options withAverage(Average average) {
            return new Options(fs, window, nperseg, noverlap, nfft, detrend, scaling, onesided, average);
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
     * {@link #psd(double[], Options)} for every option.
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value, fs is not finite and
     *         positive, nperseg is not in [1, n] or noverlap is not in [0, nperseg)
     */
    public static Psd psd(double[] x, double fs, Window window, int nperseg, int noverlap, Detrend detrend, Scaling scaling) {
        return psd(x, fs, window, nperseg, noverlap, detrend, scaling, true);
    }

    /** {@link #psd(double[], double, Window, int, int, Detrend, Scaling)}; two-sided when {@code !onesided}
     * (frequencies in numpy.fft.fftfreq order, no doubling). */
    public static Psd psd(double[] x, double fs, Window window, int nperseg, int noverlap, Detrend detrend, Scaling scaling,
            boolean onesided) {
        return psd(x, new Options(fs, window, OptionalInt.of(nperseg), OptionalInt.of(noverlap), OptionalInt.empty(),
                detrend, scaling, onesided, Average.MEAN));
    }

    /**
     * {@code scipy.signal.welch(x)} with every default ({@link Options#DEFAULT}): hann segments
     * of min(256, n) samples overlapping by half, mean-detrended, density scaling, one-sided, mean
     * average, fs = 1 (frequencies in cycles per sample).
     *
     * @throws IllegalArgumentException if x is empty or holds a non-finite value
     */
    public static Psd psd(double[] x) {
        return psd(x, Options.DEFAULT);
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
    public static Psd psd(double[] x, Options options) {
        FFT.requireSignal(x, "x");
        Checks.notNull(options, "options");
        int n = x.length;
        int nperseg = options.nperseg().orElse(Math.min(256, n));
        Checks.inRange(nperseg, "nperseg", 1, n, "the series length");
        int noverlap = options.noverlap().orElse(nperseg / 2);
        Checks.inRange(noverlap, "noverlap", 0, nperseg - 1, "below nperseg");
        int nfft = options.nfft().orElse(nperseg);
        if (nfft < nperseg) throw Checks.invalid("nfft", nfft, "be >= nperseg (" + nperseg + ")");
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
            FFT.rfftChecked(null, seg, 0, nfft, re, im, 1.0);
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
                Arrays.sort(acc, from, to);
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
        Checks.atLeast(segments, "segments", 1);
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
    }}
