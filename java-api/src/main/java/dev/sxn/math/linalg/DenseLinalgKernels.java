package dev.sxn.math.linalg;

/**
 * The {@link LinalgKernels} operations written once over a backend's {@link DenseOps}: the solve after
 * an LU, the Householder QR and Q, the column-pivoted QR, the SVD ({@link GolubKahanSvd}) and the
 * symmetric eigen-solver ({@link SymmetricEigenSolver}). {@link JavaLinalgKernels} and
 * {@link VectorLinalgKernels} extend it with their primitives and add what they do differently: the
 * GEMM, the LU and the Cholesky factorisation (unblocked in JAVA, blocked around GEMM in VECTOR).
 */
abstract class DenseLinalgKernels implements LinalgKernels {
    private final DenseOps ops;

    DenseLinalgKernels(DenseOps ops) {
        this.ops = ops;
    }

    @Override
    public int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b) {
        return LuDecomposition.solveFactored(getrf(n, n, a, ipiv), n, nrhs, a, ipiv, b);
    }

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        ops.geqrf(m, n, a, tau);
    }

    /** Column-pivoted QR on the plain-Java primitives for every backend (see {@link HouseholderQr#geqp3}). */
    @Override
    public void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau) {
        HouseholderQr.geqp3(JavaDenseOps.INSTANCE, m, n, a, jpvt, tau);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        ops.orgqr(m, ncols, k, q, tau);
    }

    @Override
    public int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        return SvdDriver.svd(ops, m, n, a, s, u, vt, thin, false);
    }

    @Override
    public int syev(int n, double[] a, double[] w) {
        return SymmetricEigenSolver.syev(ops, n, a, w);
    }
}
