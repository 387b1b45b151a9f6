package dev.sxn.math.linalg;

import java.util.Arrays;

/**
 * Dense kernels on the Vector API (jdk.incubator.vector), built on one register- and cache-blocked
 * GEMM core ({@link VectorGemm}); loaded by name only when VECTOR is available.
 *
 * <p><b>GEMM</b>: the packed Goto/BLIS core of {@link VectorGemm}.
 *
 * <p><b>Blocked factorisations</b> (LAPACK's algorithms, block size {@value #NB}): Cholesky
 * ({@link #potrf}; unblocked left-looking with vector column updates up to n = 128) right-looking: unblocked factor of the diagonal block, a column-sweep triangular
 * solve for the panel below it, then the trailing update A22 -= L21 L21^T as GEMMs over column
 * blocks (the SYRK step, which also writes the upper half of diagonal blocks; {@code Linalg} clears the
 * upper triangle). LU ({@link #getrf}) right-looking (dgetrf): unblocked partial-pivoting panel, row
 * swaps, unit-lower triangular solve for U12, trailing update A22 -= L21 U12 by GEMM. Householder QR
 * and Q with compact WY ({@link BlockedHouseholderQr}). The unblocked steps are the algorithms shared
 * with JAVA ({@link CholeskyDecomposition}, {@link LuDecomposition}, {@link HouseholderQr}) on the
 * vector primitives of {@link VectorDenseOps}.
 *
 * <p><b>What is not accelerated</b>: column-pivoted QR ({@link #geqp3}) runs the plain-Java
 * algorithm (pivoting needs a norm downdate after every column; LAPACK's blocked dlaqps is not
 * reproduced). The SVD ({@link #gesvd}) is the plain-Java Golub-Kahan-Reinsch algorithm with its
 * Householder bidiagonalisation on vector helpers (level-2: half its flops stay matrix-vector) and
 * U_B, V_B formed by the blocked {@link #orgqr} (GEMM); the implicit-shift QR on the bidiagonal and its
 * plane rotations of U and V are the plain-Java loop. For a tall matrix (m >= 5n/3) or a wide one
 * (n >= 5m/3) the preliminary QR (or LQ through the transpose), the formation of Q and the product
 * U = Q U_R run on the blocked kernels and the GEMM core. The symmetric
 * eigen-solver ({@link #syev}) keeps the plain-Java algorithm (Householder tridiagonalisation, implicit
 * QL): only the formation of Q is blocked (GEMM); the tridiagonalisation is level-2 code on vector
 * helpers and the QL rotations are the plain-Java loop, which dominate its time.
 *
 * <p>Warm-up: the Vector API is fast only once C2 has compiled the micro-kernel (it is large, so that
 * takes a few hundred calls and, on a loaded machine, seconds); before that the vector operations run
 * their unintrinsified fallback, far slower than plain Java (a 64 x 64 product took ~2 s in JMH's
 * first warm-up iteration on the loaded 2-core host, 0.05 ms once compiled). Long-running processes do
 * not notice; short ones making a few calls are better served by JAVA or NATIVE.
 *
 * <p>Stateless and thread-safe.
 */
final class VectorLinalgKernels implements LinalgKernels {
    /** Block size of the blocked factorisations (LAPACK's default for dgeqrf/dpotrf is 32..64). */
    static final int NB = BlockedHouseholderQr.NB;
    private static final VectorDenseOps OPS = VectorDenseOps.INSTANCE;

    private static final JavaLinalgKernels JAVA = new JavaLinalgKernels();

    // ================================================================= GEMM

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, 0, transA ? Math.max(1, k) : Math.max(1, m), b, 0,
                transB ? Math.max(1, n) : Math.max(1, k), beta, c, 0, Math.max(1, m));
    }

    // ================================================================= Cholesky

    /** Up to this order Cholesky runs unblocked: the blocked path's many small GEMMs measured slower (n = 64, 128). */
    private static final int POTRF_UNBLOCKED_MAX = 128;

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

    // ================================================================= LU

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

    @Override
    public int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b) {
        return LuDecomposition.solveFactored(getrf(n, n, a, ipiv), n, nrhs, a, ipiv, b);
    }

    // ================================================================= QR

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        OPS.geqrf(m, n, a, tau);
    }

    @Override
    public void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau) {
        HouseholderQr.geqp3(JavaDenseOps.INSTANCE, m, n, a, jpvt, tau);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        OPS.orgqr(m, ncols, k, q, tau);
    }

    // ================================================================= SVD, symmetric eigen

    @Override
    public int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        // As the JAVA kernel: entries beyond 2^+-500 are scaled by a power of two (exact) first, so the
        // squares in the shifts neither overflow nor underflow; the singular values are scaled back.
        int exp = DenseArrays.scaleToUnit(a, m * n);
        int info = gesvdScaled(m, n, a, s, u, vt, thin);
        if (exp != 0) for (int i = 0; i < Math.min(m, n); i++) s[i] = Math.scalb(s[i], exp);
        return info;
    }

    private int gesvdScaled(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        if (m >= n) {
            if (3 * m >= 5 * n && m > n) return svdTall(m, n, a, s, u, vt, thin);
            double[] v = new double[n * n];
            svdGolubKahan(m, n, a, s, u, v, !thin);
            System.arraycopy(DenseArrays.transpose(v, n, n), 0, vt, 0, n * n);
            return 0;
        }
        // A^T = U1 S V1^T, so A = V1 S U1^T: U = V1 (m x m), Vt = U1^T.
        double[] at = DenseArrays.transpose(a, m, n);
        int uc = thin ? m : n;
        double[] u1 = new double[n * uc];
        if (3 * n >= 5 * m) {
            double[] v1t = new double[m * m];
            int info = svdTall(n, m, at, s, u1, v1t, thin);
            if (info != 0) return info;
            System.arraycopy(DenseArrays.transpose(v1t, m, m), 0, u, 0, m * m);
        } else {
            svdGolubKahan(n, m, at, s, u1, u, !thin);
        }
        System.arraycopy(DenseArrays.transpose(u1, n, uc), 0, vt, 0, uc * n);
        return 0;
    }

    /** m > n: A = Q R by the blocked QR, R = U_R S Vt by Golub-Kahan, U = Q U_R by GEMM. */
    private int svdTall(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        int uc = thin ? n : m;
        double[] tau = new double[n];
        geqrf(m, n, a, tau);
        double[] r = new double[n * n];
        for (int j = 0; j < n; j++) System.arraycopy(a, j * m, r, j * n, j + 1);
        double[] ur = new double[n * n];
        double[] v = new double[n * n];
        svdGolubKahan(n, n, r, s, ur, v, false);
        System.arraycopy(DenseArrays.transpose(v, n, n), 0, vt, 0, n * n);
        double[] q = new double[m * uc];
        System.arraycopy(a, 0, q, 0, m * n);
        orgqr(m, uc, n, q, tau);
        VectorGemm.gemm(false, false, m, n, n, 1.0, q, 0, m, ur, 0, n, 0.0, u, 0, m);
        if (!thin) System.arraycopy(q, m * n, u, m * n, m * (m - n));
        return 0;
    }

    /**
     * Golub-Kahan-Reinsch on the m x n a, m >= n >= 1 (the plain-Java algorithm, same steps): Householder
     * bidiagonalisation on vector helpers, U_B and V_B formed by the blocked {@link #orgqr} (GEMM) instead
     * of one reflector at a time, then the plain-Java implicit-shift QR on the bidiagonal, whose plane
     * rotations update U and V. u: m x (fullU ? m : n), v: n x n (not transposed).
     */
    private void svdGolubKahan(int m, int n, double[] a, double[] s, double[] u, double[] v, boolean fullU) {
        int uc = fullU ? m : n;
        double[] d = new double[n];
        double[] e = new double[n];
        double[] tauq = new double[n];
        double[] taup = new double[n];
        double[] row = new double[n];
        double[] w = new double[m];
        for (int k = 0; k < n; k++) {
            int dk = k * m + k;
            tauq[k] = Householder.generate(OPS, a, dk, m - k);
            d[k] = a[dk];
            for (int j = k + 1; j < n; j++) OPS.applyReflector(a, dk, m - k, tauq[k], a, j * m + k);
            if (k < n - 1) {
                int len = n - k - 1;
                for (int j = 0; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
                double tp = Householder.generate(OPS, row, 0, len);
                taup[k] = tp;
                e[k] = row[0];
                for (int j = 0; j < len; j++) a[k + (k + 1 + j) * m] = row[j];
                if (tp != 0) {
                    // A[k+1.., k+1..] := A (I - tp v v^T): w = A v, then A[:, j] -= tp v_j w.
                    int rows = m - k - 1;
                    Arrays.fill(w, 0, rows, 0.0);
                    for (int j = 0; j < len; j++) OPS.axpy(j == 0 ? 1 : row[j], a, (k + 1 + j) * m + k + 1, w, 0, rows);
                    for (int j = 0; j < len; j++) OPS.axpy(-tp * (j == 0 ? 1 : row[j]), w, 0, a, (k + 1 + j) * m + k + 1, rows);
                }
            }
        }
        // U_B = H_0 ... H_{n-1} (first uc columns), blocked.
        System.arraycopy(a, 0, u, 0, m * n);
        orgqr(m, uc, n, u, tauq);
        // V_B = diag(1, V'), V' = G_0 ... G_{n-3} on rows 1..n-1: reflector k sits in row k of a, right of
        // e[k], and becomes column k of an (n-1) x (n-2) matrix whose diagonal is at row k (dorgbr's shift).
        Arrays.fill(v, 0, n * n, 0.0);
        v[0] = 1;
        if (n > 2) {
            int n1 = n - 1;
            double[] p = new double[n1 * n1];
            for (int k = 0; k < n - 2; k++) {
                for (int j = 1; j < n - k - 1; j++) p[(k + j) + k * n1] = a[k + (k + 1 + j) * m];
            }
            orgqr(n1, n1, n - 2, p, taup);
            for (int j = 0; j < n1; j++) System.arraycopy(p, j * n1, v, (j + 1) * n + 1, n1);
        } else if (n == 2) {
            v[3] = 1;
        }
        // The rotations run on columns held as separate arrays (C2 vectorises them there; see JAVA's).
        double[][] ucol = DenseArrays.columns(u, m, n), vcol = DenseArrays.columns(v, n, n);
        JavaLinalgKernels.bidiagonalQr(m, n, d, e, ucol, vcol);
        for (int j = 0; j < n; j++) {
            System.arraycopy(ucol[j], 0, u, j * m, m);
            System.arraycopy(vcol[j], 0, v, j * n, n);
        }
        for (int i = 0; i < n; i++) {
            if (d[i] < 0) {
                d[i] = -d[i];
                OPS.scal(-1, v, i * n, n);
            }
        }
        for (int i = 0; i < n; i++) { // descending, by selection: at most n column swaps
            int k = i;
            for (int j = i + 1; j < n; j++) if (d[j] > d[k]) k = j;
            s[i] = d[k];
            if (k == i) continue;
            d[k] = d[i];
            DenseArrays.swapColumns(u, m, i, k);
            DenseArrays.swapColumns(v, n, i, k);
        }
    }

    /**
     * The plain-Java algorithm with its level-2 loops on vector helpers and the orthogonal factor formed
     * blocked: Householder tridiagonalisation Q^T A Q = T (rank-2 updates of the trailing block as vector
     * column sweeps), Q = H_0 ... H_{n-3} by the blocked {@link #orgqr} (GEMM) instead of one reflector
     * at a time, then the plain-Java implicit QL on T with its rotations applied to Q.
     */
    @Override
    public int syev(int n, double[] a, double[] w) {
        if (n <= 2) return JAVA.syev(n, a, w);
        int exp = DenseArrays.scaleToUnit(a, n * n); // as the JAVA kernel: extreme magnitudes scaled exactly
        int info = syevScaled(n, a, w);
        if (exp != 0) for (int i = 0; i < n; i++) w[i] = Math.scalb(w[i], exp);
        return info;
    }

    private int syevScaled(int n, double[] a, double[] w) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) a[i + j * n] = a[j + i * n];
        }
        double[] e = new double[n];
        double[] taus = new double[n];
        double[] p = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int len = n - k - 1;
            int off = k * n + k + 1;
            double tau = Householder.generate(OPS, a, off, len);
            taus[k] = tau;
            e[k] = a[off];
            if (tau == 0) continue;
            v[0] = 1;
            System.arraycopy(a, off + 1, v, 1, len - 1);
            // p = tau S v (S the trailing block, full storage), w = p - (tau p.v / 2) v; S -= v w^T + w v^T.
            Arrays.fill(p, 0, len, 0.0);
            for (int jj = 0; jj < len; jj++) {
                if (v[jj] != 0) OPS.axpy(v[jj], a, (k + 1 + jj) * n + k + 1, p, 0, len);
            }
            OPS.scal(tau, p, 0, len);
            OPS.axpy(-0.5 * tau * OPS.dot(p, 0, v, 0, len), v, 0, p, 0, len);
            for (int jj = 0; jj < len; jj++) {
                int col = (k + 1 + jj) * n + k + 1;
                OPS.axpy(-p[jj], v, 0, a, col, len);
                OPS.axpy(-v[jj], p, 0, a, col, len);
            }
        }
        e[n - 2] = a[(n - 2) * n + n - 1];
        for (int i = 0; i < n; i++) w[i] = a[i * n + i];
        // Q = diag(1, Q'), Q' = orgqr of the reflectors in rows 1.., columns 0..n-3 ((n-1) x (n-2)).
        int n1 = n - 1;
        double[] q1 = new double[n1 * n1];
        for (int j = 0; j < n - 2; j++) System.arraycopy(a, j * n + j + 1, q1, j * n1 + j, n1 - j);
        orgqr(n1, n1, n - 2, q1, taus);
        double[] z = new double[n * n];
        z[0] = 1;
        for (int j = 0; j < n1; j++) System.arraycopy(q1, j * n1, z, (j + 1) * n + 1, n1);
        double[][] zc = DenseArrays.columns(z, n, n);
        int info = JavaLinalgKernels.tql(n, w, e, zc);
        if (info != 0) return info;
        for (int j = 0; j < n; j++) System.arraycopy(zc[j], 0, z, j * n, n);
        JavaLinalgKernels.sortAscending(n, w, z);
        System.arraycopy(z, 0, a, 0, n * n);
        return 0;
    }
}
