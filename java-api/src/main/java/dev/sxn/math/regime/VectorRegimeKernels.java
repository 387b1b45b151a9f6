package dev.sxn.math.regime;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API batched forward filter: one vector of lanes at a time, time outer; the arithmetic of
 * {@link JavaRegimeKernels#step} lane-wise (the same products and sums in the same order; exp and log are the
 * Vector API's, within a few ulps of {@link Math}'s). Shared parameters or a shared series are first spread
 * over the lanes in per-thread scratch, so every load is a plain vector load. Lanes past the last whole vector
 * run the plain-Java step. Every vector lives in locals of one method (C2 scalar-replaces them).
 */
final class VectorRegimeKernels implements RegimeKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    @Override
    public void forward(int lanes, int steps, int k, int d, boolean diagonal, double[] params, int paramLanes, double[] x, int xLanes,
                        double[] filtered, double[] ll) {
        try (Scratch sc = Scratch.open()) {
            int e = RegimeKernels.entries(k, d);
            double[] prm = params;
            if (paramLanes == 1) {
                prm = sc.doubles(e * lanes);
                for (int i = 0; i < e; i++) java.util.Arrays.fill(prm, i * lanes, (i + 1) * lanes, params[i]);
            }
            double[] xs = x;
            if (xLanes == 1) {
                xs = sc.doubles(steps * d * lanes);
                for (int i = 0; i < steps * d; i++) java.util.Arrays.fill(xs, i * lanes, (i + 1) * lanes, x[i]);
            }
            double[] p = sc.doubles(k * lanes);
            double[] pred = sc.doubles(k * V), logb = sc.doubles(k * V), z = sc.doubles(d * V), w = sc.doubles(k * V);
            double[] spred = sc.doubles(k), slogb = sc.doubles(k), sz = sc.doubles(d);
            int whole = lanes - lanes % V;
            for (int l = 0; l < lanes; l++) ll[l] = 0;
            for (int t = 0; t < steps; t++) {
                for (int l = 0; l < whole; l += V) {
                    step(t, l, lanes, k, d, diagonal, prm, xs, p, pred, logb, z, w, filtered, ll);
                }
                for (int l = whole; l < lanes; l++) {
                    ll[l] += JavaRegimeKernels.step(t, l, lanes, k, d, diagonal, prm, lanes, xs, lanes, p, spred, slogb, sz);
                    if (filtered != null) for (int j = 0; j < k; j++) filtered[(t * k + j) * lanes + l] = p[j * lanes + l];
                }
            }
        }
    }

    private static void step(int t, int l, int lanes, int k, int d, boolean diagonal, double[] prm, double[] x, double[] p,
                             double[] pred, double[] logb, double[] z, double[] w, double[] filtered, double[] ll) {
        int oA = k, oMu = k + k * k, oChol = oMu + k * d, oInv = oChol + k * d * d, oLn = oInv + k * d;
        DoubleVector zero = DoubleVector.zero(S);
        if (t == 0) {
            for (int j = 0; j < k; j++) DoubleVector.fromArray(S, prm, j * lanes + l).intoArray(pred, j * V);
        } else {
            for (int j = 0; j < k; j++) {
                DoubleVector acc = zero;
                for (int i = 0; i < k; i++) {
                    acc = acc.add(DoubleVector.fromArray(S, p, i * lanes + l).mul(DoubleVector.fromArray(S, prm, (oA + i * k + j) * lanes + l)));
                }
                acc.intoArray(pred, j * V);
            }
        }
        // max propagates NaN (as Math.max): one vector, no mask carried through the loop
        DoubleVector any = zero;
        for (int j = 0; j < d; j++) any = any.max(DoubleVector.fromArray(S, x, (t * d + j) * lanes + l));
        VectorMask<Double> miss = any.test(VectorOperators.IS_NAN);
        for (int s = 0; s < k; s++) {
            DoubleVector q = zero;
            for (int i = 0; i < d; i++) {
                DoubleVector v = DoubleVector.fromArray(S, x, (t * d + i) * lanes + l).sub(DoubleVector.fromArray(S, prm, (oMu + s * d + i) * lanes + l));
                if (!diagonal) {
                    for (int j = 0; j < i; j++) {
                        v = v.sub(DoubleVector.fromArray(S, prm, (oChol + s * d * d + i * d + j) * lanes + l).mul(DoubleVector.fromArray(S, z, j * V)));
                    }
                }
                DoubleVector zi = v.mul(DoubleVector.fromArray(S, prm, (oInv + s * d + i) * lanes + l));
                zi.intoArray(z, i * V);
                q = q.add(zi.mul(zi));
            }
            DoubleVector.fromArray(S, prm, (oLn + s) * lanes + l).sub(q.mul(0.5)).intoArray(logb, s * V);
        }
        DoubleVector max = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            DoubleVector pj = DoubleVector.fromArray(S, pred, j * V), lb = DoubleVector.fromArray(S, logb, j * V);
            max = max.blend(lb, pj.compare(VectorOperators.GT, 0.0).and(lb.compare(VectorOperators.GT, max)));
        }
        VectorMask<Double> keep = miss.or(max.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY));
        DoubleVector sum = zero;
        for (int j = 0; j < k; j++) {
            DoubleVector pj = DoubleVector.fromArray(S, pred, j * V), lb = DoubleVector.fromArray(S, logb, j * V);
            DoubleVector wj = zero.blend(pj.mul(lb.sub(max).lanewise(VectorOperators.EXP)), pj.compare(VectorOperators.GT, 0.0));
            wj.intoArray(w, j * V);
            sum = sum.add(wj);
        }
        DoubleVector inv = DoubleVector.broadcast(S, 1.0).div(sum);
        for (int j = 0; j < k; j++) {
            DoubleVector pj = DoubleVector.fromArray(S, w, j * V).mul(inv).blend(DoubleVector.fromArray(S, pred, j * V), keep);
            pj.intoArray(p, j * lanes + l);
            if (filtered != null) pj.intoArray(filtered, (t * k + j) * lanes + l);
        }
        DoubleVector inc = max.add(sum.lanewise(VectorOperators.LOG))
                .blend(Double.NEGATIVE_INFINITY, max.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY))
                .blend(0.0, miss);
        DoubleVector.fromArray(S, ll, l).add(inc).intoArray(ll, l);
    }
}
