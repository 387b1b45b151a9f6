package dev.sxn.math.spectral;

import dev.sxn.math.internal.Checks;

/**
 * The continuous wavelet transform with the real Morlet wavelet
 * {@code psi(t) = exp(-t^2 / 2) cos(5 t)}, reproducing PyWavelets 1.1.1's
 * {@code pywt.cwt(x, scales, 'morl')} (its default {@code method='conv'}) step for step:
 * <ol>
 *   <li>psi is sampled on {@code linspace(-8, 8, 1024)} and integrated by a running sum times the
 *       sample step ({@code pywt.integrate_wavelet(precision=10)});</li>
 *   <li>for scale a, the integrated wavelet is resampled at indices
 *       {@code j_k = floor(k / (a * step))}, {@code k = 0 .. ceil(16 a + 1) - 1}, keeping j < 1024,
 *       and reversed (filter length L);</li>
 *   <li>the full convolution of x with that filter is differenced and multiplied by
 *       {@code -sqrt(a)}, and the central n values are kept (offset {@code floor((L - 2) / 2)}).</li>
 * </ol>
 * The result is the coefficient {@code W(a, t)}; frequency of scale a is {@code 0.8125 / a} cycles
 * per sample (PyWavelets' {@code scale2frequency} for 'morl' at precision 10).
 *
 * <p>Cost O(n L) per scale with L ~ 16 a + 1 capped at 1024 (direct convolution, as NumPy's
 * {@code convolve}, so the result matches PyWavelets to rounding). Stateless and thread-safe.
 * A non-finite value in x is an {@link IllegalArgumentException}.
 */
public final class Wavelets {
    private static final int PRECISION_POINTS = 1 << 10;
    /** The sampled, integrated Morlet wavelet and the sample step of its grid. */
    private static final double[] INT_PSI;
    private static final double STEP;

    static {
        // numpy.linspace(-8, 8, 1024): start + i * (16 / 1023), the last point exactly 8
        double delta = 16.0 / (PRECISION_POINTS - 1);
        double[] grid = new double[PRECISION_POINTS];
        for (int i = 0; i < PRECISION_POINTS; i++) grid[i] = i * delta + -8.0;
        grid[PRECISION_POINTS - 1] = 8.0;
        STEP = grid[1] - grid[0];
        double[] ip = new double[PRECISION_POINTS];
        double run = 0;
        for (int i = 0; i < PRECISION_POINTS; i++) {
            double t = grid[i];
            run += Math.cos(5 * t) * Math.exp(-(t * t) / 2);
            ip[i] = run;
        }
        for (int i = 0; i < PRECISION_POINTS; i++) ip[i] *= STEP;
        INT_PSI = ip;
    }

    private Wavelets() {}

    /**
     * The Morlet CWT of {@code x} at each scale: row i holds {@code W(scales[i], t)} for t in [0, n).
     *
     * @throws IllegalArgumentException if x is empty or not finite, scales is empty, or a scale is
     *         not finite and > 0, or so small that its filter has fewer than 2 taps
     */
    public static double[][] cwtMorlet(double[] x, double[] scales) {
        FFT.requireSignal(x, "x");
        Checks.minLength(scales, "scales", 1, "");
        for (int i = 0; i < scales.length; i++) {
            Checks.positive(scales[i], "scales[" + i + "]");
            if (!hasTwoTaps(scales[i])) throw Checks.invalid("scales[" + i + "]", scales[i], "be large enough for a filter of at least 2 taps");
        }
        double[][] out = new double[scales.length][];
        for (int i = 0; i < scales.length; i++) out[i] = cwtOneScale(x, scales[i]);
        return out;
    }

    /** The pseudo-frequency of each scale for the Morlet wavelet, {@code 0.8125 / scale} (cycles/sample). */
    public static double[] morletFrequencies(double[] scales) {
        Checks.notNull(scales, "scales");
        double[] f = new double[scales.length];
        for (int i = 0; i < f.length; i++) f[i] = 0.8125 / scales[i];
        return f;
    }

    /** Energy per scale: {@code sum_t W(a, t)^2} of each row of a CWT. */
    public static double[] scaleEnergy(double[][] coefficients) {
        Checks.notNull(coefficients, "coefficients");
        double[] e = new double[coefficients.length];
        for (int i = 0; i < e.length; i++) {
            double s = 0;
            for (double v : Checks.notNull(coefficients[i], "coefficients[" + i + "]")) s += v * v;
            e[i] = s;
        }
        return e;
    }

    private static double[] cwtOneScale(double[] x, double scale) {
        int n = x.length;
        // numpy.arange(scale * 16 + 1) has ceil(scale * 16 + 1) elements; x[-1] - x[0] is exactly 16
        double stop = scale * (8.0 - -8.0) + 1;
        long count = (long) Math.ceil(stop);
        double div = scale * STEP;
        int len = 0;
        int[] idx = new int[(int) Math.min(count, Integer.MAX_VALUE - 8)];
        for (long k = 0; k < count; k++) {
            long j = (long) (k / div);
            if (j >= PRECISION_POINTS) break; // j grows with k, so np.extract keeps a prefix
            idx[len++] = (int) j;
        }
        double[] filt = new double[len];
        for (int k = 0; k < len; k++) filt[k] = INT_PSI[idx[len - 1 - k]];
        // coef[c] = -sqrt(a) (conv[c + 1] - conv[c]) for c = off .. off + n - 1
        int off = (int) Math.floor((len - 2) / 2.0); // len >= 2: checked by cwtMorlet (hasTwoTaps)
        double[] out = new double[n];
        double f = -Math.sqrt(scale);
        double prev = conv(x, filt, off);
        for (int t = 0; t < n; t++) {
            double next = conv(x, filt, off + t + 1);
            out[t] = f * (next - prev);
            prev = next;
        }
        return out;
    }

    /**
     * Whether the filter {@link #cwtOneScale} builds for {@code scale} has at least 2 taps (the
     * differenced convolution needs 2): exactly when it resamples at k = 0 and 1 and index j_1 lies on
     * the wavelet's grid (j_0 = 0 always does).
     */
    private static boolean hasTwoTaps(double scale) {
        long count = (long) Math.ceil(scale * (8.0 - -8.0) + 1);
        return count >= 2 && (long) (1 / (scale * STEP)) < PRECISION_POINTS;
    }

    /** Full convolution at index m: sum_i x[i] filt[m - i]. */
    private static double conv(double[] x, double[] filt, int m) {
        int lo = Math.max(0, m - filt.length + 1), hi = Math.min(x.length - 1, m);
        double s = 0;
        for (int i = lo; i <= hi; i++) s += x[i] * filt[m - i];
        return s;
    }
}
