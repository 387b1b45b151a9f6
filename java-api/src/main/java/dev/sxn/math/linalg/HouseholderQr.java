package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Unblocked Householder QR over a backend's {@link DenseOps} (Golub and Van Loan, Algorithm 5.2.1;
 * LAPACK dgeqr2, dorg2r, and dlaqp2 for column pivoting). The JAVA kernel runs these on the whole
 * matrix; the VECTOR kernel runs {@link #geqr2} and {@link #org2r} on the panels of its blocked
 * dgeqrf / dorgqr. Reflectors are stored below the diagonal as LAPACK stores them (v_0 = 1 implicit).
 *
 * <p>Costs: QR 2n^2(m - n/3) flops, forming Q (m x ncols from k reflectors) about 4 m ncols k - 2 (m +
 * ncols) k^2 + 4k^3/3; the pivoted QR adds the norm downdates, O(mn).
 */
final class HouseholderQr {
    private HouseholderQr() {}

    /**
     * Householder QR in place of columns k0..k1 of the column-major a (m rows): reflector k zeroes
     * column k below the diagonal and is applied to columns k+1..colEnd (colEnd = n for the whole
     * matrix, the panel's end inside a blocked factorisation); tau[k] its scalar.
     */
    static void geqr2(DenseOps ops, int m, double[] a, double[] tau, int k0, int k1, int colEnd) {
        for (int k = k0; k < k1; k++) {
            int d = k * m + k;
            double t = Householder.generate(ops, a, d, m - k);
            tau[k] = t;
            for (int j = k + 1; j < colEnd; j++) ops.applyReflector(a, d, m - k, t, a, j * m + k);
        }
    }

    /**
     * dorg2r on the rows x cols sub-matrix at q[off] (leading dimension m): overwrites it with the first
     * cols columns of H_0 ... H_{kr-1}, from the kr reflectors stored in its first kr columns (scalars
     * from tau[tauOff]). Backward accumulation: H_i touches rows i.. only, so columns < i are still e_j.
     */
    static void org2r(DenseOps ops, double[] q, int off, int m, int rows, int cols, int kr, double[] tau, int tauOff) {
        for (int j = kr; j < cols; j++) {
            int cj = off + j * m;
            Arrays.fill(q, cj, cj + rows, 0.0);
            q[cj + j] = 1;
        }
        for (int i = kr - 1; i >= 0; i--) {
            int d = off + i * m + i;
            double ti = tau[tauOff + i];
            for (int j = i + 1; j < cols; j++) ops.applyReflector(q, d, rows - i, ti, q, off + j * m + i);
            ops.scal(-ti, q, d + 1, rows - i - 1);
            q[d] = 1 - ti;
            Arrays.fill(q, off + i * m, d, 0.0);
        }
    }

    /**
     * Householder QR with column pivoting, A P = Q R (dgeqp3's unblocked dlaqp2): before step k the
     * remaining column of largest norm is swapped to position k; the partial column norms are downdated
     * after each reflector and recomputed when cancellation has eaten their accuracy (LAPACK's safe test
     * with tol3z = sqrt(eps)). jpvt[j] = 0-based original index of column j. Both backends run it on
     * {@link JavaDenseOps}: pivoting needs a norm downdate after every column, and LAPACK's blocked
     * variant of it (dlaqps) is not reproduced.
     */
    static void geqp3(DenseOps ops, int m, int n, double[] a, int[] jpvt, double[] tau) {
        try (Scratch s = Scratch.open()) {
            geqp3(ops, m, n, a, jpvt, tau, s.doubles(n), s.doubles(n));
        }
    }

    /** {@link #geqp3} with its scratch: vn1, the partial column norms (rows k..m), vn2, the norms when last computed exactly. */
    private static void geqp3(DenseOps ops, int m, int n, double[] a, int[] jpvt, double[] tau, double[] vn1, double[] vn2) {
        for (int j = 0; j < n; j++) {
            jpvt[j] = j;
            vn1[j] = JavaDenseOps.norm2(a, j * m, m);
            vn2[j] = vn1[j];
        }
        double tol3z = Math.sqrt(DenseArrays.EPS);
        int kmax = Math.min(m, n);
        for (int k = 0; k < kmax; k++) {
            int pvt = k;
            for (int j = k + 1; j < n; j++) if (vn1[j] > vn1[pvt]) pvt = j;
            if (pvt != k) {
                DenseArrays.swapColumns(a, m, pvt, k);
                int ti = jpvt[pvt];
                jpvt[pvt] = jpvt[k];
                jpvt[k] = ti;
                vn1[pvt] = vn1[k];
                vn2[pvt] = vn2[k];
            }
            int d = k * m + k;
            double t = Householder.generate(ops, a, d, m - k);
            tau[k] = t;
            for (int j = k + 1; j < n; j++) {
                ops.applyReflector(a, d, m - k, t, a, j * m + k);
                // Downdate the remaining norm; recompute when cancellation has eaten its accuracy (dlaqp2).
                if (vn1[j] != 0) {
                    double r = Math.abs(a[j * m + k]) / vn1[j];
                    double temp = Math.max(0, 1 - r * r);
                    double q = vn1[j] / vn2[j];
                    if (temp * q * q <= tol3z) {
                        vn1[j] = k + 1 < m ? JavaDenseOps.norm2(a, j * m + k + 1, m - k - 1) : 0;
                        vn2[j] = vn1[j];
                    } else {
                        vn1[j] *= Math.sqrt(temp);
                    }
                }
            }
        }
    }
}
