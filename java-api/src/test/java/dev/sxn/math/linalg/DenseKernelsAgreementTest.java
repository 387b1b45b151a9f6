package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JAVA and VECTOR kernels, called directly (no facade, no crossover), agree on every operation of
 * {@link LinalgKernels} over shapes that cross each boundary of the two kernels' algorithms: 1 x 1 and
 * other tiny shapes, odd sizes, sizes around the vector length (7, 8, 9, 15, 16, 17), the
 * micro-tile and block size 32 (31, 32, 33, 63, 65), the unblocked Cholesky limit 128 (127, 129), and
 * tall / wide shapes on both sides of the SVD's QR crossover m = 5n/3 (5 x 3 on it, 9 x 6 below it).
 *
 * <p>Inputs are well conditioned (entries uniform in [-1, 1), plus n I where a factorisation needs it), so
 * each backend's result is within a small multiple of n eps of the exact one and both are within twice
 * that of each other. Tolerances, with N = max(m, n): LU, QR, Q and Cholesky factors and the solution of
 * a linear system entrywise within 1000 N eps ||.||_max of JAVA's (the same pivots and reflector signs are
 * asserted first); singular values and eigenvalues within 100 N eps of the largest; singular vectors and
 * eigenvectors equal up to sign (|u_J . u_V| within 1e-9 of 1) where the value is separated from its
 * neighbours by 1e-3 of the largest. The column-pivoted QR runs on the same plain-Java primitives in both
 * kernels and is compared bit for bit.
 */
class DenseKernelsAgreementTest {
    private static final LinalgKernels JAVA = new JavaLinalgKernels();

    private LinalgKernels vector;

    @BeforeEach
    void vectorAvailable() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        vector = new VectorLinalgKernels();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(new int[][] {{1, 1}, {2, 2}, {3, 3}, {1, 5}, {5, 1}, {5, 3}, {3, 5}, {9, 6}, {6, 9}, {10, 6},
                {7, 7}, {8, 8}, {9, 9}, {15, 15}, {16, 16}, {17, 17}, {31, 31}, {32, 32}, {33, 33}, {63, 40}, {40, 63},
                {65, 65}, {127, 127}, {129, 129}, {150, 97}, {97, 150}}).map(s -> Arguments.of(s[0], s[1]));
    }

    private static double[] random(int m, int n, long seed) {
        return DMatrix.random(m, n, seed).data();
    }

    private static double maxAbs(double[] x) {
        double r = 0;
        for (double v : x) r = Math.max(r, Math.abs(v));
        return r;
    }

    private static void assertNear(double[] want, double[] got, double atol, String what) {
        Tolerance.assertClose(want, got, atol, 0, what);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("shapes")
    void luAndSolve(int m, int n) {
        int k = Math.min(m, n), big = Math.max(m, n);
        double[] a = random(m, n, 1);
        for (int i = 0; i < k; i++) a[i + i * m] += big; // diagonally dominant: pivots are clear-cut
        double[] aj = a.clone(), av = a.clone();
        int[] pj = new int[k], pv = new int[k];
        assertEquals(JAVA.getrf(m, n, aj, pj), vector.getrf(m, n, av, pv), "getrf info");
        assertArrayEquals(pj, pv, "pivots");
        assertNear(aj, av, 1000 * big * EPS * maxAbs(a), "LU factors");
        if (m != n) return;
        double[] b = random(n, 3, 2);
        double[] xj = b.clone(), xv = b.clone();
        assertEquals(0, JAVA.gesv(n, 3, a.clone(), new int[n], xj));
        assertEquals(0, vector.gesv(n, 3, a.clone(), new int[n], xv));
        assertNear(xj, xv, 1000 * n * EPS * maxAbs(xj), "gesv X");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("shapes")
    void householderQrAndQ(int m, int n) {
        int k = Math.min(m, n), big = Math.max(m, n);
        double[] a = random(m, n, 3);
        double[] aj = a.clone(), av = a.clone();
        double[] tj = new double[k], tv = new double[k];
        JAVA.geqrf(m, n, aj, tj);
        vector.geqrf(m, n, av, tv);
        assertNear(aj, av, 1000 * big * EPS * maxAbs(a), "R and reflectors");
        assertNear(tj, tv, 1000 * big * EPS, "tau");
        for (int cols : new int[] {k, m}) {
            double[] qj = new double[m * cols], qv = new double[m * cols];
            System.arraycopy(aj, 0, qj, 0, m * k);
            System.arraycopy(av, 0, qv, 0, m * k);
            JAVA.orgqr(m, cols, k, qj, tj.clone());
            vector.orgqr(m, cols, k, qv, tv.clone());
            assertNear(qj, qv, 1000 * big * EPS, "Q, " + cols + " columns");
        }
        double[] pj = a.clone(), pv = a.clone();
        int[] jj = new int[n], jv = new int[n];
        double[] tpj = new double[k], tpv = new double[k];
        JAVA.geqp3(m, n, pj, jj, tpj);
        vector.geqp3(m, n, pv, jv, tpv);
        assertArrayEquals(jj, jv, "geqp3 permutation");
        assertArrayEquals(pj, pv, "geqp3 factors, bit for bit");
        assertArrayEquals(tpj, tpv, "geqp3 tau, bit for bit");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("shapes")
    void svd(int m, int n) {
        int k = Math.min(m, n), big = Math.max(m, n);
        double[] a = random(m, n, 4);
        for (boolean thin : new boolean[] {true, false}) {
            int uc = thin ? k : m, vr = thin ? k : n;
            double[] sj = new double[k], uj = new double[m * uc], vtj = new double[vr * n];
            double[] sv = new double[k], uv = new double[m * uc], vtv = new double[vr * n];
            assertEquals(0, JAVA.gesvd(m, n, a.clone(), sj, uj, vtj, thin));
            assertEquals(0, vector.gesvd(m, n, a.clone(), sv, uv, vtv, thin));
            assertNear(sj, sv, 100 * big * EPS * sj[0], "singular values, thin " + thin);
            for (int i = 0; i < k; i++) {
                if (!separated(sj, i)) continue;
                assertSameUpToSign(uj, i * m, 1, uv, m, "u_" + i);
                assertSameUpToSign(vtj, i, vr, vtv, n, "v_" + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("shapes")
    void choleskyAndSymmetricEigen(int m, int n) {
        if (m != n) return;
        double[] g = random(n, n, 5);
        double[] spd = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) spd[i + j * n] = g[i + j * n] + g[j + i * n] + (i == j ? 2 * n : 0);
        }
        double[] lj = spd.clone(), lv = spd.clone();
        assertEquals(0, JAVA.potrf(n, lj));
        assertEquals(0, vector.potrf(n, lv));
        double lmax = 0;
        for (int j = 0; j < n; j++) for (int i = j; i < n; i++) lmax = Math.max(lmax, Math.abs(lj[i + j * n]));
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                assertEquals(lj[i + j * n], lv[i + j * n], 1000 * n * EPS * lmax, "L(" + i + ", " + j + ")");
            }
        }
        double[] wj = new double[n], wv = new double[n];
        double[] zj = spd.clone(), zv = spd.clone();
        for (int i = 0; i < n; i++) zj[i + i * n] = zv[i + i * n] = g[i + i * n]; // indefinite as well
        assertEquals(0, JAVA.syev(n, zj, wj));
        assertEquals(0, vector.syev(n, zv, wv));
        double wmax = Math.max(Math.abs(wj[0]), Math.abs(wj[n - 1]));
        assertNear(wj, wv, 100 * n * EPS * wmax, "eigenvalues");
        for (int i = 0; i < n; i++) {
            if (separatedFrom(wj, i, wmax)) assertSameUpToSign(zj, i * n, 1, zv, n, "eigenvector " + i);
        }
    }

    /** Whether s[i] is at least 1e-3 s[0] away from its neighbours (s descending). */
    private static boolean separated(double[] s, int i) {
        return separatedFrom(s, i, s[0]);
    }

    private static boolean separatedFrom(double[] w, int i, double scale) {
        double gap = Double.POSITIVE_INFINITY;
        if (i > 0) gap = Math.min(gap, Math.abs(w[i] - w[i - 1]));
        if (i < w.length - 1) gap = Math.min(gap, Math.abs(w[i] - w[i + 1]));
        return gap > 1e-3 * scale;
    }

    /**
     * The vector at x[xo + r stride] (r < len) equals, up to sign, the one at the same place in y, both of
     * unit norm: |x . y| within 1e-9 of 1. Column vectors have stride 1, rows of Vt stride = its rows.
     */
    private static void assertSameUpToSign(double[] x, int xo, int stride, double[] y, int len, String what) {
        double d = 0;
        for (int r = 0; r < len; r++) d += x[xo + r * stride] * y[xo + r * stride];
        assertTrue(Math.abs(Math.abs(d) - 1) < 1e-9, what + ": |J . V| = " + Math.abs(d));
    }
}
