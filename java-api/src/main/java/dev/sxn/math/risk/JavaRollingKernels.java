package dev.sxn.math.risk;

/**
 * The plain-Java rolling kernels, the reference: {@link RollingRisk}'s single-series algorithms run asset by asset
 * with stride k. The rank window's arrays come from per-thread scratch; allocates nothing proportional to the input.
 */
final class JavaRollingKernels implements RollingKernels {
    @Override
    public void moments(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out) {
        for (int a = 0; a < k; a++) RollingRisk.momentsCore(x, a, k, n, w, rf, ppy, sharpe, out);
    }

    @Override
    public void historical(double[] x, int k, int n, int w, double alpha, double[] var, double[] es) {
        for (int a = 0; a < k; a++) RollingRisk.historicalCore(x, a, k, n, w, alpha, var, es);
    }
}
