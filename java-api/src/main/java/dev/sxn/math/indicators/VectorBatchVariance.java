package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.IndicatorConstants.RESUM;
import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.MAX;
import static dev.sxn.math.indicators.VectorLanes.S;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API rolling variance / standard deviation of batches ({@link IndicatorKernels#rollingVar},
 * k > 1): one lane per asset, time outer and assets inner, each step streaming one row of the
 * time-major batch. Every lane runs JAVA's {@link RollingVarState} arithmetic operation for operation
 * (slide, re-centre, the error-bound and RESUM restarts by two passes, the flat-window zero, the
 * {@link ScaledVariance} window and restart where the sums overflow), so the
 * results equal JAVA bit for bit; the assets beyond the last full vector run JAVA's loop. Reached only
 * through {@link VectorIndicatorKernels}.
 *
 * <p>The per-asset state (seven doubles per asset) is the thread's {@link Scratch}. No vector crosses a call:
 * the rare lanes whose sums overflowed are handled by {@link #overflowed}, which reads and writes the state
 * array, not vectors (a vector argument or result of a call C2 does not inline is boxed); and no mask is chosen
 * between two branches (the restart rows enter the two-pass test as a threshold).
 */
final class VectorBatchVariance {
    private VectorBatchVariance() {}

    /** Batches (k > 1): one lane per asset, time outer, assets inner; the tail assets run JAVA's loop. */
    static void acrossAssets(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        int kv = k / L * L;
        try (Scratch scratch = Scratch.open()) {
            double[] st = scratch.zeros(7 * kv); // run | eq | prev | K | s1 | s2 | eb, per asset
            java.util.Arrays.fill(st, 2 * kv, 3 * kv, Double.NaN);
            lanes(x, k, t, w, ddof, sqrt, out, kv, st);
        }
        if (kv < k) JavaIndicatorKernels.rollingVarAssets(x, k, t, w, ddof, sqrt, out, kv, k);
    }

    /** Assets [0, kv), their state in {@code st} (run | eq | prev | K | s1 | s2 | eb, kv each). */
    private static void lanes(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out, int kv, double[] st) {
        double div = w - ddof;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN), one = DoubleVector.broadcast(S, 1.0);
        double ebf = JavaIndicatorKernels.EB_FACTOR;
        for (int i = 0; i < t; i++) {
            int row = i * k, orow = (i - w) * k;
            // Every full lane restarts on a RESUM row: there run >= w is the test, elsewhere run >= +Inf
            // (never true). A scalar threshold rather than a choice between two masks: a mask merged from
            // two branches is boxed once both are taken.
            double restartAt = (i + 1) % RESUM == 0 ? w : Double.POSITIVE_INFINITY;
            for (int a = 0; a < kv; a += L) {
                DoubleVector run = DoubleVector.fromArray(S, st, a), eq = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector prev = DoubleVector.fromArray(S, st, 2 * kv + a), kk = DoubleVector.fromArray(S, st, 3 * kv + a);
                DoubleVector s1 = DoubleVector.fromArray(S, st, 4 * kv + a), s2 = DoubleVector.fromArray(S, st, 5 * kv + a);
                DoubleVector eb = DoubleVector.fromArray(S, st, 6 * kv + a);
                long overflow = 0;
                DoubleVector v = DoubleVector.fromArray(S, x, row + a);
                VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
                run = run.add(1.0).blend(zero, bad);
                eq = eq.add(1.0).blend(one, v.compare(VectorOperators.NE, prev)).blend(zero, bad);
                prev = v;
                VectorMask<Double> full = run.compare(VectorOperators.GE, w);
                if (!full.anyTrue()) {
                    nan.intoArray(out, row + a);
                } else {
                    // The JAVA kernel's slide for every lane; lanes still warming up compute garbage
                    // that the two-pass at run == w overwrites.
                    DoubleVector o = i >= w ? DoubleVector.fromArray(S, x, orow + a) : zero;
                    DoubleVector yv = v.sub(kk), yo = o.sub(kk);
                    s1 = s1.add(yv.sub(yo));
                    s2 = s2.add(yv.mul(yv).sub(yo.mul(yo)));
                    DoubleVector kn = kk.add(s1.div(w)), d = kn.sub(kk);
                    s2 = s2.sub(d.mul(2.0).mul(s1)).add(d.mul(w).mul(d));
                    s1 = s1.sub(d.mul(w));
                    kk = kn;
                    eb = eb.add(yv.mul(yv).add(yo.mul(yo)).add(d.mul(3.0 * w).mul(d)));
                    VectorMask<Double> twoPass = run.compare(VectorOperators.GE, restartAt).or(run.compare(VectorOperators.EQ, w))
                            .or(eb.compare(VectorOperators.GT, s2.mul(ebf)).and(full));
                    if (twoPass.anyTrue()) {
                        int first = row + a - (w - 1) * k;
                        DoubleVector m = zero;
                        for (int j = first; j <= row + a; j += k) m = m.add(DoubleVector.fromArray(S, x, j));
                        DoubleVector kt = m.div(w), q1 = zero, q2 = zero;
                        for (int j = first; j <= row + a; j += k) {
                            DoubleVector y = DoubleVector.fromArray(S, x, j).sub(kt);
                            q1 = q1.add(y);
                            q2 = q2.add(y.mul(y));
                        }
                        DoubleVector kn2 = kt.add(q1.div(w)), d2 = kn2.sub(kt);
                        q2 = q2.sub(d2.mul(2.0).mul(q1)).add(d2.mul(w).mul(d2));
                        q1 = q1.sub(d2.mul(w));
                        kk = kk.blend(kn2, twoPass);
                        s1 = s1.blend(q1, twoPass);
                        s2 = s2.blend(q2, twoPass);
                        eb = eb.blend(zero, twoPass);
                    }
                    DoubleVector c = s2.sub(s1.mul(s1).div(w));
                    DoubleVector var = c.max(zero).div(div);
                    var = var.blend(zero, eq.compare(VectorOperators.GE, w));
                    if (sqrt) var = var.sqrt();
                    VectorMask<Double> empty = full.not();
                    var.blend(nan, empty).intoArray(out, row + a);
                    VectorMask<Double> ok = c.abs().compare(VectorOperators.LE, MAX).or(empty);
                    overflow = ok.not().toLong();
                }
                run.intoArray(st, a);
                eq.intoArray(st, kv + a);
                prev.intoArray(st, 2 * kv + a);
                kk.intoArray(st, 3 * kv + a);
                s1.intoArray(st, 4 * kv + a);
                s2.intoArray(st, 5 * kv + a);
                eb.intoArray(st, 6 * kv + a);
                if (overflow != 0) overflowed(x, k, w, div, sqrt, out, row + a, overflow, st, a, kv);
            }
        }
    }

    /**
     * The lanes ({@code bits}, lane l at bit l) of a full window whose M2 is not finite (the sums overflowed:
     * values too large to square), as {@link RollingVarState#update} handles them: the window by
     * {@link ScaledVariance} (0 when flat), and the run counter in {@code st} set to w - 1 so the next step
     * restarts by two passes. Lane l is asset {@code a + l}; its eq counter is {@code st[kv + a + l]}.
     */
    private static void overflowed(double[] x, int k, int w, double div, boolean sqrt, double[] out, int p, long bits,
                                   double[] st, int a, int kv) {
        for (; bits != 0; bits &= bits - 1) {
            int l = Long.numberOfTrailingZeros(bits);
            out[p + l] = st[kv + a + l] >= w ? 0 : ScaledVariance.window(x, p + l, k, w, div, sqrt);
            st[a + l] = w - 1;
        }
    }
}
