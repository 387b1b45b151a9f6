package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.S;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The oscillator kernels with assets in the lanes of the preferred species, over the time-major rows (one bar of all
 * assets is contiguous). Momentum, ROC and %R are element-wise in the flat array (bar i - j of the same asset is
 * {@code j k} elements back), so they run over it in whole vectors and a scalar remainder; %R scans its window lane by
 * lane (windows are short; the scan keeps JAVA's comparison order, so even the sign of a zero extreme is JAVA's).
 * CCI and MFI carry running sums per asset: time outer, assets inner, the sums in per-thread scratch of k, the typical
 * price in scratch of k t, assets past the last whole lane group in scalar code with the same operations. Every
 * operation is JAVA's, in its order ({@link TtrOscKernels}); ROC continuous takes one {@link Math#log} per value
 * (JAVA takes two), so even it gives JAVA's bits.
 * Given only finite, eligible batches ({@link OscillatorBatches}). Allocates nothing beyond its scratch.
 */
final class VectorTtrOscKernels implements TtrOscKernels {
    private static final double NaN = Double.NaN;

    @Override
    public boolean exactLog() {
        return true;
    }

    @Override
    public void momentum(double[] x, int k, int t, int n, int type, double[] out) {
        int total = k * t, off = n * k;
        if (type == CONTINUOUS) {
            // Math.log, JAVA's own, so the result is JAVA's bits (the Vector API's LOG may differ in the last ulp)
            for (int p = 0; p < total; p++) out[p] = Math.log(x[p]);
            // Newest first, so out[p - off] still holds its logarithm when out[p] takes the difference.
            int q = total;
            for (; q - L >= off; q -= L) {
                DoubleVector.fromArray(S, out, q - L).sub(DoubleVector.fromArray(S, out, q - L - off)).intoArray(out, q - L);
            }
            for (q--; q >= off; q--) out[q] = out[q] - out[q - off];
        } else {
            int p = off;
            if (type == DIFF) {
                for (; p <= total - L; p += L) {
                    DoubleVector.fromArray(S, x, p).sub(DoubleVector.fromArray(S, x, p - off)).intoArray(out, p);
                }
                for (; p < total; p++) out[p] = x[p] - x[p - off];
            } else {
                for (; p <= total - L; p += L) {
                    DoubleVector.fromArray(S, x, p).div(DoubleVector.fromArray(S, x, p - off)).sub(1).intoArray(out, p);
                }
                for (; p < total; p++) out[p] = x[p] / x[p - off] - 1;
            }
        }
        Arrays.fill(out, 0, Math.min(off, total), NaN);
    }

    @Override
    public void wpr(double[] h, double[] l, double[] c, int k, int t, int n, double[] out) {
        int total = k * t, start = (n - 1) * k, p = start;
        for (; p <= total - L; p += L) {
            DoubleVector hi = DoubleVector.fromArray(S, h, p), lo = DoubleVector.fromArray(S, l, p);
            for (int j = 1; j < n; j++) {
                DoubleVector u = DoubleVector.fromArray(S, h, p - j * k), d = DoubleVector.fromArray(S, l, p - j * k);
                hi = hi.blend(u, u.compare(VectorOperators.GT, hi));
                lo = lo.blend(d, d.compare(VectorOperators.LT, lo));
            }
            DoubleVector r = hi.sub(DoubleVector.fromArray(S, c, p)).div(hi.sub(lo));
            r.blend(0.5, r.test(VectorOperators.IS_NAN)).intoArray(out, p);
        }
        for (; p < total; p++) out[p] = wprAt(h, l, c, k, n, p);
        Arrays.fill(out, 0, Math.min(start, total), NaN);
    }

    /** %R at flat position p (bar p / k of asset p % k), JAVA's operations. */
    static double wprAt(double[] h, double[] l, double[] c, int k, int n, int p) {
        double hi = h[p], lo = l[p];
        for (int j = 1; j < n; j++) {
            double u = h[p - j * k], d = l[p - j * k];
            if (u > hi) hi = u;
            if (d < lo) lo = d;
        }
        double r = (hi - c[p]) / (hi - lo);
        return Double.isNaN(r) ? 0.5 : r;
    }

    @Override
    public void cci(double[] h, double[] l, double[] c, int k, int t, int n, double coef, double[] out) {
        try (Scratch w = Scratch.open()) {
            double[] p = h;
            if (l != null) {
                p = w.doubles(k * t);
                typical(h, l, c, k * t, p);
            }
            cciRows(p, k, t, n, coef, out, w.zeros(k));
        }
    }

    /** The typical price of the first m values, {@link TtrOps#mean3}'s operations lane by lane. */
    static void typical(double[] h, double[] l, double[] c, int m, double[] p) {
        int i = 0;
        for (; i <= m - L; i += L) {
            DoubleVector a = DoubleVector.fromArray(S, h, i), b = DoubleVector.fromArray(S, l, i), cc = DoubleVector.fromArray(S, c, i);
            DoubleVector s = a.add(b), bp = s.sub(a);
            DoubleVector e = a.sub(s.sub(bp)).add(b.sub(bp));
            DoubleVector u = s.add(cc), bq = u.sub(s);
            e = e.add(s.sub(u.sub(bq)).add(cc.sub(bq)));
            DoubleVector q = u.div(3);
            DoubleVector r = q.neg().fma(DoubleVector.broadcast(S, 3), u).add(e);
            q.add(r.div(3)).intoArray(p, i);
        }
        for (; i < m; i++) p[i] = TtrOps.mean3(h[i], l[i], c[i]);
    }

    /** CCI of the price rows p, time outer, assets inner; {@code s} is zeroed scratch of k (the running sums). */
    private static void cciRows(double[] p, int k, int t, int n, double coef, double[] out, double[] s) {
        int kv = k / L * L, back = n * k;
        for (int i = 0; i < t; i++) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector x = DoubleVector.fromArray(S, p, row + a), sum = DoubleVector.fromArray(S, s, a).add(x);
                if (i >= n) sum = sum.sub(DoubleVector.fromArray(S, p, row - back + a));
                sum.intoArray(s, a);
                if (i >= n - 1) {
                    DoubleVector ma = sum.div(n);
                    DoubleVector dev = x.sub(ma).abs().div(n);
                    for (int j = 1; j < n; j++) dev = dev.add(DoubleVector.fromArray(S, p, row - j * k + a).sub(ma).abs().div(n));
                    x.sub(ma).div(dev.mul(coef)).intoArray(out, row + a);
                }
            }
            for (int a = kv; a < k; a++) {
                double x = p[row + a], sum = s[a] + x;
                if (i >= n) sum = sum - p[row - back + a];
                s[a] = sum;
                if (i >= n - 1) out[row + a] = cciAt(p, k, n, coef, row + a, x, sum);
            }
            if (i < n - 1) Arrays.fill(out, row, row + k, NaN);
        }
    }

    /** CCI at flat position q from the window sum: {@link Oscillators#cciOf}'s operations. */
    static double cciAt(double[] p, int k, int n, double coef, int q, double x, double sum) {
        double ma = sum / n;
        double dev = Math.abs(x - ma) / n;
        for (int j = 1; j < n; j++) dev += Math.abs(p[q - j * k] - ma) / n;
        return (x - ma) / (coef * dev);
    }

    @Override
    public void mfi(double[] h, double[] l, double[] c, double[] v, int k, int t, int n, double[] out) {
        if (t < n + 1) {
            Arrays.fill(out, 0, k * t, NaN);
            return;
        }
        try (Scratch w = Scratch.open()) {
            double[] p = w.doubles(k * t);
            typical(h, l, c, k * t, p);
            mfiRows(p, v, k, t, n, out, w.zeros(k), w.zeros(k));
        }
    }

    /**
     * MFI of the typical-price rows p and volume rows v (t > n), time outer, assets inner; {@code num} and
     * {@code den} are zeroed scratch of k (the running positive and negative flows).
     */
    private static void mfiRows(double[] p, double[] v, int k, int t, int n, double[] out, double[] num, double[] den) {
        int kv = k / L * L, back = n * k;
        DoubleVector zero = DoubleVector.zero(S), hundred = DoubleVector.broadcast(S, 100);
        Arrays.fill(out, 0, n * k, NaN);
        for (int i = 1; i < t; i++) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector x = DoubleVector.fromArray(S, p, row + a), prev = DoubleVector.fromArray(S, p, row - k + a);
                DoubleVector mf = x.mul(DoubleVector.fromArray(S, v, row + a));
                DoubleVector pos = zero.blend(mf, x.compare(VectorOperators.GT, prev));
                DoubleVector neg = zero.blend(mf, x.compare(VectorOperators.LT, prev));
                DoubleVector up = DoubleVector.fromArray(S, num, a).add(pos), dn = DoubleVector.fromArray(S, den, a).add(neg);
                if (i > n) {
                    DoubleVector x0 = DoubleVector.fromArray(S, p, row - back + a), p0 = DoubleVector.fromArray(S, p, row - back - k + a);
                    DoubleVector mf0 = x0.mul(DoubleVector.fromArray(S, v, row - back + a));
                    up = up.sub(zero.blend(mf0, x0.compare(VectorOperators.GT, p0)));
                    dn = dn.sub(zero.blend(mf0, x0.compare(VectorOperators.LT, p0)));
                }
                up.intoArray(num, a);
                dn.intoArray(den, a);
                if (i >= n) {
                    DoubleVector val = hundred.sub(hundred.div(up.div(dn).add(1)));
                    VectorMask<Double> flat = dn.compare(VectorOperators.EQ, 0);
                    DoubleVector alt = hundred.blend(50, up.compare(VectorOperators.EQ, 0));
                    val.blend(alt, flat).intoArray(out, row + a);
                }
            }
            for (int a = kv; a < k; a++) mfiAt(p, v, k, n, i, row + a, num, den, a, out);
        }
    }

    /** One MFI step of asset a at bar i (flat position q): {@link VolumeIndicators#mfi}'s operations. */
    static void mfiAt(double[] p, double[] v, int k, int n, int i, int q, double[] num, double[] den, int a, double[] out) {
        double mf = p[q] * v[q];
        double up = num[a] + (p[q] > p[q - k] ? mf : 0), dn = den[a] + (p[q] < p[q - k] ? mf : 0);
        if (i > n) {
            int q0 = q - n * k;
            double mf0 = p[q0] * v[q0];
            up = up - (p[q0] > p[q0 - k] ? mf0 : 0);
            dn = dn - (p[q0] < p[q0 - k] ? mf0 : 0);
        }
        num[a] = up;
        den[a] = dn;
        if (i >= n) {
            double val = 100 - (100 / (1 + up / dn));
            if (dn == 0) val = up == 0 ? 50 : 100;
            out[q] = val;
        }
    }
}
