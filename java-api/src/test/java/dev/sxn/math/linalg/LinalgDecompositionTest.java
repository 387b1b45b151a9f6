package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static dev.sxn.math.linalg.LinalgTestSupport.minus;
import static dev.sxn.math.linalg.LinalgTestSupport.mul;
import static dev.sxn.math.linalg.LinalgTestSupport.orthogonalityError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.LinalgTestSupport.Case;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LAPACK-style scaled residuals of every factorisation on every backend, over random, ill-conditioned
 * (cond 1e12), rank-deficient, tall-skinny, wide, 1x1, 0xn and zero matrices. The bound is 30 for every
 * ratio (LAPACK's test suite uses the same threshold): backward errors are O(n eps ||A||) for all of
 * these algorithms, whatever the conditioning.
 */
class LinalgDecompositionTest {
    private static final double THRESHOLD = 30;

    static Stream<Arguments> qrCases() {
        return withCases(LinalgTestSupport.qrKinds());
    }

    static Stream<Arguments> luCases() {
        return withCases(LinalgTestSupport.luKinds());
    }

    static Stream<Arguments> svdCases() {
        return withCases(LinalgTestSupport.svdKinds());
    }

    private static Stream<Arguments> withCases(Stream<Backend> kinds) {
        return kinds.flatMap(k -> LinalgTestSupport.cases().map(c -> Arguments.of(k, c)));
    }

    private static double scaled(double residual, double normA, int n) {
        if (residual == 0) return 0;
        return residual / (Math.max(normA, Double.MIN_NORMAL) * Math.max(n, 1) * EPS);
    }

    private static void assertScaled(double ratio, String what) {
        assertTrue(ratio < THRESHOLD, what + ": scaled residual " + ratio + " >= " + THRESHOLD);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("qrCases")
    void qr(Backend kind, Case c) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = c.a();
        DMatrix before = a.copy();
        int m = a.rows(), n = a.cols(), k = Math.min(m, n), big = Math.max(m, n);
        for (boolean pivoting : new boolean[] {false, true}) {
            QR qr = Linalg.qr(kind, a, pivoting);
            String what = c + (pivoting ? " pivoted" : "");
            DMatrix q = qr.q(), r = qr.r();
            assertEquals(m, q.rows());
            assertEquals(k, q.cols());
            assertEquals(k, r.rows());
            for (int j = 0; j < n; j++) for (int i = j + 1; i < k; i++) assertEquals(0.0, r.get(i, j), what + " R lower part");
            int[] p = qr.permutation();
            DMatrix ap = DMatrix.zeros(m, n);
            for (int j = 0; j < n; j++) System.arraycopy(a.data(), p[j] * m, ap.data(), j * m, m);
            assertScaled(scaled(minus(ap, mul(q, r)).normF(), a.normF(), big), what + " ||A P - Q R|| / (||A|| n eps)");
            assertScaled(orthogonalityError(q) / (Math.max(m, 1) * EPS), what + " ||Q^T Q - I|| / (m eps)");
            DMatrix qf = qr.q(true);
            assertEquals(m, qf.cols());
            assertScaled(orthogonalityError(qf) / (Math.max(m, 1) * EPS), what + " full Q orthogonality");
            assertScaled(scaled(minus(ap, mul(qf, qr.r(true))).normF(), a.normF(), big), what + " full ||A P - Q R||");
            if (pivoting) {
                for (int i = 1; i < k; i++) {
                    assertTrue(Math.abs(r.get(i, i)) <= Math.abs(r.get(i - 1, i - 1)) * (1 + 1e-12), what + " |R_ii| non-increasing");
                }
            }
        }
        assertEquals(before, a, "input unchanged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#qrKinds")
    void pivotedQrRevealsRankAndSolvesLeastSquares(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        assertEquals(11, Linalg.qr(kind, LinalgTestSupport.rankDeficient(30, 30, 11, 3), true).rank());
        assertEquals(7, Linalg.qr(kind, LinalgTestSupport.rankDeficient(50, 20, 7, 6), true).rank());
        assertEquals(17, Linalg.qr(kind, DMatrix.random(203, 17, 4), true).rank());
        // Least squares: the residual of the solution is orthogonal to the columns (normal equations).
        DMatrix a = DMatrix.random(80, 9, 11);
        DMatrix b = DMatrix.random(80, 2, 12);
        for (boolean piv : new boolean[] {false, true}) {
            DMatrix x = Linalg.qr(kind, a, piv).solve(b);
            DMatrix res = minus(b, mul(a, x));
            DMatrix atr = Linalg.gemm(Backend.JAVA, 1.0, a, true, res, false, 0.0, DMatrix.zeros(9, 2));
            assertTrue(atr.normF() / (a.normF() * a.normF() * x.normF() * 80 * EPS) < THRESHOLD, "A^T r = 0, pivoting " + piv);
        }
        // Rank-deficient with pivoting: the basic solution still fits a consistent system exactly.
        DMatrix rd = LinalgTestSupport.rankDeficient(40, 12, 5, 13);
        DMatrix rhs = mul(rd, DMatrix.random(12, 1, 14));
        DMatrix x = Linalg.qr(kind, rd, true).solve(rhs);
        assertTrue(minus(rhs, mul(rd, x)).normF() / (rd.normF() * x.normF() * 40 * EPS) < 1e3, "consistent rank-deficient system");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("luCases")
    void lu(Backend kind, Case c) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = c.a();
        DMatrix before = a.copy();
        LU lu = Linalg.lu(kind, a);
        DMatrix l = lu.l(), u = lu.u();
        for (double v : l.data()) assertTrue(Math.abs(v) <= 1, c + " |L| <= 1 (partial pivoting)");
        DMatrix pa = mul(lu.p(), a);
        int n = Math.max(a.rows(), a.cols());
        assertScaled(scaled(minus(pa, mul(l, u)).normF(), a.normF(), n), c + " ||P A - L U|| / (||A|| n eps)");
        assertEquals(before, a, "input unchanged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void solveInverseDet(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix a : new DMatrix[] {DMatrix.random(61, 61, 21), LinalgTestSupport.illConditioned(30, 30, 1e12, 22),
                DMatrix.wrap(1, 1, new double[] {4})}) {
            int n = a.rows();
            DMatrix before = a.copy();
            DMatrix b = DMatrix.random(n, 3, 23);
            DMatrix x = Linalg.solve(kind, a, b);
            // Backward error of a solve: ||A X - B|| / (||A|| ||X|| n eps).
            assertScaled(minus(mul(a, x), b).normF() / (a.normF() * x.normF() * n * EPS), "solve " + a.shape());
            DMatrix inv = Linalg.inverse(kind, a);
            assertScaled(minus(mul(a, inv), DMatrix.identity(n)).normF() / (a.normF() * inv.normF() * n * EPS), "inverse");
            assertEquals(before, a, "input unchanged");
            DMatrix xl = Linalg.lu(kind, a).solve(b);
            assertScaled(minus(mul(a, xl), b).normF() / (a.normF() * xl.normF() * n * EPS), "LU.solve");
        }
        DMatrix d = DMatrix.of(new double[][] {{0, 2, 0}, {3, 0, 0}, {0, 0, 5}});
        assertEquals(-30, Linalg.lu(kind, d).det(), 1e-13);
        assertEquals(0, Linalg.lu(kind, LinalgTestSupport.rankDeficient(4, 4, 2, 1)).det(), 1e-13);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("svdCases")
    void svd(Backend kind, Case c) {
        BackendSupport.assumeAvailable(kind);
        checkSvd(c, thin -> Linalg.svd(kind, c.a(), thin));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#cases")
    void svdJacobi(Case c) {
        checkSvd(c, thin -> Linalg.svdJacobi(c.a(), thin));
    }

    private static void checkSvd(Case c, java.util.function.Function<Boolean, SVD> svdOf) {
        DMatrix a = c.a();
        DMatrix before = a.copy();
        int m = a.rows(), n = a.cols(), k = Math.min(m, n), big = Math.max(m, n);
        for (boolean thin : new boolean[] {true, false}) {
            String what = c + (thin ? " thin" : " full");
            SVD svd = svdOf.apply(thin);
            DMatrix u = svd.u(), vt = svd.vt();
            double[] s = svd.s();
            assertEquals(k, s.length);
            assertEquals(thin ? k : m, u.cols(), what + " U columns");
            assertEquals(thin ? k : n, vt.rows(), what + " Vt rows");
            for (int i = 0; i < k; i++) {
                assertTrue(s[i] >= 0, what + " s >= 0");
                if (i > 0) assertTrue(s[i] <= s[i - 1], what + " s descending");
            }
            DMatrix us = DMatrix.zeros(m, vt.rows());
            for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) us.set(i, j, u.get(i, j) * s[j]);
            assertScaled(scaled(minus(a, mul(us, vt)).normF(), a.normF(), big), what + " ||A - U S Vt|| / (||A|| n eps)");
            assertScaled(orthogonalityError(u) / (Math.max(m, 1) * EPS), what + " ||U^T U - I|| / (m eps)");
            assertScaled(orthogonalityError(Linalg.transpose(vt)) / (Math.max(n, 1) * EPS), what + " ||V^T V - I|| / (n eps)");
        }
        assertEquals(before, a, "input unchanged");
    }

    @org.junit.jupiter.api.Test
    void jacobiHasHighRelativeAccuracyOnGradedMatrices() {
        // A = B D: B well conditioned, D = diag(1, 1e-4, ..., 1e-20), so the singular values span 20 orders.
        // Jacobi determines each to high relative accuracy (Demmel and Veselic): permuting A's columns changes
        // every rotation but not the exact answer, so both orders must agree to 1e-12 relative even for the
        // smallest value (~1e-20), which backward-stable algorithms only give to eps s_max absolute.
        int n = 6;
        DMatrix b = LinalgTestSupport.withSingularValues(n, n, new double[] {1, 0.9, 0.8, 0.7, 0.6, 0.5}, 77);
        DMatrix a = b.copy();
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) a.set(i, j, b.get(i, j) * Math.pow(1e-4, j));
        double[] s = Linalg.svdJacobi(a, true).s();
        DMatrix p = DMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) System.arraycopy(a.data(), (n - 1 - j) * n, p.data(), j * n, n);
        double[] sp = Linalg.svdJacobi(p, true).s();
        for (int i = 0; i < n; i++) {
            assertTrue(s[i] > 0, "s_" + i + " > 0");
            assertTrue(Math.abs(s[i] - sp[i]) <= 1e-12 * s[i], "s_" + i + " to 1e-12 relative: " + s[i] + " vs " + sp[i]);
        }
        assertTrue(s[n - 1] < 1e-19 && s[n - 1] > 1e-22, "smallest singular value near 1e-20 * 0.5, was " + s[n - 1]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#svdKinds")
    void svdRankPinvCond(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        assertEquals(11, Linalg.svd(kind, LinalgTestSupport.rankDeficient(30, 30, 11, 3)).rank());
        assertEquals(7, Linalg.svd(kind, LinalgTestSupport.rankDeficient(20, 50, 7, 6)).rank());
        SVD ill = Linalg.svd(kind, LinalgTestSupport.illConditioned(40, 40, 1e12, 2));
        assertEquals(1e12, ill.cond(), 1e12 * 1e-3, "cond of the 1e12 matrix");
        assertEquals(40, ill.rank());
        // Moore-Penrose conditions on a rank-deficient wide matrix.
        DMatrix a = LinalgTestSupport.rankDeficient(9, 14, 4, 31);
        DMatrix p = Linalg.svd(kind, a).pinv();
        assertEquals(14, p.rows());
        assertEquals(9, p.cols());
        double tol = 1e-10 * a.normF();
        assertTrue(minus(mul(mul(a, p), a), a).normF() < tol, "A A+ A = A");
        assertTrue(minus(mul(mul(p, a), p), p).normF() < 1e-10 * p.normF(), "A+ A A+ = A+");
        DMatrix ap = mul(a, p);
        assertTrue(minus(ap, Linalg.transpose(ap)).normF() < 1e-10, "A A+ symmetric");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#choleskyKinds")
    void cholesky(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {1, 2, 17, 64}) {
            DMatrix a = LinalgTestSupport.randomSpd(n, 40 + n);
            DMatrix before = a.copy();
            Cholesky ch = Linalg.cholesky(kind, a);
            DMatrix l = ch.l();
            for (int j = 0; j < n; j++) {
                assertTrue(l.get(j, j) > 0, "positive diagonal");
                for (int i = 0; i < j; i++) assertEquals(0.0, l.get(i, j), "upper part zero");
            }
            DMatrix llt = Linalg.gemm(Backend.JAVA, 1.0, l, false, l, true, 0.0, DMatrix.zeros(n, n));
            assertScaled(scaled(minus(a, llt).normF(), a.normF(), n), "||A - L L^T|| / (||A|| n eps), n = " + n);
            DMatrix b = DMatrix.random(n, 2, n);
            DMatrix x = ch.solve(b);
            assertScaled(minus(mul(a, x), b).normF() / (a.normF() * x.normF() * n * EPS), "Cholesky solve");
            assertEquals(before, a, "input unchanged");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#eigKinds")
    void eigSymmetric(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix[] mats = {LinalgTestSupport.randomSymmetric(1, 50), LinalgTestSupport.randomSymmetric(2, 51),
                LinalgTestSupport.randomSymmetric(57, 52), LinalgTestSupport.randomSpd(33, 53),
                // repeated eigenvalues and a rank-deficient (singular) symmetric matrix
                DMatrix.identity(9), symmetricRankDeficient(25, 6, 54),
                // cond 1e12 SPD
                spdWithCond(30, 1e12, 55)};
        for (DMatrix a : mats) {
            int n = a.rows();
            DMatrix before = a.copy();
            SymmetricEigen e = Linalg.eigSymmetric(kind, a);
            double[] w = e.values();
            DMatrix v = e.vectors();
            for (int i = 1; i < n; i++) assertTrue(w[i - 1] <= w[i], "ascending");
            DMatrix vw = v.copy();
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) vw.set(i, j, v.get(i, j) * w[j]);
            assertScaled(scaled(minus(mul(a, v), vw).normF(), a.normF(), n), "||A V - V W|| / (||A|| n eps), n = " + n);
            assertScaled(orthogonalityError(v) / (n * EPS), "||V^T V - I|| / (n eps), n = " + n);
            assertEquals(before, a, "input unchanged");
        }
    }

    private static DMatrix symmetricRankDeficient(int n, int r, long seed) {
        DMatrix x = DMatrix.random(n, r, seed);
        return Linalg.gemm(Backend.JAVA, 1.0, x, false, x, true, 0.0, DMatrix.zeros(n, n));
    }

    private static DMatrix spdWithCond(int n, double cond, long seed) {
        DMatrix q = LinalgTestSupport.randomOrthogonal(n, seed);
        DMatrix qd = q.copy();
        for (int j = 0; j < n; j++) {
            double d = Math.pow(cond, -(double) j / (n - 1));
            for (int i = 0; i < n; i++) qd.set(i, j, q.get(i, j) * d);
        }
        DMatrix a = Linalg.gemm(Backend.JAVA, 1.0, qd, false, q, true, 0.0, DMatrix.zeros(n, n));
        for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) a.set(i, j, a.get(j, i)); // exactly symmetric
        return a;
    }
}
