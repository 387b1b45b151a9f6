package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Golub-Kahan-Reinsch SVD of a tall matrix over a backend's {@link DenseOps}: the algorithm of LAPACK's
 * dgesvd and of EJML (Golub and Van Loan, Sections 5.4.8 and 8.6). A QR first when m >= 5n/3 (dgesvd's
 * crossover is 1.6n), so the rest runs on the n x n R; Householder bidiagonalisation A = U_B B V_B^T; then
 * implicit-shift QR sweeps with Wilkinson shifts on the bidiagonal B, every plane rotation applied to
 * two columns of U and V.
 *
 * <p>Why this as the default rather than one-sided Jacobi ({@link JacobiSvd}): speed. Its cost is about
 * 4mn^2 + 8n^3 for the reduction plus ~12n^3 for the rotations in total, where a Jacobi sweep costs
 * ~7n^3 and random square matrices need 6 to 10 sweeps (bench/results/history/linalg.md compares it with
 * EJML). Both are backward stable, so the singular values are accurate to O(eps) s_max and U, V
 * orthogonal to working precision.
 *
 * <p>The backend supplies the level-1 steps of the bidiagonalisation, the QR, the formation of U_B
 * (its orgqr) and the product U = Q U_R; V_B is formed reflector by reflector or, where the backend's
 * orgqr is blocked, by that orgqr on the shifted reflectors (see {@link DenseOps#blocked}). The QR
 * sweeps run on U's and V's columns held as separate arrays ({@link DenseArrays#columns}). Every temporary
 * is the thread's {@link Scratch}, so a warm call allocates nothing.
 */
final class GolubKahanSvd {
    private GolubKahanSvd() {}

    /**
     * SVD of the m x n a (overwritten), m >= n >= 1: u m x (fullU ? m : n), s (n, descending), v n x n
     * (not transposed). v must be zero on entry where the backend is not {@link DenseOps#blocked}.
     */
    static void svdTall(DenseOps ops, int m, int n, double[] a, double[] s, double[] u, double[] v, boolean fullU) {
        int uc = fullU ? m : n;
        try (Scratch w = Scratch.open()) {
            if (3 * m >= 5 * n && m > n) {
                // A = Q R, R = U_R S V^T, U = Q U_R (and Q's remaining columns for a full U).
                double[] tau = w.zeros(n);
                ops.geqrf(m, n, a, tau);
                double[] r = w.zeros(n * n);
                for (int j = 0; j < n; j++) System.arraycopy(a, j * m, r, j * n, j + 1);
                double[] ur = w.zeros(n * n);
                svdTall(ops, n, n, r, s, ur, v, false);
                double[] q = w.zeros(m * uc);
                System.arraycopy(a, 0, q, 0, m * n);
                ops.orgqr(m, uc, n, q, tau);
                ops.gemm(m, n, n, q, ur, u);
                if (fullU) System.arraycopy(q, m * n, u, m * n, m * (m - n));
                return;
            }
            double[] d = w.zeros(n);
            double[] e = w.zeros(n);
            double[] tauq = w.zeros(n);
            double[] taup = w.zeros(n);
            bidiagonalise(ops, m, n, a, d, e, tauq, taup, w.doubles(n), w.doubles(m));
            // U_B = H_0 ... H_{n-1} (first uc columns), V_B = G_0 ... G_{n-3}.
            System.arraycopy(a, 0, u, 0, m * n);
            ops.orgqr(m, uc, n, u, tauq);
            if (ops.blocked()) formVBlocked(ops, m, n, a, taup, v, w);
            else formVByReflectors(ops, m, n, a, taup, v, w.doubles(n));
            double[][] ucol = DenseArrays.columns(u, m, n, w.table(n, m)), vcol = DenseArrays.columns(v, n, n, w.table(n, n));
            bidiagonalQr(m, n, d, e, ucol, vcol);
            DenseArrays.uncolumns(ucol, u, m, n);
            DenseArrays.uncolumns(vcol, v, n, n);
            // Signs into V, then descending order (selection: at most n column swaps).
            for (int i = 0; i < n; i++) {
                if (d[i] < 0) {
                    d[i] = -d[i];
                    ops.scal(-1, v, i * n, n);
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
    }

    /**
     * Householder bidiagonalisation of the m x n a, m >= n (dgebd2): H_k zeroes column k below the
     * diagonal, G_k row k right of the superdiagonal. d, e receive B's diagonal and superdiagonal; the
     * reflectors stay in a (H_k's below the diagonal, G_k's right of the superdiagonal), their scalars in
     * tauq, taup. 4mn^2 - 4n^3/3 flops, half of them in the matrix-vector products of the row reflectors.
     * row (n) and w (m) are scratch.
     */
    private static void bidiagonalise(DenseOps ops, int m, int n, double[] a, double[] d, double[] e, double[] tauq, double[] taup,
                                      double[] row, double[] w) {
        for (int k = 0; k < n; k++) {
            int dk = k * m + k;
            tauq[k] = Householder.generate(ops, a, dk, m - k);
            d[k] = a[dk];
            for (int j = k + 1; j < n; j++) ops.applyReflector(a, dk, m - k, tauq[k], a, j * m + k);
            if (k < n - 1) {
                // Row k right of the diagonal, gathered so the reflector is generated on contiguous memory.
                int len = n - k - 1;
                for (int j = 0; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
                double tp = Householder.generate(ops, row, 0, len);
                taup[k] = tp;
                e[k] = row[0];
                for (int j = 0; j < len; j++) a[k + (k + 1 + j) * m] = row[j];
                if (tp != 0) {
                    // A[k+1.., k+1..] := A (I - tp v v^T): w = A v, then A[:, j] -= tp v_j w (column sweeps).
                    int rows = m - k - 1;
                    Arrays.fill(w, 0, rows, 0.0);
                    for (int j = 0; j < len; j++) ops.axpy(j == 0 ? 1 : row[j], a, (k + 1 + j) * m + k + 1, w, 0, rows);
                    for (int j = 0; j < len; j++) ops.axpy(-tp * (j == 0 ? 1 : row[j]), w, 0, a, (k + 1 + j) * m + k + 1, rows);
                }
            }
        }
    }

    /**
     * V_B := G_0 ... G_{n-3} into the zero n x n v, accumulated backwards one reflector at a time (dorg2r's
     * order); row (n) is scratch.
     */
    private static void formVByReflectors(DenseOps ops, int m, int n, double[] a, double[] taup, double[] v, double[] row) {
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int k = n - 3; k >= 0; k--) {
            if (taup[k] == 0) continue;
            int len = n - k - 1;
            row[0] = 1;
            for (int j = 1; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
            for (int j = k + 1; j < n; j++) ops.applyReflector(row, 0, len, taup[k], v, j * n + k + 1);
        }
    }

    /**
     * V_B := diag(1, V'), V' = G_0 ... G_{n-3} on rows 1..n-1, by the backend's blocked orgqr (dorgbr's
     * shift): reflector k sits in row k of a, right of e[k], and becomes column k of an (n-1) x (n-2)
     * matrix whose diagonal is at row k.
     */
    private static void formVBlocked(DenseOps ops, int m, int n, double[] a, double[] taup, double[] v, Scratch w) {
        Arrays.fill(v, 0, n * n, 0.0);
        v[0] = 1;
        if (n > 2) {
            int n1 = n - 1;
            double[] p = w.zeros(n1 * n1);
            for (int k = 0; k < n - 2; k++) {
                for (int j = 1; j < n - k - 1; j++) p[(k + j) + k * n1] = a[k + (k + 1 + j) * m];
            }
            ops.orgqr(n1, n1, n - 2, p, taup);
            for (int j = 0; j < n1; j++) System.arraycopy(p, j * n1, v, (j + 1) * n + 1, n1);
        } else if (n == 2) {
            v[3] = 1;
        }
    }

    /**
     * Diagonalises the upper bidiagonal (d, e) (e[i] = B(i, i+1)) by implicit-shift QR (Golub and Van
     * Loan, Algorithm 8.6.2), updating the columns of u (m rows) and v (n rows), held as separate arrays. Off-diagonals
     * below eps (|d_i| + |d_i+1|) are set to zero; a zero diagonal entry is chased out with rotations.
     */
    private static void bidiagonalQr(int m, int n, double[] d, double[] e, double[][] u, double[][] v) {
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
            bidiagonalQrScaled(m, n, d, e, u, v, DenseArrays.EPS * bnorm * scale);
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
                if (Math.abs(e[i]) <= DenseArrays.EPS * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
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
}
