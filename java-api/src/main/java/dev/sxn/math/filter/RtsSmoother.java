package dev.sxn.math.filter;

/**
 * The Rauch-Tung-Striebel pass of {@link KalmanFilter#rtsSmooth(KalmanResult)} over one filter result: its
 * outputs and scratch, and {@link #run}, the backwards sweep on one kernel.
 *
 * <p>{@link #run} is re-runnable, as {@code KernelSet}'s fallback needs: the last step is copied in by the
 * constructor and never written again, and step t rewrites all of x_{t|T} and P_{t|T} from the filter's
 * outputs and step t + 1, so a JAVA retry after a failed VECTOR sweep yields exactly JAVA's result. O(T n^3)
 * time, O(n^2) scratch; one instance per call.
 */
final class RtsSmoother {
    private final int steps;
    private final int n;
    private final double[] xf;
    private final double[] pf;
    private final double[] xp;
    private final double[] pp;
    private final double[] tr;
    private final double[] xs;
    private final double[] ps;
    private final double[] lchol;
    private final double[] ppt;
    private final double[] fp;
    private final double[] fNext;
    private final double[] pt;
    private final double[] c;
    private final double[] sx;
    private final double[] dx;
    private final double[] dp;
    private final double[] tmp;

    /** Views the result's arrays, allocates the outputs and starts them at the last filtered state. */
    RtsSmoother(KalmanResult r) {
        steps = r.steps();
        n = r.stateDim();
        int nn = n * n;
        xf = r.meansView();
        pf = r.covariancesView();
        xp = r.predictedMeansView();
        pp = r.predictedCovariancesView();
        tr = r.transitionsView();
        xs = new double[steps * n];
        ps = new double[steps * nn];
        if (steps > 0) {
            System.arraycopy(xf, (steps - 1) * n, xs, (steps - 1) * n, n);
            System.arraycopy(pf, (steps - 1) * nn, ps, (steps - 1) * nn, nn);
        }
        lchol = new double[nn];
        ppt = new double[nn];
        fp = new double[nn];
        fNext = new double[nn];
        pt = new double[nn];
        c = new double[nn];
        sx = new double[n];
        dx = new double[n];
        dp = new double[nn];
        tmp = new double[nn];
    }

    /**
     * The backwards sweep from t = T - 2 to 0 on kernel {@code kern}.
     *
     * @throws ArithmeticException if some P_{t+1|t} is singular, naming the step
     */
    void run(KalmanKernels kern) {
        int nn = n * n;
        for (int t = steps - 2; t >= 0; t--) {
            System.arraycopy(pp, (t + 1) * nn, ppt, 0, nn);
            int bad = Dense.cholesky(ppt, lchol, n);
            if (bad >= 0) {
                throw new ArithmeticException("predicted covariance P_{t+1|t} is singular at step " + (t + 1) + " (pivot " + bad + " = "
                        + Dense.pivot(ppt, lchol, n, bad) + "); the RTS gain needs it invertible");
            }
            // C' = P_{t+1|t}^-1 F_{t+1} P_{t|t}: one solve with all n columns of F P (fp becomes C').
            System.arraycopy(tr, (t + 1) * nn, fNext, 0, nn);
            System.arraycopy(pf, t * nn, pt, 0, nn);
            kern.mul(fNext, pt, fp, n, n, n);
            kern.cholSolve(lchol, fp, n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) c[i * n + j] = fp[j * n + i];
            }
            for (int i = 0; i < n; i++) dx[i] = xs[(t + 1) * n + i] - xp[(t + 1) * n + i];
            kern.mulVec(c, dx, sx, n, n);
            for (int i = 0; i < n; i++) xs[t * n + i] = xf[t * n + i] + sx[i];
            for (int i = 0; i < nn; i++) dp[i] = ps[(t + 1) * nn + i] - pp[(t + 1) * nn + i];
            kern.mul(c, dp, tmp, n, n, n);
            kern.mul(tmp, fp, dp, n, n, n);
            for (int i = 0; i < nn; i++) ps[t * nn + i] = pt[i] + dp[i];
            Dense.symmetrize(ps, n, t * nn);
        }
    }

    /** The smoothed states (after {@link #run}, or for fewer than two steps without it). */
    SmoothedStates result() {
        return new SmoothedStates(steps, n, xs, ps);
    }
}
