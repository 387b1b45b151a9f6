package dev.sxn.math.filter;

/**
 * The plain-Java batched kernel, the reference for the others: one filter at a time, all ticks of a
 * filter before the next (its state stays in locals), predict x = F x, P = F P F' + Q, then one scalar
 * update per observed row (see {@link BatchPlan}) in the short form P -= (P h)(P h)' / s, which keeps P
 * symmetric by construction because only the upper triangle is stored.
 */
final class JavaBatchKalmanKernels implements BatchKalmanKernels {
    /** Filters per time block of the written-out n = 2 path (20 KB of state). */
    private static final int BLOCK = 512;

    @Override
    public void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out) {
        runRange(plan, state, filters, zs, zOff, ticks, out, 0, filters);
    }

    /** {@link #run} for the filters [from, to) only (the other kernels' scalar tails). */
    static void runRange(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out, int from, int to) {
        if (plan.n == 2 && plan.m == 1) {
            run2(plan.packed, state, filters, zs, zOff, null, 0, ticks, out, from, to);
            return;
        }
        if (plan.n == 1 && plan.m == 1) {
            run11(plan.packed, state, filters, zs, zOff, ticks, out, from, to);
            return;
        }
        final int n = plan.n;
        final int m = plan.m;
        final double[] pp = plan.packed;
        double[] x = new double[n];
        double[] p = new double[n * n];
        double[] xp = new double[n];
        double[] t1 = new double[n * n];
        double[] pn = new double[n * n];
        double[] ph = new double[n];
        double[] h2e = new double[n];
        double[] h1 = new double[n];
        double[] h2 = new double[n];
        System.arraycopy(pp, BatchPlan.H1, h1, 0, n);
        System.arraycopy(pp, BatchPlan.H2, h2, 0, n);
        for (int f = from; f < to; f++) {
            for (int i = 0; i < n; i++) x[i] = state[i * filters + f];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double v = state[plan.cov(i, j) * filters + f];
                    p[i * n + j] = v;
                    p[j * n + i] = v;
                }
            }
            for (int t = 0; t < ticks; t++) {
                // Predict.
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) acc += pp[BatchPlan.F + i * n + j] * x[j];
                    xp[i] = acc;
                }
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < n; k++) {
                        double acc = 0;
                        for (int j = 0; j < n; j++) acc += pp[BatchPlan.F + i * n + j] * p[j * n + k];
                        t1[i * n + k] = acc;
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        double acc = pp[BatchPlan.Q + i * n + j];
                        for (int k = 0; k < n; k++) acc += t1[i * n + k] * pp[BatchPlan.F + j * n + k];
                        pn[i * n + j] = acc;
                        pn[j * n + i] = acc;
                    }
                }
                System.arraycopy(xp, 0, x, 0, n);
                System.arraycopy(pn, 0, p, 0, n * n);
                // Update.
                int zb = zOff + t * m * filters + f;
                double z1 = zs[zb];
                boolean o1 = !Double.isNaN(z1);
                if (o1) scalarUpdateRow(n, x, p, ph, h1, pp[BatchPlan.R1], z1);
                if (m == 2) {
                    double z2 = zs[zb + filters];
                    if (!Double.isNaN(z2)) {
                        if (o1) {
                            double c = pp[BatchPlan.C];
                            for (int j = 0; j < n; j++) h2e[j] = pp[BatchPlan.H2 + j] - c * pp[BatchPlan.H1 + j];
                            scalarUpdateRow(n, x, p, ph, h2e, pp[BatchPlan.R2] - c * pp[BatchPlan.R12], z2 - c * z1);
                        } else {
                            scalarUpdateRow(n, x, p, ph, h2, pp[BatchPlan.R2], z2);
                        }
                    }
                }
                if (out != null) out[t * filters + f] = x[0];
            }
            for (int i = 0; i < n; i++) state[i * filters + f] = x[i];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) state[plan.cov(i, j) * filters + f] = p[i * n + j];
            }
        }
    }

    private static void scalarUpdateRow(int n, double[] x, double[] p, double[] ph, double[] h, double r, double z) {
        double s = r;
        double hx = 0;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < n; j++) acc += p[i * n + j] * h[j];
            ph[i] = acc;
            s += h[i] * acc;
            hx += h[i] * x[i];
        }
        double g = 1.0 / s;
        double w = (z - hx) * g;
        for (int i = 0; i < n; i++) x[i] += ph[i] * w;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = p[i * n + j] - ph[i] * ph[j] * g;
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
    }

    /**
     * n = 2, m = 1 for the filters [from, to), written out with the state in locals (the generic
     * loops' arithmetic in the same order, which is what makes the plain-Java path usable). With
     * {@code dts} null the step is the plan's F and Q (local linear trend, constant velocity); else it is
     * the constant-velocity step with each filter's own dt at {@code dts[dOff + t * nf + f]}: F(dt) and
     * Q(dt) in closed form, the products with F's zeros and ones dropped. The update is the same either way.
     */
    static void run2(double[] pp, double[] st, int nf, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out, int from,
            int to) {
        final double f00 = pp[BatchPlan.F], f01 = pp[BatchPlan.F + 1], f10 = pp[BatchPlan.F + 2], f11 = pp[BatchPlan.F + 3];
        final double q00 = pp[BatchPlan.Q], q01 = pp[BatchPlan.Q + 1], q11 = pp[BatchPlan.Q + 3];
        final double cv = pp[BatchPlan.CV];
        final double h0 = pp[BatchPlan.H1], h1 = pp[BatchPlan.H1 + 1], r = pp[BatchPlan.R1];
        // Blocked over time like the other kernels: a block's state stays in L1 across the ticks and
        // the filters of one tick are independent, so their division chains overlap.
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int b1 = Math.min(to, b0 + BLOCK);
            for (int t = 0; t < ticks; t++) {
                for (int f = b0; f < b1; f++) {
                    double x0 = st[f], x1 = st[nf + f], p00 = st[2 * nf + f], p01 = st[3 * nf + f], p11 = st[4 * nf + f];
                    double xp0, xp1, n00, n01, n11;
                    if (dts == null) { // loop-invariant: C2 unswitches the loop on it
                        xp0 = f00 * x0 + f01 * x1;
                        xp1 = f10 * x0 + f11 * x1;
                        double t00 = f00 * p00 + f01 * p01;
                        double t01 = f00 * p01 + f01 * p11;
                        double t10 = f10 * p00 + f11 * p01;
                        double t11 = f10 * p01 + f11 * p11;
                        n00 = q00 + t00 * f00 + t01 * f01;
                        n01 = q01 + t00 * f10 + t01 * f11;
                        n11 = q11 + t10 * f10 + t11 * f11;
                    } else {
                        double dt = dts[dOff + t * nf + f];
                        xp0 = x0 + dt * x1;
                        xp1 = x1;
                        double t00 = p00 + dt * p01;
                        double t01 = p01 + dt * p11;
                        n00 = cv * dt * dt * dt / 3 + t00 + t01 * dt;
                        n01 = cv * dt * dt / 2 + t01;
                        n11 = cv * dt + p11;
                    }
                    double z = zs[zOff + t * nf + f];
                    if (z == z) {
                        double ph0 = n00 * h0 + n01 * h1;
                        double ph1 = n01 * h0 + n11 * h1;
                        double s = r + h0 * ph0 + h1 * ph1;
                        double hx = h0 * xp0 + h1 * xp1;
                        double g = 1.0 / s;
                        double w = (z - hx) * g;
                        x0 = xp0 + ph0 * w;
                        x1 = xp1 + ph1 * w;
                        p00 = n00 - ph0 * ph0 * g;
                        p01 = n01 - ph0 * ph1 * g;
                        p11 = n11 - ph1 * ph1 * g;
                    } else {
                        x0 = xp0;
                        x1 = xp1;
                        p00 = n00;
                        p01 = n01;
                        p11 = n11;
                    }
                    if (out != null) out[t * nf + f] = x0;
                    st[f] = x0;
                    st[nf + f] = x1;
                    st[2 * nf + f] = p00;
                    st[3 * nf + f] = p01;
                    st[4 * nf + f] = p11;
                }
            }
        }
    }

    /** n = 1, m = 1 (local level) written out, blocked over time like {@link #run2}. */
    private static void run11(double[] pp, double[] st, int nf, double[] zs, int zOff, int ticks, double[] out, int from, int to) {
        final double a = pp[BatchPlan.F], q = pp[BatchPlan.Q], h = pp[BatchPlan.H1], r = pp[BatchPlan.R1];
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int b1 = Math.min(to, b0 + BLOCK);
            for (int t = 0; t < ticks; t++) {
                for (int f = b0; f < b1; f++) {
                    double xp = a * st[f];
                    double pn = q + a * st[nf + f] * a;
                    double z = zs[zOff + t * nf + f];
                    double x = xp;
                    double p = pn;
                    if (z == z) {
                        double ph = pn * h;
                        double s = r + h * ph;
                        double g = 1.0 / s;
                        double w = (z - h * xp) * g;
                        x = xp + ph * w;
                        p = pn - ph * ph * g;
                    }
                    if (out != null) out[t * nf + f] = x;
                    st[f] = x;
                    st[nf + f] = p;
                }
            }
        }
    }

    @Override
    public void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out) {
        run2(plan.packed, state, filters, zs, zOff, dts, dOff, ticks, out, 0, filters);
    }

    @Override
    public int firstInfinite(double[] a, int off, int len) {
        return scanInfinite(a, off, len);
    }

    /** Scalar scan for an infinite entry (index, or -1). */
    static int scanInfinite(double[] a, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (Math.abs(a[i]) == Double.POSITIVE_INFINITY) return i;
        }
        return -1;
    }
}
