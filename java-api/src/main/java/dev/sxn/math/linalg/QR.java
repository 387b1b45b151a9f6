package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * A Householder QR factorisation A = Q R, or with column pivoting A P = Q R, of an m x n matrix,
 * k = min(m, n). Stored as LAPACK stores it (R on and above the diagonal, the reflectors below it, and
 * their scalars tau); Q is formed on request, on the kind that factored (the same kernel, so the same
 * Q whenever it is formed). When that kind was chosen per call and fails while forming Q, Q is formed on
 * JAVA (the library's failure policy; from then on every Q of that factorisation).
 *
 * <p>With pivoting (dgeqp3), |r_00| >= |r_11| >= ... and the numerical rank is read off R's diagonal.
 * Immutable: accessors return fresh matrices. Thread-safe.
 */
public final class QR {
    private final Backend kind; // the kind that factored; Q is formed there
    private final boolean pinned; // whether the factorisation's call pinned that kind (else Q may fall back to JAVA)
    private final int m;
    private final int n;
    private final double[] qr;
    private final double[] tau;
    private final int[] jpvt; // null when not pivoted
    private volatile double rcond = -1; // computed on first use; -1 = not yet (a race computes the same value twice)

    QR(Backend kind, boolean pinned, int m, int n, double[] qr, double[] tau, int[] jpvt) {
        this.kind = kind;
        this.pinned = pinned;
        this.m = m;
        this.n = n;
        this.qr = qr;
        this.tau = tau;
        this.jpvt = jpvt;
    }

    /** Rows m of A. */
    public int rows() {
        return m;
    }

    /** Columns n of A. */
    public int cols() {
        return n;
    }

    /** Whether the columns were pivoted. */
    public boolean isPivoted() {
        return jpvt != null;
    }

    /** The column permutation: column j of A P is column {@code permutation()[j]} of A (identity when not pivoted). */
    public int[] permutation() {
        if (jpvt != null) return jpvt.clone();
        int[] p = new int[n];
        for (int j = 0; j < n; j++) p[j] = j;
        return p;
    }

    /** The thin R: k x n upper triangular (trapezoidal when n > m). */
    public DMatrix r() {
        return r(false);
    }

    /** R: thin (k x n) or full (m x n, zero rows below the k-th). */
    public DMatrix r(boolean full) {
        int k = Math.min(m, n);
        int rr = full ? m : k;
        DMatrix r = DMatrix.zeros(rr, n);
        double[] d = r.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) d[i + j * rr] = qr[i + j * m];
        }
        return r;
    }

    /** The thin Q: m x k with orthonormal columns. */
    public DMatrix q() {
        return q(false);
    }

    /** Q: thin (m x k) or full (m x m, orthogonal); formed by dorgqr (or its plain-Java equivalent). */
    public DMatrix q(boolean full) {
        int k = Math.min(m, n);
        int qc = full ? m : k;
        double[] q = new double[m * qc];
        if (m > 0 && qc > 0) Linalg.orgqr(kind, pinned, Math.max(m, n), m, qc, k, qr, q, tau.clone());
        return DMatrix.wrap(m, qc, q);
    }

    /** The default rank tolerance relative to |r_00|: max(m, n) eps. */
    public double defaultTolerance() {
        return Math.max(m, n) * JavaLinalgKernels.EPS;
    }

    /** The numerical rank with {@link #defaultTolerance()}: see {@link #rank(double)}. */
    public int rank() {
        return rank(defaultTolerance());
    }

    /**
     * The number of diagonal entries of R with |r_ii| > tol |r_00|. Meaningful with pivoting (the
     * diagonal then decreases in magnitude and this is the usual rank-revealing estimate); without it,
     * R's diagonal need not reveal the rank.
     */
    public int rank(double tol) {
        MatrixChecks.tolerance(tol);
        int k = Math.min(m, n);
        if (k == 0) return 0;
        double t = tol * Math.abs(qr[0]);
        int r = 0;
        if (jpvt != null) {
            while (r < k && Math.abs(qr[r + r * m]) > t && qr[r + r * m] != 0) r++;
        } else {
            for (int i = 0; i < k; i++) if (Math.abs(qr[i + i * m]) > t) r++;
        }
        return r;
    }

    /**
     * The reciprocal condition number of the n x n triangle R (m &gt;= n) in the 1-norm, estimated as LAPACK's
     * dtrcon does: 1 / (||R||_1 est(||R^-1||_1)) with Hager and Higham's estimator (dlacn2) driven by
     * triangular solves; never below the true value by more than rounding, rarely above it by more than a
     * factor of 3. Since A P = Q R with orthonormal Q, R has A's 2-norm condition number, and an n x n
     * matrix's 1-norm and 2-norm condition numbers are within a factor n of each other: this is the
     * estimate for a square or full-rank tall A (with pivoting, of A P, whose conditioning is A's). 0 when R
     * has an exactly zero diagonal entry or R^-1 would overflow; 1 for n = 0. Plain Java on the factors
     * whichever backend factored; O(n^2) on the first call, then cached.
     *
     * @throws IllegalArgumentException if A is wide (m &lt; n: R is not square)
     */
    public double rcond() {
        if (m < n) throw Checks.invalid("A", m + "x" + n, "have rows >= cols for rcond (R must be square)");
        double r = rcond;
        if (r < 0) {
            r = ConditionEstimate.trcon(n, qr, m);
            rcond = r;
        }
        return r;
    }

    /**
     * The least-squares solution X minimising ||A X - B|| (B m x c): without pivoting A must have m >= n and
     * full column rank to working precision, {@link #rcond()} {@code >= n eps} (eps = 2^-52; an exactly zero
     * diagonal entry of R gives rcond 0), the rule {@link Linalg#solve} applies to LU, estimated once per QR
     * (O(n^2)); with pivoting, the basic solution over the first {@link #rank()} pivoted columns (the
     * others are 0), for any shape: the rank cut replaces the rcond rule. For the minimum-norm solution of
     * a rank-deficient problem use {@link SVD#pinv()}. O(mnc), plain Java.
     *
     * @throws IllegalArgumentException if B's rows differ from m, B has a non-finite entry, or (without
     *     pivoting) A is wide or rcond() &lt; n eps: the message names rcond, its value and the rule (and an
     *     exactly zero diagonal entry of R)
     */
    public DMatrix solve(DMatrix b) {
        MatrixChecks.rhs(m, n, b);
        int k = Math.min(m, n);
        int r;
        if (jpvt == null) {
            if (m < n) {
                throw Checks.invalid("A", m + "x" + n, "have rows >= cols for least squares without pivoting (use qr(A, true) for the"
                        + " basic solution or svd(A).pinv() for the minimum-norm one)");
            }
            double rc = rcond();
            if (ConditionEstimate.belowThreshold(n, rc)) {
                int zero = -1;
                for (int i = n - 1; i >= 0; i--) if (qr[i + i * m] == 0) zero = i;
                throw MatrixChecks.rankDeficient(n, rc, zero);
            }
            r = n;
        } else {
            r = rank();
        }
        int c = b.cols();
        double[] y = b.data().clone();
        double[] x = new double[n * c];
        for (int col = 0; col < c; col++) {
            int o = col * m;
            for (int j = 0; j < k; j++) { // y := Q^T b, reflector by reflector
                double t = tau[j];
                if (t == 0) continue;
                int d = j * m + j;
                double w = y[o + j] + JavaLinalgKernels.dot(qr, d + 1, y, o + j + 1, m - j - 1);
                double tw = t * w;
                y[o + j] -= tw;
                for (int i = j + 1; i < m; i++) y[o + i] -= tw * qr[j * m + i];
            }
            for (int j = r - 1; j >= 0; j--) { // R11 z = y, column sweeps
                double z = y[o + j] / qr[j + j * m];
                y[o + j] = z;
                for (int i = 0; i < j; i++) y[o + i] -= z * qr[i + j * m];
            }
            for (int j = 0; j < r; j++) x[(jpvt == null ? j : jpvt[j]) + col * n] = y[o + j];
        }
        return DMatrix.wrap(n, c, x);
    }

    @Override
    public String toString() {
        return (jpvt == null ? "QR" : "pivoted QR") + " of a " + m + "x" + n + " matrix";
    }
}
