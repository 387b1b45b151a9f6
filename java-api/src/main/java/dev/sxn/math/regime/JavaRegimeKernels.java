package dev.sxn.math.regime;

import dev.sxn.math.internal.Scratch;

/**
 * Plain-Java batched forward filter: time outer, lanes inner, each lane's step in {@link Forward#step}'s operation
 * order, so lane l equals {@link HiddenMarkovModel#filter(double[])} of that lane's model and series bit for bit.
 * Per-lane state in per-thread scratch (k lanes doubles).
 */
final class JavaRegimeKernels implements RegimeKernels {
    @Override
    public void forward(int lanes, int steps, int k, int d, boolean diagonal, double[] params, int paramLanes, double[] x, int xLanes,
                        double[] filtered, double[] ll) {
        try (Scratch s = Scratch.open()) {
            double[] p = s.doubles(k * lanes);
            double[] pred = s.doubles(k), logb = s.doubles(k), z = s.doubles(d);
            for (int l = 0; l < lanes; l++) ll[l] = 0;
            for (int t = 0; t < steps; t++) {
                for (int l = 0; l < lanes; l++) {
                    ll[l] += step(t, l, lanes, k, d, diagonal, params, paramLanes, x, xLanes, p, pred, logb, z);
                    if (filtered != null) for (int j = 0; j < k; j++) filtered[(t * k + j) * lanes + l] = p[j * lanes + l];
                }
            }
        }
    }

    /** One step of lane l: the operations of {@link Forward#step} on strided data; returns the increment. */
    static double step(int t, int l, int lanes, int k, int d, boolean diagonal, double[] params, int paramLanes, double[] x, int xLanes,
                       double[] p, double[] pred, double[] logb, double[] z) {
        int pl = paramLanes == 1 ? 0 : l, P = paramLanes;
        int xl = xLanes == 1 ? 0 : l;
        int oA = k, oMu = k + k * k, oChol = oMu + k * d, oInv = oChol + k * d * d, oLn = oInv + k * d;
        if (t == 0) {
            for (int j = 0; j < k; j++) pred[j] = params[j * P + pl];
        } else {
            for (int j = 0; j < k; j++) pred[j] = 0;
            for (int i = 0; i < k; i++) {
                double pi = p[i * lanes + l];
                if (pi == 0) continue;
                for (int j = 0; j < k; j++) pred[j] += pi * params[(oA + i * k + j) * P + pl];
            }
        }
        for (int j = 0; j < d; j++) {
            if (Double.isNaN(x[(t * d + j) * xLanes + xl])) {
                for (int s = 0; s < k; s++) p[s * lanes + l] = pred[s];
                return 0;
            }
        }
        for (int s = 0; s < k; s++) {
            double q = 0;
            for (int i = 0; i < d; i++) {
                double v = x[(t * d + i) * xLanes + xl] - params[(oMu + s * d + i) * P + pl];
                if (!diagonal) {
                    for (int j = 0; j < i; j++) v -= params[(oChol + s * d * d + i * d + j) * P + pl] * z[j];
                }
                double zi = v * params[(oInv + s * d + i) * P + pl];
                z[i] = zi;
                q += zi * zi;
            }
            logb[s] = params[(oLn + s) * P + pl] - 0.5 * q;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) if (pred[j] > 0 && logb[j] > max) max = logb[j];
        if (max == Double.NEGATIVE_INFINITY) {
            for (int s = 0; s < k; s++) p[s * lanes + l] = pred[s];
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double w = pred[j] > 0 ? pred[j] * Math.exp(logb[j] - max) : 0;
            p[j * lanes + l] = w;
            sum += w;
        }
        double inv = 1 / sum;
        for (int j = 0; j < k; j++) p[j * lanes + l] *= inv;
        return max + Math.log(sum);
    }
}
