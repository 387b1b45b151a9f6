package dev.sxn.math.indicators;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Batches vectorise <b>across assets</b>: one lane per asset, time outer and
 * assets inner, so each step streams one contiguous row of the time-major batch; the per-asset
 * recurrence state lives in a small per-call array (a few doubles per asset, cache-resident);
 * the arithmetic is the JAVA kernel's, operation for operation (masked lanes add exact zeros), so
 * batched results equal JAVA bit for bit; assets beyond the last full vector run the JAVA code.
 * A single series vectorises <b>along time</b>: the rolling sum by an in-register prefix scan of
 * the window differences (re-summed exactly every {@link #RESUM} outputs, error at most
 * {@code (RESUM + w) u sum|x|} over the window), the EMA in blocks of L steps by the closed form
 * {@code v[j] = beta^(j+1) v[-1] + sum_i alpha beta^(j-i) x[i]} (a few ulps from the sequential
 * recurrence, which is contractive, so differences do not grow). The rolling variance and RSI of a
 * single series run the JAVA code. Loaded only when VECTOR is available.
 */
final class VectorIndicatorKernels implements IndicatorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double MAX = Double.MAX_VALUE;
    private static final VectorShuffle<Double> LAST = VectorShuffle.fromOp(S, i -> L - 1);
    static final int RESUM = 1024;

    // ================================================================== rolling sum

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        if (k == 1) {
            rollingSumAlongTime(x, t, w, scale, out);
            return;
        }
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        double[] st = new double[3 * kv]; // s | c | run, per asset
        for (int i = 0; i < t; i++) {
            int row = i * k, orow = (i - w) * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector s = DoubleVector.fromArray(S, st, a), c = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector run = DoubleVector.fromArray(S, st, 2 * kv + a);
                DoubleVector v = DoubleVector.fromArray(S, x, row + a);
                VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
                run = run.add(1.0).blend(zero, bad);
                v = v.blend(zero, bad);
                s = s.blend(zero, bad);
                c = c.blend(zero, bad);
                DoubleVector sn = s.add(v), bp = sn.sub(s);
                c = c.add(s.sub(sn.sub(bp)).add(v.sub(bp)));
                s = sn;
                if (i >= w) {
                    DoubleVector o = DoubleVector.fromArray(S, x, orow + a).neg().blend(zero, run.compare(VectorOperators.LE, w));
                    sn = s.add(o);
                    bp = sn.sub(s);
                    c = c.add(s.sub(sn.sub(bp)).add(o.sub(bp)));
                    s = sn;
                }
                s.add(c).mul(scale).blend(nan, run.compare(VectorOperators.LT, w)).intoArray(out, row + a);
                s.intoArray(st, a);
                c.intoArray(st, kv + a);
                run.intoArray(st, 2 * kv + a);
            }
        }
        if (kv < k) JavaIndicatorKernels.rollingSumAssets(x, k, t, w, scale, out, kv, k);
    }

    /** One series: per run of finite values, the window sum by a prefix scan of x[i] - x[i-w]. */
    private static void rollingSumAlongTime(double[] x, int t, int w, double scale, double[] out) {
        int i = 0;
        while (i < t) {
            int r0 = i;
            while (i < t && JavaIndicatorKernels.finite(x[i])) i++;
            int r1 = i; // run [r0, r1) of finite values; x[r1] (if any) is missing
            for (int j = r0; j < Math.min(r1, r0 + w - 1); j++) out[j] = Double.NaN;
            if (r1 - r0 >= w) scanRun(x, r0 + w - 1, r1, w, scale, out);
            if (i < t) out[i++] = Double.NaN;
        }
    }

    private static void scanRun(double[] x, int from, int to, int w, double scale, double[] out) {
        int i = from;
        while (i < to) {
            // Exact(er) restart: a fresh window sum, then at most RESUM scanned steps.
            double s = 0;
            for (int j = i - w + 1; j <= i; j++) s += x[j];
            out[i] = s * scale;
            int end = Math.min(to, i + 1 + RESUM);
            int j = i + 1;
            DoubleVector carry = DoubleVector.broadcast(S, s);
            for (; j + L <= end; j += L) {
                DoubleVector d = DoubleVector.fromArray(S, x, j).sub(DoubleVector.fromArray(S, x, j - w));
                d = d.add(d.unslice(1));
                if (L > 2) d = d.add(d.unslice(2));
                if (L > 4) d = d.add(d.unslice(4));
                DoubleVector sums = carry.add(d);
                sums.mul(scale).intoArray(out, j);
                carry = sums.rearrange(LAST);
            }
            double c = carry.lane(0);
            for (; j < end; j++) {
                c += x[j] - x[j - w];
                out[j] = c * scale;
            }
            i = end;
        }
    }

    // ================================================================== rolling variance

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        // A single series has no lanes to fill here: it runs the JAVA loop. (A direct two-pass per
        // window, L windows per vector, was tried and measured 1x the JAVA loop: C2 did not keep its
        // nested vector loops in registers.)
        int kv = k > 1 ? k / L * L : 0;
        double div = w - ddof;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN), one = DoubleVector.broadcast(S, 1.0);
        double[] st = new double[7 * kv]; // run | eq | prev | K | s1 | s2 | eb, per asset
        double ebf = JavaIndicatorKernels.EB_FACTOR;
        for (int a = 0; a < kv; a += L) nan.intoArray(st, 2 * kv + a);
        for (int i = 0; i < t; i++) {
            int row = i * k, orow = (i - w) * k;
            boolean restart = (i + 1) % RESUM == 0;
            for (int a = 0; a < kv; a += L) {
                DoubleVector run = DoubleVector.fromArray(S, st, a), eq = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector prev = DoubleVector.fromArray(S, st, 2 * kv + a), kk = DoubleVector.fromArray(S, st, 3 * kv + a);
                DoubleVector s1 = DoubleVector.fromArray(S, st, 4 * kv + a), s2 = DoubleVector.fromArray(S, st, 5 * kv + a);
                DoubleVector eb = DoubleVector.fromArray(S, st, 6 * kv + a);
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
                    VectorMask<Double> twoPass = restart ? full : run.compare(VectorOperators.EQ, w)
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
                    DoubleVector var = s2.sub(s1.mul(s1).div(w)).max(zero).div(div);
                    var = var.blend(zero, eq.compare(VectorOperators.GE, w));
                    if (sqrt) var = var.sqrt();
                    var.blend(nan, full.not()).intoArray(out, row + a);
                }
                run.intoArray(st, a);
                eq.intoArray(st, kv + a);
                prev.intoArray(st, 2 * kv + a);
                kk.intoArray(st, 3 * kv + a);
                s1.intoArray(st, 4 * kv + a);
                s2.intoArray(st, 5 * kv + a);
                eb.intoArray(st, 6 * kv + a);
            }
        }
        if (kv < k) JavaIndicatorKernels.rollingVarAssets(x, k, t, w, ddof, sqrt, out, kv, k);
    }

    // ================================================================== EMA

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        if (k == 1) {
            emaAlongTime(x, t, seed, alpha, out);
            return;
        }
        double beta = 1 - alpha;
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        double[] st = new double[3 * kv]; // run | acc | e, per asset
        for (int i = 0; i < t; i++) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector run = DoubleVector.fromArray(S, st, a), acc = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector e = DoubleVector.fromArray(S, st, 2 * kv + a);
                DoubleVector v = DoubleVector.fromArray(S, x, row + a);
                VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
                run = run.add(1.0).blend(zero, bad);
                v = v.blend(zero, bad);
                DoubleVector accNew = acc.add(v);
                acc = accNew.blend(zero, bad);
                DoubleVector rec = v.mul(alpha).add(e.mul(beta));
                VectorMask<Double> warm = run.compare(VectorOperators.LT, seed), seedNow = run.compare(VectorOperators.EQ, seed);
                // The seed's division only on the rare steps that need it (a division is ~16 cycles).
                if (seedNow.anyTrue()) rec = rec.blend(accNew.div(seed), seedNow);
                e = rec.blend(e, warm);
                e.blend(nan, warm).intoArray(out, row + a);
                run.intoArray(st, a);
                acc.intoArray(st, kv + a);
                e.intoArray(st, 2 * kv + a);
            }
        }
        if (kv < k) JavaIndicatorKernels.emaAssets(x, k, t, seed, alpha, out, kv, k);
    }

    /**
     * One series: the JAVA state machine, except that in the steady state (past the seed) a block
     * of L finite values is computed at once from the closed form.
     */
    private static void emaAlongTime(double[] x, int t, int seed, double alpha, double[] out) {
        double beta = 1 - alpha;
        // coef[i * L + j] = alpha beta^(j - i) for j >= i: the weight of x[i] in v[j] of the block.
        double[] pw = new double[L], coef = new double[L * L];
        for (int j = 0; j < L; j++) {
            pw[j] = Math.pow(beta, j + 1);
            for (int i = 0; i <= j; i++) coef[i * L + j] = alpha * Math.pow(beta, j - i);
        }
        DoubleVector powers = DoubleVector.fromArray(S, pw, 0);
        int run = 0;
        double acc = 0, e = 0;
        int i = 0;
        while (i < t) {
            if (run > seed && i + L <= t) {
                // Steady state: whole blocks while they are finite, the carry kept in a vector
                // (every lane = the last value) so no lane leaves the register file in the loop.
                DoubleVector carry = DoubleVector.broadcast(S, e);
                int start = i;
                while (i + L <= t) {
                    DoubleVector v = DoubleVector.fromArray(S, x, i);
                    if (!v.abs().compare(VectorOperators.LE, MAX).allTrue()) break;
                    DoubleVector sum = DoubleVector.zero(S);
                    for (int j = 0; j < L; j++) sum = DoubleVector.fromArray(S, coef, j * L).fma(DoubleVector.broadcast(S, x[i + j]), sum);
                    DoubleVector res = powers.fma(carry, sum);
                    res.intoArray(out, i);
                    carry = res.rearrange(LAST);
                    i += L;
                }
                if (i > start) {
                    e = carry.lane(0);
                    run += i - start;
                    continue;
                }
            }
            double v = x[i];
            if (!JavaIndicatorKernels.finite(v)) {
                run = 0;
                acc = 0;
                out[i++] = Double.NaN;
                continue;
            }
            run++;
            if (run < seed) {
                acc += v;
                out[i] = Double.NaN;
            } else if (run == seed) {
                e = (acc + v) / seed;
                out[i] = e;
            } else {
                e = v * alpha + e * beta;
                out[i] = e;
            }
            i++;
        }
    }

    // ================================================================== RSI

    @Override
    public void rsi(double[] x, int k, int t, int n, double[] out) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        int kv = k > 1 ? k / L * L : 0;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        double[] st = new double[4 * kv]; // run | prev | up | dn, per asset
        for (int i = 0; i < t; i++) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector run = DoubleVector.fromArray(S, st, a), prev = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector up = DoubleVector.fromArray(S, st, 2 * kv + a), dn = DoubleVector.fromArray(S, st, 3 * kv + a);
                DoubleVector v = DoubleVector.fromArray(S, x, row + a);
                VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
                run = run.add(1.0).blend(zero, bad);
                DoubleVector d = v.sub(prev);
                prev = prev.blend(v, bad.not());
                // max(d, 0) equals JAVA's (d > 0 ? d : 0) for finite d; -0.0 vs 0.0 cannot change a sum.
                DoubleVector g = d.max(zero), l = d.neg().max(zero);
                DoubleVector m = run.sub(1.0);
                DoubleVector upA = up.add(g), dnA = dn.add(l);
                VectorMask<Double> seedNow = m.compare(VectorOperators.EQ, n), steady = m.compare(VectorOperators.GT, n);
                if (seedNow.anyTrue()) {
                    upA = upA.blend(upA.div(n), seedNow);
                    dnA = dnA.blend(dnA.div(n), seedNow);
                }
                up = upA.blend(g.mul(alpha).add(up.mul(beta)), steady);
                dn = dnA.blend(l.mul(alpha).add(dn.mul(beta)), steady);
                VectorMask<Double> reset = run.compare(VectorOperators.LE, 1.0);
                up = up.blend(zero, reset);
                dn = dn.blend(zero, reset);
                up.mul(100).div(up.add(dn)).blend(nan, m.compare(VectorOperators.LT, n)).intoArray(out, row + a);
                run.intoArray(st, a);
                prev.intoArray(st, kv + a);
                up.intoArray(st, 2 * kv + a);
                dn.intoArray(st, 3 * kv + a);
            }
        }
        if (kv < k) JavaIndicatorKernels.rsiAssets(x, k, t, n, out, kv, k);
    }
}
