package dev.sxn.math.indicators;

import dev.sxn.math.indicators.VolatilityEstimators.Method;

/**
 * The plain-Java {@code indicators.ttr.trend} kernels, the reference: each asset's finite runs copied into scratch
 * and computed afresh by the one-series kernels of {@link TrendIndicators}, {@link VolatilityEstimators} and
 * {@link MovingAverages} ({@link Segments}), so the batch equals the per-asset results bit for bit and follows the NaN
 * rule. The only kind that takes non-finite input. Allocates only the per-call kernel closure.
 */
final class JavaTrendKernels implements TrendKernels {
    private static final Method[] METHODS = {Method.CLOSE, Method.CLOSE, Method.GARMAN_KLASS, Method.PARKINSON,
        Method.ROGERS_SATCHELL, Method.GK_YZ, Method.YANG_ZHANG};

    @Override
    public void adx(double[] h, double[] l, double[] c, int k, int t, int n, double[] dip, double[] din, double[] dx, double[] adx) {
        Segments.run(new double[][] {h, l, c}, k, t, new double[][] {dip, din, dx, adx},
                (x, m, out, w) -> TrendIndicators.adx(x[0], x[1], x[2], m, n, out, w));
    }

    @Override
    public void volatility(int method, double[] o, double[] h, double[] l, double[] c, int k, int t, int n, double nY, double[] out) {
        double[][] res = {out};
        if (method == CLOSE || method == CLOSE_MEAN0) {
            boolean mean0 = method == CLOSE_MEAN0;
            // The OHLC form's CLOSE poisons a position where any of the four inputs is NaN: keep all four when given.
            double[][] in = o == null ? new double[][] {c} : new double[][] {o, h, l, c};
            int ci = in.length - 1;
            Segments.run(in, k, t, res, (v, m, r, w) -> VolatilityEstimators.close(v[ci], m, n, nY, mean0, r[0], w));
        } else {
            Method mt = METHODS[method];
            Segments.run(new double[][] {o, h, l, c}, k, t, res,
                    (v, m, r, w) -> VolatilityEstimators.ohlc(v[0], v[1], v[2], v[3], m, n, mt, nY, r[0], w));
        }
    }

    @Override
    public void hma(double[] x, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {x}, k, t, new double[][] {out}, (v, m, r, w) -> MovingAverages.hma(v[0], m, n, r[0], w));
    }

    @Override
    public void zlema(double[] x, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {x}, k, t, new double[][] {out}, (v, m, r, w) -> MovingAverages.zlema(v[0], m, n, r[0]));
    }

    @Override
    public void alma(double[] x, int k, int t, int n, double offset, double sigma, double[] wts, double[] out) {
        Segments.run(new double[][] {x}, k, t, new double[][] {out},
                (v, m, r, w) -> MovingAverages.alma(v[0], m, n, offset, sigma, r[0], w));
    }

    @Override
    public void evwma(double[] p, double[] v, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {p, v}, k, t, new double[][] {out}, (x, m, r, w) -> MovingAverages.evwma(x[0], x[1], m, n, r[0]));
    }

    @Override
    public void wilderSum(double[] x, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {x}, k, t, new double[][] {out}, (v, m, r, w) -> TtrOps.wilderSum(v[0], m, n, r[0]));
    }
}
