package dev.sxn.math.risk;

/**
 * Quantile and lower-tail mean of an ascending sample, the historical VaR's definitions: the quantile by
 * linear interpolation between order statistics (Hyndman and Fan's type 7, R's default, NumPy's
 * {@code 'linear'}): with {@code h = (n - 1) p}, {@code j = floor(h)},
 * {@code Q(p) = x(j) + (h - j) (x(j+1) - x(j))} (0-based order statistics); the tail mean is the mean of
 * every sample value {@code <= Q(p)}. O(1) for the quantile, O(number in the tail) for the mean.
 */
final class SortedSample {
    private SortedSample() {}

    /** Type-7 quantile of {@code x[0 .. n)}, ascending, {@code n >= 1}, {@code 0 <= p <= 1}. */
    static double quantile(double[] x, int n, double p) {
        double h = (n - 1) * p;
        int j = (int) Math.floor(h);
        if (j >= n - 1) return x[n - 1];
        double g = h - j;
        return g == 0 ? x[j] : x[j] + g * (x[j + 1] - x[j]);
    }

    /** Mean of the values {@code <= q} among {@code x[0 .. n)}, ascending ({@code q >= x[0]}). */
    static double meanAtOrBelow(double[] x, int n, double q) {
        double sum = 0;
        int m = 0;
        while (m < n && x[m] <= q) sum += x[m++];
        return sum / m;
    }
}
