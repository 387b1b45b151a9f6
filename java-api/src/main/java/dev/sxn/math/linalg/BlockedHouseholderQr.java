package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Blocked Householder QR with the compact WY representation (Schreiber and Van Loan, SIAM J. Sci. Stat.
 * Comput. 10, 1989; LAPACK dgeqrf / dlarft / dlarfb, and dorgqr for Q), the VECTOR kernel's QR: each
 * panel of {@value #NB} columns is factorised unblocked ({@link HouseholderQr#geqr2} on the vector
 * primitives), its reflectors gathered as H_0 ... H_{jb-1} = I - V T V^T, and the trailing matrix updated
 * by three GEMMs (W = V^T C, W = T^T W, C -= V W) on the {@link VectorGemm} core. Q is formed the same way
 * backwards: the last block unblocked ({@link HouseholderQr#org2r}), then each earlier block applied to
 * the columns right of it by GEMMs and its own columns formed unblocked. Same flop counts as the
 * unblocked algorithms (2n^2(m - n/3) for the QR) plus O(mn NB) for T, with most of them in GEMM.
 *
 * <p>Loaded only through the VECTOR kernel (it uses the Vector API classes). Stateless; V, T and the GEMM
 * workspaces are the thread's {@link Scratch}.
 */
final class BlockedHouseholderQr {
    /** Block size (LAPACK's default for dgeqrf is 32..64). */
    static final int NB = 32;
    private static final VectorDenseOps OPS = VectorDenseOps.INSTANCE;

    private BlockedHouseholderQr() {}

    /** Householder QR in place (see {@link LinalgKernels#geqrf}), in panels of {@value #NB} columns. */
    static void geqrf(int m, int n, double[] a, double[] tau) {
        int kmax = Math.min(m, n);
        try (Scratch s = Scratch.open()) {
            double[] v = null, t = null, w = null, w2 = null;
            for (int j0 = 0; j0 < kmax; j0 += NB) {
                int jb = Math.min(NB, kmax - j0);
                int rows = m - j0;
                HouseholderQr.geqr2(OPS, m, a, tau, j0, j0 + jb, j0 + jb); // the panel, unblocked
                int right = n - j0 - jb;
                if (right == 0) continue;
                if (v == null) {
                    v = s.doubles(m * NB);
                    t = s.doubles(NB * NB);
                    w = s.doubles(NB * n);
                    w2 = s.doubles(NB * n);
                }
                gatherV(a, m, j0, jb, rows, v);
                formT(v, rows, jb, tau, j0, t);
                // C := (I - V T V^T)^T C = C - V (T^T (V^T C)), C = A[j0.., j0+jb..].
                int co = j0 + (j0 + jb) * m;
                applyBlock(true, v, rows, jb, t, a, co, m, right, w, w2);
            }
        }
    }

    /** V (rows x jb, ld rows) := the panel's reflectors at a[j0.., j0..] with explicit unit diagonal and zeros above. */
    private static void gatherV(double[] a, int m, int j0, int jb, int rows, double[] v) {
        for (int c = 0; c < jb; c++) {
            int vc = c * rows;
            Arrays.fill(v, vc, vc + c, 0.0);
            v[vc + c] = 1;
            System.arraycopy(a, (j0 + c) * m + j0 + c + 1, v, vc + c + 1, rows - c - 1);
        }
    }

    /** The upper triangular T (jb x jb, ld jb) with H_0 ... H_{jb-1} = I - V T V^T (dlarft, forward, columnwise). */
    private static void formT(double[] v, int rows, int jb, double[] tau, int tauOff, double[] t) {
        Arrays.fill(t, 0, jb * jb, 0.0);
        for (int i = 0; i < jb; i++) {
            double ti = tau[tauOff + i];
            t[i + i * jb] = ti;
            if (ti == 0 || i == 0) continue;
            int ci = i * jb;
            // t(0:i, i) = -tau_i V(:, 0:i)^T v_i (v_i is zero above row i) ...
            for (int l = 0; l < i; l++) t[ci + l] = -ti * OPS.dot(v, l * rows + i, v, i * rows + i, rows - i);
            // ... then T(0:i, 0:i) times it (upper triangular, in place from the top).
            for (int r = 0; r < i; r++) {
                double s = 0;
                for (int l = r; l < i; l++) s += t[r + l * jb] * t[ci + l];
                t[ci + r] = s;
            }
        }
    }

    /**
     * C := (I - V T V^T)^T C (transT) or (I - V T V^T) C, C rows x cols at c[co], leading dimension ldc;
     * three GEMMs (dlarfb). w and w2 hold at least jb * cols.
     */
    private static void applyBlock(boolean transT, double[] v, int rows, int jb, double[] t, double[] c, int co, int ldc, int cols,
                                   double[] w, double[] w2) {
        VectorGemm.gemm(true, false, jb, cols, rows, 1.0, v, 0, rows, c, co, ldc, 0.0, w, 0, jb);
        VectorGemm.gemm(transT, false, jb, cols, jb, 1.0, t, 0, jb, w, 0, jb, 0.0, w2, 0, jb);
        VectorGemm.gemm(false, false, rows, cols, jb, -1.0, v, 0, rows, w2, 0, jb, 1.0, c, co, ldc);
    }

    /** Forms Q from geqrf's reflectors (see {@link LinalgKernels#orgqr}), backwards in blocks of {@value #NB}. */
    static void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        if (k == 0) {
            Arrays.fill(q, 0, m * ncols, 0.0);
            for (int j = 0; j < ncols; j++) q[j * m + j] = 1;
            return;
        }
        // The last block (starting at lb) and the columns beyond k, unblocked (dorg2r) on rows lb..m.
        int lb = (k - 1) / NB * NB;
        HouseholderQr.org2r(OPS, q, lb + lb * m, m, m - lb, ncols - lb, k - lb, tau, lb);
        for (int j = lb; j < ncols; j++) Arrays.fill(q, j * m, j * m + lb, 0.0);
        if (lb == 0) return;
        try (Scratch s = Scratch.open()) {
            double[] v = s.doubles(m * NB), t = s.doubles(NB * NB);
            double[] w = s.doubles(NB * ncols), w2 = s.doubles(NB * ncols);
            for (int i0 = lb - NB; i0 >= 0; i0 -= NB) {
                int rows = m - i0;
                gatherV(q, m, i0, NB, rows, v);
                formT(v, rows, NB, tau, i0, t);
                applyBlock(false, v, rows, NB, t, q, i0 + (i0 + NB) * m, m, ncols - i0 - NB, w, w2);
                HouseholderQr.org2r(OPS, q, i0 + i0 * m, m, rows, NB, NB, tau, i0);
                for (int j = i0; j < i0 + NB; j++) Arrays.fill(q, j * m, j * m + i0, 0.0);
            }
        }
    }
}
