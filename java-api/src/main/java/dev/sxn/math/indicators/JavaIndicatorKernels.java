package dev.sxn.math.indicators;

/**
 * The plain-Java kernels: the reference every other backend is tested against. One asset at a time,
 * stepping through the time-major batch with stride {@code k}; for {@code k = 1} that is a plain
 * forward scan of the series.
 */
final class JavaIndicatorKernels implements IndicatorKernels {
    /**
     * Rolling variances are re-computed exactly (two passes over the window) at every time index
     * {@code i} with {@code (i + 1) % RESUM == 0}, so the drift of the sliding update is bounded by
     * RESUM steps, whatever the series length. The index is global (not per run) so that the lanes
     * of a vectorised batch restart together.
     */
    static final int RESUM = 1024;

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        rollingSumAssets(x, k, t, w, scale, out, 0, k);
    }

    /** The {@code rollingSum} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rollingSumAssets(double[] x, int k, int t, int w, double scale, double[] out, int a0, int a1) {
        for (int a = a0; a < a1; a++) {
            int run = 0;
            double s = 0, c = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    s = 0;
                    c = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                // TwoSum: sn + err == s + v exactly; the errors are collected in c.
                double sn = s + v, bp = sn - s;
                c += (s - (sn - bp)) + (v - bp);
                s = sn;
                if (run > w) {
                    double o = -x[p - w * k];
                    sn = s + o;
                    bp = sn - s;
                    c += (s - (sn - bp)) + (o - bp);
                    s = sn;
                }
                out[p] = run >= w ? scale * (s + c) : Double.NaN;
            }
        }
    }

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        rollingVarAssets(x, k, t, w, ddof, sqrt, out, 0, k);
    }

    /** The {@code rollingVar} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rollingVarAssets(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out, int a0, int a1) {
        double div = w - ddof;
        for (int a = a0; a < a1; a++) {
            int run = 0, eq = 0;
            double s = 0, c = 0, mean = 0, m2 = 0, prev = Double.NaN;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    eq = 0;
                    s = 0;
                    c = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                eq = v == prev ? eq + 1 : 1;
                prev = v;
                // The window mean comes from the compensated window sum (as in rollingSum), not from a
                // sliding mean update: a drifting mean would make the M2 error grow with the square of
                // the steps since the last re-summation.
                double sn = s + v, bp = sn - s;
                c += (s - (sn - bp)) + (v - bp);
                s = sn;
                double o = 0;
                if (run > w) {
                    o = x[p - w * k];
                    double no = -o;
                    sn = s + no;
                    bp = sn - s;
                    c += (s - (sn - bp)) + (no - bp);
                    s = sn;
                }
                if (run < w) {
                    out[p] = Double.NaN;
                    continue;
                }
                double old = mean;
                mean = (s + c) / w;
                if (eq >= w) {
                    // A window of equal values: exactly 0, and an exact state to slide on from.
                    m2 = 0;
                } else if (run == w || (i + 1) % RESUM == 0) {
                    double q = 0;
                    for (int j = p - (w - 1) * k; j <= p; j += k) {
                        double d = x[j] - mean;
                        q += d * d;
                    }
                    m2 = q;
                } else {
                    m2 += (v - o) * ((v - mean) + (o - old));
                }
                double var = Math.max(m2, 0) / div;
                out[p] = sqrt ? Math.sqrt(var) : var;
            }
        }
    }

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        emaAssets(x, k, t, seed, alpha, out, 0, k);
    }

    /** The {@code ema} kernel for assets [a0, a1) only (the other backends' tails). */
    static void emaAssets(double[] x, int k, int t, int seed, double alpha, double[] out, int a0, int a1) {
        double beta = 1 - alpha;
        for (int a = a0; a < a1; a++) {
            int run = 0;
            double acc = 0, e = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    acc = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                if (run < seed) {
                    acc += v;
                    out[p] = Double.NaN;
                } else if (run == seed) {
                    e = (acc + v) / seed;
                    out[p] = e;
                } else {
                    // TTR's form (x * ratio + prev * (1 - ratio)), so the reference matches to the ulp.
                    e = v * alpha + e * beta;
                    out[p] = e;
                }
            }
        }
    }

    @Override
    public void rsi(double[] x, int k, int t, int n, double[] out) {
        rsiAssets(x, k, t, n, out, 0, k);
    }

    /** The {@code rsi} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rsiAssets(double[] x, int k, int t, int n, double[] out, int a0, int a1) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        for (int a = a0; a < a1; a++) {
            int run = 0;
            double prev = 0, up = 0, dn = 0;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    up = 0;
                    dn = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                double d = v - prev;
                prev = v;
                if (run == 1) {
                    out[p] = Double.NaN;
                    continue;
                }
                double g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
                int m = run - 1;
                if (m < n) {
                    up += g;
                    dn += l;
                    out[p] = Double.NaN;
                    continue;
                }
                if (m == n) {
                    up = (up + g) / n;
                    dn = (dn + l) / n;
                } else {
                    up = g * alpha + up * beta;
                    dn = l * alpha + dn * beta;
                }
                out[p] = 100 * up / (up + dn);
            }
        }
    }
}
