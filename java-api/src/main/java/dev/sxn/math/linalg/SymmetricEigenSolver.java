package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Eigen-decomposition of a symmetric matrix over a backend's {@link DenseOps} (Golub and Van Loan,
 * Sections 8.3.1 and 8.3.5; the EISPACK tql2 path, as in Numerical Recipes' tred2/tqli): Householder
 * tridiagonalisation Q^T A Q = T, Q formed from the reflectors, then the implicit QL iteration with
 * Wilkinson shifts on T, each plane rotation applied to two columns of Q. About 4n^3/3 flops for the
 * reduction, 4n^3/3 to form Q and ~6n^3 for the rotations (which dominate).
 *
 * <p>Two tridiagonalisations, chosen by {@link DenseOps#blocked}: the plain one reads and writes the
 * lower triangle only (half the flops of the rank-2 update) and accumulates Q one reflector at a time;
 * the blocked one keeps the matrix in full storage, so each step is whole-column axpys, and forms Q by
 * the backend's blocked orgqr on the reflectors shifted by one row (dorgtr). The QL sweeps run on Q's
 * columns held as separate arrays ({@link DenseArrays#columns}). Every temporary is the thread's {@link Scratch}.
 */
final class SymmetricEigenSolver {
    private static final int MAX_QL_ITERATIONS = 60;

    private SymmetricEigenSolver() {}

    /**
     * Eigenvalues w (ascending) and eigenvectors (a := their columns) of the symmetric n x n a (lower
     * triangle read); entries beyond 2^+-500 are scaled by a power of two (exact) first. Returns 0, or
     * the 1-based index of an eigenvalue that did not converge.
     */
    static int syev(DenseOps ops, int n, double[] a, double[] w) {
        if (n == 0) return 0;
        int exp = DenseArrays.scaleToUnit(a, n * n);
        int info = syevScaled(ops, n, a, w);
        if (exp != 0) for (int i = 0; i < n; i++) w[i] = Math.scalb(w[i], exp);
        return info;
    }

    private static int syevScaled(DenseOps ops, int n, double[] a, double[] w) {
        try (Scratch s = Scratch.open()) {
            double[] e = s.zeros(n);
            double[] taus = s.zeros(n);
            // Up to n = 2 there is no reflector: both forms reduce to reading off T and Q = I.
            boolean blocked = ops.blocked() && n > 2;
            tridiagonalise(ops, blocked, n, a, e, taus, s.doubles(n), s.doubles(n));
            if (n >= 2) e[n - 2] = a[(n - 2) * n + n - 1];
            for (int i = 0; i < n; i++) w[i] = a[i * n + i];
            double[] z = s.zeros(n * n);
            if (blocked) formQBlocked(ops, n, a, taus, s.zeros((n - 1) * (n - 1)), z);
            else formQByReflectors(ops, n, a, taus, z);
            double[][] zc = DenseArrays.columns(z, n, n, s.table(n, n));
            int info = tql(n, w, e, zc);
            if (info != 0) return info;
            DenseArrays.uncolumns(zc, z, n, n);
            sortAscending(n, w, z);
            System.arraycopy(z, 0, a, 0, n * n);
            return 0;
        }
    }

    /**
     * Householder tridiagonalisation Q^T A Q = T (dsytd2, lower): H_k = I - tau v v^T zeroes column k
     * below the subdiagonal (v stays there, tau in taus[k], the new subdiagonal entry in e[k]), and the
     * trailing block S becomes H_k S H_k = S - v w^T - w v^T with p = tau S v, w = p - (tau p.v / 2) v.
     * In full storage (the upper triangle filled from the lower first) p accumulates S's whole columns
     * and the rank-2 update is two axpys per column; otherwise only S's lower triangle is read and
     * written, in column sweeps.
     */
    private static void tridiagonalise(DenseOps ops, boolean full, int n, double[] a, double[] e, double[] taus, double[] p, double[] v) {
        if (full) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < j; i++) a[i + j * n] = a[j + i * n];
            }
        }
        for (int k = 0; k < n - 2; k++) {
            int len = n - k - 1;
            int off = k * n + k + 1;
            double tau = Householder.generate(ops, a, off, len);
            taus[k] = tau;
            e[k] = a[off];
            if (tau == 0) continue;
            v[0] = 1;
            System.arraycopy(a, off + 1, v, 1, len - 1);
            int s0 = off + n; // S(0, 0)
            Arrays.fill(p, 0, len, 0.0);
            if (full) {
                for (int jj = 0; jj < len; jj++) {
                    if (v[jj] != 0) ops.axpy(v[jj], a, s0 + jj * n, p, 0, len);
                }
            } else {
                for (int jj = 0; jj < len; jj++) {
                    int col = s0 + jj * n;
                    double vj = v[jj];
                    // Column jj below the diagonal holds S(ii, jj) = S(jj, ii): it feeds p[ii] (times v[jj]) and
                    // p[jj] (times v[ii]). Two loops, so the axpy vectorises apart from the dot product.
                    ops.axpy(vj, a, col + jj + 1, p, jj + 1, len - jj - 1);
                    p[jj] += a[col + jj] * vj + ops.dot(a, col + jj + 1, v, jj + 1, len - jj - 1);
                }
            }
            ops.scal(tau, p, 0, len);
            ops.axpy(-0.5 * tau * ops.dot(p, 0, v, 0, len), v, 0, p, 0, len);
            if (full) {
                for (int jj = 0; jj < len; jj++) {
                    int col = s0 + jj * n;
                    ops.axpy(-p[jj], v, 0, a, col, len);
                    ops.axpy(-v[jj], p, 0, a, col, len);
                }
            } else {
                for (int jj = 0; jj < len; jj++) {
                    int col = s0 + jj * n;
                    double vj = v[jj], wj = p[jj];
                    for (int ii = jj; ii < len; ii++) a[col + ii] -= v[ii] * wj + p[ii] * vj;
                }
            }
        }
    }

    /** z := Q = H_0 ... H_{n-3}, accumulated backwards into the identity one reflector at a time (z zero on entry). */
    private static void formQByReflectors(DenseOps ops, int n, double[] a, double[] taus, double[] z) {
        for (int i = 0; i < n; i++) z[i * n + i] = 1;
        for (int k = n - 3; k >= 0; k--) {
            if (taus[k] == 0) continue;
            int off = k * n + k + 1;
            for (int j = k + 1; j < n; j++) ops.applyReflector(a, off, n - k - 1, taus[k], z, j * n + k + 1);
        }
    }

    /**
     * z := Q = diag(1, Q'), Q' = the backend's blocked orgqr of the reflectors in rows 1.., columns 0..n-3
     * ((n-1) x (n-2)), formed in q1; n > 2, z and q1 zero on entry.
     */
    private static void formQBlocked(DenseOps ops, int n, double[] a, double[] taus, double[] q1, double[] z) {
        int n1 = n - 1;
        for (int j = 0; j < n - 2; j++) System.arraycopy(a, j * n + j + 1, q1, j * n1 + j, n1 - j);
        ops.orgqr(n1, n1, n - 2, q1, taus);
        z[0] = 1;
        for (int j = 0; j < n1; j++) System.arraycopy(q1, j * n1, z, (j + 1) * n + 1, n1);
    }

    /**
     * Implicit QL with Wilkinson shifts on the symmetric tridiagonal (d, e) (e[i] couples i and i+1),
     * applying each plane rotation to two adjacent columns of z. Returns 0, or the 1-based index of an
     * eigenvalue that did not converge.
     */
    private static int tql(int n, double[] d, double[] e, double[][] z) {
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= DenseArrays.EPS * dd) break;
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

    private static void sortAscending(int n, double[] w, double[] z) {
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
