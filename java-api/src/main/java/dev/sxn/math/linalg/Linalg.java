package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Objects;

/**
 * Dense linear algebra on {@link DMatrix}: matrix products (BLAS-3 GEMM), LU with partial pivoting
 * (solve, inverse, determinant), Householder QR (optionally column-pivoted, with numerical rank and
 * least squares), the singular value decomposition, Cholesky and the symmetric eigen-decomposition.
 *
 * <p>Backends: JAVA (plain-Java reference algorithms, see {@code JavaLinalgKernels}), VECTOR (Vector
 * API: a packed, register-blocked GEMM and blocked LU, QR and Cholesky on it, see
 * {@code VectorLinalgKernels}; the square SVD and the eigen-solver's QL are the JAVA algorithms), OPENCL (GEMM only,
 * chosen only when pinned) and NATIVE (OpenBLAS {@code cblas_dgemm} and LAPACKE dgetrf/dgesv, dgeqrf/dgeqp3/dorgqr, dgesdd, dpotrf, dsyevd,
 * through critical FFM downcalls on the column-major arrays). NATIVE needs both libsxnkernels (the
 * NATIVE kind) and OpenBLAS/LAPACKE ({@code Backends.openBlas()}). Unpinned calls pick the backend
 * per call from the largest dimension and the measured crossover; a NATIVE failure at run time falls
 * back to JAVA (unless {@code sxn.backend} forces NATIVE) and is logged once. Forms taking a
 * {@link Backend} pin it (and throw if it is unavailable).
 *
 * <p>Inputs are never modified: every decomposition copies its input once into its work array
 * (LAPACK overwrites it). Outputs can be reused through {@link #gemm} and {@link #multiplyInto}.
 *
 * <p>Errors: a null matrix is a NullPointerException; a shape mismatch an IllegalArgumentException
 * naming both shapes ("A is 3x4 and B is 5x2: inner dimensions differ"). The decompositions and
 * solvers reject a non-finite entry with an IllegalArgumentException naming its (row, column); the
 * products follow BLAS and propagate NaN and infinities (IEEE arithmetic). A singular matrix in
 * {@link #solve}/{@link #inverse} and a matrix that is not positive definite in {@link #cholesky}
 * are IllegalArgumentExceptions naming the failing pivot.
 *
 * <p>Costs: gemm 2mnk flops; LU 2n^3/3; QR 2mn^2 - 2n^3/3 (m >= n); SVD O(mn^2); Cholesky n^3/3;
 * symmetric eigen about 9n^3 with vectors. All methods are stateless and thread-safe; each call is
 * single-threaded (OpenBLAS runs one thread unless {@code sxn.blas.threads} says otherwise).
 */
public final class Linalg {
    private static final LinalgKernels JAVA = new JavaLinalgKernels();
    // Crossovers (by the largest dimension): crossovers.properties (linalg.*), measured by LinalgCpuTimes
    // and LinalgVectorCpuTimes (bench/results/linalg.md, linalg2.md).
    private static final KernelSet<GemmKernels> GEMM = KernelSet.of(KernelFamilies.GEMM, GemmKernels.class, (GemmKernels) JAVA);
    private static final KernelSet<LinalgKernels> LU_SET = KernelSet.of(KernelFamilies.LU, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> QR_SET = KernelSet.of(KernelFamilies.QR, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> SVD_SET = KernelSet.of(KernelFamilies.SVD, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> CHOL = KernelSet.of(KernelFamilies.CHOLESKY, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> EIG = KernelSet.of(KernelFamilies.EIG_SYMMETRIC, LinalgKernels.class, JAVA);

    private Linalg() {}

    // ------------------------------------------------------------------ argument checks

    private static DMatrix nn(DMatrix a, String name) {
        return Objects.requireNonNull(a, () -> name + " must not be null");
    }

    /** Throws naming the first non-finite entry of {@code a} by (row, column). */
    static void requireFinite(DMatrix a, String name) {
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                int r = a.rows();
                throw new IllegalArgumentException(name + " has a non-finite entry " + d[i] + " at (" + (i % r) + ", " + (i / r)
                        + "); linear algebra needs finite entries");
            }
        }
    }

    /** Throws unless {@code b} has {@code rows} rows (the rows of A, which is rows x cols). */
    static void requireRows(String aName, int rows, int cols, DMatrix b) {
        nn(b, "B");
        if (b.rows() != rows) {
            throw new IllegalArgumentException(aName + " is " + rows + "x" + cols + " and B is " + b.shape()
                    + ": B must have as many rows as A");
        }
    }

    private static void requireSquare(DMatrix a, String name) {
        if (a.rows() != a.cols()) throw new IllegalArgumentException(name + " must be square, was " + a.shape());
    }

    /**
     * Throws when A is clearly not symmetric: |a_ij - a_ji| > 100 n eps max|a| somewhere. Rounding-level
     * asymmetry (a covariance computed in floating point) passes; only the lower triangle is used.
     */
    private static void requireSymmetric(DMatrix a, String name) {
        int n = a.rows();
        double[] d = a.data();
        double max = 0;
        for (double v : d) max = Math.max(max, Math.abs(v));
        double tol = 100.0 * n * JavaLinalgKernels.EPS * max;
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double lo = d[i + j * n], up = d[j + i * n];
                if (Math.abs(lo - up) > tol) {
                    throw new IllegalArgumentException(name + " must be symmetric, but A(" + i + ", " + j + ") = " + lo + " and A(" + j
                            + ", " + i + ") = " + up + " (tolerance " + tol + ")");
                }
            }
        }
    }

    static IllegalArgumentException singular(int info) {
        int k = info - 1;
        return new IllegalArgumentException("A is singular: the LU pivot U(" + k + ", " + k + ") is exactly 0");
    }

    // ------------------------------------------------------------------ products

    /**
     * General matrix product C := alpha op(A) op(B) + beta C (BLAS dgemm), op(X) = X or X^T. C is
     * updated in place and returned; when beta == 0 its previous contents are ignored (NaN included).
     * C must not share its array with A or B. 2mnk flops.
     *
     * @throws IllegalArgumentException if op(A)'s columns differ from op(B)'s rows, C's shape is not
     *     op(A)'s rows x op(B)'s columns, or C aliases A or B
     */
    public static DMatrix gemm(double alpha, DMatrix a, boolean transA, DMatrix b, boolean transB, double beta, DMatrix c) {
        return gemmImpl(null, alpha, a, transA, b, transB, beta, c);
    }

    /** {@link #gemm(double, DMatrix, boolean, DMatrix, boolean, double, DMatrix)} on the given backend. */
    public static DMatrix gemm(Backend backend, double alpha, DMatrix a, boolean transA, DMatrix b, boolean transB, double beta,
                               DMatrix c) {
        return gemmImpl(backend, alpha, a, transA, b, transB, beta, c);
    }

    private static DMatrix gemmImpl(Backend pinned, double alpha, DMatrix a, boolean transA, DMatrix b, boolean transB,
                                    double beta, DMatrix c) {
        nn(a, "A");
        nn(b, "B");
        nn(c, "C");
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        String an = transA ? "A^T" : "A", bn = transB ? "B^T" : "B";
        if (k != kb) {
            throw new IllegalArgumentException(an + " is " + m + "x" + k + " and " + bn + " is " + kb + "x" + n
                    + ": inner dimensions differ");
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("C is " + c.shape() + " but " + an + " " + bn + " is " + m + "x" + n);
        }
        if (c.data() == a.data() || c.data() == b.data()) throw new IllegalArgumentException("C must not share its array with A or B");
        // A NATIVE failure can only come from the downcall machinery before dgemm starts (dgemm itself
        // reports nothing), and OPENCL copies C back only after the device work succeeded, so C is still
        // the caller's when the JAVA fallback recomputes it (VECTOR raises nothing of its own).
        GEMM.run(pinned, Math.max(m, Math.max(n, k)), kk -> kk.gemm(transA, transB, m, n, k, alpha, a.data(), b.data(), beta, c.data()));
        return c;
    }

    /** A B as a new matrix. @throws IllegalArgumentException if A's columns differ from B's rows */
    public static DMatrix multiply(DMatrix a, DMatrix b) {
        nn(a, "A");
        nn(b, "B");
        return gemm(1.0, a, false, b, false, 0.0, DMatrix.zeros(a.rows(), b.cols()));
    }

    /** {@link #multiply(DMatrix, DMatrix)} on the given backend. */
    public static DMatrix multiply(Backend backend, DMatrix a, DMatrix b) {
        nn(a, "A");
        nn(b, "B");
        return gemm(backend, 1.0, a, false, b, false, 0.0, DMatrix.zeros(a.rows(), b.cols()));
    }

    /** C := A B, reusing C (which must be A's rows x B's columns and not alias A or B); returns C. */
    public static DMatrix multiplyInto(DMatrix a, DMatrix b, DMatrix c) {
        return gemm(1.0, a, false, b, false, 0.0, c);
    }

    /** A^T as a new matrix (tiled copy, O(mn), plain Java: a transpose is memory-bound everywhere). */
    public static DMatrix transpose(DMatrix a) {
        nn(a, "A");
        return DMatrix.wrap(a.cols(), a.rows(), JavaLinalgKernels.transpose(a.data(), a.rows(), a.cols()));
    }

    // ------------------------------------------------------------------ LU, solve, inverse, det

    /**
     * LU factorisation with partial pivoting P A = L U of an m x n matrix (dgetrf). A singular matrix
     * factors (see {@link LU#isSingular()}). ~2n^3/3 flops for square A.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     */
    public static LU lu(DMatrix a) {
        return luImpl(null, a);
    }

    /** {@link #lu(DMatrix)} on the given backend. */
    public static LU lu(Backend backend, DMatrix a) {
        return luImpl(backend, a);
    }

    private static LU luImpl(Backend pinned, DMatrix a) {
        nn(a, "A");
        requireFinite(a, "A");
        int m = a.rows(), n = a.cols();
        if (a.isEmpty()) return new LU(m, n, new double[0], new int[0], 0);
        return LU_SET.call(pinned, Math.max(m, n), k -> {
            double[] w = a.data().clone();
            int[] ipiv = new int[Math.min(m, n)];
            int info = k.getrf(m, n, w, ipiv);
            return new LU(m, n, w, ipiv, info);
        });
    }

    /**
     * Solves A X = B for square A by LU with partial pivoting (dgesv); returns a new X (n x c).
     *
     * @throws IllegalArgumentException if A is not square, B's rows differ from A's, an entry is not
     *     finite, or A is exactly singular (naming the zero pivot)
     */
    public static DMatrix solve(DMatrix a, DMatrix b) {
        return solveImpl(null, a, b);
    }

    /** {@link #solve(DMatrix, DMatrix)} on the given backend. */
    public static DMatrix solve(Backend backend, DMatrix a, DMatrix b) {
        return solveImpl(backend, a, b);
    }

    /** Solves A x = b for one right-hand side; returns a new x. */
    public static double[] solve(DMatrix a, double[] b) {
        Objects.requireNonNull(b, "b must not be null");
        return solveImpl(null, a, DMatrix.wrap(b.length, 1, b)).data();
    }

    private static DMatrix solveImpl(Backend pinned, DMatrix a, DMatrix b) {
        nn(a, "A");
        nn(b, "B");
        requireSquare(a, "A");
        requireRows("A", a.rows(), a.cols(), b);
        requireFinite(a, "A");
        requireFinite(b, "B");
        int n = a.rows(), c = b.cols();
        if (n == 0 || c == 0) return DMatrix.zeros(n, c);
        return LU_SET.call(pinned, n, k -> {
            double[] w = a.data().clone();
            double[] x = b.data().clone();
            int info = k.gesv(n, c, w, new int[n], x);
            if (info > 0) throw singular(info);
            return DMatrix.wrap(n, c, x);
        });
    }

    /**
     * A^-1 by LU (solving A X = I). Prefer {@link #solve} where the inverse is only multiplied by
     * something: it is cheaper and more accurate.
     *
     * @throws IllegalArgumentException if A is not square, has a non-finite entry, or is singular
     */
    public static DMatrix inverse(DMatrix a) {
        nn(a, "A");
        return solveImpl(null, a, DMatrix.identity(a.rows()));
    }

    /** {@link #inverse(DMatrix)} on the given backend. */
    public static DMatrix inverse(Backend backend, DMatrix a) {
        nn(a, "A");
        return solveImpl(backend, a, DMatrix.identity(a.rows()));
    }

    /**
     * det(A) from the LU factors (0 for a singular A; may overflow for large n).
     *
     * @throws IllegalArgumentException if A is not square or has a non-finite entry
     */
    public static double det(DMatrix a) {
        nn(a, "A");
        requireSquare(a, "A");
        return lu(a).det();
    }

    // ------------------------------------------------------------------ QR

    /** Householder QR without pivoting: {@link #qr(DMatrix, boolean) qr(A, false)}. */
    public static QR qr(DMatrix a) {
        return qrImpl(null, a, false);
    }

    /**
     * Householder QR of an m x n matrix (dgeqrf), or with column pivoting A P = Q R (dgeqp3), which
     * reveals the numerical rank ({@link QR#rank()}) and gives basic least-squares solutions of
     * rank-deficient problems. 2mn^2 - 2n^3/3 flops (m >= n), plus as much again to form Q.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     */
    public static QR qr(DMatrix a, boolean pivoting) {
        return qrImpl(null, a, pivoting);
    }

    /** {@link #qr(DMatrix, boolean)} on the given backend (which also forms Q). */
    public static QR qr(Backend backend, DMatrix a, boolean pivoting) {
        return qrImpl(backend, a, pivoting);
    }

    private static QR qrImpl(Backend pinned, DMatrix a, boolean pivoting) {
        nn(a, "A");
        requireFinite(a, "A");
        int m = a.rows(), n = a.cols();
        if (a.isEmpty()) {
            int[] p = new int[n];
            for (int j = 0; j < n; j++) p[j] = j;
            return new QR(JAVA, m, n, new double[m * n], new double[0], pivoting ? p : null);
        }
        return QR_SET.call(pinned, Math.max(m, n), k -> {
            double[] w = a.data().clone();
            double[] tau = new double[Math.min(m, n)];
            int[] jpvt = null;
            if (pivoting) {
                jpvt = new int[n];
                k.geqp3(m, n, w, jpvt, tau);
            } else {
                k.geqrf(m, n, w, tau);
            }
            return new QR(k, m, n, w, tau, jpvt);
        });
    }

    // ------------------------------------------------------------------ SVD

    /** The thin SVD: {@link #svd(DMatrix, boolean) svd(A, true)}. */
    public static SVD svd(DMatrix a) {
        return svdImpl(null, a, true);
    }

    /**
     * The singular value decomposition A = U diag(s) Vt, thin (U m x k, Vt k x n, k = min(m,n)) or full
     * (U m x m, Vt n x n). NATIVE runs LAPACK's divide and conquer dgesdd; JAVA Golub-Kahan-Reinsch
     * (Householder bidiagonalisation, implicit-shift QR on the bidiagonal, a QR first for tall
     * matrices). Both are backward stable: singular values accurate to O(eps) s_max; for high relative
     * accuracy of the small ones see {@link #svdJacobi}. O(mn^2) for m >= n.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     * @throws ArithmeticException if the iteration does not converge (not observed in practice)
     */
    public static SVD svd(DMatrix a, boolean thin) {
        return svdImpl(null, a, thin);
    }

    /** The thin SVD on the given backend. */
    public static SVD svd(Backend backend, DMatrix a) {
        return svdImpl(backend, a, true);
    }

    /** {@link #svd(DMatrix, boolean)} on the given backend. */
    public static SVD svd(Backend backend, DMatrix a, boolean thin) {
        return svdImpl(backend, a, thin);
    }

    private static SVD svdImpl(Backend pinned, DMatrix a, boolean thin) {
        nn(a, "A");
        requireFinite(a, "A");
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        int uc = thin ? k : m, vr = thin ? k : n;
        if (a.isEmpty()) {
            DMatrix u = DMatrix.zeros(m, uc), vt = DMatrix.zeros(vr, n);
            for (int i = 0; i < uc; i++) u.data()[i + i * m] = 1;
            for (int i = 0; i < vr; i++) vt.data()[i + i * vr] = 1;
            return new SVD(u, new double[0], vt);
        }
        return SVD_SET.call(pinned, Math.max(m, n), kk -> {
            double[] w = a.data().clone();
            double[] s = new double[k];
            double[] u = new double[m * uc];
            double[] vt = new double[vr * n];
            int info = kk.gesvd(m, n, w, s, u, vt, thin);
            if (info > 0) throw new ArithmeticException("SVD did not converge (LAPACK info " + info + ")");
            return new SVD(DMatrix.wrap(m, uc, u), s, DMatrix.wrap(vr, n, vt));
        });
    }

    /**
     * The SVD by one-sided Jacobi (Hestenes) after a column-pivoted QR (Drmač and Veselić), in plain
     * Java on every host: slower than {@link #svd(DMatrix, boolean)} (several times on large square
     * matrices), but the singular values of a matrix A = B D with B well conditioned and D diagonal
     * (columns of wildly different scales, graded matrices) come out to high relative accuracy, the
     * smallest included, where Golub-Kahan and LAPACK's dgesdd promise accuracy only relative to the largest.
     * Same result shapes as {@link #svd(DMatrix, boolean)}.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     * @throws ArithmeticException if the sweeps do not converge (not observed in practice)
     */
    public static SVD svdJacobi(DMatrix a, boolean thin) {
        nn(a, "A");
        requireFinite(a, "A");
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        int uc = thin ? k : m, vr = thin ? k : n;
        if (a.isEmpty()) return svdImpl(Backend.JAVA, a, thin);
        double[] w = a.data().clone();
        double[] s = new double[k];
        double[] u = new double[m * uc];
        double[] vt = new double[vr * n];
        JavaLinalgKernels.svd(m, n, w, s, u, vt, thin, true);
        return new SVD(DMatrix.wrap(m, uc, u), s, DMatrix.wrap(vr, n, vt));
    }

    // ------------------------------------------------------------------ randomized SVD

    /**
     * A rank-k approximation A ~ U diag(s) Vt by the randomized SVD (Halko, Martinsson and Tropp 2011):
     * a Gaussian sketch Y = A Omega with l = min(k + oversample, min(m, n)) columns, {@code powerIters}
     * power iterations (each product re-orthonormalised by Householder QR), then the SVD of the small
     * l x n matrix Q^T A. Returns U (m x k, orthonormal columns), the k leading values s (descending) and
     * Vt (k x n, orthonormal rows).
     *
     * <p>Accuracy (Halko et al., eq. 1.9 and Theorem 9.3): with oversample p >= 4 and no power
     * iterations, ||A - U diag(s) Vt||_2 <= sigma_{k+1} + (1 + 9 sqrt(k + p) sqrt(min(m, n))) sigma_{k+1}
     * with probability at least 1 - 3 p^-p; each power iteration raises the singular values to a higher
     * odd power in the sketch, so on slowly decaying spectra 1 or 2 iterations bring the error close to
     * sigma_{k+1}. Typical choices: oversample 10, powerIters 1 or 2.
     *
     * <p>Omega comes from a counter-based generator of {@code seed} alone (not from java.util.Random), so
     * the same seed gives the same sketch on every backend and run; the result is bit-for-bit repeatable
     * on one backend and agrees across backends to rounding. Cost about (4 + 4 powerIters) m n l flops of
     * GEMM plus O((m + n) l^2) of QR and SVD; the products and QRs run on the backends those families
     * choose. Stateless and thread-safe; A is not modified.
     *
     * @param k the rank wanted, in [1, min(m, n)]
     * @param oversample extra sketch columns p >= 0 (capped so that k + p <= min(m, n))
     * @param powerIters power (subspace) iterations q >= 0
     * @param seed the sketch's seed
     * @throws IllegalArgumentException if k, oversample or powerIters is out of range, or A has a non-finite entry
     */
    public static SVD randomizedSvd(DMatrix a, int k, int oversample, int powerIters, long seed) {
        return randomizedSvdImpl(null, a, k, oversample, powerIters, seed);
    }

    /**
     * {@link #randomizedSvd(DMatrix, int, int, int, long)} with its products (and, where that family has
     * the kind, its QRs and small SVD) on the given backend; with OPENCL only the products run there.
     */
    public static SVD randomizedSvd(Backend backend, DMatrix a, int k, int oversample, int powerIters, long seed) {
        return randomizedSvdImpl(backend, a, k, oversample, powerIters, seed);
    }

    private static SVD randomizedSvdImpl(Backend pinned, DMatrix a, int k, int oversample, int powerIters, long seed) {
        nn(a, "A");
        int mn = Math.min(a.rows(), a.cols());
        if (k < 1 || k > mn) {
            throw new IllegalArgumentException("k must be in [1, min(m, n)] = [1, " + mn + "] for A " + a.shape() + ", was " + k);
        }
        if (oversample < 0) throw new IllegalArgumentException("oversample must be >= 0, was " + oversample);
        if (powerIters < 0) throw new IllegalArgumentException("powerIters must be >= 0, was " + powerIters);
        requireFinite(a, "A");
        return RandomizedSvd.compute(pinned, a, k, oversample, powerIters, seed);
    }

    // ------------------------------------------------------------------ Cholesky

    /**
     * Cholesky factorisation A = L L^T of a symmetric positive definite matrix (dpotrf; the lower
     * triangle is used). n^3/3 flops.
     *
     * @throws IllegalArgumentException if A is not square, not symmetric (beyond rounding), has a
     *     non-finite entry, or is not positive definite: the message names the first pivot (j, j) whose
     *     value {@code d_j = a_jj - sum_{k<j} l_jk^2 <= 0}, and that value
     */
    public static Cholesky cholesky(DMatrix a) {
        return choleskyImpl(null, a);
    }

    /** {@link #cholesky(DMatrix)} on the given backend. */
    public static Cholesky cholesky(Backend backend, DMatrix a) {
        return choleskyImpl(backend, a);
    }

    private static Cholesky choleskyImpl(Backend pinned, DMatrix a) {
        nn(a, "A");
        requireSquare(a, "A");
        requireFinite(a, "A");
        requireSymmetric(a, "A");
        int n = a.rows();
        if (n == 0) return new Cholesky(DMatrix.zeros(0, 0));
        return CHOL.call(pinned, n, k -> {
            double[] w = a.data().clone();
            int info = k.potrf(n, w);
            if (info > 0) {
                // Blocked LAPACK need not leave the failing pivot's value behind: take it from the
                // unblocked plain-Java factorisation, which stops at the same pivot (up to rounding).
                double[] v = a.data().clone();
                int jinfo = JAVA.potrf(n, v);
                int j = (jinfo > 0 ? jinfo : info) - 1;
                double d = jinfo > 0 ? v[j + j * n] : w[j + j * n];
                throw new IllegalArgumentException("A is not positive definite: pivot " + j + " (leading minor of order "
                        + (j + 1) + ") is d = " + d + " <= 0 at (" + j + ", " + j + ")");
            }
            for (int j = 1; j < n; j++) java.util.Arrays.fill(w, j * n, j * n + j, 0.0);
            return new Cholesky(DMatrix.wrap(n, n, w));
        });
    }

    // ------------------------------------------------------------------ symmetric eigen

    /**
     * Eigen-decomposition A = V diag(w) V^T of a symmetric matrix (lower triangle used): eigenvalues
     * ascending, orthonormal eigenvectors. NATIVE runs dsyevd (divide and conquer); JAVA Householder
     * tridiagonalisation and implicit QL. About 9n^3 flops.
     *
     * @throws IllegalArgumentException if A is not square, not symmetric (beyond rounding) or has a
     *     non-finite entry
     */
    public static SymmetricEigen eigSymmetric(DMatrix a) {
        return eigImpl(null, a);
    }

    /** {@link #eigSymmetric(DMatrix)} on the given backend. */
    public static SymmetricEigen eigSymmetric(Backend backend, DMatrix a) {
        return eigImpl(backend, a);
    }

    private static SymmetricEigen eigImpl(Backend pinned, DMatrix a) {
        nn(a, "A");
        requireSquare(a, "A");
        requireFinite(a, "A");
        requireSymmetric(a, "A");
        int n = a.rows();
        if (n == 0) return new SymmetricEigen(new double[0], DMatrix.zeros(0, 0));
        return EIG.call(pinned, n, k -> {
            double[] w = a.data().clone();
            double[] vals = new double[n];
            int info = k.syev(n, w, vals);
            if (info > 0) throw new ArithmeticException("symmetric eigen-decomposition did not converge (info " + info + ")");
            return new SymmetricEigen(vals, DMatrix.wrap(n, n, w));
        });
    }
}
