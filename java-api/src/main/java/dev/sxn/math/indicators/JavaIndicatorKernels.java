package dev.sxn.math.indicators;

/**
 * The plain-Java kernels: the reference every other backend is tested against. A single series is
 * one forward scan; a batch streams its rows (time outer, assets inner) with each asset's state in
 * small arrays, the same arithmetic per asset (the per-asset loops, {@code ...Assets}, also serve
 * the other backends for the assets beyond their last full vector).
 */
final class JavaIndicatorKernels implements IndicatorKernels {
    /**
     * Rolling variances are re-computed by two passes over the window at every time index {@code i}
     * with {@code (i + 1) % RESUM == 0}, so the drift of the sliding sums is bounded by RESUM steps,
     * whatever the series length. The index is global (not per run) so that the lanes of a
     * vectorised batch restart together.
     */
    static final int RESUM = 1024;

    /**
     * A rolling variance is also re-computed by two passes when the magnitudes summed into S2 since
     * the last two-pass exceed EB_FACTOR times S2: the rounding error of S2 is below u times those
     * magnitudes, so every variance keeps a relative error near 512 u (about 6e-14) plus that of
     * the two-pass, however calm a window is next to its recent past.
     */
    static final double EB_FACTOR = 512;

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        if (k == 1) rollingSumAssets(x, k, t, w, scale, out, 0, k);
        else rollingSumRows(x, k, t, w, scale, out);
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
        if (k == 1) rollingVarAssets(x, k, t, w, ddof, sqrt, out, 0, k);
        else rollingVarRows(x, k, t, w, ddof, sqrt, out);
    }

    /** The {@code rollingVar} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rollingVarAssets(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out, int a0, int a1) {
        double div = w - ddof;
        for (int a = a0; a < a1; a++) {
            int run = 0, eq = 0;
            double kk = 0, s1 = 0, s2 = 0, eb = 0, prev = Double.NaN;
            for (int i = 0, p = a; i < t; i++, p += k) {
                double v = x[p];
                if (!finite(v)) {
                    run = 0;
                    eq = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                run++;
                eq = v == prev ? eq + 1 : 1;
                prev = v;
                if (run < w) {
                    out[p] = Double.NaN;
                    continue;
                }
                boolean twoPass = run == w || (i + 1) % RESUM == 0;
                if (!twoPass) {
                    double yv = v - kk, yo = x[p - w * k] - kk;
                    s1 += yv - yo;
                    s2 += yv * yv - yo * yo;
                    // Re-centre the shifted sums on the window mean: S2 keeps the size of the window's
                    // M2, so its rounding errors are relative to the variance, not to the price level.
                    double kn = kk + s1 / w, d = kn - kk;
                    s2 = (s2 - 2 * d * s1) + w * d * d;
                    s1 = s1 - w * d;
                    kk = kn;
                    // eb bounds the magnitudes summed since the last two-pass, so u * eb bounds the
                    // absolute error of S2; once that could exceed 512 u S2 (a window much calmer
                    // than its recent past), S2 is re-computed.
                    eb += yv * yv + yo * yo + 3 * w * d * d;
                    twoPass = eb > EB_FACTOR * s2;
                }
                if (twoPass) {
                    double m = 0;
                    for (int j = p - (w - 1) * k; j <= p; j += k) m += x[j];
                    kk = m / w;
                    s1 = 0;
                    s2 = 0;
                    for (int j = p - (w - 1) * k; j <= p; j += k) {
                        double y = x[j] - kk;
                        s1 += y;
                        s2 += y * y;
                    }
                    double kn = kk + s1 / w, d = kn - kk;
                    s2 = (s2 - 2 * d * s1) + w * d * d;
                    s1 = s1 - w * d;
                    kk = kn;
                    eb = 0;
                }
                // A window of equal values is exactly 0 (TTR's runSD of a flat window).
                double var = eq >= w ? 0 : Math.max(s2 - s1 * s1 / w, 0) / div;
                out[p] = sqrt ? Math.sqrt(var) : var;
            }
        }
    }

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        if (k == 1) emaAssets(x, k, t, seed, alpha, out, 0, k);
        else emaRows(x, k, t, seed, alpha, out);
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
        if (k == 1) rsiAssets(x, k, t, n, out, 0, k);
        else rsiRows(x, k, t, n, out);
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
                // Math.max compiles to a branch-free max; the ternaries (d > 0 ? d : 0) branched on the
                // sign of every price change, a coin flip the predictor loses half the time. Same values
                // for every finite d, signed zeros included.
                double g = Math.max(d, 0), l = Math.max(-d, 0);
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

    // ---- batches: the same per-asset arithmetic, time outer and assets inner ----
    // Walking one asset at a time strides by k through a time-major batch (a cache and TLB miss per
    // step once k * 8 bytes exceeds a page); these stream each row instead and keep every asset's
    // state in small arrays. Results equal the per-asset loops above bit for bit.

    private static void rollingSumRows(double[] x, int k, int t, int w, double scale, double[] out) {
        int[] run = new int[k];
        double[] s = new double[k], c = new double[k];
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) {
                double v = x[p];
                if (!finite(v)) {
                    run[a] = 0;
                    s[a] = 0;
                    c[a] = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                int r = ++run[a];
                double ss = s[a], cc = c[a];
                double sn = ss + v, bp = sn - ss;
                cc += (ss - (sn - bp)) + (v - bp);
                ss = sn;
                if (r > w) {
                    double o = -x[p - w * k];
                    sn = ss + o;
                    bp = sn - ss;
                    cc += (ss - (sn - bp)) + (o - bp);
                    ss = sn;
                }
                s[a] = ss;
                c[a] = cc;
                out[p] = r >= w ? scale * (ss + cc) : Double.NaN;
            }
        }
    }

    private static void rollingVarRows(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        double div = w - ddof;
        int[] run = new int[k], eqs = new int[k];
        double[] ks = new double[k], s1s = new double[k], s2s = new double[k], ebs = new double[k], prevs = new double[k];
        java.util.Arrays.fill(prevs, Double.NaN);
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) {
                double v = x[p];
                if (!finite(v)) {
                    run[a] = 0;
                    eqs[a] = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                int r = ++run[a];
                int eq = v == prevs[a] ? eqs[a] + 1 : 1;
                eqs[a] = eq;
                prevs[a] = v;
                if (r < w) {
                    out[p] = Double.NaN;
                    continue;
                }
                double kk = ks[a], s1 = s1s[a], s2 = s2s[a], eb = ebs[a];
                boolean twoPass = r == w || (i + 1) % RESUM == 0;
                if (!twoPass) {
                    double yv = v - kk, yo = x[p - w * k] - kk;
                    s1 += yv - yo;
                    s2 += yv * yv - yo * yo;
                    double kn = kk + s1 / w, d = kn - kk;
                    s2 = (s2 - 2 * d * s1) + w * d * d;
                    s1 = s1 - w * d;
                    kk = kn;
                    eb += yv * yv + yo * yo + 3 * w * d * d;
                    twoPass = eb > EB_FACTOR * s2;
                }
                if (twoPass) {
                    double m = 0;
                    for (int j = p - (w - 1) * k; j <= p; j += k) m += x[j];
                    kk = m / w;
                    s1 = 0;
                    s2 = 0;
                    for (int j = p - (w - 1) * k; j <= p; j += k) {
                        double y = x[j] - kk;
                        s1 += y;
                        s2 += y * y;
                    }
                    double kn = kk + s1 / w, d = kn - kk;
                    s2 = (s2 - 2 * d * s1) + w * d * d;
                    s1 = s1 - w * d;
                    kk = kn;
                    eb = 0;
                }
                ks[a] = kk;
                s1s[a] = s1;
                s2s[a] = s2;
                ebs[a] = eb;
                double var = eq >= w ? 0 : Math.max(s2 - s1 * s1 / w, 0) / div;
                out[p] = sqrt ? Math.sqrt(var) : var;
            }
        }
    }

    private static void emaRows(double[] x, int k, int t, int seed, double alpha, double[] out) {
        double beta = 1 - alpha;
        int[] run = new int[k];
        double[] acc = new double[k], e = new double[k];
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) {
                double v = x[p];
                if (!finite(v)) {
                    run[a] = 0;
                    acc[a] = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                int r = ++run[a];
                if (r < seed) {
                    acc[a] += v;
                    out[p] = Double.NaN;
                } else if (r == seed) {
                    e[a] = (acc[a] + v) / seed;
                    out[p] = e[a];
                } else {
                    e[a] = v * alpha + e[a] * beta;
                    out[p] = e[a];
                }
            }
        }
    }

    private static void rsiRows(double[] x, int k, int t, int n, double[] out) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        int[] run = new int[k];
        double[] prev = new double[k], up = new double[k], dn = new double[k];
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) {
                double v = x[p];
                if (!finite(v)) {
                    run[a] = 0;
                    up[a] = 0;
                    dn[a] = 0;
                    out[p] = Double.NaN;
                    continue;
                }
                int r = ++run[a];
                double d = v - prev[a];
                prev[a] = v;
                if (r == 1) {
                    out[p] = Double.NaN;
                    continue;
                }
                double g = Math.max(d, 0), l = Math.max(-d, 0);
                int m = r - 1;
                if (m < n) {
                    up[a] += g;
                    dn[a] += l;
                    out[p] = Double.NaN;
                    continue;
                }
                if (m == n) {
                    up[a] = (up[a] + g) / n;
                    dn[a] = (dn[a] + l) / n;
                } else {
                    up[a] = g * alpha + up[a] * beta;
                    dn[a] = l * alpha + dn[a] * beta;
                }
                out[p] = 100 * up[a] / (up[a] + dn[a]);
            }
        }
    }
}
