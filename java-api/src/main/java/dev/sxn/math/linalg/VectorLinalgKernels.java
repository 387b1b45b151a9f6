package dev.sxn.math.linalg;

import dev.sxn.math.internal.vector.LaneSums;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

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
 * ({@link #geqrf}) with compact WY (dgeqrf/dlarft/dlarfb): the panel is factorised unblocked, its
 * reflectors gathered as I - V T V^T, and the trailing matrix updated by three GEMMs (W = V^T C,
 * W = T^T W, C -= V W). Q is formed the same way backwards ({@link #orgqr}, dorgqr).
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
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Block size of the blocked factorisations (LAPACK's default for dgeqrf/dpotrf is 32..64). */
    static final int NB = 32;

    private static final JavaLinalgKernels JAVA = new JavaLinalgKernels();

    // ================================================================= GEMM

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, 0, transA ? Math.max(1, k) : Math.max(1, m), b, 0,
                transB ? Math.max(1, n) : Math.max(1, k), beta, c, 0, Math.max(1, m));
    }

    // ================================================================= BLAS-1 helpers (vector bodies, scalar tails)

    static void scale(double s, double[] x, int off, int len) {
        int i = 0;
        for (; i + L <= len; i += L) DoubleVector.fromArray(S, x, off + i).mul(s).intoArray(x, off + i);
        for (; i < len; i++) x[off + i] *= s;
    }

    /** y[yo..yo+len) += s x[xo..xo+len). */
    static void axpy(double s, double[] x, int xo, double[] y, int yo, int len) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (; i + L <= len; i += L) {
            DoubleVector.fromArray(S, x, xo + i).fma(vs, DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < len; i++) y[yo + i] = Math.fma(s, x[xo + i], y[yo + i]);
    }

    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int i = 0;
        for (; i + 2 * L <= len; i += 2 * L) {
            s0 = DoubleVector.fromArray(S, x, xo + i).fma(DoubleVector.fromArray(S, y, yo + i), s0);
            s1 = DoubleVector.fromArray(S, x, xo + i + L).fma(DoubleVector.fromArray(S, y, yo + i + L), s1);
        }
        double s = LaneSums.sum(s0.add(s1));
        for (; i < len; i++) s += x[xo + i] * y[yo + i];
        return s;
    }

    /**
     * Householder reflector for x = a[off, off + len) (dlarfg): a[off] := beta, a[off+1..] := v[1..]
     * (v0 = 1 implicit); returns tau (0 when x is already a multiple of e1).
     */
    private static double house(double[] a, int off, int len) {
        if (len <= 1) return 0;
        double alpha = a[off];
        double xnorm = JavaLinalgKernels.norm2(a, off + 1, len - 1);
        if (xnorm == 0) return 0;
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta;
        scale(1 / (alpha - beta), a, off + 1, len - 1);
        a[off] = beta;
        return tau;
    }

    /** c[co..co+len) := (I - tau v v^T) c, v at a[vo..vo+len) with v[0] = 1 implicit. */
    private static void applyHouse(double[] v, int vo, int len, double tau, double[] c, int co) {
        if (tau == 0) return;
        double w = c[co] + dot(v, vo + 1, c, co + 1, len - 1);
        double tw = tau * w;
        c[co] -= tw;
        axpy(-tw, v, vo + 1, c, co + 1, len - 1);
    }

    // ================================================================= Cholesky

    /** Up to this order Cholesky runs unblocked: the blocked path's many small GEMMs measured slower (n = 64, 128). */
    private static final int POTRF_UNBLOCKED_MAX = 128;

    @Override
    public int potrf(int n, double[] a) {
        if (n <= POTRF_UNBLOCKED_MAX) return potf2(n, a, 0, n);
        for (int j0 = 0; j0 < n; j0 += NB) {
            int jb = Math.min(NB, n - j0);
            int d0 = j0 + j0 * n;
            int info = potf2(jb, a, d0, n);
            if (info > 0) return j0 + info;
            int below = n - j0 - jb;
            if (below == 0) break;
            // L21 := A21 L11^-T: column c of L21 = (a_c - sum_{t<c} L21_t L11(c, t)) / L11(c, c).
            int p0 = j0 + jb + j0 * n; // A21's first entry
            for (int cc = 0; cc < jb; cc++) {
                int col = p0 + cc * n;
                for (int t = 0; t < cc; t++) {
                    double f = a[d0 + cc + t * n];
                    if (f != 0) axpy(-f, a, p0 + t * n, a, col, below);
                }
                scale(1 / a[d0 + cc + cc * n], a, col, below);
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

    /** Unblocked left-looking Cholesky of the jb x jb block at a[off] (leading dimension ld); 1-based failing pivot or 0. */
    private static int potf2(int jb, double[] a, int off, int ld) {
        for (int j = 0; j < jb; j++) {
            int cj = off + j * ld;
            for (int t = 0; t < j; t++) {
                int ct = off + t * ld;
                double f = a[ct + j];
                if (f != 0) axpy(-f, a, ct + j, a, cj + j, jb - j);
            }
            double d = a[cj + j];
            if (!(d > 0)) return j + 1;
            d = Math.sqrt(d);
            a[cj + j] = d;
            scale(1 / d, a, cj + j + 1, jb - j - 1);
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
            for (int k = j0; k < j0 + jb; k++) {
                int ck = k * m;
                int p = k;
                double best = Math.abs(a[ck + k]);
                for (int i = k + 1; i < m; i++) {
                    double v = Math.abs(a[ck + i]);
                    if (v > best) {
                        best = v;
                        p = i;
                    }
                }
                ipiv[k] = p;
                if (best == 0) {
                    if (info == 0) info = k + 1;
                    continue;
                }
                if (p != k) swapRows(a, m, k, p, j0, j0 + jb);
                double piv = a[ck + k];
                if (Math.abs(piv) >= Double.MIN_NORMAL) {
                    scale(1 / piv, a, ck + k + 1, m - k - 1);
                } else {
                    for (int i = k + 1; i < m; i++) a[ck + i] /= piv;
                }
                for (int j = k + 1; j < j0 + jb; j++) {
                    double f = a[j * m + k];
                    if (f != 0) axpy(-f, a, ck + k + 1, a, j * m + k + 1, m - k - 1);
                }
            }
            // The panel's swaps on the columns left and right of it.
            for (int k = j0; k < j0 + jb; k++) {
                int p = ipiv[k];
                if (p != k) {
                    swapRows(a, m, k, p, 0, j0);
                    swapRows(a, m, k, p, j0 + jb, n);
                }
            }
            int right = n - j0 - jb;
            if (right == 0) continue;
            // U12 := L11^-1 A12 (unit lower), column by column.
            for (int j = j0 + jb; j < n; j++) {
                int cj = j * m;
                for (int t = j0; t < j0 + jb; t++) {
                    double f = a[cj + t];
                    if (f != 0) axpy(-f, a, t * m + t + 1, a, cj + t + 1, j0 + jb - t - 1);
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

    private static void swapRows(double[] a, int m, int r1, int r2, int c0, int c1) {
        for (int j = c0; j < c1; j++) {
            int cj = j * m;
            double t = a[cj + r1];
            a[cj + r1] = a[cj + r2];
            a[cj + r2] = t;
        }
    }

    @Override
    public int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b) {
        int info = getrf(n, n, a, ipiv);
        if (info != 0) return info;
        JavaLinalgKernels.getrs(n, nrhs, a, ipiv, b);
        return 0;
    }

    // ================================================================= QR

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        int kmax = Math.min(m, n);
        double[] v = null, t = null, w = null, w2 = null;
        for (int j0 = 0; j0 < kmax; j0 += NB) {
            int jb = Math.min(NB, kmax - j0);
            int rows = m - j0;
            for (int k = j0; k < j0 + jb; k++) { // the panel, unblocked (dgeqr2)
                int d = k * m + k;
                tau[k] = house(a, d, m - k);
                for (int j = k + 1; j < j0 + jb; j++) applyHouse(a, d, m - k, tau[k], a, j * m + k);
            }
            int right = n - j0 - jb;
            if (right == 0) continue;
            if (v == null) {
                v = new double[m * NB];
                t = new double[NB * NB];
                w = new double[NB * n];
                w2 = new double[NB * n];
            }
            gatherV(a, m, j0, jb, rows, v);
            formT(v, rows, jb, tau, j0, t);
            // C := (I - V T V^T)^T C = C - V (T^T (V^T C)), C = A[j0.., j0+jb..].
            int co = j0 + (j0 + jb) * m;
            applyBlock(true, v, rows, jb, t, a, co, m, right, w, w2);
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
            for (int l = 0; l < i; l++) t[ci + l] = -ti * dot(v, l * rows + i, v, i * rows + i, rows - i);
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

    @Override
    public void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau) {
        JAVA.geqp3(m, n, a, jpvt, tau);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        if (k == 0) {
            Arrays.fill(q, 0, m * ncols, 0.0);
            for (int j = 0; j < ncols; j++) q[j * m + j] = 1;
            return;
        }
        // The last block (starting at lb) and the columns beyond k, unblocked (dorg2r) on rows lb..m.
        int lb = (k - 1) / NB * NB;
        org2r(q, lb + lb * m, m, m - lb, ncols - lb, k - lb, tau, lb);
        for (int j = lb; j < ncols; j++) Arrays.fill(q, j * m, j * m + lb, 0.0);
        if (lb == 0) return;
        double[] v = new double[m * NB], t = new double[NB * NB];
        double[] w = new double[NB * ncols], w2 = new double[NB * ncols];
        for (int i0 = lb - NB; i0 >= 0; i0 -= NB) {
            int rows = m - i0;
            gatherV(q, m, i0, NB, rows, v);
            formT(v, rows, NB, tau, i0, t);
            applyBlock(false, v, rows, NB, t, q, i0 + (i0 + NB) * m, m, ncols - i0 - NB, w, w2);
            org2r(q, i0 + i0 * m, m, rows, NB, NB, tau, i0);
            for (int j = i0; j < i0 + NB; j++) Arrays.fill(q, j * m, j * m + i0, 0.0);
        }
    }

    /** dorg2r on the rows x cols sub-matrix at q[off] (ld m) from its first kr reflectors (tau from tauOff). */
    private static void org2r(double[] q, int off, int m, int rows, int cols, int kr, double[] tau, int tauOff) {
        for (int j = kr; j < cols; j++) {
            int cj = off + j * m;
            Arrays.fill(q, cj, cj + rows, 0.0);
            q[cj + j] = 1;
        }
        for (int i = kr - 1; i >= 0; i--) {
            int d = off + i * m + i;
            double ti = tau[tauOff + i];
            for (int j = i + 1; j < cols; j++) applyHouse(q, d, rows - i, ti, q, off + j * m + i);
            scale(-ti, q, d + 1, rows - i - 1);
            q[d] = 1 - ti;
            Arrays.fill(q, off + i * m, d, 0.0);
        }
    }

    // ================================================================= SVD, symmetric eigen

    @Override
    public int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        // As the JAVA kernel: entries beyond 2^+-500 are scaled by a power of two (exact) first, so the
        // squares in the shifts neither overflow nor underflow; the singular values are scaled back.
        int exp = JavaLinalgKernels.scaleToUnit(a, m * n);
        int info = gesvdScaled(m, n, a, s, u, vt, thin);
        if (exp != 0) for (int i = 0; i < Math.min(m, n); i++) s[i] = Math.scalb(s[i], exp);
        return info;
    }

    private int gesvdScaled(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        if (m >= n) {
            if (3 * m >= 5 * n && m > n) return svdTall(m, n, a, s, u, vt, thin);
            double[] v = new double[n * n];
            svdGolubKahan(m, n, a, s, u, v, !thin);
            System.arraycopy(JavaLinalgKernels.transpose(v, n, n), 0, vt, 0, n * n);
            return 0;
        }
        // A^T = U1 S V1^T, so A = V1 S U1^T: U = V1 (m x m), Vt = U1^T.
        double[] at = JavaLinalgKernels.transpose(a, m, n);
        int uc = thin ? m : n;
        double[] u1 = new double[n * uc];
        if (3 * n >= 5 * m) {
            double[] v1t = new double[m * m];
            int info = svdTall(n, m, at, s, u1, v1t, thin);
            if (info != 0) return info;
            System.arraycopy(JavaLinalgKernels.transpose(v1t, m, m), 0, u, 0, m * m);
        } else {
            svdGolubKahan(n, m, at, s, u1, u, !thin);
        }
        System.arraycopy(JavaLinalgKernels.transpose(u1, n, uc), 0, vt, 0, uc * n);
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
        System.arraycopy(JavaLinalgKernels.transpose(v, n, n), 0, vt, 0, n * n);
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
            tauq[k] = house(a, dk, m - k);
            d[k] = a[dk];
            for (int j = k + 1; j < n; j++) applyHouse(a, dk, m - k, tauq[k], a, j * m + k);
            if (k < n - 1) {
                int len = n - k - 1;
                for (int j = 0; j < len; j++) row[j] = a[k + (k + 1 + j) * m];
                double tp = house(row, 0, len);
                taup[k] = tp;
                e[k] = row[0];
                for (int j = 0; j < len; j++) a[k + (k + 1 + j) * m] = row[j];
                if (tp != 0) {
                    // A[k+1.., k+1..] := A (I - tp v v^T): w = A v, then A[:, j] -= tp v_j w.
                    int rows = m - k - 1;
                    Arrays.fill(w, 0, rows, 0.0);
                    for (int j = 0; j < len; j++) axpy(j == 0 ? 1 : row[j], a, (k + 1 + j) * m + k + 1, w, 0, rows);
                    for (int j = 0; j < len; j++) axpy(-tp * (j == 0 ? 1 : row[j]), w, 0, a, (k + 1 + j) * m + k + 1, rows);
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
        double[][] ucol = JavaLinalgKernels.columns(u, m, n), vcol = JavaLinalgKernels.columns(v, n, n);
        JavaLinalgKernels.bidiagonalQr(m, n, d, e, ucol, vcol);
        for (int j = 0; j < n; j++) {
            System.arraycopy(ucol[j], 0, u, j * m, m);
            System.arraycopy(vcol[j], 0, v, j * n, n);
        }
        for (int i = 0; i < n; i++) {
            if (d[i] < 0) {
                d[i] = -d[i];
                scale(-1, v, i * n, n);
            }
        }
        for (int i = 0; i < n; i++) { // descending, by selection: at most n column swaps
            int k = i;
            for (int j = i + 1; j < n; j++) if (d[j] > d[k]) k = j;
            s[i] = d[k];
            if (k == i) continue;
            d[k] = d[i];
            swapColumns(u, m, i, k);
            swapColumns(v, n, i, k);
        }
    }

    private static void swapColumns(double[] x, int rows, int i, int k) {
        int ci = i * rows, ck = k * rows;
        for (int r = 0; r < rows; r++) {
            double t = x[ci + r];
            x[ci + r] = x[ck + r];
            x[ck + r] = t;
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
        int exp = JavaLinalgKernels.scaleToUnit(a, n * n); // as the JAVA kernel: extreme magnitudes scaled exactly
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
            double tau = house(a, off, len);
            taus[k] = tau;
            e[k] = a[off];
            if (tau == 0) continue;
            v[0] = 1;
            System.arraycopy(a, off + 1, v, 1, len - 1);
            // p = tau S v (S the trailing block, full storage), w = p - (tau p.v / 2) v; S -= v w^T + w v^T.
            Arrays.fill(p, 0, len, 0.0);
            for (int jj = 0; jj < len; jj++) {
                if (v[jj] != 0) axpy(v[jj], a, (k + 1 + jj) * n + k + 1, p, 0, len);
            }
            scale(tau, p, 0, len);
            axpy(-0.5 * tau * dot(p, 0, v, 0, len), v, 0, p, 0, len);
            for (int jj = 0; jj < len; jj++) {
                int col = (k + 1 + jj) * n + k + 1;
                axpy(-p[jj], v, 0, a, col, len);
                axpy(-v[jj], p, 0, a, col, len);
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
        double[][] zc = JavaLinalgKernels.columns(z, n, n);
        int info = JavaLinalgKernels.tql(n, w, e, zc);
        if (info != 0) return info;
        for (int j = 0; j < n; j++) System.arraycopy(zc[j], 0, z, j * n, n);
        JavaLinalgKernels.sortAscending(n, w, z);
        System.arraycopy(z, 0, a, 0, n * n);
        return 0;
    }
}
