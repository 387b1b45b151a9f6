package dev.sxn.math.risk;

/**
 * The per-asset end of a batched likelihood whose time loop ran elsewhere (VECTOR lanes, C, OpenCL): those loops
 * return {@value #ROWS} sums per asset and this adds the parts that depend on the asset's parameters only (the t
 * density's log-gamma and digamma of the shape, or the normal's constant), marks undefined likelihoods
 * {@code +Infinity}, and writes the gradient in the parameter-major layout of {@link GarchKernels}.
 *
 * <p>Rows of the sums ({@code o[row ld + col0 + j]} for asset {@code a0 + j}): {@link #SUM} the per-step terms of
 * {@code -log L}; {@link #SHAPE} the per-step terms of its shape derivative (t only); {@link #BAD} non-zero where a
 * variance was not positive and finite; {@link #G_MU} .. {@link #G_BETA} the gradient's mu, omega, alpha, gamma
 * (GJR only) and beta components. The constants are C's ({@code native/src/risk.h}) and OpenCL's (passed as
 * {@code -D}), held together by {@code GarchConstantsTest}.
 */
final class GarchSums {
    static final int SUM = 0, SHAPE = 1, BAD = 2, G_MU = 3, G_OMEGA = 4, G_ALPHA = 5, G_GAMMA = 6, G_BETA = 7;
    /** Rows of sums per asset. */
    static final int ROWS = 8;
    private static final double HALF_LOG_2PI = 0.9189385332046727418;

    private GarchSums() {}

    /** Finishes assets {@code a0 .. a0 + count) that are active (see the class comment for the layout). */
    static void finish(int flags, int k, int n, double[] th, double[] o, int ld, int col0, int a0, int count, byte[] active,
            double[] f, double[] grad) {
        boolean gjr = (flags & GarchLikelihood.GJR) != 0, student = (flags & GarchLikelihood.STUDENT) != 0;
        int iBeta = gjr ? 4 : 3;
        for (int j = 0; j < count; j++) {
            int a = a0 + j;
            if (active[a] == 0) continue;
            int col = col0 + j;
            double sum = o[SUM * ld + col];
            boolean bad = o[BAD * ld + col] != 0;
            grad[a] = o[G_MU * ld + col];
            grad[k + a] = o[G_OMEGA * ld + col];
            grad[2 * k + a] = o[G_ALPHA * ld + col];
            if (gjr) grad[3 * k + a] = o[G_GAMMA * ld + col];
            grad[iBeta * k + a] = o[G_BETA * ld + col];
            if (student) {
                double nu = th[(iBeta + 1) * k + a], nu2 = nu - 2, nuHalf1 = 0.5 * (nu + 1);
                bad |= !(nu > 2);
                sum += n * (GarchDistributions.logGamma(0.5 * nu) - GarchDistributions.logGamma(nuHalf1) + 0.5 * Math.log(Math.PI * nu2));
                grad[(iBeta + 1) * k + a] = o[SHAPE * ld + col] + n * (0.5 * GarchDistributions.digamma(0.5 * nu)
                        - 0.5 * GarchDistributions.digamma(nuHalf1) + 0.5 / nu2);
            } else {
                sum += n * HALF_LOG_2PI;
            }
            f[a] = bad || Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
        }
    }
}
