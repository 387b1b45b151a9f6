package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * One-sided Jacobi SVD (Hestenes) preconditioned by a column-pivoted QR (Drmač and Veselić, "New fast and
 * accurate Jacobi SVD algorithm", SIAM J. Matrix Anal. Appl. 29, 2008), in plain Java on every backend
 * ({@code Linalg.svdJacobi}): A P = Q R, then rotations on the columns of R^T until they are orthogonal to
 * n eps. Its advantage over {@link GolubKahanSvd} is accuracy: for A = B D (D diagonal, B well
 * conditioned: columns of very different scales) it finds every singular value to high relative accuracy,
 * the tiny ones included (Demmel and Veselić, SIAM J. Matrix Anal. Appl. 13, 1992), where
 * bidiagonalisation promises accuracy relative to the largest only. The pivoted QR makes R^T diagonally
 * dominant, so few sweeps are needed. Cost: the QR (O(mn^2)), then about 7n^3 flops per sweep. Every temporary
 * is the thread's {@link Scratch}.
 */
final class JacobiSvd {
    private static final int MAX_SWEEPS = 80;
    private static final JavaDenseOps OPS = JavaDenseOps.INSTANCE;

    private JacobiSvd() {}

    /** SVD of the m x n a, m >= n >= 0: u m x (full ? m : n), s (n, descending), v n x n (not transposed). */
    static void svdTall(int m, int n, double[] a, double[] s, double[] u, double[] v, boolean fullU) {
        int uc = fullU ? m : n;
        if (n == 0) {
            for (int j = 0; j < uc; j++) u[j * m + j] = 1;
            return;
        }
        try (Scratch w = Scratch.open()) {
            double[] tau = w.zeros(n);
            int[] jpvt = w.ints(n);
            HouseholderQr.geqp3(OPS, m, n, a, jpvt, tau);
            // X = R^T (n x n, lower triangular); Jacobi orthogonalises its columns: X Vx = W.
            double[] x = w.zeros(n * n);
            for (int c = 0; c < n; c++) {
                for (int r = 0; r <= c; r++) x[c + r * n] = a[r + c * m];
            }
            double[] vx = w.zeros(n * n);
            for (int i = 0; i < n; i++) vx[i + i * n] = 1;
            jacobi(n, n, x, vx, w.doubles(n));
            // R^T = Ux S Vx^T, so R = Vx S Ux^T and A P = (Q Vx) S Ux^T: U = Q Vx, V = P Ux.
            double[] sig = w.doubles(n);
            for (int j = 0; j < n; j++) sig[j] = JavaDenseOps.norm2(x, j * n, n);
            int[] order = descending(sig, n, w.ints(n));
            double[] ux = w.zeros(n * n);
            int[] have = w.ints(n);
            for (int t = 0; t < n; t++) {
                int j = order[t];
                s[t] = sig[j];
                have[t] = 0;
                if (sig[j] > 0) {
                    double r = 1 / sig[j];
                    if (Double.isInfinite(r)) {
                        for (int i = 0; i < n; i++) ux[t * n + i] = x[j * n + i] / sig[j];
                    } else {
                        for (int i = 0; i < n; i++) ux[t * n + i] = x[j * n + i] * r;
                    }
                    have[t] = 1;
                }
            }
            complete(n, n, ux, have);
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < n; i++) v[jpvt[i] + t * n] = ux[i + t * n];
            }
            double[] q = w.zeros(m * uc);
            System.arraycopy(a, 0, q, 0, m * n);
            OPS.orgqr(m, uc, n, q, tau);
            double[] vs = w.doubles(n * n);
            for (int t = 0; t < n; t++) System.arraycopy(vx, order[t] * n, vs, t * n, n);
            // U[:, 0..n) = Q[:, 0..n) Vs; the remaining columns of a full U are Q's own.
            OPS.gemm(m, n, n, q, vs, u);
            if (fullU) System.arraycopy(q, m * n, u, m * n, m * (m - n));
        }
    }

    /**
     * order[0, n) := the indices 0..n-1 sorted by descending sig (Double.compare), ties in index order: the
     * permutation a stable sort gives. Insertion sort, in place: O(n^2) comparisons against the O(n^3) sweeps.
     */
    private static int[] descending(double[] sig, int n, int[] order) {
        for (int t = 0; t < n; t++) {
            int key = order[t] = t, j = t - 1;
            while (j >= 0 && Double.compare(sig[key], sig[order[j]]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
        return order;
    }

    /**
     * One-sided cyclic Jacobi on the rows x cols w: rotates column pairs until every pair is orthogonal
     * to rows * eps relative to their norms, applying the same rotations to the columns of v (vrows rows);
     * nrm holds cols doubles of scratch.
     */
    private static void jacobi(int rows, int cols, double[] w, double[] v, double[] nrm) {
        double tol = Math.max(rows, 1) * DenseArrays.EPS;
        // nrm (scratch, cols): squared column norms, kept current by the rotation identity
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int j = 0; j < cols; j++) {
                double c = JavaDenseOps.norm2(w, j * rows, rows);
                nrm[j] = c * c;
            }
            boolean rotated = false;
            for (int p = 0; p < cols - 1; p++) {
                for (int q = p + 1; q < cols; q++) {
                    double alpha = nrm[p], beta = nrm[q];
                    if (alpha == 0 || beta == 0) continue;
                    int po = p * rows, qo = q * rows;
                    double gamma = OPS.dot(w, po, w, qo, rows);
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
     * Fills the columns t of the rows x cols q with have[t] == 0 so that all columns are orthonormal
     * (Gram-Schmidt, twice, of unit vectors against the columns already there).
     */
    private static void complete(int rows, int cols, double[] q, int[] have) {
        int next = 0;
        for (int t = 0; t < cols; t++) {
            if (have[t] != 0) continue;
            int qo = t * rows;
            while (true) {
                Arrays.fill(q, qo, qo + rows, 0.0);
                q[qo + next++] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int c = 0; c < cols; c++) {
                        if (c == t || have[c] == 0) continue;
                        double d = OPS.dot(q, c * rows, q, qo, rows);
                        for (int i = 0; i < rows; i++) q[qo + i] -= d * q[c * rows + i];
                    }
                }
                double nr = JavaDenseOps.norm2(q, qo, rows);
                if (nr > 0.5) {
                    for (int i = 0; i < rows; i++) q[qo + i] /= nr;
                    have[t] = 1;
                    break;
                }
            }
        }
    }
}
