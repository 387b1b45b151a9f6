package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Arrays;

/**
 * Dense linear algebra on {@link DMatrix}: matrix products (BLAS-3 GEMM), LU with partial pivoting
 * (solve, inverse, determinant), Householder QR (optionally column-pivoted, with numerical rank and
 * least squares), the singular value decomposition (thin, full, one-sided Jacobi, randomized), Cholesky
 * and the symmetric eigen-decomposition.
 *
 * <p>Backends: JAVA (plain-Java reference algorithms, see {@code JavaLinalgKernels}), VECTOR (Vector
 * API: a packed, register-blocked GEMM and blocked LU, QR and Cholesky on it, see
 * {@code VectorLinalgKernels}; the square SVD and the eigen-solver's QL are the JAVA algorithms), OPENCL
 * (GEMM only) and NATIVE (OpenBLAS {@code cblas_dgemm} and LAPACKE dgetrf/dgesv, dgeqrf/dgeqp3/dorgqr,
 * dgesdd, dpotrf, dsyevd, through critical FFM downcalls on the column-major arrays). NATIVE here needs
 * OpenBLAS/LAPACKE only ({@code Backends.openBlas()}), not libsxnkernels: it runs whenever OpenBLAS loaded.
 *
 * <p>Choice of backend: the forms without a {@link Backend} choose per call from the largest dimension
 * and each family's crossover ({@code linalg.*} in {@code crossovers.properties}, measured by the
 * {@code LinalgCpuTimes} and {@code LinalgVectorCpuTimes} benchmarks); a kernel that fails at run time on
 * such a call is logged once and the call re-runs on JAVA. In every form that takes a {@link Backend}, a
 * non-null kind pins the call to that kind (it throws if the kind is unavailable or the operation has no
 * kernel of it) and {@code null} chooses per call, exactly as the form without it.
 *
 * <p>Inputs are never modified: every decomposition copies its input once into its work array
 * (LAPACK overwrites it). Outputs can be reused through {@link #gemm} and {@link #multiplyInto}.
 *
 * <p>Errors: a null matrix is a NullPointerException; a shape mismatch an IllegalArgumentException
 * naming both shapes ("A is 3x4 and B is 5x2: inner dimensions differ"). The decompositions and
 * solvers reject a non-finite entry with an IllegalArgumentException naming its (row, column)
 * ("A(2, 1) must be finite, was NaN"); the products follow BLAS and propagate NaN and infinities (IEEE
 * arithmetic). A matrix singular to working precision in {@link #solve}/{@link #inverse} (1-norm
 * reciprocal condition estimate below n eps, see {@link #solve}) and a matrix that is not positive
 * definite in {@link #cholesky} are IllegalArgumentExceptions naming the rule and the failing value.
 *
 * <p>Costs: gemm 2mnk flops; LU 2n^3/3; QR 2mn^2 - 2n^3/3 (m >= n); SVD O(mn^2); Cholesky n^3/3;
 * symmetric eigen about 9n^3 with vectors. All methods are stateless and thread-safe; each call is
 * single-threaded (OpenBLAS runs one thread unless {@code sxn.blas.threads} says otherwise).
 */
public final class Linalg {
    /** The plain-Java kernels: the reference, and what the plain-Java helpers of the result types run on. */
    static final LinalgKernels JAVA = new JavaLinalgKernels();
    private static final KernelSet<GemmKernels> GEMM = KernelSet.of(KernelFamilies.GEMM, GemmKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> LU_SET = KernelSet.of(KernelFamilies.LU, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> QR_SET = KernelSet.of(KernelFamilies.QR, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> SVD_SET = KernelSet.of(KernelFamilies.SVD, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> CHOL = KernelSet.of(KernelFamilies.CHOLESKY, LinalgKernels.class, JAVA);
    private static final KernelSet<LinalgKernels> EIG = KernelSet.of(KernelFamilies.EIG_SYMMETRIC, LinalgKernels.class, JAVA);

    private Linalg() {}

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
        return gemm(null, alpha, a, transA, b, transB, beta, c);
    }

    /** {@link #gemm(double, DMatrix, boolean, DMatrix, boolean, double, DMatrix)} on the given backend. */
    public static DMatrix gemm(Backend backend, double alpha, DMatrix a, boolean transA, DMatrix b, boolean transB, double beta,
                               DMatrix c) {
        Checks.notNull(a, "A");
        Checks.notNull(b, "B");
        Checks.notNull(c, "C");
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        String an = transA ? "A^T" : "A", bn = transB ? "B^T" : "B";
        if (k != kb) throw MatrixChecks.mismatch(an, m + "x" + k, bn, kb + "x" + n, "inner dimensions differ");
        if (c.rows() != m || c.cols() != n) {
            throw MatrixChecks.mismatch("C", c.shape(), an + " " + bn, m + "x" + n, "C must have the product's shape");
        }
        Checks.distinct(c.data(), "C.data()", a.data(), "A.data()");
        Checks.distinct(c.data(), "C.data()", b.data(), "B.data()");
        // Re-runnable after a failure: NATIVE fails only in the downcall machinery before dgemm starts, and
        // OPENCL copies C back only after the device work succeeded, so C is still the caller's.
        GEMM.run(backend, Math.max(m, Math.max(n, k)), kk -> kk.gemm(transA, transB, m, n, k, alpha, a.data(), b.data(), beta, c.data()));
        return c;
    }

    /** A B as a new matrix. @throws IllegalArgumentException if A's columns differ from B's rows */
    public static DMatrix multiply(DMatrix a, DMatrix b) {
        return multiply(null, a, b);
    }

    /** {@link #multiply(DMatrix, DMatrix)} on the given backend. */
    public static DMatrix multiply(Backend backend, DMatrix a, DMatrix b) {
        Checks.notNull(a, "A");
        Checks.notNull(b, "B");
        return gemm(backend, 1.0, a, false, b, false, 0.0, DMatrix.zeros(a.rows(), b.cols()));
    }

    /** C := A B, reusing C (which must be A's rows x B's columns and not alias A or B); returns C. */
    public static DMatrix multiplyInto(DMatrix a, DMatrix b, DMatrix c) {
        return gemm(null, 1.0, a, false, b, false, 0.0, c);
    }

    /** A^T as a new matrix (tiled copy, O(mn), plain Java: a transpose is memory-bound everywhere). */
    public static DMatrix transpose(DMatrix a) {
        Checks.notNull(a, "A");
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
        return lu(null, a);
    }

    /** {@link #lu(DMatrix)} on the given backend. */
    public static LU lu(Backend backend, DMatrix a) {
        MatrixChecks.allFinite(a, "A");
        int m = a.rows(), n = a.cols();
        if (a.isEmpty()) return new LU(m, n, new double[0], new int[0], 0, 0);
        double anorm = ConditionEstimate.norm1(a.data(), m, n);
        return LU_SET.call(backend, Math.max(m, n), k -> {
            double[] w = a.data().clone();
            int[] ipiv = new int[Math.min(m, n)];
            int info = k.getrf(m, n, w, ipiv);
            return new LU(m, n, w, ipiv, info, anorm);
        });
    }

    /**
     * Solves A X = B for square A by LU with partial pivoting (dgesv); returns a new X (n x c).
     *
     * <p>The rule for a singular A, the same on every backend: after the factorisation, the reciprocal
     * condition number in the 1-norm is estimated from the factors as LAPACK's dgecon does ({@link LU#rcond()}:
     * Hager and Higham's estimator, computed in plain Java whichever backend factored), and A is refused
     * when U has an exactly zero pivot (rcond = 0) or rcond &lt; n eps (eps = 2^-52): below that, the
     * computed X could carry no correct digit (its relative error is bounded by about eps / rcond). The
     * estimate is one O(n^2) step per call: typically 5 and at most 11 pairs of triangular solves
     * (n^2 multiply-adds each) plus one pass over A for ||A||_1, beside the factorisation's n^3/3
     * multiply-adds, so it weighs most for small n. To solve for several right-hand sides with one A, pass
     * them as the columns of B, or factor once with {@link #lu} and call {@link LU#solve}, which estimates
     * once per factorisation.
     *
     * @throws IllegalArgumentException if A is not square, B's rows differ from A's, an entry is not
     *     finite, or A is singular to working precision: the message names rcond, its value and the rule
     *     ("A must be nonsingular to working precision (1-norm reciprocal condition estimate rcond &gt;= n
     *     eps = ...), was rcond = ..."), and an exactly zero pivot where there is one
     */
    public static DMatrix solve(DMatrix a, DMatrix b) {
        return solve(null, a, b);
    }

    /** {@link #solve(DMatrix, DMatrix)} on the given backend. */
    public static DMatrix solve(Backend backend, DMatrix a, DMatrix b) {
        Checks.notNull(a, "A");
        Checks.notNull(b, "B");
        MatrixChecks.square(a, "A");
        MatrixChecks.rhsRows(a.rows(), a.cols(), b);
        MatrixChecks.allFinite(a, "A");
        MatrixChecks.allFinite(b, "B");
        int n = a.rows(), c = b.cols();
        if (n == 0 || c == 0) return DMatrix.zeros(n, c);
        double anorm = ConditionEstimate.norm1(a.data(), n, n);
        return LU_SET.call(backend, n, k -> {
            double[] w = a.data().clone();
            double[] x = b.data().clone();
            int info = k.gesv(n, c, w, new int[n], x);
            double rcond = info > 0 ? 0.0 : ConditionEstimate.gecon(n, w, anorm);
            if (info > 0 || ConditionEstimate.belowThreshold(n, rcond)) throw MatrixChecks.singular(n, rcond, info);
            return DMatrix.wrap(n, c, x);
        });
    }

    /** Solves A x = b for one right-hand side; returns a new x. */
    public static double[] solve(DMatrix a, double[] b) {
        Checks.notNull(b, "b");
        return solve(null, a, DMatrix.wrap(b.length, 1, b)).data();
    }

    /**
     * A^-1 by LU (solving A X = I). Prefer {@link #solve} where the inverse is only multiplied by
     * something: it is cheaper and more accurate.
     *
     * @throws IllegalArgumentException if A is not square, has a non-finite entry, or is singular to
     *     working precision by {@link #solve}'s rule (rcond &lt; n eps, or an exactly zero pivot), named as there
     */
    public static DMatrix inverse(DMatrix a) {
        return inverse(null, a);
    }

    /** {@link #inverse(DMatrix)} on the given backend. */
    public static DMatrix inverse(Backend backend, DMatrix a) {
        Checks.notNull(a, "A");
        return solve(backend, a, DMatrix.identity(a.rows()));
    }

    /**
     * det(A) from the LU factors (exactly 0 when U has a zero pivot; may overflow or underflow for large n:
     * {@link LU#isSingular()} answers whether A is singular).
     *
     * @throws IllegalArgumentException if A is not square or has a non-finite entry
     */
    public static double det(DMatrix a) {
        Checks.notNull(a, "A");
        MatrixChecks.square(a, "A");
        return lu(null, a).det();
    }

    // ------------------------------------------------------------------ QR

    /** Householder QR without pivoting: {@link #qr(DMatrix, boolean) qr(A, false)}. */
    public static QR qr(DMatrix a) {
        return qr(null, a, false);
    }

    /**
     * Householder QR of an m x n matrix (dgeqrf), or with column pivoting A P = Q R (dgeqp3), which
     * reveals the numerical rank ({@link QR#rank()}) and gives basic least-squares solutions of
     * rank-deficient problems. 2mn^2 - 2n^3/3 flops (m >= n), plus as much again to form Q.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     */
    public static QR qr(DMatrix a, boolean pivoting) {
        return qr(null, a, pivoting);
    }

    /** {@link #qr(DMatrix, boolean)} on the given backend (which also forms Q). */
    public static QR qr(Backend backend, DMatrix a, boolean pivoting) {
        MatrixChecks.allFinite(a, "A");
        int m = a.rows(), n = a.cols();
        double[] w = new double[m * n];
        double[] tau = new double[Math.min(m, n)];
        int[] jpvt = pivoting ? new int[n] : null;
        if (a.isEmpty()) {
            if (pivoting) for (int j = 0; j < n; j++) jpvt[j] = j;
            return new QR(Backend.JAVA, backend != null, m, n, w, tau, jpvt);
        }
        Backend ran = QR_SET.run(backend, Math.max(m, n), k -> {
            // Every run starts from A and zero pivots (dgeqp3 reads jpvt), so a retry on JAVA is a fresh call.
            System.arraycopy(a.data(), 0, w, 0, w.length);
            Arrays.fill(tau, 0.0);
            if (pivoting) {
                Arrays.fill(jpvt, 0);
                k.geqp3(m, n, w, jpvt, tau);
            } else {
                k.geqrf(m, n, w, tau);
            }
        });
        return new QR(ran, backend != null, m, n, w, tau, jpvt);
    }

    /**
     * Forms Q into {@code q} (m x ncols) from the k reflectors in the first k columns of {@code qr} (see
     * {@link LinalgKernels#orgqr}) on {@code kind}, the kind that factored. If the factorisation was not pinned, a
     * failure there falls back to JAVA by the failure policy of {@link KernelSet}: asked again for the factorisation's
     * {@code size} and only for that kind's kernel, the choice is that kind unless it has failed since. The op copies
     * the reflectors into q itself, so the retry starts from them whatever the failed kernel left in q.
     */
    static void orgqr(Backend kind, boolean pinned, int size, int m, int ncols, int k, double[] qr, double[] q, double[] tau) {
        if (pinned || kind == Backend.JAVA) {
            QR_SET.run(kind, Math.max(m, ncols), kk -> formQ(kk, m, ncols, k, qr, q, tau));
        } else {
            LinalgKernels factored = QR_SET.kernel(kind);
            QR_SET.run(null, size, kk -> kk == factored, kk -> formQ(kk, m, ncols, k, qr, q, tau));
        }
    }

    private static void formQ(LinalgKernels kk, int m, int ncols, int k, double[] qr, double[] q, double[] tau) {
        System.arraycopy(qr, 0, q, 0, m * k);
        Arrays.fill(q, m * k, q.length, 0.0);
        kk.orgqr(m, ncols, k, q, tau);
    }

    // ------------------------------------------------------------------ SVD

    /** The thin SVD: {@link #svd(DMatrix, boolean) svd(A, true)}. */
    public static SVD svd(DMatrix a) {
        return svd(null, a, true);
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
        return svd(null, a, thin);
    }

    /** The thin SVD on the given backend. */
    public static SVD svd(Backend backend, DMatrix a) {
        return svd(backend, a, true);
    }

    /** {@link #svd(DMatrix, boolean)} on the given backend. */
    public static SVD svd(Backend backend, DMatrix a, boolean thin) {
        MatrixChecks.allFinite(a, "A");
        if (a.isEmpty()) return SVD.empty(a.rows(), a.cols(), thin);
        return SVD_SET.call(backend, Math.max(a.rows(), a.cols()), kk -> {
            SVD r = SVD.allocate(a.rows(), a.cols(), thin);
            int info = kk.gesvd(a.rows(), a.cols(), a.data().clone(), r.s(), r.u().data(), r.vt().data(), thin);
            if (info > 0) throw new ArithmeticException("SVD did not converge (LAPACK info " + info + ")");
            return r;
        });
    }

    /**
     * The SVD by one-sided Jacobi (Hestenes) after a column-pivoted QR (Drmač and Veselić), in plain
     * Java on every host: slower than {@link #svd(DMatrix, boolean)} (the {@code LinalgCpuTimes} benchmark
     * has both), but the singular values of a matrix A = B D with B well conditioned and D diagonal
     * (columns of wildly different scales, graded matrices) come out to high relative accuracy, the
     * smallest included, where Golub-Kahan and LAPACK's dgesdd promise accuracy only relative to the largest.
     * Same result shapes as {@link #svd(DMatrix, boolean)}.
     *
     * @throws IllegalArgumentException if A has a non-finite entry
     * @throws ArithmeticException if the sweeps do not converge (not observed in practice)
     */
    public static SVD svdJacobi(DMatrix a, boolean thin) {
        MatrixChecks.allFinite(a, "A");
        if (a.isEmpty()) return SVD.empty(a.rows(), a.cols(), thin);
        SVD r = SVD.allocate(a.rows(), a.cols(), thin);
        JavaLinalgKernels.svd(a.rows(), a.cols(), a.data().clone(), r.s(), r.u().data(), r.vt().data(), thin, true);
        return r;
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
        return RandomizedSvd.compute(null, a, k, oversample, powerIters, seed);
    }

    /**
     * {@link #randomizedSvd(DMatrix, int, int, int, long)} with its products, and its QRs and small SVD
     * where those families have the kind, on the given backend (with OPENCL only the products run there).
     */
    public static SVD randomizedSvd(Backend backend, DMatrix a, int k, int oversample, int powerIters, long seed) {
        return RandomizedSvd.compute(backend, a, k, oversample, powerIters, seed);
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
        return cholesky(null, a);
    }

    /** {@link #cholesky(DMatrix)} on the given backend. */
    public static Cholesky cholesky(Backend backend, DMatrix a) {
        MatrixChecks.symmetricArgument(a, "A");
        int n = a.rows();
        if (n == 0) return new Cholesky(DMatrix.zeros(0, 0));
        return CHOL.call(backend, n, k -> {
            double[] w = a.data().clone();
            int info = k.potrf(n, w);
            if (info > 0) throw notPositiveDefinite(a, w, info);
            for (int j = 1; j < n; j++) Arrays.fill(w, j * n, j * n + j, 0.0);
            return new Cholesky(DMatrix.wrap(n, n, w));
        });
    }

    /**
     * The exception for a failed Cholesky: blocked LAPACK need not leave the failing pivot's value behind,
     * so it comes from the unblocked plain-Java factorisation, which stops at the same pivot (up to rounding).
     */
    private static IllegalArgumentException notPositiveDefinite(DMatrix a, double[] w, int info) {
        int n = a.rows();
        double[] v = a.data().clone();
        int jinfo = JAVA.potrf(n, v);
        int j = (jinfo > 0 ? jinfo : info) - 1;
        double d = jinfo > 0 ? v[j + j * n] : w[j + j * n];
        return Checks.invalid("A", "not: pivot " + j + " (leading minor of order " + (j + 1) + ") is d = " + d + " <= 0 at (" + j + ", "
                + j + ")", "be positive definite");
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
        return eigSymmetric(null, a);
    }

    /** {@link #eigSymmetric(DMatrix)} on the given backend. */
    public static SymmetricEigen eigSymmetric(Backend backend, DMatrix a) {
        MatrixChecks.symmetricArgument(a, "A");
        int n = a.rows();
        if (n == 0) return new SymmetricEigen(new double[0], DMatrix.zeros(0, 0));
        return EIG.call(backend, n, k -> {
            double[] w = a.data().clone();
            double[] vals = new double[n];
            int info = k.syev(n, w, vals);
            if (info > 0) throw new ArithmeticException("symmetric eigen-decomposition did not converge (info " + info + ")");
            return new SymmetricEigen(vals, DMatrix.wrap(n, n, w));
        });
    }
}
