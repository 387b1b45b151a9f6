package dev.sxn.math.risk;

/**
 * The plain-Java GARCH kernels, the reference: each asset asked for is {@link GarchLikelihood#evaluate} over its
 * column of the batch (stride k), so a batched fit on JAVA gives every asset its single fit's bits. Per-thread
 * scratch of the parameter count; allocates nothing warm.
 */
final class JavaGarchKernels implements GarchKernels {
    private static final int MAX_PARAMETERS = 6;
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new double[][] {new double[MAX_PARAMETERS], new double[MAX_PARAMETERS], new double[MAX_PARAMETERS]});

    @Override
    public void likelihood(int flags, int p, double[] x, int k, int n, double[] c, double[] th, byte[] active, double[] f,
            double[] grad) {
        double[][] sc = SCRATCH.get();
        for (int a = 0; a < k; a++) {
            if (active[a] != 0) f[a] = asset(flags, p, x, k, n, c, th, grad, a, sc);
        }
    }

    /** Asset a alone (also the tail of the vector kernel). */
    static double asset(int flags, int p, double[] x, int k, int n, double[] c, double[] th, double[] grad, int a, double[][] sc) {
        double[] t = sc[0], g = sc[1], d = sc[2];
        for (int i = 0; i < p; i++) t[i] = th[i * k + a];
        double v = GarchLikelihood.evaluate(x, a, k, n, c[2 * k + a], c[a], c[k + a], c[3 * k + a], flags, t, g, null, d);
        for (int i = 0; i < p; i++) grad[i * k + a] = g[i];
        return v;
    }

    /** Scratch for {@link #asset}: the parameters, the gradient and the recursion's derivatives. */
    static double[][] scratch() {
        return SCRATCH.get();
    }
}
