package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.LT;
import static dev.sxn.math.indicators.VectorLanes.T;
import static dev.sxn.math.indicators.VectorLanes.TL;
import static dev.sxn.math.indicators.VectorLanes.T_LAST;
import static dev.sxn.math.indicators.VectorLanes.T_UP1;
import static dev.sxn.math.indicators.VectorLanes.T_UP1M;
import static dev.sxn.math.indicators.VectorLanes.T_UP2;
import static dev.sxn.math.indicators.VectorLanes.T_UP2M;
import static dev.sxn.math.indicators.VectorLanes.T_UP4;
import static dev.sxn.math.indicators.VectorLanes.T_UP4M;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

/**
 * The Vector API rolling variance / standard deviation of one series ({@link IndicatorKernels#rollingVar},
 * k = 1), vectorised along time: fast blocks of prefix scans with one a-posteriori error bound per
 * block (relative error at most {@link #TAU} of M2 plus two ulps), and {@link VectorVarianceRuns},
 * the careful path, for the blocks whose bound is not met. Reached only through
 * {@link VectorIndicatorKernels}.
 *
 * <p>No vector crosses a call: {@link #varBlock} is too big for C2 to inline into its caller, and inside it
 * the prefix scans and lane sums are written out rather than called ({@code VectorLanes.prefix},
 * {@code LaneSums.sum}), so that a helper C2 declines to inline (or compiles against a type profile that
 * other kernels' species have polluted) cannot box a vector per step. The block state is the thread's
 * {@link Scratch}.
 */
final class VectorSeriesVariance {
    private VectorSeriesVariance() {}

    /** Lane i takes lane i xor h (h = 2, 1): the fixed pairwise order of {@code LaneSums.sum} on {@link VectorLanes#T}. */
    private static final VectorShuffle<Double> T_XOR4 = VectorShuffle.fromOp(T, i -> (i ^ 4) & (LT - 1));
    private static final VectorShuffle<Double> T_XOR2 = VectorShuffle.fromOp(T, i -> (i ^ 2) & (LT - 1));
    private static final VectorShuffle<Double> T_XOR1 = VectorShuffle.fromOp(T, i -> (i ^ 1) & (LT - 1));

    /** Largest accepted a-posteriori error bound of a window's M2, relative to M2 (2^-40, 9.1e-13). */
    static final double TAU = IndicatorConstants.VAR_TAU;
    /** The unit roundoff. */
    static final double U = 0x1p-53;

    /**
     * One series. Fast path (windows of {@link #FAST_VAR_MIN_W} or more): blocks of up to
     * {@link #varBlockLength} outputs, each with its own shift K (a value from the middle of the
     * block's data), its start sums restarted from the data (or, for long windows, carried from the
     * previous block and re-centred), then S1 = sum y, S2 = sum y^2 of y = x - K by prefix scans of
     * the window differences on the {@link VectorLanes#T} species, M2 = S2 - S1^2 / w, with no
     * per-output bookkeeping: the block keeps only the largest S2 and the smallest M2 (integer max /
     * min of the bit patterns, one instruction each), and {@link #varBlock} checks <b>once per
     * block</b> a bound of every output's rounding error against TAU times the block's smallest M2. A
     * block that fails (a non-finite value, a calm window after a storm, a flat window, a drift too
     * large for one shift) is recomputed by the careful path ({@link VectorVarianceRuns#varRange}: per
     * run of finite values, shifted sums re-centred after every vector with a running error bound per
     * output, two passes where that bound is not met). Either way every variance has relative error at most
     * {@link #TAU} (2^-40, 9.1e-13) plus two ulps (the scaling and the square root), or is the
     * two-pass value; a flat window is exactly 0.
     */
    static void alongTime(double[] x, int t, int w, int ddof, boolean sqrt, double[] out) {
        if (w < FAST_VAR_MIN_W) {
            VectorVarianceRuns.varRange(x, w - 1, t, w, ddof, sqrt, out);
            for (int j = 0; j < w - 1; j++) out[j] = Double.NaN;
            return;
        }
        for (int j = 0; j < w - 1; j++) out[j] = Double.NaN;
        VectorVarianceRuns.varRange(x, w - 1, w, w, ddof, sqrt, out);
        double invW = 1.0 / w, invDiv = 1.0 / (w - ddof);
        int b = varBlockLength(w);
        try (Scratch scratch = Scratch.open()) {
            // carried S1, S2, their error bounds, K, valid, last min M2, last bound; then kappa per vector count
            blocks(x, t, w, ddof, sqrt, out, invW, invDiv, b, scratch.zeros(8 + b / LT + 1));
        }
    }

    /** The outputs from w on: fast blocks of up to b outputs, their state in {@code st} (zeros on entry). */
    private static void blocks(double[] x, int t, int w, int ddof, boolean sqrt, double[] out, double invW, double invDiv,
                               int b, double[] st) {
        for (int j = w; j < t; ) {
            int end = Math.min(t, j + b), vEnd = j + (end - j) / LT * LT;
            if (vEnd > j) varBlocks(x, j, vEnd, w, ddof, invW, invDiv, sqrt, out, st);
            if (vEnd < end) {
                VectorVarianceRuns.varRange(x, vEnd, end, w, ddof, sqrt, out);
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
            VectorVarianceRuns.varRange(x, j0, j1, w, ddof, sqrt, out);
        }
    }

    /**
     * Longest fast block: long blocks amortise the per-block work, short ones keep the shift close
     * to every window's mean (S2 / M2 small, so the bound passes): about w / 2, in [32, 1024]
     * (halving and doubling the length both measured slower on a random walk, for w = 20 and for
     * w = 200: bench/results/history/indicators.md).
     */
    static int varBlockLength(int w) {
        return Math.max(32, Math.min(1024, (w / 2 + LT - 1) / LT * LT));
    }

    /**
     * Shortest window with fast blocks: shorter windows have an M2 too small beside a block's drift
     * for the bound to pass often (measured on a random walk: a third of the blocks failed at w = 8,
     * a fifth at w = 12, so the careful path alone is faster there).
     */
    static final int FAST_VAR_MIN_W = IndicatorConstants.VAR_FAST_MIN_W;

    /**
     * Windows from which a block starts from the previous block's sums (re-centred) instead of a
     * restart from the data: a restart costs w / LT vector steps, cheap for short windows, where
     * the carried error bound also made more blocks fail (restarts measured faster at w = 20,
     * carried sums at w = 200: bench/results/history/indicators.md).
     */
    static final int CARRY_MIN_W = 64;

    /** The shift of a block: v with its low 32 significand bits cleared (21 significant bits left). */
    private static double shiftOf(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & 0xFFFF_FFFF_0000_0000L);
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
            // LaneSums.sum's fixed order, written out (see the class comment).
            if (LT > 4) {
                r1v = r1v.add(r1v.rearrange(T_XOR4));
                r2v = r2v.add(r2v.rearrange(T_XOR4));
            }
            if (LT > 2) {
                r1v = r1v.add(r1v.rearrange(T_XOR2));
                r2v = r2v.add(r2v.rearrange(T_XOR2));
            }
            if (LT > 1) {
                r1v = r1v.add(r1v.rearrange(T_XOR1));
                r2v = r2v.add(r2v.rearrange(T_XOR1));
            }
            r1 = r1v.lane(0);
            r2 = r2v.lane(0);
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
            // VectorLanes.prefix, written out (see the class comment).
            DoubleVector d1 = a.sub(b), d2 = qa.sub(qb);
            if (LT > 1) {
                d1 = d1.add(d1.rearrange(T_UP1, T_UP1M));
                d2 = d2.add(d2.rearrange(T_UP1, T_UP1M));
            }
            if (LT > 2) {
                d1 = d1.add(d1.rearrange(T_UP2, T_UP2M));
                d2 = d2.add(d2.rearrange(T_UP2, T_UP2M));
            }
            if (LT > 4) {
                d1 = d1.add(d1.rearrange(T_UP4, T_UP4M));
                d2 = d2.add(d2.rearrange(T_UP4, T_UP4M));
            }
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

    // Per-thread holder for the block bound's result: needed once per block, so allocating it there
    // made the Into forms allocate in proportion to n.
    private static final ThreadLocal<double[]> BOUND = ThreadLocal.withInitial(() -> new double[3]);
}
