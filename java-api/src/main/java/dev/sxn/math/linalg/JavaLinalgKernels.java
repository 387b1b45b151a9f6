package dev.sxn.math.linalg;

import java.util.Arrays;

/**
 * Plain-Java dense kernels: the reference the NATIVE kernels are tested against, and the fallback a
 * host without OpenBLAS runs.
 *
 * <p>Everything works on column-major arrays and is written as column sweeps: the innermost loop of
 * every O(n^3) part runs down one column (contiguous memory, which C2 vectorises), never along a row.
 * GEMM is {@link JavaGemm}. The factorisations are the classical unblocked (LAPACK level-2) algorithms: LU is right-looking
 * (dgetf2), QR is Householder (dgeqr2, and dlaqp2's column pivoting with LAPACK's safe norm downdate),
 * Cholesky is left-looking (dpotf2), the symmetric eigen-solver is Householder tridiagonalisation
 * followed by the implicit QL iteration with Wilkinson shifts.
 *
 * <p>The SVD ({@link #gesvd}) is Golub-Kahan-Reinsch, the algorithm of LAPACK's dgesvd and of EJML:
 * Householder bidiagonalisation (after a QR when m >= 5n/3, so the O(n^3) part runs on n x n), then
 * implicit-shift QR sweeps with Wilkinson shifts on the bidiagonal, every plane rotation applied to two
 * columns of U and V. Why this as the default rather than one-sided Jacobi: speed. Its cost is about
 * 4mn^2 + 8n^3 for the reduction plus ~12n^3 for the rotations in total, where a Jacobi sweep costs ~7n^3
 * and random square matrices need 6 to 10 sweeps: on 1000 x 1000 (JMH single shots under the same load)
 * Jacobi took ~21 s where an early version of this code took ~10 s; by CPU time this code now takes
 * ~0.8x EJML's time (bench/results/linalg.md). Both are backward stable, so the singular values are
 * accurate to O(eps) s_max and U, V orthogonal to working precision. The rotations of the QR sweeps
 * (here and in the symmetric QL) run on U's and V's columns held as separate arrays: C2 vectorises a
 * loop over two distinct arrays but not over two offsets of one array, which it cannot prove disjoint.
 *
 * <p>One-sided Jacobi (Hestenes) preconditioned by a column-pivoted QR (Drmač and Veselić, "New fast and
 * accurate Jacobi SVD algorithm", SIAM J. Matrix Anal. Appl. 29, 2008) is kept for
 * {@code Linalg.svdJacobi}: A P = Q R, then rotations on the columns of R^T until they are orthogonal to
 * n eps. Its advantage is accuracy: for A = B D (D diagonal, B well conditioned: columns of very
 * different scales) it finds every singular value to high relative accuracy, the tiny ones included
 * (Demmel and Veselić, SIAM J. Matrix Anal. Appl. 13, 1992), where bidiagonalisation promises accuracy
 * relative to the largest only. The pivoted QR makes R^T diagonally dominant, so few sweeps are needed.
 *
 * <p>Stateless and thread-safe.
 */
final class JavaLinalgKernels implements LinalgKernels {
    static final double EPS = DenseArrays.EPS;
    private static final JavaDenseOps OPS = JavaDenseOps.INSTANCE;
    private static final int MAX_SWEEPS = 80;
    private static final int MAX_QL_ITERATIONS = 60;

    // ---------------------------------------------------------------- helpers

    /** See {@link JavaDenseOps#norm2}. */
    static double norm2(double[] a, int off, int len) {
        return JavaDenseOps.norm2(a, off, len);
    }

    /** See {@link JavaDenseOps#dot}. */
    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        return OPS.dot(x, xo, y, yo, len);
    }

    /** See {@link DenseArrays#transpose}. */
    static double[] transpose(double[] src, int rows, int cols) {
        return DenseArrays.transpose(src, rows, cols);
    }

    // ---------------------------------------------------------------- GEMM

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        JavaGemm.gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    // ---------------------------------------------------------------- LU

    @Override
    public int getrf(int m, int n, double[] a, int[] ipiv) {
        return LuDecomposition.getf2(OPS, m, a, ipiv, 0, Math.min(m, n), 0, n);
    }

    @Override
    public int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b) {
        return LuDecomposition.solveFactored(getrf(n, n, a, ipiv), n, nrhs, a, ipiv, b);
    }

    /** Solves A X = B from getrf's factors (A nonsingular): b := X. See {@link LuDecomposition#getrs}. */
    static void getrs(int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        LuDecomposition.getrs(n, nrhs, lu, ipiv, b);
    }

    // ---------------------------------------------------------------- QR

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        OPS.geqrf(m, n, a, tau);
    }

    @Override
    public void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau) {
        HouseholderQr.geqp3(OPS, m, n, a, jpvt, tau);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        OPS.orgqr(m, ncols, k, q, tau);
    }

    // ---------------------------------------------------------------- SVD

    @Override
    public int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        return svd(m, n, a, s, u, vt, thin, false);
    }

    /**
     * The SVD by Golub-Kahan (jacobi false) or by one-sided Jacobi (jacobi true); same contract as
     * {@link #gesvd}. A wide matrix is decomposed through its transpose.
     */
    static int svd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin, boolean jacobi) {
        int exp = DenseArrays.scaleToUnit(a, m * n);
        if (m >= n) {
            double[] v = new double[n * n];
            if (jacobi) svdTall(m, n, a, s, u, v, !thin);
            else svdGolubKahan(m, n, a, s, u, v, !thin);
            double[] t = transpose(v, n, n);
            System.arraycopy(t, 0, vt, 0, n * n);
        } else {
            // A^T = U1 S V1^T, so A = V1 S U1^T: U = V1 (m x m), Vt = U1^T.
            double[] at = transpose(a, m, n);
            int uc = thin ? m : n;
            double[] u1 = new double[n * uc];
            if (jacobi) svdTall(n, m, at, s, u1, u, !thin);
            else svdGolubKahan(n, m, at, s, u1, u, !thin);
            double[] t = transpose(u1, n, uc);
            System.arraycopy(t, 0, vt, 0, uc * n);
        }
        if (exp != 0) for (int i = 0; i < Math.min(m, n); i++) s[i] = Math.scalb(s[i], exp);
        return 0;
    }


    /**
     * Golub-Kahan-Reinsch SVD of the m x n a, m >= n >= 1 (LAPACK dgesvd's path): a QR first when
     * m >= 5n/3 (the bidiagonalisation then runs on n x n), Householder bidiagonalisation A = U_B B V_B^T,
     * then implicit-shift QR sweeps on the bidiagonal B with Wilkinson shifts, each plane rotation
     * applied to two columns of U and V (contiguous). u: m x (full ? m : n), v: n x n (not transposed).
     */
    private static void svdGolubKahan(int m, int n, double[] a, double[] s, double[] u, double[] v, boolean fullU) {
        int uc = fullU ? m : n;
        if (3 * m >= 5 * n && m > n) {
            double[] tau = new double[n];
            OPS.geqrf(m, n, a, tau);
            double[] r = new double[n * n];
            for (int j = 0; j < n; j++) System.arraycopy(a, j * m, r, j * n, j + 1);
            double[] ur = new double[n * n];
            svdGolubKahan(n, n, r, s, ur, v, false);
            double[] q = new double[m * uc];
            System.arraycopy(a, 0, q, 0, m * n);
            OPS.orgqr(m, uc, n, q, tau);
            JavaGemm.gemmNN(m, n, n, 1.0, q, ur, u);
            if (fullU) System.arraycopy(q, m * n, u, m * n, m * (m - n));
            return;
        }
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
                // Row k right of the diagonal, gathered so the reflector is generated on contiguous memory.
                int len = n - k - 1;
                for (int j = 0; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
                double tp = Householder.generate(OPS, row, 0, len);
                taup[k] = tp;
                e[k] = row[0];
                for (int j = 0; j < len; j++) a[k + (k + 1 + j) * m] = row[j];
                if (tp != 0) {
                    // A[k+1.., k+1..] := A (I - tp v v^T): w = A v, then A[:, j] -= tp v_j w (column sweeps).
                    int rows = m - k - 1;
                    java.util.Arrays.fill(w, 0, rows, 0.0);
                    for (int j = 0; j < len; j++) {
                        double vj = j == 0 ? 1 : row[j];
                        int cj = (k + 1 + j) * m + k + 1;
                        for (int i = 0; i < rows; i++) w[i] += vj * a[cj + i];
                    }
                    for (int j = 0; j < len; j++) {
                        double f = tp * (j == 0 ? 1 : row[j]);
                        int cj = (k + 1 + j) * m + k + 1;
                        for (int i = 0; i < rows; i++) a[cj + i] -= f * w[i];
                    }
                }
            }
        }
        // U_B = H_0 ... H_{n-1} (first uc columns), V_B = G_0 ... G_{n-3}.
        System.arraycopy(a, 0, u, 0, m * n);
        OPS.orgqr(m, uc, n, u, tauq);
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int k = n - 3; k >= 0; k--) {
            if (taup[k] == 0) continue;
            int len = n - k - 1;
            row[0] = 1;
            for (int j = 1; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
            for (int j = k + 1; j < n; j++) OPS.applyReflector(row, 0, len, taup[k], v, j * n + k + 1);
        }
        double[][] ucol = DenseArrays.columns(u, m, n), vcol = DenseArrays.columns(v, n, n);
        bidiagonalQr(m, n, d, e, ucol, vcol);
        for (int j = 0; j < n; j++) {
            System.arraycopy(ucol[j], 0, u, j * m, m);
            System.arraycopy(vcol[j], 0, v, j * n, n);
        }
        // Signs into V, then descending order (selection: at most n column swaps).
        for (int i = 0; i < n; i++) {
            if (d[i] < 0) {
                d[i] = -d[i];
                for (int r = 0; r < n; r++) v[i * n + r] = -v[i * n + r];
            }
        }
        for (int i = 0; i < n; i++) {
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
     * Diagonalises the upper bidiagonal (d, e) (e[i] = B(i, i+1)) by implicit-shift QR (Golub and Van
     * Loan, Algorithm 8.6.2), updating the columns of u (m rows) and v (n rows), held as separate arrays. Off-diagonals
     * below eps (|d_i| + |d_i+1|) are set to zero; a zero diagonal entry is chased out with rotations.
     */
    static void bidiagonalQr(int m, int n, double[] d, double[] e, double[][] u, double[][] v) {
        double bnorm = 0;
        for (int i = 0; i < n; i++) bnorm = Math.max(bnorm, Math.abs(d[i]) + (i < n - 1 ? Math.abs(e[i]) : 0));
        if (bnorm == 0) return;
        // The shift squares entries: scale B to norm ~1 by a power of two (exact), so entries near the
        // overflow or underflow threshold neither overflow nor lose the shift; undone at the end.
        int exp = Math.getExponent(bnorm);
        double scale = Math.scalb(1.0, -exp);
        for (int i = 0; i < n; i++) {
            d[i] *= scale;
            e[i] *= scale;
        }
        try {
            bidiagonalQrScaled(m, n, d, e, u, v, EPS * bnorm * scale);
        } finally {
            for (int i = 0; i < n; i++) d[i] = Math.scalb(d[i], exp);
        }
    }

    private static void bidiagonalQrScaled(int m, int n, double[] d, double[] e, double[][] u, double[][] v, double dtol) {
        int maxIter = 75 * n * n + 100;
        int iter = 0;
        int hi = n - 1;
        while (hi > 0) {
            if (iter++ > maxIter) throw new ArithmeticException("bidiagonal QR did not converge in " + maxIter + " sweeps");
            for (int i = 0; i < hi; i++) {
                if (Math.abs(e[i]) <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
            }
            for (int i = 0; i <= hi; i++) if (Math.abs(d[i]) <= dtol) d[i] = 0;
            while (hi > 0 && e[hi - 1] == 0) hi--;
            if (hi == 0) break;
            int p = hi - 1;
            while (p > 0 && e[p - 1] != 0) p--;
            // Block p..hi is unreduced (every e nonzero). A zero on its diagonal splits it first.
            int zero = -1;
            for (int i = p; i <= hi; i++) {
                if (d[i] == 0) {
                    zero = i;
                    break;
                }
            }
            if (zero >= 0 && zero < hi) {
                // Row rotations (zero, j) push row zero's entry right until it falls off the block.
                double f = e[zero];
                e[zero] = 0;
                for (int j = zero + 1; j <= hi; j++) {
                    double r = Math.hypot(d[j], f);
                    double c = d[j] / r, sn = f / r;
                    d[j] = r;
                    // U: U_zero' = c U_zero - s U_j, U_j' = s U_zero + c U_j.
                    DenseArrays.rotate(u[j], u[zero], m, c, sn);
                    if (j < hi) {
                        f = -sn * e[j];
                        e[j] = c * e[j];
                    }
                }
                continue;
            }
            if (zero == hi) {
                // Column rotations (j, hi) push column hi's entry up until it falls off the block.
                double f = e[hi - 1];
                e[hi - 1] = 0;
                for (int j = hi - 1; j >= p; j--) {
                    double r = Math.hypot(d[j], f);
                    double c = d[j] / r, sn = f / r;
                    d[j] = r;
                    // V_j' = c V_j + s V_hi, V_hi' = c V_hi - s V_j.
                    DenseArrays.rotate(v[j], v[hi], n, c, sn);
                    if (j > p) {
                        f = -sn * e[j - 1];
                        e[j - 1] = c * e[j - 1];
                    }
                }
                continue;
            }
            // Wilkinson shift: the eigenvalue of the trailing 2x2 of B^T B nearer its last entry.
            double dm = d[hi - 1], dn = d[hi], em = e[hi - 1], emm = hi - 1 > p ? e[hi - 2] : 0;
            double t11 = dm * dm + emm * emm, t12 = dm * em, t22 = dn * dn + em * em;
            double delta = 0.5 * (t11 - t22);
            double mu = delta == 0 ? t22 - Math.abs(t12)
                    : t22 - t12 * t12 / (delta + Math.copySign(Math.hypot(delta, t12), delta));
            double y = d[p] * d[p] - mu;
            double z = d[p] * e[p];
            for (int k = p; k < hi; k++) {
                double r = Math.hypot(y, z);
                double c = r == 0 ? 1 : y / r, sn = r == 0 ? 0 : z / r;
                if (k > p) e[k - 1] = r;
                double f = c * d[k] + sn * e[k];
                e[k] = c * e[k] - sn * d[k];
                double bulge = sn * d[k + 1];
                d[k + 1] = c * d[k + 1];
                d[k] = f;
                DenseArrays.rotate(v[k], v[k + 1], n, c, sn);
                r = Math.hypot(d[k], bulge);
                c = r == 0 ? 1 : d[k] / r;
                sn = r == 0 ? 0 : bulge / r;
                d[k] = r;
                double ek = e[k];
                e[k] = c * ek + sn * d[k + 1];
                d[k + 1] = c * d[k + 1] - sn * ek;
                DenseArrays.rotate(u[k], u[k + 1], m, c, sn);
                if (k < hi - 1) {
                    y = e[k];
                    z = sn * e[k + 1];
                    e[k + 1] = c * e[k + 1];
                }
            }
        }
    }

    /** SVD of the m x n a, m >= n >= 0: u m x (full ? m : n), s (n, descending), v n x n (not transposed). */
    private static void svdTall(int m, int n, double[] a, double[] s, double[] u, double[] v, boolean fullU) {
        int uc = fullU ? m : n;
        if (n == 0) {
            for (int j = 0; j < uc; j++) u[j * m + j] = 1;
            return;
        }
        double[] tau = new double[n];
        int[] jpvt = new int[n];
        HouseholderQr.geqp3(OPS, m, n, a, jpvt, tau);
        // X = R^T (n x n, lower triangular); Jacobi orthogonalises its columns: X Vx = W.
        double[] x = new double[n * n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r <= c; r++) x[c + r * n] = a[r + c * m];
        }
        double[] vx = new double[n * n];
        for (int i = 0; i < n; i++) vx[i + i * n] = 1;
        jacobi(n, n, x, vx);
        // R^T = Ux S Vx^T, so R = Vx S Ux^T and A P = (Q Vx) S Ux^T: U = Q Vx, V = P Ux.
        double[] sig = new double[n];
        for (int j = 0; j < n; j++) sig[j] = norm2(x, j * n, n);
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        Arrays.sort(order, (p, q) -> Double.compare(sig[q], sig[p]));
        double[] ux = new double[n * n];
        boolean[] have = new boolean[n];
        for (int t = 0; t < n; t++) {
            int j = order[t];
            s[t] = sig[j];
            if (sig[j] > 0) {
                double r = 1 / sig[j];
                if (Double.isInfinite(r)) {
                    for (int i = 0; i < n; i++) ux[t * n + i] = x[j * n + i] / sig[j];
                } else {
                    for (int i = 0; i < n; i++) ux[t * n + i] = x[j * n + i] * r;
                }
                have[t] = true;
            }
        }
        complete(n, n, ux, have);
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) v[jpvt[i] + t * n] = ux[i + t * n];
        }
        double[] q = new double[m * uc];
        System.arraycopy(a, 0, q, 0, m * n);
        OPS.orgqr(m, uc, n, q, tau);
        double[] vs = new double[n * n];
        for (int t = 0; t < n; t++) System.arraycopy(vx, order[t] * n, vs, t * n, n);
        // U[:, 0..n) = Q[:, 0..n) Vs; the remaining columns of a full U are Q's own.
        JavaGemm.gemmNN(m, n, n, 1.0, q, vs, u);
        if (fullU) System.arraycopy(q, m * n, u, m * n, m * (m - n));
    }

    /**
     * One-sided cyclic Jacobi on the rows x cols w: rotates column pairs until every pair is orthogonal
     * to rows * eps relative to their norms, applying the same rotations to the columns of v (vrows rows).
     */
    private static void jacobi(int rows, int cols, double[] w, double[] v) {
        double tol = Math.max(rows, 1) * EPS;
        double[] nrm = new double[cols]; // squared column norms, kept current by the rotation identity
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int j = 0; j < cols; j++) {
                double c = norm2(w, j * rows, rows);
                nrm[j] = c * c;
            }
            boolean rotated = false;
            for (int p = 0; p < cols - 1; p++) {
                for (int q = p + 1; q < cols; q++) {
                    double alpha = nrm[p], beta = nrm[q];
                    if (alpha == 0 || beta == 0) continue;
                    int po = p * rows, qo = q * rows;
                    double gamma = dot(w, po, w, qo, rows);
                    if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
                    double cs = 1 / Math.sqrt(1 + t * t);
                    double sn = cs * t;
                    for (int i = 0; i < rows; i++) {
                        double wp = w[po + i], wq = w[qo + i];
                        w[po + i] = cs * wp - sn * wq;
                        w[qo + i] = sn * wp + cs * wq;
                    }
                    int pv = p * cols, qv = q * cols;
                    for (int i = 0; i < cols; i++) {
                        double vp = v[pv + i], vq = v[qv + i];
                        v[pv + i] = cs * vp - sn * vq;
                        v[qv + i] = sn * vp + cs * vq;
                    }
                    nrm[p] = Math.max(0, alpha - t * gamma);
                    nrm[q] = beta + t * gamma;
                }
            }
            if (!rotated) return;
        }
        throw new ArithmeticException("Jacobi SVD did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /**
     * Fills the columns t of the rows x cols q with !have[t] so that all columns are orthonormal
     * (Gram-Schmidt, twice, of unit vectors against the columns already there).
     */
    private static void complete(int rows, int cols, double[] q, boolean[] have) {
        int next = 0;
        for (int t = 0; t < cols; t++) {
            if (have[t]) continue;
            int qo = t * rows;
            while (true) {
                Arrays.fill(q, qo, qo + rows, 0.0);
                q[qo + next++] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int c = 0; c < cols; c++) {
                        if (c == t || !have[c]) continue;
                        double d = dot(q, c * rows, q, qo, rows);
                        for (int i = 0; i < rows; i++) q[qo + i] -= d * q[c * rows + i];
                    }
                }
                double nr = norm2(q, qo, rows);
                if (nr > 0.5) {
                    for (int i = 0; i < rows; i++) q[qo + i] /= nr;
                    have[t] = true;
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- Cholesky

    @Override
    public int potrf(int n, double[] a) {
        return CholeskyDecomposition.potf2(OPS, n, a, 0, n);
    }

    // ---------------------------------------------------------------- symmetric eigen

    @Override
    public int syev(int n, double[] a, double[] w) {
        if (n == 0) return 0;
        int exp = DenseArrays.scaleToUnit(a, n * n);
        int info = syevScaled(n, a, w);
        if (exp != 0) for (int i = 0; i < n; i++) w[i] = Math.scalb(w[i], exp);
        return info;
    }

    private static int syevScaled(int n, double[] a, double[] w) {
        double[] e = new double[n];
        double[] taus = new double[n];
        double[] p = new double[n];
        double[] v = new double[n];
        // Householder tridiagonalisation: H_k zeroes column k below the subdiagonal; the trailing block S
        // is updated as S := S - v w^T - w v^T with p = tau S v, w = p - (tau p.v / 2) v. Only S's lower
        // triangle is read and written (half the flops of a full update), in column sweeps.
        for (int k = 0; k < n - 2; k++) {
            int len = n - k - 1;
            int off = k * n + k + 1;
            double tau = Householder.generate(OPS, a, off, len);
            taus[k] = tau;
            e[k] = a[off];
            if (tau == 0) continue;
            v[0] = 1;
            System.arraycopy(a, off + 1, v, 1, len - 1);
            Arrays.fill(p, 0, len, 0.0);
            for (int jj = 0; jj < len; jj++) {
                int col = (k + 1 + jj) * n + k + 1;
                double vj = v[jj];
                // Column jj below the diagonal holds S(ii, jj) = S(jj, ii): it feeds p[ii] (times v[jj]) and
                // p[jj] (times v[ii]). Two loops, so the axpy vectorises apart from the dot product.
                for (int ii = jj + 1; ii < len; ii++) p[ii] += a[col + ii] * vj;
                p[jj] += a[col + jj] * vj + dot(a, col + jj + 1, v, jj + 1, len - jj - 1);
            }
            for (int ii = 0; ii < len; ii++) p[ii] *= tau;
            double f = 0.5 * tau * dot(p, 0, v, 0, len);
            for (int ii = 0; ii < len; ii++) p[ii] -= f * v[ii];
            for (int jj = 0; jj < len; jj++) {
                double vj = v[jj], wj = p[jj];
                int col = (k + 1 + jj) * n + k + 1;
                for (int ii = jj; ii < len; ii++) a[col + ii] -= v[ii] * wj + p[ii] * vj;
            }
        }
        if (n >= 2) e[n - 2] = a[(n - 2) * n + n - 1];
        for (int i = 0; i < n; i++) w[i] = a[i * n + i];
        // Q = H_0 ... H_{n-3}, accumulated backwards into z.
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) z[i * n + i] = 1;
        for (int k = n - 3; k >= 0; k--) {
            if (taus[k] == 0) continue;
            int off = k * n + k + 1;
            for (int j = k + 1; j < n; j++) OPS.applyReflector(a, off, n - k - 1, taus[k], z, j * n + k + 1);
        }
        double[][] zc = DenseArrays.columns(z, n, n);
        int info = tql(n, w, e, zc);
        if (info != 0) return info;
        for (int j = 0; j < n; j++) System.arraycopy(zc[j], 0, z, j * n, n);
        sortAscending(n, w, z);
        System.arraycopy(z, 0, a, 0, n * n);
        return 0;
    }

    /**
     * Implicit QL with Wilkinson shifts on the symmetric tridiagonal (d, e) (e[i] couples i and i+1),
     * applying each plane rotation to two adjacent columns of z. Returns 0, or the 1-based index of an
     * eigenvalue that did not converge.
     */
    static int tql(int n, double[] d, double[] e, double[][] z) {
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= EPS * dd) break;
                }
                if (m != l) {
                    if (iter++ == MAX_QL_ITERATIONS) return l + 1;
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1, c = 1, p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) { // deflate early: the rotation underflowed
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        DenseArrays.rotate(z[i + 1], z[i], n, c, s);
                    }
                    if (underflow) continue;
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
        return 0;
    }

    static void sortAscending(int n, double[] w, double[] z) {
        for (int i = 0; i < n - 1; i++) { // selection sort: n swaps of columns at most
            int k = i;
            for (int j = i + 1; j < n; j++) if (w[j] < w[k]) k = j;
            if (k == i) continue;
            double t = w[i];
            w[i] = w[k];
            w[k] = t;
            for (int r = 0; r < n; r++) {
                double x = z[i * n + r];
                z[i * n + r] = z[k * n + r];
                z[k * n + r] = x;
            }
        }
    }
}
