package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.MAX;
import static dev.sxn.math.indicators.VectorLanes.S;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API Wilder RSI ({@link IndicatorKernels#rsi}) of batches: one lane per asset, time
 * outer and assets inner, with JAVA's {@link RsiState} arithmetic in masks, so the results equal JAVA
 * bit for bit. A single series runs JAVA's loop. Reached only through {@link VectorIndicatorKernels}.
 */
final class VectorRsi {
    private VectorRsi() {}

    /** Any batch: one lane per asset; k = 1 and the assets beyond the last full vector run JAVA's loop. */
    static void acrossAssets(double[] x, int k, int t, int n, double[] out) {
        int kv = k > 1 ? k / L * L : 0;
        try (Scratch w = Scratch.open()) {
            acrossAssets(x, k, t, n, out, w.zeros(4 * kv), w.flags(kv / L));
        }
    }

    /** {@link #acrossAssets(double[], int, int, int, double[])} on zeroed per-thread state. */
    private static void acrossAssets(double[] x, int k, int t, int n, double[] out, double[] st, boolean[] steadyBlock) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        int kv = k > 1 ? k / L * L : 0;
        // st: run | prev | up | dn, per asset.
        // As in VectorEma: blocks whose lanes are all past the seed step only up and dn while the values
        // stay finite (run matters only against n and is stale-but-equivalent meanwhile). The previous
        // value is then the previous row's, read from x, and written back to st only on leaving.
        // Steady blocks take four rows per visit: the state stays in registers between the steps and
        // the four rows' loads, divisions and stores are in flight together, which measured faster
        // than two-row visits from 64 to 1024 assets; 8 or 16 rows per visit were slower (more
        // concurrent streams than the prefetchers follow), and so were four-row visits in the batched
        // EMA, which is memory-bound, so that kernel keeps one row per visit (IndicatorsCpuTime).
        int i = 0;
        for (; i + 3 < t; i += 4) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                int blk = a / L;
                if (steadyBlock[blk] && rsiSteadyQuad(x, k, row, a, kv, st, out, alpha, beta)) continue;
                for (int r = 0; r < 4; r++)
                    steadyBlock[blk] = rsiStep(x, k, row + r * k, a, kv, st, out, n, alpha, beta, steadyBlock[blk]);
            }
        }
        for (; i < t; i++) {
            for (int a = 0; a < kv; a += L) steadyBlock[a / L] = rsiStep(x, k, i * k, a, kv, st, out, n, alpha, beta, steadyBlock[a / L]);
        }
        if (kv < k) JavaIndicatorKernels.rsiAssets(x, k, t, n, out, kv, k);
    }

    /**
     * Rows {@code row} .. {@code row + 3k} of the L assets at {@code a}, all past their seed: JAVA's
     * steady recurrence four times, value for value. The gain is {@code d > 0 ? d : +0} by compare and
     * blend and the loss is {@code gain - d}, both equal to JAVA's {@code Math.max(d, 0)} and
     * {@code Math.max(-d, 0)} for every finite d, signed zeros included (a Java-semantics vector max
     * is several instructions on x86 before AVX10.2). Writes nothing and returns false when a value in
     * the four rows is not finite; the caller then takes the general step row by row. One test of the
     * last sum suffices: a NaN or infinite price makes the gain or the loss NaN or infinite, up and dn
     * are otherwise non-negative, and every later step carries a NaN or infinity into up + dn (a
     * finite overflow of the sum only sends finite rows to the general path, which computes the same
     * values). The four steps are written out: the same four rows as a loop measured slower
     * (IndicatorsCpuTime).
     */
    private static boolean rsiSteadyQuad(double[] x, int k, int row, int a, int kv, double[] st, double[] out,
            double alpha, double beta) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector x0 = DoubleVector.fromArray(S, x, row - k + a), x1 = DoubleVector.fromArray(S, x, row + a);
        DoubleVector x2 = DoubleVector.fromArray(S, x, row + k + a), x3 = DoubleVector.fromArray(S, x, row + 2 * k + a);
        DoubleVector x4 = DoubleVector.fromArray(S, x, row + 3 * k + a);
        DoubleVector d = x1.sub(x0);
        DoubleVector g = zero.blend(d, d.compare(VectorOperators.GT, zero));
        DoubleVector up1 = g.mul(alpha).add(DoubleVector.fromArray(S, st, 2 * kv + a).mul(beta));
        DoubleVector dn1 = g.sub(d).mul(alpha).add(DoubleVector.fromArray(S, st, 3 * kv + a).mul(beta));
        d = x2.sub(x1);
        g = zero.blend(d, d.compare(VectorOperators.GT, zero));
        DoubleVector up2 = g.mul(alpha).add(up1.mul(beta));
        DoubleVector dn2 = g.sub(d).mul(alpha).add(dn1.mul(beta));
        d = x3.sub(x2);
        g = zero.blend(d, d.compare(VectorOperators.GT, zero));
        DoubleVector up3 = g.mul(alpha).add(up2.mul(beta));
        DoubleVector dn3 = g.sub(d).mul(alpha).add(dn2.mul(beta));
        d = x4.sub(x3);
        g = zero.blend(d, d.compare(VectorOperators.GT, zero));
        DoubleVector up4 = g.mul(alpha).add(up3.mul(beta));
        DoubleVector dn4 = g.sub(d).mul(alpha).add(dn3.mul(beta));
        DoubleVector sum4 = up4.add(dn4);
        if (!sum4.compare(VectorOperators.LE, MAX).allTrue()) return false;
        up1.mul(100).div(up1.add(dn1)).intoArray(out, row + a);
        up2.mul(100).div(up2.add(dn2)).intoArray(out, row + k + a);
        up3.mul(100).div(up3.add(dn3)).intoArray(out, row + 2 * k + a);
        up4.mul(100).div(sum4).intoArray(out, row + 3 * k + a);
        up4.intoArray(st, 2 * kv + a);
        dn4.intoArray(st, 3 * kv + a);
        return true;
    }

    /**
     * One row of the L assets at {@code a}: JAVA's state machine (warm-up sums, seed, recurrence, NaN
     * restarts) in masks. Returns whether every lane is past its seed afterwards.
     */
    private static boolean rsiStep(double[] x, int k, int row, int a, int kv, double[] st, double[] out, int n,
            double alpha, double beta, boolean steady) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector v = DoubleVector.fromArray(S, x, row + a);
        VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
        if (steady) {
            if (!bad.anyTrue()) {
                DoubleVector d = v.sub(DoubleVector.fromArray(S, x, row - k + a));
                DoubleVector up = d.max(zero).mul(alpha).add(DoubleVector.fromArray(S, st, 2 * kv + a).mul(beta));
                DoubleVector dn = d.neg().max(zero).mul(alpha).add(DoubleVector.fromArray(S, st, 3 * kv + a).mul(beta));
                up.mul(100).div(up.add(dn)).intoArray(out, row + a);
                up.intoArray(st, 2 * kv + a);
                dn.intoArray(st, 3 * kv + a);
                return true;
            }
            DoubleVector.fromArray(S, x, row - k + a).intoArray(st, kv + a);
        }
        DoubleVector run = DoubleVector.fromArray(S, st, a), prev = DoubleVector.fromArray(S, st, kv + a);
        DoubleVector up = DoubleVector.fromArray(S, st, 2 * kv + a), dn = DoubleVector.fromArray(S, st, 3 * kv + a);
        run = run.add(1.0).blend(zero, bad);
        DoubleVector d = v.sub(prev);
        prev = prev.blend(v, bad.not());
        // max(d, 0) equals JAVA's Math.max(d, 0) for every d, NaN and signed zeros included.
        DoubleVector g = d.max(zero), l = d.neg().max(zero);
        DoubleVector m = run.sub(1.0);
        DoubleVector upA = up.add(g), dnA = dn.add(l);
        VectorMask<Double> seedNow = m.compare(VectorOperators.EQ, n), pastSeed = m.compare(VectorOperators.GT, n);
        if (seedNow.anyTrue()) {
            upA = upA.blend(upA.div(n), seedNow);
            dnA = dnA.blend(dnA.div(n), seedNow);
        }
        up = upA.blend(g.mul(alpha).add(up.mul(beta)), pastSeed);
        dn = dnA.blend(l.mul(alpha).add(dn.mul(beta)), pastSeed);
        VectorMask<Double> reset = run.compare(VectorOperators.LE, 1.0);
        up = up.blend(zero, reset);
        dn = dn.blend(zero, reset);
        up.mul(100).div(up.add(dn)).blend(DoubleVector.broadcast(S, Double.NaN), m.compare(VectorOperators.LT, n)).intoArray(out, row + a);
        run.intoArray(st, a);
        prev.intoArray(st, kv + a);
        up.intoArray(st, 2 * kv + a);
        dn.intoArray(st, 3 * kv + a);
        return pastSeed.allTrue();
    }
}
