package dev.sxn.math.linalg;

/**
 * Dense kernels on the Vector API (jdk.incubator.vector); loaded by name only when VECTOR is available,
 * and the only way into the other Vector API classes ({@link VectorDenseOps}, {@link VectorGemm},
 * {@link BlockedHouseholderQr}).
 *
 * <p><b>GEMM</b>: the packed Goto/BLIS core of {@link VectorGemm}.
 *
 * <p><b>Blocked factorisations</b> (LAPACK's algorithms, block size {@value #NB}), where this kernel's
 * algorithm differs from JAVA's: Cholesky ({@link #potrf}; unblocked left-looking with vector column
 * updates up to n = 128) right-looking: {@link CholeskyDecomposition#potf2} on the diagonal block, a
 * column-sweep triangular solve for the panel below it, then the trailing update A22 -= L21 L21^T as
 * GEMMs over column blocks (the SYRK step, which also writes the upper half of diagonal blocks;
 * {@code Linalg} clears the upper triangle). LU ({@link #getrf}) right-looking (dgetrf): the panel by
 * {@link LuDecomposition#getf2}, row swaps, unit-lower triangular solve for U12, trailing update
 * A22 -= L21 U12 by GEMM. Householder QR and the formation of Q with compact WY
 * ({@link BlockedHouseholderQr}).
 *
 * <p><b>Shared with JAVA</b>, on this kernel's primitives: the SVD ({@link GolubKahanSvd}: Householder
 * bidiagonalisation on the vector axpys, U_B and V_B formed by the blocked orgqr, the preliminary QR of a
 * tall (or LQ of a wide) matrix and U = Q U_R on the blocked kernels and the GEMM core; the plane
 * rotations of the bidiagonal QR are plain Java) and the symmetric eigen-solver ({@link SymmetricEigenSolver}:
 * full-storage tridiagonalisation on vector axpys, Q by the blocked orgqr, the plain-Java QL rotations,
 * which dominate its time). Column-pivoted QR ({@link #geqp3}) runs entirely on the plain-Java
 * primitives, so its results are JAVA's.
 *
 * <p>Warm-up: the Vector API is fast only once C2 has compiled the micro-kernel (it is large, so that
 * takes a few hundred calls and, on a loaded machine, seconds); before that the vector operations run
 * their unintrinsified fallback, far slower than plain Java. Long-running processes do not notice;
 * short ones making a few calls are better served by JAVA or NATIVE.
 *
 * <p>Stateless and thread-safe.
 */
final class VectorLinalgKernels extends DenseLinalgKernels {
    /** Block size of the blocked factorisations (LAPACK's default for dgeqrf/dpotrf is 32..64). */
    static final int NB = BlockedHouseholderQr.NB;
    /** Up to this order Cholesky runs unblocked: the blocked path's many small GEMMs measured slower (n = 64, 128). */
    private static final int POTRF_UNBLOCKED_MAX = 128;
    private static final VectorDenseOps OPS = VectorDenseOps.INSTANCE;

    VectorLinalgKernels() {
        super(OPS);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, 0, transA ? Math.max(1, k) : Math.max(1, m), b, 0,
                transB ? Math.max(1, n) : Math.max(1, k), beta, c, 0, Math.max(1, m));
    }

    @Override
    public int potrf(int n, double[] a) {
        if (n <= POTRF_UNBLOCKED_MAX) return CholeskyDecomposition.potf2(OPS, n, a, 0, n);
        for (int j0 = 0; j0 < n; j0 += NB) {
            int jb = Math.min(NB, n - j0);
            int d0 = j0 + j0 * n;
            int info = CholeskyDecomposition.potf2(OPS, jb, a, d0, n);
            if (info > 0) return j0 + info;
            int below = n - j0 - jb;
            if (below == 0) break;
            // L21 := A21 L11^-T: column c of L21 = (a_c - sum_{t<c} L21_t L11(c, t)) / L11(c, c).
            int p0 = j0 + jb + j0 * n; // A21's first entry
            for (int cc = 0; cc < jb; cc++) {
                int col = p0 + cc * n;
                for (int t = 0; t < cc; t++) {
                    double f = a[d0 + cc + t * n];
                    if (f != 0) OPS.axpy(-f, a, p0 + t * n, a, col, below);
                }
                OPS.scal(1 / a[d0 + cc + cc * n], a, col, below);
            }
            // A22 -= L21 L21^T, lower part, as GEMMs over column blocks of A22 (the SYRK step).
            for (int c0 = 0; c0 < below; c0 += NB) {
                int cb = Math.min(NB, below - c0);
                int r0 = j0 + jb + c0;
                VectorGemm.gemm(false, true, n - r0, cb, jb, -1.0, a, r0 + j0 * n, n, a, r0 + j0 * n, n, 1.0, a, r0 + r0 * n, n);
            }
        }
        return 0;
    }

    @Override
    public int getrf(int m, int n, double[] a, int[] ipiv) {
        int kmax = Math.min(m, n);
        int info = 0;
        for (int j0 = 0; j0 < kmax; j0 += NB) {
            int jb = Math.min(NB, kmax - j0);
            // Panel: partial pivoting on columns j0..j0+jb, rows j0..m; swaps applied across the panel only.
            int panelInfo = LuDecomposition.getf2(OPS, m, a, ipiv, j0, j0 + jb, j0, j0 + jb);
            if (info == 0) info = panelInfo;
            // The panel's swaps on the columns left and right of it.
            for (int k = j0; k < j0 + jb; k++) {
                int p = ipiv[k];
                if (p != k) {
                    LuDecomposition.swapRows(a, m, k, p, 0, j0);
                    LuDecomposition.swapRows(a, m, k, p, j0 + jb, n);
                }
            }
            int right = n - j0 - jb;
            if (right == 0) continue;
            // U12 := L11^-1 A12 (unit lower), column by column.
            for (int j = j0 + jb; j < n; j++) {
                int cj = j * m;
                for (int t = j0; t < j0 + jb; t++) {
                    double f = a[cj + t];
                    if (f != 0) OPS.axpy(-f, a, t * m + t + 1, a, cj + t + 1, j0 + jb - t - 1);
                }
            }
            int below = m - j0 - jb;
            if (below > 0) {
                int r = j0 + jb;
                VectorGemm.gemm(false, false, below, right, jb, -1.0, a, r + j0 * m, m, a, j0 + r * m, m, 1.0, a, r + r * m, m);
            }
        }
        return info;
    }






}
