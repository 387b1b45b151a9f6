package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Reciprocal condition estimates in the 1-norm from a factorisation, as LAPACK's dgecon (after an LU)
 * and dtrcon (of a triangular R) compute them: rcond = 1 / (||A||_1 est(||A^-1||_1)), where the
 * estimate of ||A^-1||_1 is Hager's method as refined by Higham (LAPACK dlacn2; N. J. Higham, "FORTRAN
 * codes for estimating the one-norm of a real or complex matrix", ACM TOMS 14, 1988), driven by
 * triangular solves with the factors. The estimate of ||A^-1||_1 is a lower bound (it is ||A^-1 x||_1
 * for some x with ||x||_1 = 1), so rcond is never below the true reciprocal condition number by more
 * than rounding, and in practice is rarely above it by more than a factor of 3 (Higham, "Accuracy and
 * Stability of Numerical Algorithms", 2nd ed., section 15.3).
 *
 * <p>Computed in plain Java from whatever factors a backend returned, so every backend applies the same
 * estimate to its factors. The triangular factor is scaled on the fly by the power of two nearest
 * 1/||A||_1 (exact), so A and 2^k A get the same estimate wherever their factors are normal numbers, as
 * LAPACK's scaled solves (dlatrs) ensure; a solve that still overflows means ||A||_1 ||A^-1||_1 exceeds
 * the double range, and rcond is 0, as dgecon returns then. An exactly zero pivot gives 0.
 *
 * <p>Cost: typically 5, at most 11 pairs of triangular solves (n^2 multiply-adds per pair; dlacn2 stops
 * after 5 iterations); two work arrays of length n. Stateless and thread-safe.
 */
final class ConditionEstimate {
    /** dlacn2's iteration limit. */
    private static final int ITMAX = 5;

    private ConditionEstimate() {}

    /** The 1-norm max_j sum_i |a_ij| of the m x n column-major a (LAPACK dlange '1'); 0 for an empty one. */
    static double norm1(double[] a, int m, int n) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            int c = j * m;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0; // four chains: a single sum is bound by the add latency
            int i = 0;
            for (; i + 3 < m; i += 4) {
                s0 += Math.abs(a[c + i]);
                s1 += Math.abs(a[c + i + 1]);
                s2 += Math.abs(a[c + i + 2]);
                s3 += Math.abs(a[c + i + 3]);
            }
            for (; i < m; i++) s0 += Math.abs(a[c + i]);
            max = Math.max(max, (s0 + s1) + (s2 + s3));
        }
        return max;
    }

    /**
     * dgecon: the reciprocal condition estimate of the n x n A from its LU factors packed in {@code lu}
     * (leading dimension n; the row permutation does not change a 1-norm and is not needed) and
     * {@code anorm} = ||A||_1. 1 for n = 0; 0 when U has an exactly zero diagonal entry or A^-1 overflows.
     */
    static double gecon(int n, double[] lu, double anorm) {
        if (n == 0) return 1;
        if (anorm == 0 || zeroDiagonal(n, lu, n)) return 0;
        double s = scaleFor(anorm);
        double ainvnm = inverseNorm1(n, lu, n, s, true);
        if (!Double.isFinite(ainvnm)) return 0;
        return (1 / ainvnm) / (anorm * s); // dgecon's order; scaled A^-1 norm times scaled ||A||
    }

    /**
     * dtrcon ('1', 'U', 'N'): the reciprocal condition estimate of the n x n upper triangle of {@code r}
     * (leading dimension ld >= n) in the 1-norm. 1 for n = 0; 0 when a diagonal entry is exactly zero or
     * R^-1 overflows.
     */
    static double trcon(int n, double[] r, int ld) {
        if (n == 0) return 1;
        double anorm = 0;
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i <= j; i++) c += Math.abs(r[i + j * ld]);
            anorm = Math.max(anorm, c);
        }
        if (anorm == 0 || zeroDiagonal(n, r, ld)) return 0;
        double s = scaleFor(anorm);
        double ainvnm = inverseNorm1(n, r, ld, s, false);
        if (!Double.isFinite(ainvnm)) return 0;
        return (1 / (anorm * s)) / ainvnm; // dtrcon's order
    }

    /** Whether the refusal rule of solve and inverse applies: rcond below n eps (0 included). */
    static boolean belowThreshold(int n, double rcond) {
        return rcond < threshold(n);
    }

    /** The refusal threshold n eps, eps = 2^-52. */
    static double threshold(int n) {
        return n * DenseArrays.EPS;
    }

    private static boolean zeroDiagonal(int n, double[] t, int ld) {
        for (int i = 0; i < n; i++) if (t[i + i * ld] == 0) return true;
        return false;
    }

    /** The power of two nearest 1/anorm: multiplying by it is exact, and brings the triangular factor near 1. */
    private static double scaleFor(double anorm) {
        return Math.scalb(1.0, -Math.getExponent(anorm));
    }

    /**
     * dlacn2's estimate of ||B||_1 for B = (s T)^-1, where T is U (from the LU in t, with the unit lower L:
     * B = (s U)^-1 L^-1) or R (lu false); returns +Infinity when a solve overflows. The sequence of
     * vectors and the stopping tests are dlacn2's, so the estimate on the same factors is LAPACK's.
     */
    private static double inverseNorm1(int n, double[] t, int ld, double s, boolean lu) {
        try (Scratch w = Scratch.open()) {
            return inverseNorm1(n, t, ld, s, lu, w.doubles(n), w.doubles(n));
        }
    }

    private static double inverseNorm1(int n, double[] t, int ld, double s, boolean lu, double[] x, double[] sgn) {
        Arrays.fill(x, 0, n, 1.0 / n);
        double sum = apply(n, t, ld, s, lu, false, x);
        if (!Double.isFinite(sum)) return sum;
        if (n == 1) return Math.abs(x[0]);
        double est = sum;
        signs(n, x, sgn);
        if (!Double.isFinite(apply(n, t, ld, s, lu, true, x))) return Double.POSITIVE_INFINITY;
        int j = iamax(n, x);
        int iter = 2;
        while (true) {
            Arrays.fill(x, 0, n, 0.0);
            x[j] = 1;
            sum = apply(n, t, ld, s, lu, false, x);
            if (!Double.isFinite(sum)) return sum;
            double estold = est;
            est = sum;
            boolean repeated = true;
            for (int i = 0; i < n; i++) {
                if ((x[i] >= 0 ? 1.0 : -1.0) != sgn[i]) {
                    repeated = false;
                    break;
                }
            }
            if (repeated || est <= estold) break; // converged, or cycling
            signs(n, x, sgn);
            if (!Double.isFinite(apply(n, t, ld, s, lu, true, x))) return Double.POSITIVE_INFINITY;
            int jlast = j;
            j = iamax(n, x);
            if (x[jlast] == Math.abs(x[j]) || iter >= ITMAX) break;
            iter++;
        }
        // The alternating-sign vector guards against the special structures that defeat the iteration.
        double alt = 1;
        for (int i = 0; i < n; i++) {
            x[i] = alt * (1 + (double) i / (n - 1));
            alt = -alt;
        }
        sum = apply(n, t, ld, s, lu, false, x);
        if (!Double.isFinite(sum)) return sum;
        double temp = 2 * (sum / (3.0 * n));
        return Math.max(temp, est);
    }

    /** x := sign(x) (+1 for 0, as dlacn2), recorded in sgn. */
    private static void signs(int n, double[] x, double[] sgn) {
        for (int i = 0; i < n; i++) {
            double v = x[i] >= 0 ? 1.0 : -1.0;
            x[i] = v;
            sgn[i] = v;
        }
    }

    /** The first index of the largest |x_i| (BLAS idamax). */
    private static int iamax(int n, double[] x) {
        int k = 0;
        double best = Math.abs(x[0]);
        for (int i = 1; i < n; i++) {
            double v = Math.abs(x[i]);
            if (v > best) {
                best = v;
                k = i;
            }
        }
        return k;
    }

    /**
     * sum_i (s t[to + i]) x[xo + i] over len terms, in four chains (a single sum is bound by the add latency,
     * and the transposed solves are made of these dot products). s scales each term, not the sum, so a
     * term cannot overflow where the scaled one would not.
     */
    private static double dot(double s, double[] t, int to, double[] x, int xo, int len) {
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            d0 += (s * t[to + i]) * x[xo + i];
            d1 += (s * t[to + i + 1]) * x[xo + i + 1];
            d2 += (s * t[to + i + 2]) * x[xo + i + 2];
            d3 += (s * t[to + i + 3]) * x[xo + i + 3];
        }
        for (; i < len; i++) d0 += (s * t[to + i]) * x[xo + i];
        return (d0 + d1) + (d2 + d3);
    }

    /**
     * x := B x (trans false) or B^T x, B as in {@link #inverseNorm1}; returns ||x||_1 afterwards (not finite
     * when the solve overflowed). Column sweeps over the column-major factors.
     */
    private static double apply(int n, double[] t, int ld, double s, boolean lu, boolean trans, double[] x) {
        if (!trans) {
            if (lu) { // L^-1, unit lower
                for (int k = 0; k < n; k++) {
                    double xk = x[k];
                    if (xk == 0) continue;
                    int c = k * ld;
                    for (int i = k + 1; i < n; i++) x[i] -= xk * t[c + i];
                }
            }
            for (int k = n - 1; k >= 0; k--) { // (s T)^-1, upper
                int c = k * ld;
                double xk = x[k] / (s * t[c + k]);
                x[k] = xk;
                if (xk == 0) continue;
                for (int i = 0; i < k; i++) x[i] -= xk * (s * t[c + i]); // s on t: xk may be near the overflow threshold
            }
        } else {
            for (int k = 0; k < n; k++) { // (s T)^-T, lower
                int c = k * ld;
                x[k] = (x[k] - dot(s, t, c, x, 0, k)) / (s * t[c + k]);
            }
            if (lu) { // L^-T, unit upper
                for (int k = n - 2; k >= 0; k--) {
                    int c = k * ld;
                    x[k] -= dot(1.0, t, c + k + 1, x, k + 1, n - k - 1);
                }
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.abs(x[i]);
        return sum;
    }
}
