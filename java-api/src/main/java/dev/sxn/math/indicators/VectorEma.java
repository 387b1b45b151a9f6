package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.LAST;
import static dev.sxn.math.indicators.VectorLanes.MAX;
import static dev.sxn.math.indicators.VectorLanes.S;
import static dev.sxn.math.indicators.VectorLanes.UP1;
import static dev.sxn.math.indicators.VectorLanes.UP1M;
import static dev.sxn.math.indicators.VectorLanes.UP2;
import static dev.sxn.math.indicators.VectorLanes.UP2M;
import static dev.sxn.math.indicators.VectorLanes.UP4;
import static dev.sxn.math.indicators.VectorLanes.UP4M;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API exponential recurrence ({@link IndicatorKernels#ema}: EMA, Wilder). Batches
 * vectorise across assets with JAVA's recurrence lane for lane (equal to JAVA bit for bit); a single
 * series computes blocks of L steps by the closed form {@code v[j] = beta^(j+1) v[-1] + sum_i alpha
 * beta^(j-i) x[i]} (a few ulps from the sequential recurrence, which is contractive, so differences
 * do not grow) and runs {@link EmaState} elsewhere. Reached only through {@link VectorIndicatorKernels}.
 */
final class VectorEma {
    private VectorEma() {}

    /** Batches (k > 1): one lane per asset, time outer, assets inner; the tail assets run JAVA's loop. */
    static void acrossAssets(double[] x, int k, int t, int seed, double alpha, double[] out) {
        int kv = k / L * L;
        try (Scratch w = Scratch.open()) {
            acrossAssets(x, k, t, seed, alpha, out, w.zeros(3 * kv), w.flags(kv / L));
        }
    }

    /** {@link #acrossAssets(double[], int, int, int, double, double[])} on zeroed per-thread state. */
    private static void acrossAssets(double[] x, int k, int t, int seed, double alpha, double[] out, double[] st, boolean[] steadyBlock) {
        double beta = 1 - alpha;
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
        // st: run | acc | e, per asset.
        // Blocks of L assets whose lanes are all past their seed (steadyBlock): while their values stay finite, run
        // and acc cannot change what is computed (run only matters against the seed, and acc is reset
        // before it is used again), so the step is the recurrence alone, on two of the four arrays.
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
                // The seed's division only on the rare steps that need it (a division is slow beside
                // the step's multiply-adds).
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
     * One series: JAVA's {@link EmaState} step, except that in the steady state (past the seed) two blocks
     * of L finite values are computed at once: each block's zero-start EMA by an in-register scan,
     * then res1 = P c + s1 and res2 = P' c + (P last(s1) + s2) with P = beta^(j+1), P' = beta^(j+1+L)
     * and c the last value, so the carried dependency is one FMA and one shuffle per 2L outputs.
     * Outputs differ from JAVA's recurrence by rounding only (a few ulps; tests hold them to 1e-12).
     */
    static void alongTime(double[] x, int t, int seed, double alpha, double[] out) {
        double beta = 1 - alpha;
        double[] pw = new double[L], pw2 = new double[L];
        for (int j = 0; j < L; j++) {
            pw[j] = Math.pow(beta, j + 1);
            pw2[j] = Math.pow(beta, j + 1 + L);
        }
        DoubleVector powers = DoubleVector.fromArray(S, pw, 0), powers2 = DoubleVector.fromArray(S, pw2, 0);
        DoubleVector va = DoubleVector.broadcast(S, alpha), b1 = DoubleVector.broadcast(S, beta);
        DoubleVector b2 = DoubleVector.broadcast(S, beta * beta), b4 = DoubleVector.broadcast(S, beta * beta * (beta * beta));
        // The state lives in locals, not in an EmaState: C2 then keeps it in registers across the block
        // loop (IndicatorsBench.ema, VECTOR); the scalar steps are EmaState's, operation for operation.
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
            } else {
                e = run == seed ? (acc + v) / seed : EmaState.step(e, v, alpha, beta);
                out[i] = e;
            }
            i++;
        }
    }
}
