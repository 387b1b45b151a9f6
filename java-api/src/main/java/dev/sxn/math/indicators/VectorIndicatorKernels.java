package dev.sxn.math.indicators;

import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
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
 * recurrence, which is contractive, so differences do not grow), the rolling variance by prefix
 * scans of shifted sums with one error bound per block of outputs (relative error at most
 * {@link #TAU} = 2^-40 of M2 plus two ulps; windows where the bound is not met are recomputed by
 * two passes; see {@code varAlongTime}). The RSI of a single series runs the JAVA code. Loaded only
 * when VECTOR is available.
 */
final class VectorIndicatorKernels implements IndicatorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double MAX = Double.MAX_VALUE;
    private static final VectorShuffle<Double> LAST = VectorShuffle.fromOp(S, i -> L - 1);
    static final int RESUM = 1024;
    private static final VectorShuffle<Double> UP1 = VectorShuffle.fromOp(S, i -> Math.max(i - 1, 0));
    private static final VectorShuffle<Double> UP2 = VectorShuffle.fromOp(S, i -> Math.max(i - 2, 0));
    private static final VectorShuffle<Double> UP4 = VectorShuffle.fromOp(S, i -> Math.max(i - 4, 0));
    private static final VectorMask<Double> UP1M = VectorMask.fromLong(S, -2L);
    private static final VectorMask<Double> UP2M = VectorMask.fromLong(S, -4L);
    private static final VectorMask<Double> UP4M = VectorMask.fromLong(S, -16L);

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

    /**
     * One series: optimistic blocks of RESUM outputs, each an exact(er) restart plus a prefix scan of
     * x[i] - x[i-w] on the {@link #T} species, assuming every value finite. A non-finite value (or an
     * overflow) anywhere in a block's windows leaves its carried sum non-finite (NaN and infinities
     * are absorbing under addition), so one check per block finds it, and only such blocks are
     * recomputed per run of finite values ({@link #rollingSumRange}). Saves a separate scalar pass
     * over the series for the runs, which cost as much as the scan itself.
     */
    private static void rollingSumAlongTime(double[] x, int t, int w, double scale, double[] out) {
        for (int j = 0; j < w - 1; j++) out[j] = Double.NaN;
        int i = w - 1;
        while (i < t) {
            int end = Math.min(t, i + 1 + RESUM);
            if (!scanBlock(x, i, end, w, scale, out)) rollingSumRange(x, i, end, w, scale, out);
            i = end;
        }
    }

    /** Outputs [from, to) with the missing-value rules: per run of finite values, a scanned sum. */
    private static void rollingSumRange(double[] x, int from, int to, int w, double scale, double[] out) {
        int i = from - w + 1;
        while (i < to) {
            int r0 = i;
            while (i < to && JavaIndicatorKernels.finite(x[i])) i++;
            int r1 = i; // run [r0, r1) of finite values; x[r1] (if any) is missing
            for (int j = Math.max(from, r0); j < Math.min(r1, r0 + w - 1); j++) out[j] = Double.NaN;
            if (r1 - r0 >= w) scanRun(x, Math.max(from, r0 + w - 1), r1, w, scale, out);
            if (i < to) {
                if (i >= from) out[i] = Double.NaN;
                i++;
            }
        }
    }

    /** The scan species: 4 lanes at most (measured: on AVX-512 the 8-lane scan was slower). */
    private static final VectorSpecies<Double> T = L > 4 ? DoubleVector.SPECIES_256 : S;
    private static final int LT = T.length();
    private static final VectorSpecies<Long> TL = VectorSpecies.of(long.class, T.vectorShape());
    private static final VectorShuffle<Double> T_LAST = VectorShuffle.fromOp(T, i -> LT - 1);
    private static final VectorShuffle<Double> T_UP1 = VectorShuffle.fromOp(T, i -> Math.max(i - 1, 0));
    private static final VectorShuffle<Double> T_UP2 = VectorShuffle.fromOp(T, i -> Math.max(i - 2, 0));
    private static final VectorMask<Double> T_UP1M = VectorMask.fromLong(T, -2L);
    private static final VectorMask<Double> T_UP2M = VectorMask.fromLong(T, -4L);

    /** In-register inclusive prefix sum of the lanes (LT <= 4). */
    private static DoubleVector prefix(DoubleVector d) {
        if (LT > 1) d = d.add(d.rearrange(T_UP1, T_UP1M));
        if (LT > 2) d = d.add(d.rearrange(T_UP2, T_UP2M));
        return d;
    }

    /**
     * Outputs [i, end) (at most RESUM + 1) of an all-finite stretch: the window sum at i directly,
     * then the scan, the carry advanced by the block total so that its chain is one add per vector.
     * Returns false (outputs garbage) when the carried sum is not finite at the end.
     */
    private static boolean scanBlock(double[] x, int i, int end, int w, double scale, double[] out) {
        double s = 0;
        for (int j = i - w + 1; j <= i; j++) s += x[j];
        out[i] = s * scale;
        int j = i + 1;
        DoubleVector carry = DoubleVector.broadcast(T, s);
        for (; j + LT <= end; j += LT) {
            DoubleVector d = prefix(DoubleVector.fromArray(T, x, j).sub(DoubleVector.fromArray(T, x, j - w)));
            carry.add(d).mul(scale).intoArray(out, j);
            carry = carry.add(d.rearrange(T_LAST));
        }
        double c = carry.lane(0);
        for (; j < end; j++) {
            c += x[j] - x[j - w];
            out[j] = c * scale;
        }
        return JavaIndicatorKernels.finite(c);
    }

    private static void scanRun(double[] x, int from, int to, int w, double scale, double[] out) {
        for (int i = from; i < to; i = Math.min(to, i + 1 + RESUM)) scanBlock(x, i, Math.min(to, i + 1 + RESUM), w, scale, out);
    }

    // ================================================================== rolling variance

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        if (k == 1) {
            varAlongTime(x, t, w, ddof, sqrt, out);
            return;
        }
        int kv = k / L * L;
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

    /** Largest accepted a-posteriori error bound of a window's M2, relative to M2 (2^-40, 9.1e-13). */
    static final double TAU = 0x1p-40;
    private static final double U = 0x1p-53;

    /**
     * One series. Fast path (windows of {@link #FAST_VAR_MIN_W} or more): blocks of up to
     * {@link #varBlockLength} outputs, each with its own shift K (a value from the middle of the
     * block's data), its start sums restarted from the data (or, for long windows, carried from the
     * previous block and re-centred), then S1 = sum y, S2 = sum y^2 of y = x - K by prefix scans of
     * the window differences on the {@link #T} species, M2 = S2 - S1^2 / w, with no per-output
     * bookkeeping: the block keeps only the largest S2 and the smallest M2 (integer max / min of
     * the bit patterns, one instruction each), and {@link #varBlock} checks <b>once per block</b> a
     * bound of every output's rounding error against TAU times the block's smallest M2. A block that
     * fails (a non-finite value, a calm window after a storm, a flat window, a drift too large for
     * one shift) is recomputed by the careful path ({@link #varRange}: per run of finite values,
     * shifted sums re-centred after every vector with a running error bound per output, two passes
     * where that bound is not met). Either way every variance has relative error at most
     * {@link #TAU} (2^-40, 9.1e-13) plus two ulps (the scaling and the square root), or is the
     * two-pass value; a flat window is exactly 0.
     */
    private static void varAlongTime(double[] x, int t, int w, int ddof, boolean sqrt, double[] out) {
        if (w < FAST_VAR_MIN_W) {
            varRange(x, w - 1, t, w, ddof, sqrt, out);
            for (int j = 0; j < w - 1; j++) out[j] = Double.NaN;
            return;
        }
        for (int j = 0; j < w - 1; j++) out[j] = Double.NaN;
        varRange(x, w - 1, w, w, ddof, sqrt, out);
        double invW = 1.0 / w, invDiv = 1.0 / (w - ddof);
        int b = varBlockLength(w);
        // carried S1, S2, their error bounds, K, valid, last min M2, last bound; then kappa per vector count
        double[] st = new double[8 + b / LT + 1];
        for (int j = w; j < t; ) {
            int end = Math.min(t, j + b), vEnd = j + (end - j) / LT * LT;
            if (vEnd > j) varBlocks(x, j, vEnd, w, ddof, invW, invDiv, sqrt, out, st);
            if (vEnd < end) {
                varRange(x, vEnd, end, w, ddof, sqrt, out);
                st[5] = 0;
            }
            j = end;
        }
    }

    /**
     * Outputs [j0, j1) by fast blocks: a block whose check fails is retried from a restart when
     * its start was carried, then split in two halves (each with its own shift, so less drift
     * between the shift and the windows' means), down to 4 vectors; only such a short block that
     * still fails runs the careful path.
     */
    private static void varBlocks(double[] x, int j0, int j1, int w, int ddof, double invW, double invDiv, boolean sqrt,
                                  double[] out, double[] st) {
        boolean wasCarried = st[5] != 0;
        if (varBlock(x, j0, j1, w, invW, invDiv, sqrt, out, st)) return;
        if (wasCarried && varBlock(x, j0, j1, w, invW, invDiv, sqrt, out, st)) return;
        if (j1 - j0 >= 8 * LT) {
            int mid = j0 + (j1 - j0) / 2 / LT * LT;
            varBlocks(x, j0, mid, w, ddof, invW, invDiv, sqrt, out, st);
            varBlocks(x, mid, j1, w, ddof, invW, invDiv, sqrt, out, st);
        } else {
            varRange(x, j0, j1, w, ddof, sqrt, out);
        }
    }

    /**
     * Longest fast block: long blocks amortise the per-block work, short ones keep the shift close
     * to every window's mean (S2 / M2 small, so the bound passes): about w / 2, in [32, 1024]
     * (measured on 10^6 points of a random walk, CPU time: w = 20 with 16 / 32 / 64 outputs per
     * block 3.6 / 2.5 / 4.2 ms; w = 200 with w / 2 / w / 2 w 1.6 / 1.7 / 3.1 ms).
     */
    static int varBlockLength(int w) {
        return Math.max(32, Math.min(1024, (w / 2 + LT - 1) / LT * LT));
    }

    /**
     * Shortest window with fast blocks: shorter windows have an M2 too small beside a block's drift
     * for the bound to pass often (measured on a random walk: a third of the blocks failed at w = 8,
     * a fifth at w = 12, so the careful path alone is faster there).
     */
    static final int FAST_VAR_MIN_W = 16;

    /**
     * Windows from which a block starts from the previous block's sums (re-centred) instead of a
     * restart from the data: a restart costs w / LT vector steps, cheap for short windows, where
     * the carried error bound also made more blocks fail (measured, w = 20: 2.55 ms with restarts,
     * 2.96 ms carried; w = 200: 1.73 vs 1.62 ms, 10^6 points).
     */
    static final int CARRY_MIN_W = 64;

    /** The shift of a block: v with its low 32 significand bits cleared (21 significant bits left). */
    private static double shiftOf(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & 0xFFFF_FFFF_0000_0000L);
    }

    /** Outputs [from, to) with the missing-value rules, by the careful path ({@link #varRun}) per run. */
    private static void varRange(double[] x, int from, int to, int w, int ddof, boolean sqrt, double[] out) {
        int i = from - w + 1;
        while (i < to) {
            int r0 = i;
            while (i < to && JavaIndicatorKernels.finite(x[i])) i++;
            int r1 = i;
            for (int j = Math.max(from, r0); j < Math.min(r1, r0 + w - 1); j++) out[j] = Double.NaN;
            if (r1 - r0 >= w) varRun(x, Math.max(from, r0 + w - 1), r1, w, ddof, sqrt, out);
            if (i < to) {
                if (i >= from) out[i] = Double.NaN;
                i++;
            }
        }
    }

    /**
     * Fast block: outputs [j0, j1), j0 >= w, j1 - j0 a multiple of LT. Writes them and returns true
     * when the error bound below is at most TAU M2 for every one of them; returns false (outputs to
     * be overwritten) otherwise. {@code st} carries, from the previous block when it passed, the
     * sums S1, S2 of the window ending at j0 - 1, bounds e1, e2 of their errors against the exact
     * shifted sums, the shift K, a valid flag, that block's smallest M2 and its bound.
     *
     * <p>Start: the carried sums re-centred on this block's shift K' (a value from the middle of the
     * block with 21 significant bits, so K' - K is exact unless the two differ by a factor above
     * 2^31; checked by TwoSum), S1' = S1 - w d, S2' = S2 - 2 d S1 + w d^2, the bounds growing by
     * 2|d| e1 and the roundings; or, when nothing valid is carried, K' - K is inexact or the carried
     * bound has used a quarter of the last block's budget, a restart from the window's data (LT
     * lanes, a reduction and a scalar tail: depth at most D = w / LT + 2 LT + 2, error at most
     * (D + 1) u sum|y| and (D + 3.01) u sum y^2 including the terms' own rounding).
     *
     * <p>Block (first-order terms; each bound is widened by G = 1.01, far above the second-order
     * terms): terms a = fl(x - K), q = fl(a^2), |a - y| <= u|y|, |q - y^2| <= 3.01 u y^2. Every
     * output is S = fl(carry + P), P the in-register prefix (log2 LT levels) of d = fl(q_in - q_out)
     * (likewise a_in - a_out), and every carry is an earlier output, so against the exact sums
     * E2 <= e2 + u ((log2 LT + 4.01) A + (nv + 1) max S2), A = sum over the block's steps of
     * (q_in + q_out) <= 2 ceil(B / w) Q (both index ranges split into stretches of at most w
     * values, each inside one of the block's windows; Q >= every window's sum of squares, so the
     * bound is solved for E2), nv = B / LT vectors; and E1 <= e1 + u ((log2 LT + 2) sqrt(2 B A) +
     * (nv + 1) max|S1|), |S1| <= sqrt(w Q) + E1 (Cauchy-Schwarz). The computed
     * M2 = fma(-S1 / w, S1, S2) is then within E = E2 + E1 (2 sqrt(w Q) + E1) / w + 2.1 u Q
     * + u max S2 of the exact M2, and the block passes when E (1 + TAU) <= TAU min M2 (so
     * E <= TAU M2 for every output, as M2 >= m2 - E). Non-finite values are absorbing under these
     * sums, so finite start and end sums mean every value used was finite.
     */
    private static boolean varBlock(double[] x, int j0, int j1, int w, double invW, double invDiv, boolean sqrt,
                                    double[] out, double[] st) {
        double g = 1.01;
        double k = shiftOf(x[(j0 + j1 - w) >>> 1]);
        double r1 = 0, r2 = 0, e1 = 0, e2 = 0;
        boolean carried = false;
        if (w >= CARRY_MIN_W && st[5] != 0 && st[7] * (1 + TAU) <= 0.25 * TAU * st[6]) {
            double k0 = st[4], d = k - k0, bb = d - k, err = (k - (d - bb)) + (-k0 - bb);
            if (err == 0) {
                double c1 = st[0], c2 = st[1], wd = w * d, t2 = 2 * d * c1, h = wd * d;
                double c2m = c2 - t2;
                r2 = c2m + h;
                r1 = c1 - wd;
                e2 = st[3] + 2 * Math.abs(d) * st[2] + g * U * (Math.abs(t2) + 2 * Math.abs(h) + Math.abs(c2m) + Math.abs(r2));
                e1 = st[2] + g * U * (Math.abs(wd) + Math.abs(r1));
                carried = true;
            }
        }
        DoubleVector kv = DoubleVector.broadcast(T, k), zero = DoubleVector.zero(T);
        if (!carried) {
            DoubleVector r1v = zero, r2v = zero;
            int i = j0 - w;
            for (; i + LT <= j0; i += LT) {
                DoubleVector a = DoubleVector.fromArray(T, x, i).sub(kv);
                r1v = r1v.add(a);
                r2v = r2v.add(a.mul(a));
            }
            r1 = LaneSums.sum(r1v);
            r2 = LaneSums.sum(r2v);
            double t1 = 0, t2 = 0;
            for (; i < j0; i++) {
                double a = x[i] - k;
                t1 += a;
                t2 += a * a;
            }
            r1 += t1;
            r2 += t2;
            double dr = (double) w / LT + 2 * LT + 2;
            e2 = g * U * (dr + 3.01) * g * Math.abs(r2);
            e1 = g * U * (dr + 1) * Math.sqrt(w * g * Math.abs(r2));
        }
        st[5] = 0;
        DoubleVector c1 = DoubleVector.broadcast(T, r1), c2 = DoubleVector.broadcast(T, r2);
        LongVector mn = LongVector.broadcast(TL, Long.MAX_VALUE), mx = LongVector.broadcast(TL, Long.MIN_VALUE);
        double nInvW = -invW;
        for (int j = j0; j < j1; j += LT) {
            DoubleVector a = DoubleVector.fromArray(T, x, j).sub(kv), b = DoubleVector.fromArray(T, x, j - w).sub(kv);
            DoubleVector qa = a.mul(a), qb = b.mul(b);
            DoubleVector d1 = prefix(a.sub(b)), d2 = prefix(qa.sub(qb));
            DoubleVector v1 = c1.add(d1), v2 = c2.add(d2);
            c1 = c1.add(d1.rearrange(T_LAST));
            c2 = c2.add(d2.rearrange(T_LAST));
            DoubleVector m2 = v1.mul(nInvW).fma(v1, v2);
            mn = mn.min(m2.reinterpretAsLongs());
            mx = mx.max(v2.reinterpretAsLongs());
            // No clamp at 0: a passing block has every M2 > 0; a failing one is overwritten.
            DoubleVector var = m2.mul(invDiv);
            if (sqrt) var = var.sqrt();
            var.intoArray(out, j);
        }
        double f1 = c1.lane(0), f2 = c2.lane(0);
        if (!(JavaIndicatorKernels.finite(r1) && JavaIndicatorKernels.finite(r2)
                && JavaIndicatorKernels.finite(f1) && JavaIndicatorKernels.finite(f2))) {
            return false;
        }
        // Negative M2 (or NaN with the sign bit) is a negative long: min < 0 fails the test below.
        double m2min = Double.longBitsToDouble(mn.reduceLanes(VectorOperators.MIN));
        double s2max = Math.max(Double.longBitsToDouble(mx.reduceLanes(VectorOperators.MAX)), Math.abs(r2));
        int nb = j1 - j0, nv = nb / LT;
        if (w < CARRY_MIN_W) {
            // Restarted, nothing carried on: the bound is increasing in R2 <= max S2 and of
            // degree one in it, so it is at most kappa(nv) max S2, kappa computed once per length.
            double kappa = st[8 + nv];
            if (kappa == 0) {
                double dr = (double) w / LT + 2 * LT + 2;
                double[] eb = blockBound(w, nb, g * U * (dr + 1) * Math.sqrt(w * g), g * U * (dr + 3.01) * g, 1, invW);
                kappa = st[8 + nv] = eb[0];
            }
            return kappa * s2max * (1 + TAU) <= TAU * m2min;
        }
        double[] eb = blockBound(w, nb, e1, e2, s2max, invW);
        double e = eb[0], bigE1 = eb[1], bigE2 = eb[2];
        boolean pass = e * (1 + TAU) <= TAU * m2min;
        if (pass) {
            st[0] = f1;
            st[1] = f2;
            st[2] = bigE1;
            st[3] = bigE2;
            st[4] = k;
            st[5] = 1;
            st[6] = m2min;
            st[7] = e;
        }
        return pass;
    }

    /**
     * The bound of {@link #varBlock} for a block of nb outputs, from the start sums' error bounds
     * e1, e2 and the largest S2: {E, E1, E2} (see there), in a per-thread array read at once.
     */
    private static double[] blockBound(int w, int nb, double e1, double e2, double s2max, double invW) {
        double g = 1.01, lev = Integer.numberOfTrailingZeros(LT);
        int nv = nb / LT;
        double cb = 2.0 * ((nb + w - 1) / w), l2 = g * U * (lev + 4.01) * cb * g;
        double bigE2 = (e2 + g * U * ((lev + 4.01) * cb * g + nv + 1) * s2max) / (1 - l2);
        double q = g * (s2max + bigE2), sq = Math.sqrt(w * q);
        double bigE1 = g * (e1 + g * U * ((lev + 2) * Math.sqrt(2.0 * nb * cb * q * g) + (nv + 1) * sq));
        double e = bigE2 + bigE1 * (2 * sq + bigE1) * invW + 2.1 * U * q + U * s2max;
        double[] res = BOUND.get();
        res[0] = e;
        res[1] = bigE1;
        res[2] = bigE2;
        return res;
    }

    // Per-thread holders for the block bound's result and the careful path's state: both are needed
    // once per block, so allocating them there made the Into forms allocate in proportion to n.
    private static final ThreadLocal<double[]> BOUND = ThreadLocal.withInitial(() -> new double[3]);
    private static final ThreadLocal<double[]> RUN_STATE = ThreadLocal.withInitial(() -> new double[6]);

    /** Outputs [from, to) of one run: every window ending there is finite. */
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
            double pe = LaneSums.sum(yv2.add(yo2));
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

    /** M2 of the window ending at i by the corrected two-pass; a window of equal values gives exactly 0. */
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
        return Math.max(q2 - q1 * q1 / w, 0);
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
        // Blocks of L assets whose lanes are all past their seed: while their values stay finite, run
        // and acc cannot change what is computed (run only matters against the seed, and acc is reset
        // before it is used again), so the step is the recurrence alone, on two of the four arrays.
        boolean[] steadyBlock = new boolean[kv / L];
        for (int i = 0; i < t; i++) {
            int row = i * k;
            for (int a = 0; a < kv; a += L) {
                DoubleVector v = DoubleVector.fromArray(S, x, row + a);
                VectorMask<Double> bad = v.abs().compare(VectorOperators.LE, MAX).not();
                if (steadyBlock[a / L]) {
                    if (!bad.anyTrue()) {
                        DoubleVector e = v.mul(alpha).add(DoubleVector.fromArray(S, st, 2 * kv + a).mul(beta));
                        e.intoArray(out, row + a);
                        e.intoArray(st, 2 * kv + a);
                        continue;
                    }
                    steadyBlock[a / L] = false;
                }
                DoubleVector run = DoubleVector.fromArray(S, st, a), acc = DoubleVector.fromArray(S, st, kv + a);
                DoubleVector e = DoubleVector.fromArray(S, st, 2 * kv + a);
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
                steadyBlock[a / L] = run.compare(VectorOperators.GT, seed).allTrue();
            }
        }
        if (kv < k) JavaIndicatorKernels.emaAssets(x, k, t, seed, alpha, out, kv, k);
    }

    /**
     * The EMA of one block of L values from a zero start: lane j = sum over m <= j of alpha beta^(j-m)
     * x[m], by log2(L) shift-and-FMA steps (Hillis-Steele) instead of L broadcasts and FMAs.
     */
    private static DoubleVector emaScan(DoubleVector v, DoubleVector alpha, DoubleVector b1, DoubleVector b2, DoubleVector b4) {
        DoubleVector y = v.mul(alpha);
        if (L > 1) y = y.rearrange(UP1, UP1M).fma(b1, y);
        if (L > 2) y = y.rearrange(UP2, UP2M).fma(b2, y);
        if (L > 4) y = y.rearrange(UP4, UP4M).fma(b4, y);
        return y;
    }

    /**
     * One series: the JAVA state machine, except that in the steady state (past the seed) two blocks
     * of L finite values are computed at once: each block's zero-start EMA by an in-register scan,
     * then res1 = P c + s1 and res2 = P' c + (P last(s1) + s2) with P = beta^(j+1), P' = beta^(j+1+L)
     * and c the last value, so the carried dependency is one FMA and one shuffle per 2L outputs.
     * Outputs differ from JAVA's recurrence by rounding only (a few ulps; tests hold them to 1e-12).
     */
    private static void emaAlongTime(double[] x, int t, int seed, double alpha, double[] out) {
        double beta = 1 - alpha;
        double[] pw = new double[L], pw2 = new double[L];
        for (int j = 0; j < L; j++) {
            pw[j] = Math.pow(beta, j + 1);
            pw2[j] = Math.pow(beta, j + 1 + L);
        }
        DoubleVector powers = DoubleVector.fromArray(S, pw, 0), powers2 = DoubleVector.fromArray(S, pw2, 0);
        DoubleVector va = DoubleVector.broadcast(S, alpha), b1 = DoubleVector.broadcast(S, beta);
        DoubleVector b2 = DoubleVector.broadcast(S, beta * beta), b4 = DoubleVector.broadcast(S, beta * beta * (beta * beta));
        int run = 0;
        double acc = 0, e = 0;
        int i = 0;
        while (i < t) {
            if (run > seed && i + 2 * L <= t) {
                // Steady state: pairs of blocks while they are finite, the carry kept in a vector
                // (every lane = the last value) so no lane leaves the register file in the loop.
                DoubleVector carry = DoubleVector.broadcast(S, e);
                int start = i;
                while (i + 2 * L <= t) {
                    DoubleVector v1 = DoubleVector.fromArray(S, x, i), v2 = DoubleVector.fromArray(S, x, i + L);
                    if (!v1.abs().max(v2.abs()).compare(VectorOperators.LE, MAX).allTrue()) break;
                    DoubleVector s1 = emaScan(v1, va, b1, b2, b4), s2 = emaScan(v2, va, b1, b2, b4);
                    DoubleVector r1 = powers.fma(carry, s1);
                    DoubleVector r2 = powers2.fma(carry, powers.fma(s1.rearrange(LAST), s2));
                    r1.intoArray(out, i);
                    r2.intoArray(out, i + L);
                    carry = r2.rearrange(LAST);
                    i += 2 * L;
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
        double[] st = new double[4 * kv]; // run | prev | up | dn, per asset
        // As in ema: blocks whose lanes are all past the seed step only up and dn while the values
        // stay finite (run matters only against n and is stale-but-equivalent meanwhile). The previous
        // value is then the previous row's, read from x, and written back to st only on leaving.
        // Steady blocks take four rows per visit: the state stays in registers between the steps and
        // the four rows' loads, divisions and stores are in flight together. IndicatorsCpuTime, x 10^4
        // points, medians of 9 rounds, against two-row visits with Java-semantics max (the previous
        // kernel): 1024 assets 8.6-10.0 vs 10.6-10.7 ms, 64 assets 0.36-0.44 vs 0.48-0.54 ms, 256
        // assets 3.42-3.52 vs 3.79-3.88 ms; loops of 8 or 16 rows per visit ran 1.6x-2x slower (more
        // concurrent streams than the prefetchers follow), and four-row visits in the batched EMA,
        // which is memory-bound, ran 10% slower, so that kernel keeps one row per visit.
        boolean[] steadyBlock = new boolean[kv / L];
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
     * values). The four steps are written out: the same four rows as a loop ran 10.1 vs 8.6 ms (1024
     * assets x 10^4, CPU time).
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
