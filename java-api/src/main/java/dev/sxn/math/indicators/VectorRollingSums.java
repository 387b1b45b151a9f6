package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.IndicatorConstants.RESUM;
import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.LT;
import static dev.sxn.math.indicators.VectorLanes.MAX;
import static dev.sxn.math.indicators.VectorLanes.S;
import static dev.sxn.math.indicators.VectorLanes.T;
import static dev.sxn.math.indicators.VectorLanes.T_LAST;
import static dev.sxn.math.indicators.VectorLanes.prefix;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API rolling sum / mean ({@link IndicatorKernels#rollingSum}). Batches vectorise across
 * assets with JAVA's compensated (TwoSum) arithmetic, lane for lane, so they equal JAVA bit for bit;
 * a single series vectorises along time by an in-register prefix scan of the window differences,
 * re-summed exactly every {@link IndicatorConstants#RESUM} outputs (error at most
 * {@code (RESUM + w) u sum|x|} over the window). Reached only through {@link VectorIndicatorKernels}.
 */
final class VectorRollingSums {
    private VectorRollingSums() {}

    /** Batches (k > 1): one lane per asset, time outer, assets inner; the tail assets run JAVA's loop. */
    static void acrossAssets(double[] x, int k, int t, int w, double scale, double[] out) {
        try (Scratch scratch = Scratch.open()) {
            acrossAssets(x, k, t, w, scale, out, scratch.zeros(3 * (k / L * L)));
        }
    }

    /** {@link #acrossAssets(double[], int, int, int, double, double[])} on zeroed per-thread state st: s | c | run, per asset. */
    private static void acrossAssets(double[] x, int k, int t, int w, double scale, double[] out, double[] st) {
        int kv = k / L * L;
        DoubleVector zero = DoubleVector.zero(S), nan = DoubleVector.broadcast(S, Double.NaN);
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
     * x[i] - x[i-w] on the {@link VectorLanes#T} species, assuming every value finite. A non-finite value (or an
     * overflow) anywhere in a block's windows leaves its carried sum non-finite (NaN and infinities
     * are absorbing under addition), so one check per block finds it, and only such blocks are
     * recomputed per run of finite values ({@link #rollingSumRange}). Saves a separate scalar pass
     * over the series for the runs, which cost as much as the scan itself.
     */
    static void alongTime(double[] x, int t, int w, double scale, double[] out) {
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
}
