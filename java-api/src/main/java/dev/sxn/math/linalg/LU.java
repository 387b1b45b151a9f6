package dev.sxn.math.linalg;

/**
 * An LU factorisation with partial pivoting, P A = L U (LAPACK dgetrf): L is m x min(m,n) unit lower
 * triangular ({@code |l_ij| <= 1}), U is min(m,n) x n upper triangular, P a row permutation.
 *
 * <p>For square A it also gives the reciprocal condition estimate {@link #rcond()} (LAPACK dgecon), and
 * the rule that {@link #solve}, {@link Linalg#solve} and {@link Linalg#inverse} apply: A is refused as
 * singular to working precision when U has an exactly zero pivot or {@code rcond() < n eps}
 * (eps = 2^-52); {@link #isSingular()} says whether the rule applies.
 *
 * <p>Immutable: every accessor returns a fresh copy. Thread-safe. {@link #solve}, {@link #det} and
 * {@link #rcond} run in plain Java (O(n^2) per right-hand side, O(n), O(n^2)) whichever backend factored,
 * so every backend applies the same rule to its factors.
 */
public final class LU {
    private final int m;
    private final int n;
    private final double[] lu;
    private final int[] ipiv;
    private final int info;
    private final double anorm; // ||A||_1, which the factors no longer give cheaply
    private volatile double rcond = -1; // computed on first use; -1 = not yet (a race computes the same value twice)

    LU(int m, int n, double[] lu, int[] ipiv, int info, double anorm) {
        this.m = m;
        this.n = n;
        this.lu = lu;
        this.ipiv = ipiv;
        this.info = info;
        this.anorm = anorm;
    }

    /** Rows of the factored matrix. */
    public int rows() {
        return m;
    }

    /** Columns of the factored matrix. */
    public int cols() {
        return n;
    }

    /** L and U packed as LAPACK stores them (U on and above the diagonal, L's multipliers below), m x n. */
    public DMatrix packed() {
        return DMatrix.wrap(m, n, lu.clone());
    }

    /** L: m x min(m,n), unit lower triangular. */
    public DMatrix l() {
        int k = Math.min(m, n);
        DMatrix l = DMatrix.zeros(m, k);
        double[] d = l.data();
        for (int j = 0; j < k; j++) {
            d[j + j * m] = 1;
            for (int i = j + 1; i < m; i++) d[i + j * m] = lu[i + j * m];
        }
        return l;
    }

    /** U: min(m,n) x n, upper triangular (trapezoidal when n > m). */
    public DMatrix u() {
        int k = Math.min(m, n);
        DMatrix u = DMatrix.zeros(k, n);
        double[] d = u.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) d[i + j * k] = lu[i + j * m];
        }
        return u;
    }

    /** LAPACK's pivots, 0-based: row i was interchanged with row {@code pivots()[i]}, for i = 0, 1, ... in order. */
    public int[] pivots() {
        return ipiv.clone();
    }

    /** The row permutation as an index map: row i of P A is row {@code permutation()[i]} of A (length m). */
    public int[] permutation() {
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) perm[i] = i;
        for (int i = 0; i < ipiv.length; i++) {
            int t = perm[i];
            perm[i] = perm[ipiv[i]];
            perm[ipiv[i]] = t;
        }
        return perm;
    }

    /** P as an m x m matrix, so that P A = L U. */
    public DMatrix p() {
        int[] perm = permutation();
        DMatrix p = DMatrix.zeros(m, m);
        for (int i = 0; i < m; i++) p.data()[i + perm[i] * m] = 1;
        return p;
    }

    /**
     * Whether A is singular to working precision: U has an exactly zero diagonal entry (LAPACK's info &gt;
     * 0), or A is square and {@link #rcond()} {@code < n eps} (eps = 2^-52). For square A this is exactly
     * when {@link #solve}, {@link Linalg#solve} and {@link Linalg#inverse} refuse it. A non-square A is
     * singular only by an exactly zero pivot (there is no rcond).
     *
     * <p>Relation to {@link #det()}: an exactly zero pivot makes det() exactly 0, and then isSingular() is
     * true. A matrix that is singular by the rcond rule alone may have a tiny nonzero det() (its value is
     * then rounding noise), and a well-conditioned one may have det() == 0 by underflow of the product of
     * its pivots (0.1 I of order 400), which is not singular: the determinant's size says nothing about
     * conditioning. O(n^2) on the first call (the estimate), then O(1).
     */
    public boolean isSingular() {
        if (info > 0) return true;
        return m == n && ConditionEstimate.belowThreshold(n, rcond());
    }

    /**
     * The reciprocal condition number of square A in the 1-norm, estimated as LAPACK's dgecon does:
     * rcond = 1 / (||A||_1 est(||A^-1||_1)), with Hager and Higham's estimator (dlacn2) driven by solves
     * with L and U. est(||A^-1||_1) is a lower bound of ||A^-1||_1, so rcond is never below the true
     * 1 / (||A||_1 ||A^-1||_1) by more than rounding, and is rarely above it by more than a factor of 3.
     * 0 when U has an exactly zero pivot or A^-1 would overflow; 1 for a 0 x 0 A. Computed in plain Java
     * from the factors whichever backend factored; O(n^2) on the first call, then cached.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public double rcond() {
        MatrixChecks.square(m, n, "A");
        double r = rcond;
        if (r < 0) {
            r = info > 0 ? 0.0 : ConditionEstimate.gecon(n, lu, anorm);
            rcond = r;
        }
        return r;
    }

    /**
     * det(A) = (-1)^(row swaps) prod u_ii for square A: exactly 0 when U has a zero pivot. May overflow to
     * an infinity or underflow to 0 for large n (sum log|u_ii| is the robust quantity); whether A is
     * singular is {@link #isSingular()}'s question, not the determinant's size.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public double det() {
        MatrixChecks.square(m, n, "A");
        double d = 1;
        for (int i = 0; i < n; i++) {
            d *= lu[i + i * n];
            if (ipiv[i] != i) d = -d;
        }
        return d == 0 ? 0.0 : d; // no -0.0 for a singular matrix
    }

    /**
     * Solves A X = B for square A that is not {@link #isSingular() singular to working precision} (B has n
     * rows); returns a new X. The first call on this LU estimates {@link #rcond()} (O(n^2)).
     *
     * @throws IllegalArgumentException if A is not square, B's rows differ, B has a non-finite entry, or A
     *     is singular to working precision: U has an exactly zero pivot (named) or rcond() &lt; n eps; the
     *     message names rcond, its value and the rule
     */
    public DMatrix solve(DMatrix b) {
        MatrixChecks.square(m, n, "A");
        MatrixChecks.rhs(m, n, b);
        if (isSingular()) throw MatrixChecks.singular(n, rcond(), info);
        double[] x = b.data().clone();
        JavaLinalgKernels.getrs(n, b.cols(), lu, ipiv, x);
        return DMatrix.wrap(n, b.cols(), x);
    }

    @Override
    public String toString() {
        return "LU of a " + m + "x" + n + " matrix" + (info > 0 ? " (singular: U(" + (info - 1) + ", " + (info - 1) + ") = 0)" : "");
    }
}
