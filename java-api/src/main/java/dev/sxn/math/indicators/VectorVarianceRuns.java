package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.LAST;
import static dev.sxn.math.indicators.VectorLanes.S;
import static dev.sxn.math.indicators.VectorLanes.UP1;
import static dev.sxn.math.indicators.VectorLanes.UP1M;
import static dev.sxn.math.indicators.VectorLanes.UP2;
import static dev.sxn.math.indicators.VectorLanes.UP2M;
import static dev.sxn.math.indicators.VectorLanes.UP4;
import static dev.sxn.math.indicators.VectorLanes.UP4M;
import static dev.sxn.math.indicators.VectorSeriesVariance.TAU;
import static dev.sxn.math.indicators.VectorSeriesVariance.U;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

/**
 * The careful path of {@link VectorSeriesVariance}: per run of finite values, shifted sums re-centred
 * on the newest value after every vector with a running error bound per output, a two-pass value
 * ({@link #exactM2}) where that bound exceeds {@link VectorSeriesVariance#TAU} of M2, and a restart
 * from the data when the carried bound has used a quarter of it. Runs are of <em>ordinary</em> values
 * (|x| at most {@link #ORDINARY}), so none of these sums can overflow; a window holding a larger finite
 * value is computed on its own, by two passes or, where their sums overflow, {@link ScaledVariance}.
 * Reached only through {@link VectorIndicatorKernels}.
 *
 * <p>No vector crosses a call: {@link #varVectors} holds the whole vector loop, too big for C2 to inline into
 * its caller, so its state enters and leaves through an array, and its lane sum is written out rather than
 * called ({@code LaneSums.sum}): a helper C2 declines to inline, or compiles against a type profile that other
 * kernels' species have polluted, would box a vector per step.
 */
final class VectorVarianceRuns {
    private VectorVarianceRuns() {}

    /** Lane i takes lane i xor h (h = 4, 2, 1): the fixed pairwise order of {@code LaneSums.sum} on {@link VectorLanes#S}. */
    private static final VectorShuffle<Double> XOR4 = VectorShuffle.fromOp(S, i -> (i ^ 4) & (L - 1));
    private static final VectorShuffle<Double> XOR2 = VectorShuffle.fromOp(S, i -> (i ^ 2) & (L - 1));
    private static final VectorShuffle<Double> XOR1 = VectorShuffle.fromOp(S, i -> (i ^ 1) & (L - 1));

    /**
     * The largest |value| a run of {@link #varRun} takes: with |x| at most 2^480 and w below 2^31,
     * every shifted sum, re-centring and error bound of the careful path stays below 2^1000, so its
     * checks need no overflow test. Larger values end a run like a missing one (the run-finding loop
     * compares against this bound instead of Double.MAX_VALUE, at the same cost).
     */
    static final double ORDINARY = 0x1p480;

    /**
     * Outputs [from, to) with the missing-value rules, by the careful path ({@link #varRun}) per run of
     * ordinary values; a window holding a value beyond {@link #ORDINARY} is NaN if it also holds a
     * non-finite one, else {@link #exactOut}.
     */
    static void varRange(double[] x, int from, int to, int w, int ddof, boolean sqrt, double[] out) {
        int i = from - w + 1;
        int bad = i - w; // the last non-finite value seen (none yet: no window ending at from or later holds it)
        while (i < to) {
            int r0 = i;
            while (i < to && Math.abs(x[i]) <= ORDINARY) i++;
            int r1 = i;
            for (int j = Math.max(from, r0); j < Math.min(r1, r0 + w - 1); j++) out[j] = broken(x, j, w, ddof, sqrt, bad);
            if (r1 - r0 >= w) varRun(x, Math.max(from, r0 + w - 1), r1, w, ddof, sqrt, out);
            if (i < to) {
                if (!JavaIndicatorKernels.finite(x[i])) bad = i;
                if (i >= from) out[i] = broken(x, i, w, ddof, sqrt, bad);
                i++;
            }
        }
    }

    /**
     * The window ending at j, which holds a value that is not ordinary: NaN when it holds the last
     * non-finite value {@code bad}, else (a finite value beyond {@link #ORDINARY}) {@link #exactOut}.
     */
    private static double broken(double[] x, int j, int w, int ddof, boolean sqrt, int bad) {
        if (bad > j - w) return Double.NaN;
        double div = w - ddof;
        return exactOut(x, j, w, div, 1.0 / div, sqrt);
    }

    /**
     * The output of the window ending at i by the corrected two-pass ({@link #exactM2}), or, where its
     * sums overflow (values too large to square), by {@link ScaledVariance}.
     */
    private static double exactOut(double[] x, int i, int w, double div, double invDiv, boolean sqrt) {
        double m2 = exactM2(x, i, w);
        if (m2 <= Double.MAX_VALUE) return finish(m2 * invDiv, sqrt);
        return ScaledVariance.window(x, i, 1, w, div, sqrt);
    }

    // Per-thread holder for the careful path's state: needed once per block, so allocating it there
    // made the Into forms allocate in proportion to n.
    private static final ThreadLocal<double[]> RUN_STATE = ThreadLocal.withInitial(() -> new double[6]);

    /** Outputs [from, to) of one run: every window ending there holds ordinary values only. */
    private static void varRun(double[] x, int from, int to, int w, int ddof, boolean sqrt, double[] out) {
        double invW = 1.0 / w, invDiv = 1.0 / (w - ddof), tau = TAU;
        double[] st = RUN_STATE.get(); // S1, S2, their error bounds, K, restart flag
        java.util.Arrays.fill(st, 0);
        int j = from;
        while (j < to) {
            // Restart: the window ending at j, shifted by its mean.
            double kk = 0;
            for (int q = j - w + 1; q <= j; q++) kk += x[q];
            kk *= invW;
            double s1 = 0, s2 = 0, p1 = 0, a1 = 0;
            for (int q = j - w + 1; q <= j; q++) {
                double y = x[q] - kk;
                s1 += y;
                s2 += y * y;
                p1 += Math.abs(s1);
                a1 += Math.abs(y);
            }
            // u times the partial sums (for S2 at most S2, plus the squares' rounding), and the
            // shift's rounding, which perturbs each y by u|y|.
            double r1 = U * 1.01 * (p1 + 2 * a1), r2 = U * 1.01 * (w + 4) * s2;
            out[j] = varOut(x, j, w, s1, s2, r1 + U * Math.abs(s1), r2 + U * s2, invW, invDiv, tau, sqrt);
            j++;
            st[0] = s1;
            st[1] = s2;
            st[2] = r1;
            st[3] = r2;
            st[4] = kk;
            j = varVectors(x, j, to, w, invW, invDiv, sqrt, out, st);
            boolean restart = st[5] != 0;
            if (restart) continue;
            double q1 = st[0], q2 = st[1], g1 = st[2], g2 = st[3], k2 = st[4];
            for (; j < to; j++) {
                double yv = x[j] - k2, yo = x[j - w] - k2;
                q1 += yv - yo;
                q2 += yv * yv - yo * yo;
                g1 += U * (Math.abs(q1) + 3 * (Math.abs(yv) + Math.abs(yo)));
                g2 += U * (Math.abs(q2) + 4 * (yv * yv + yo * yo));
                out[j] = varOut(x, j, w, q1, q2, g1, g2, invW, invDiv, tau, sqrt);
            }
        }
    }

    /**
     * The vector part of {@link #varRun}: whole vectors from j while they fit before {@code to} and
     * the carried bound stays below TAU / 4 of M2; {@code st} carries S1, S2, their bounds and K in
     * and out, st[5] = 1 when a restart is due. Returns the next output index. (Kept apart so that
     * C2 compiles it whole, with every vector in registers.)
     */
    private static int varVectors(double[] x, int j, int to, int w, double invW, double invDiv, boolean sqrt, double[] out, double[] st) {
        double tau = TAU, tauR = TAU / 4;
        DoubleVector c1 = DoubleVector.broadcast(S, st[0]), c2 = DoubleVector.broadcast(S, st[1]);
        DoubleVector e1 = DoubleVector.broadcast(S, st[2]), e2 = DoubleVector.broadcast(S, st[3]);
        DoubleVector kv = DoubleVector.broadcast(S, st[4]);
        boolean restart = false;
        for (; j + L <= to && !restart; j += L) {
            DoubleVector yv = DoubleVector.fromArray(S, x, j).sub(kv), yo = DoubleVector.fromArray(S, x, j - w).sub(kv);
            DoubleVector yv2 = yv.mul(yv), yo2 = yo.mul(yo);
            DoubleVector d1 = yv.sub(yo), d2 = yv2.sub(yo2);
            // Rounding of this vector's terms (y, y^2, the difference, the shift) and of the
            // log2(L) = 3 scan levels: at most 8u sum(yv^2 + yo^2) for S2 and 8u sum(|yv| + |yo|)
            // <= 8u sqrt(2L sum(yv^2 + yo^2)) for S1.
            // LaneSums.sum's fixed order, written out (see the class comment).
            DoubleVector ps = yv2.add(yo2);
            if (L > 4) ps = ps.add(ps.rearrange(XOR4));
            if (L > 2) ps = ps.add(ps.rearrange(XOR2));
            if (L > 1) ps = ps.add(ps.rearrange(XOR1));
            double pe = ps.lane(0);
            double t2 = 8.01 * U * pe, t1 = 8.01 * U * Math.sqrt(2 * L * pe);
            // In-register prefix sums: lane l gets lane l - s added, lanes below s get zero.
            d1 = d1.add(d1.rearrange(UP1, UP1M));
            d2 = d2.add(d2.rearrange(UP1, UP1M));
            if (L > 2) {
                d1 = d1.add(d1.rearrange(UP2, UP2M));
                d2 = d2.add(d2.rearrange(UP2, UP2M));
            }
            if (L > 4) {
                d1 = d1.add(d1.rearrange(UP4, UP4M));
                d2 = d2.add(d2.rearrange(UP4, UP4M));
            }
            DoubleVector v1 = c1.add(d1), v2 = c2.add(d2);
            DoubleVector b1 = e1.add(v1.abs().mul(U)).add(t1), b2 = e2.add(v2.abs().mul(U)).add(t2);
            DoubleVector m2 = v2.sub(v1.mul(v1).mul(invW));
            // |M2 - exact| <= b2 + (2|S1| + b1) b1 / w + 4u (|S2| + S1^2/w) (the last roundings).
            DoubleVector bound = b2.add(v1.abs().mul(2.0).add(b1).mul(b1).mul(invW)).add(v2.abs().mul(8 * U));
            VectorMask<Double> redo = bound.compare(VectorOperators.GT, m2.mul(tau));
            DoubleVector var = m2.max(0.0).mul(invDiv);
            if (sqrt) var = var.sqrt();
            var.intoArray(out, j);
            if (redo.anyTrue()) {
                for (long bits = redo.toLong(); bits != 0; bits &= bits - 1) {
                    int l = Long.numberOfTrailingZeros(bits);
                    out[j + l] = finish(exactM2(x, j + l, w) * invDiv, sqrt);
                }
            }
            // Carry the last window, re-centred on its newest value K' (taken from the data, not
            // from the sums, so the next loads do not wait for this carry): with d = K' - K,
            // S1' = S1 - w d and S2' = S2 - 2 d S1 + w d^2, each adding its rounding to the bound.
            c1 = v1.rearrange(LAST);
            c2 = v2.rearrange(LAST);
            e1 = e1.add(c1.abs().mul(U)).add(t1);
            e2 = e2.add(c2.abs().mul(U)).add(t2);
            DoubleVector kn = DoubleVector.broadcast(S, x[j + L - 1]), d = kn.sub(kv), wd = d.mul(w);
            // d is exact when K' and K are within a factor 2 (Sterbenz); otherwise restart.
            boolean inexact = kn.sub(d).compare(VectorOperators.NE, kv).anyTrue();
            DoubleVector g2 = d.mul(2.0).mul(c1).abs(), h2 = wd.mul(d);
            c2 = c2.sub(d.mul(2.0).mul(c1)).add(h2);
            c1 = c1.sub(wd);
            e2 = e2.add(c2.abs().add(g2).add(h2).mul(3 * U));
            e1 = e1.add(c1.abs().add(wd.abs()).mul(2 * U));
            kv = kn;
            DoubleVector cm2 = c2.sub(c1.mul(c1).mul(invW));
            DoubleVector cb = e2.add(c1.abs().mul(2.0).add(e1).mul(e1).mul(invW));
            restart = inexact || cb.compare(VectorOperators.GT, cm2.mul(tauR)).anyTrue();
        }
        st[0] = c1.lane(0);
        st[1] = c2.lane(0);
        st[2] = e1.lane(0);
        st[3] = e2.lane(0);
        st[4] = kv.lane(0);
        st[5] = restart ? 1 : 0;
        return j;
    }

    private static double varOut(double[] x, int i, int w, double s1, double s2, double b1, double b2,
                                 double invW, double invDiv, double tau, boolean sqrt) {
        double m2 = s2 - s1 * s1 * invW;
        double bound = b2 + (2 * Math.abs(s1) + b1) * b1 * invW + 8 * U * Math.abs(s2);
        if (!(bound <= tau * m2)) m2 = exactM2(x, i, w);
        return finish(Math.max(m2, 0) * invDiv, sqrt);
    }

    private static double finish(double var, boolean sqrt) {
        return sqrt ? Math.sqrt(var) : var;
    }

    /**
     * M2 of the window ending at i by the corrected two-pass; a window of equal values gives exactly 0,
     * a window whose sums overflow NaN.
     */
    static double exactM2(double[] x, int i, int w) {
        double m = 0, first = x[i - w + 1];
        boolean flat = true;
        for (int j = i - w + 1; j <= i; j++) {
            m += x[j];
            flat &= x[j] == first;
        }
        if (flat) return 0;
        m /= w;
        double q1 = 0, q2 = 0;
        for (int j = i - w + 1; j <= i; j++) {
            double y = x[j] - m;
            q1 += y;
            q2 += y * y;
        }
        double c = q2 - q1 * q1 / w;
        return JavaIndicatorKernels.finite(c) ? Math.max(c, 0) : Double.NaN;
    }
}
