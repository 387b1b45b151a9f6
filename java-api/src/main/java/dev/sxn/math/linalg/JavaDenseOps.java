package dev.sxn.math.linalg;

/**
 * {@link DenseOps} in plain Java: the JAVA kernel's primitives. Each loop runs over contiguous slices,
 * which C2's superword pass vectorises where that keeps the rounding (Java neither contracts a multiply
 * and an add into an FMA nor reorders a reduction), so the results are the same interpreted, from C1 and
 * from C2.
 *
 * <p>{@link #norm2} (static) and {@link #dot} (through {@link #INSTANCE}: a final class, so a direct
 * call) also serve the code that runs in plain Java on every backend: the Householder norms, the
 * column-pivoted QR, the Jacobi SVD, the facades' triangular solves. Stateless.
 */
final class JavaDenseOps implements DenseOps {
    static final JavaDenseOps INSTANCE = new JavaDenseOps();

    private JavaDenseOps() {}

    /**
     * sqrt(sum x_i^2) of a[off, off + len) (BLAS dnrm2), scaled when the plain sum would overflow or
     * underflow: one pass in the common case, three when the sum leaves [2^-968, inf).
     */
    static double norm2(double[] a, int off, int len) {
        double s = 0;
        for (int i = off; i < off + len; i++) s += a[i] * a[i];
        if (s < Double.POSITIVE_INFINITY && s > 0x1p-968) return Math.sqrt(s);
        if (s == 0 && allZero(a, off, len)) return 0;
        double scale = 0;
        for (int i = off; i < off + len; i++) scale = Math.max(scale, Math.abs(a[i]));
        if (scale == 0) return 0;
        if (!(scale < Double.POSITIVE_INFINITY)) return scale; // an infinity or a NaN entry
        double t = 0;
        for (int i = off; i < off + len; i++) {
            double x = a[i] / scale;
            t += x * x;
        }
        return scale * Math.sqrt(t);
    }

    private static boolean allZero(double[] a, int off, int len) {
        for (int i = off; i < off + len; i++) if (a[i] != 0) return false;
        return true;
    }

    /** x . y over len entries, with four partial sums (C2 does not reorder a double reduction itself). */
    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < len; i++) s0 += x[xo + i] * y[yo + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** y += s x over len entries: a separate multiply and add (Java never contracts them into an FMA). */
    @Override
    public void axpy(double s, double[] x, int xo, double[] y, int yo, int len) {
        for (int i = 0; i < len; i++) y[yo + i] += s * x[xo + i];
    }

    @Override
    public void scal(double s, double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) x[i] *= s;
    }

    @Override
    public void applyReflector(double[] v, int vo, int len, double tau, double[] c, int co) {
        // One copy per backend on purpose (see DenseOps#applyReflector): it keeps this one small enough to inline.
        if (tau == 0) return;
        double w = c[co] + dot(v, vo + 1, c, co + 1, len - 1);
        double tw = tau * w;
        c[co] -= tw;
        axpy(-tw, v, vo + 1, c, co + 1, len - 1);
    }

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        HouseholderQr.geqr2(this, m, a, tau, 0, Math.min(m, n), n);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        HouseholderQr.org2r(this, q, 0, m, m, ncols, k, tau, 0);
    }

    @Override
    public void gemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        JavaGemm.gemm(false, false, m, n, k, 1.0, a, b, 0.0, c);
    }

    @Override
    public boolean blocked() {
        return false;
    }
}
