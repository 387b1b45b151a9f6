package dev.sxn.math.linalg;

import dev.sxn.math.internal.Checks;

/**
 * The argument checks of the linalg entry points ({@link Linalg} and the solve methods of the result
 * types), on top of {@link Checks} and in its wording ({@code "<argument> must <rule>, was <value>"}).
 * Two forms are linalg's own, as the design documents them: a shape mismatch names both shapes
 * ({@code "A is 3x4 and B is 5x2: inner dimensions differ"}), and a non-finite entry is named by its
 * (row, column) ({@code "A(2, 1) must be finite, was NaN"}).
 *
 * <p>Stateless. The scans ({@link #allFinite}, {@link #symmetric}) are O(entries); the rest O(1).
 */
final class MatrixChecks {
    private MatrixChecks() {}

    /** The shape-mismatch exception: {@code "<aName> is <aShape> and <bName> is <bShape>: <what>"}. */
    static IllegalArgumentException mismatch(String aName, String aShape, String bName, String bShape, String what) {
        return new IllegalArgumentException(aName + " is " + aShape + " and " + bName + " is " + bShape + ": " + what);
    }

    /** Checks that {@code a} is non-null, then scans it and names its first non-finite entry by (row, column). */
    static void allFinite(DMatrix a, String name) {
        double[] d = Checks.notNull(a, name).data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                int r = a.rows();
                throw Checks.invalid(name + "(" + (i % r) + ", " + (i / r) + ")", d[i], "be finite");
            }
        }
    }

    /** Checks that {@code a} is square ({@code "A must be square, was 3x4"}). */
    static void square(DMatrix a, String name) {
        square(a.rows(), a.cols(), name);
    }

    /** Checks that an m x n matrix is square. */
    static void square(int m, int n, String name) {
        if (m != n) throw Checks.invalid(name, m + "x" + n, "be square");
    }

    /**
     * Checks that the right-hand side {@code b} is non-null and has as many rows as the {@code rows} x
     * {@code cols} matrix A: {@code "A is 3x3 and B is 4x1: B must have as many rows as A"}.
     */
    static void rhsRows(int rows, int cols, DMatrix b) {
        Checks.notNull(b, "B");
        if (b.rows() != rows) throw mismatch("A", rows + "x" + cols, "B", b.shape(), "B must have as many rows as A");
    }

    /** A right-hand side for solving with the {@code rows} x {@code cols} matrix A: right row count, finite entries. */
    static void rhs(int rows, int cols, DMatrix b) {
        rhsRows(rows, cols, b);
        allFinite(b, "B");
    }

    /** A symmetric argument (Cholesky, eigen): non-null, square, finite, and symmetric to rounding. */
    static void symmetricArgument(DMatrix a, String name) {
        Checks.notNull(a, name);
        square(a, name);
        allFinite(a, name);
        symmetric(a, name);
    }

    /**
     * Throws when A is clearly not symmetric: |a_ij - a_ji| > 100 n eps max|a| somewhere. Rounding-level
     * asymmetry (a covariance computed in floating point) passes; the kernels read the lower triangle only.
     */
    static void symmetric(DMatrix a, String name) {
        int n = a.rows();
        double[] d = a.data();
        double max = 0;
        for (double v : d) max = Math.max(max, Math.abs(v));
        double tol = 100.0 * n * JavaLinalgKernels.EPS * max;
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double lo = d[i + j * n], up = d[j + i * n];
                if (Math.abs(lo - up) > tol) {
                    throw Checks.invalid(name, name + "(" + i + ", " + j + ") = " + lo + " and " + name + "(" + j + ", " + i + ") = " + up,
                            "be symmetric (to within " + tol + ")");
                }
            }
        }
    }

    /** Checks a rank tolerance: {@code tol >= 0} (NaN fails; +Infinity is allowed and gives rank 0). */
    static void tolerance(double tol) {
        if (!(tol >= 0)) throw Checks.invalid("tol", tol, "be >= 0");
    }

    /**
     * The exception for a square n x n A that LU refuses as singular to working precision: {@code rcond} is
     * its 1-norm reciprocal condition estimate (0 for an exactly zero pivot, which {@code info > 0}, LAPACK's
     * 1-based index, names). One message shape on every backend:
     * {@code "A must be nonsingular to working precision (1-norm reciprocal condition estimate rcond >= n eps
     * = 6.66E-15), was rcond = 1.2E-18"}, with {@code " (the LU pivot U(k, k) is exactly 0)"} appended for a
     * zero pivot.
     */
    static IllegalArgumentException singular(int n, double rcond, int info) {
        String value = "rcond = " + rcond;
        if (info > 0) value += " (the LU pivot U(" + (info - 1) + ", " + (info - 1) + ") is exactly 0)";
        return Checks.invalid("A", value, "be nonsingular to working precision (1-norm reciprocal condition estimate rcond >= n eps = "
                + ConditionEstimate.threshold(n) + ")");
    }

    /**
     * The exception for least squares without pivoting on an m x n A whose R is rank deficient to working
     * precision: {@code rcond} is R's 1-norm reciprocal condition estimate, {@code zero} the first exactly
     * zero diagonal entry of R (or -1). Same shape as {@link #singular}.
     */
    static IllegalArgumentException rankDeficient(int n, double rcond, int zero) {
        String value = "rcond = " + rcond;
        if (zero >= 0) value += " (R(" + zero + ", " + zero + ") = 0)";
        return Checks.invalid("A", value, "have full column rank to working precision for least squares without pivoting (1-norm"
                + " reciprocal condition estimate of R rcond >= n eps = " + ConditionEstimate.threshold(n) + "; use qr(A, true) for the"
                + " basic solution or svd(A).pinv() for the minimum-norm one)");
    }
}
