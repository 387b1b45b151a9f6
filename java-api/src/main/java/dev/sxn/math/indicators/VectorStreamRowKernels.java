package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.MAX;
import static dev.sxn.math.indicators.VectorLanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API {@link StreamRowKernels}: one lane per asset, the single-series step's arithmetic lane for lane
 * (every branch of the step computed and the lane's case selected by masks; multiplies and adds, no fused
 * multiply-add), so each asset's values equal JAVA's bit for bit; the assets beyond the last full vector run
 * JAVA's range forms. Counts are doubles (exact below 2^53, and past the seed every larger count steps alike).
 * Loaded only when jdk.incubator.vector is resolved. Vectors stay in locals of these methods (no fields, arrays
 * or calls), so C2 keeps them in registers.
 */
final class VectorStreamRowKernels implements StreamRowKernels {

    @Override
    public void ema(double[] x, int k, double[] stIn, double[] stOut, int seed, double alpha, double[] out) {
        double beta = 1 - alpha;
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        for (int a = 0; a < kv; a += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, a);
            VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
            DoubleVector run = DoubleVector.fromArray(S, stIn, a), acc = DoubleVector.fromArray(S, stIn, k + a);
            DoubleVector e = DoubleVector.fromArray(S, stIn, 2 * k + a);
            run = run.add(1.0).blend(zero, bad);
            VectorMask<Double> warm = run.compare(VectorOperators.LT, seed), seedNow = run.compare(VectorOperators.EQ, seed);
            DoubleVector sum = acc.add(v);
            // EmaState: acc grows only in the warm-up and is zeroed at a missing value; e is kept in both.
            DoubleVector rec = v.mul(alpha).add(e.mul(beta)).blend(sum.div(seed), seedNow);
            DoubleVector eNew = rec.blend(e, warm.or(bad));
            run.intoArray(stOut, a);
            acc.blend(sum, warm).blend(zero, bad).intoArray(stOut, k + a);
            eNew.intoArray(stOut, 2 * k + a);
            eNew.blend(nan, warm).intoArray(out, a);
        }
        if (kv < k) JavaStreamRowKernels.emaRange(x, k, stIn, stOut, seed, alpha, out, kv, k);
    }

    @Override
    public void rsi(double[] x, int k, double[] stIn, double[] stOut, int n, double[] out) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        for (int a = 0; a < kv; a += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, a);
            VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
            DoubleVector run = DoubleVector.fromArray(S, stIn, a), prev = DoubleVector.fromArray(S, stIn, k + a);
            DoubleVector up = DoubleVector.fromArray(S, stIn, 2 * k + a), dn = DoubleVector.fromArray(S, stIn, 3 * k + a);
            run = run.add(1.0).blend(zero, bad);
            DoubleVector d = v.sub(prev);
            DoubleVector g = d.max(0.0), l = d.neg().max(0.0);
            DoubleVector m = run.sub(1.0);
            VectorMask<Double> steady = m.compare(VectorOperators.GT, n), seedNow = m.compare(VectorOperators.EQ, n);
            VectorMask<Double> adding = m.compare(VectorOperators.LT, n).and(m.compare(VectorOperators.GT, 0.0));
            DoubleVector upS = g.mul(alpha).add(up.mul(beta)), dnS = l.mul(alpha).add(dn.mul(beta));
            DoubleVector upA = up.add(g), dnA = dn.add(l);
            DoubleVector upN = up.blend(upA, adding).blend(upA.div(n), seedNow).blend(upS, steady).blend(zero, bad);
            DoubleVector dnN = dn.blend(dnA, adding).blend(dnA.div(n), seedNow).blend(dnS, steady).blend(zero, bad);
            DoubleVector r = upN.mul(100.0).div(upN.add(dnN));
            run.intoArray(stOut, a);
            prev.blend(v, bad.not()).intoArray(stOut, k + a);
            upN.intoArray(stOut, 2 * k + a);
            dnN.intoArray(stOut, 3 * k + a);
            r.blend(nan, steady.or(seedNow).not().or(bad)).intoArray(out, a);
        }
        if (kv < k) JavaStreamRowKernels.rsiRange(x, k, stIn, stOut, n, out, kv, k);
    }

    @Override
    public void sum(double[] ring, int p, int back, int k, double[] stIn, double[] stOut, int w, double scale, double[] out) {
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        for (int a = 0; a < kv; a += L) {
            DoubleVector v = DoubleVector.fromArray(S, ring, p + a);
            VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
            DoubleVector run = DoubleVector.fromArray(S, stIn, a), s = DoubleVector.fromArray(S, stIn, k + a);
            DoubleVector c = DoubleVector.fromArray(S, stIn, 2 * k + a);
            run = run.add(1.0).blend(zero, bad);
            // The TwoSum of RollingSumState.twoSumError, written out: (a - (sum - bp)) + (b - bp), bp = sum - a.
            DoubleVector sn = s.add(v), bp = sn.sub(s);
            c = c.add(s.sub(sn.sub(bp)).add(v.sub(bp)));
            s = sn;
            VectorMask<Double> slide = run.compare(VectorOperators.GT, w);
            DoubleVector o = DoubleVector.fromArray(S, ring, p - back + a).neg();
            DoubleVector so = s.add(o), bo = so.sub(s);
            DoubleVector co = c.add(s.sub(so.sub(bo)).add(o.sub(bo)));
            s = s.blend(so, slide).blend(zero, bad);
            c = c.blend(co, slide).blend(zero, bad);
            DoubleVector r = s.add(c).mul(scale);
            run.intoArray(stOut, a);
            s.intoArray(stOut, k + a);
            c.intoArray(stOut, 2 * k + a);
            r.blend(nan, run.compare(VectorOperators.LT, w).or(bad)).intoArray(out, a);
        }
        if (kv < k) JavaStreamRowKernels.sumRange(ring, p, back, k, stIn, stOut, w, scale, out, kv, k);
    }

    @Override
    public void atr(double[] high, double[] low, double[] close, int k, double[] stIn, double[] stOut, int n, double[] out) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        for (int a = 0; a < kv; a += L) {
            DoubleVector h = DoubleVector.fromArray(S, high, a), l = DoubleVector.fromArray(S, low, a);
            DoubleVector c = DoubleVector.fromArray(S, close, a), pc = DoubleVector.fromArray(S, stIn, a);
            VectorMask<Double> bar = h.abs().compare(VectorOperators.LE, MAX).and(l.abs().compare(VectorOperators.LE, MAX))
                    .and(c.abs().compare(VectorOperators.LE, MAX));
            VectorMask<Double> ok = bar.and(pc.abs().compare(VectorOperators.LE, MAX));
            DoubleVector v = h.max(pc).sub(l.min(pc));
            c.blend(nan, bar.not()).intoArray(stOut, a);
            // Wilder's EmaState step on the true range (missing where !ok), as in ema above.
            VectorMask<Double> bad = ok.not();
            DoubleVector run = DoubleVector.fromArray(S, stIn, k + a), acc = DoubleVector.fromArray(S, stIn, 2 * k + a);
            DoubleVector e = DoubleVector.fromArray(S, stIn, 3 * k + a);
            run = run.add(1.0).blend(zero, bad);
            VectorMask<Double> warm = run.compare(VectorOperators.LT, n), seedNow = run.compare(VectorOperators.EQ, n);
            DoubleVector sum = acc.add(v);
            DoubleVector rec = v.mul(alpha).add(e.mul(beta)).blend(sum.div(n), seedNow);
            DoubleVector eNew = rec.blend(e, warm.or(bad));
            run.intoArray(stOut, k + a);
            acc.blend(sum, warm).blend(zero, bad).intoArray(stOut, 2 * k + a);
            eNew.intoArray(stOut, 3 * k + a);
            eNew.blend(nan, warm).intoArray(out, a);
        }
        if (kv < k) JavaStreamRowKernels.atrRange(high, low, close, k, stIn, stOut, n, out, kv, k);
    }
}
