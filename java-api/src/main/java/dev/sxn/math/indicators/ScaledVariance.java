package dev.sxn.math.indicators;

/**
 * The variance of one window whose values are too large to square: the fallback every rolling-variance
 * kernel of every backend takes for a window whose sums overflowed (deviations above about 1.3e154, or a
 * window sum above {@link Double#MAX_VALUE}). The values are scaled by the power of two {@code 2^-e}
 * that brings the largest |value| into [1, 2) (exact: only values below {@code 2^(e - 1022)}, which
 * cannot matter beside the largest, lose bits), the variance of the scaled values is the corrected
 * two-pass (mean, then {@code q2 - q1^2 / w} of the deviations), and the result is scaled back:
 * {@code 2^(2e)} for the variance (+Infinity exactly when it exceeds {@code Double.MAX_VALUE}),
 * {@code 2^e} for the standard deviation (finite whenever the values are). Relative error that of a
 * two-pass, about {@code w u}. O(w), three passes.
 *
 * <p>{@code native/src/indicators.c} ({@code sxn_ind_var_scaled}) and {@code kernels/indicators.cl}
 * ({@code var_scaled}) perform the same operations in the same order, so a window that every backend
 * sends here gets the same bits on each. Callers return 0 for a flat window before calling.
 */
final class ScaledVariance {
    private ScaledVariance() {}

    /**
     * The variance (divisor {@code div}), or with {@code sqrt} the standard deviation, of the window
     * {@code x[p - (w - 1) stride] .. x[p]} (values {@code stride} apart, all finite).
     */
    static double window(double[] x, int p, int stride, int w, double div, boolean sqrt) {
        int first = p - (w - 1) * stride;
        double peak = 0;
        for (int j = first; j <= p; j += stride) peak = Math.max(peak, Math.abs(x[j]));
        // Only ever scaled down: windows reach here because their values are large.
        int e = Math.max(0, Math.getExponent(peak));
        double sc = Math.scalb(1.0, -e);
        double m = 0;
        for (int j = first; j <= p; j += stride) m += x[j] * sc;
        m /= w;
        double q1 = 0, q2 = 0;
        for (int j = first; j <= p; j += stride) {
            double y = x[j] * sc - m;
            q1 += y;
            q2 += y * y;
        }
        double c = q2 - q1 * q1 / w;
        double v = (c > 0 ? c : 0) / div;
        return sqrt ? Math.scalb(Math.sqrt(v), e) : Math.scalb(v, 2 * e);
    }
}
