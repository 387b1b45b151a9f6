package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static dev.sxn.math.linalg.LinalgTestSupport.minus;
import static dev.sxn.math.linalg.LinalgTestSupport.mul;
import static dev.sxn.math.linalg.LinalgTestSupport.orthogonalityError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.testing.BackendSupport;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The VECTOR kernels beyond the shared residual suites (which run them on the small shapes of part 1,
 * see {@link LinalgTestSupport#gemmKinds()} and the other per-family lists): GEMM against the triple loop on every size 1..70 (every tail
 * of the 32 x 6 micro-tile), sizes crossing the cache blocks (MC = 128, KC = 256), all four transposes,
 * alpha/beta cases and sub-matrix operands; and the blocked factorisations (block 32) on sizes of
 * several ragged blocks, against scaled residuals (bound 30, as in part 1) and against the JAVA kernel.
 *
 * <p>GEMM tolerance: each entry within 2 (k + 2) eps (|alpha| sum_p |a_ip b_pj| + |beta c_ij|), the
 * error bound of a length-k dot product in any summation order (with FMA).
 */
class VectorLinalgKernelsTest {
    private static final double THRESHOLD = 30;

    @BeforeEach
    void vectorAvailable() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
    }

    static Stream<Arguments> tailShapes() {
        // m runs over 1..70; n and k over permutations of it, so every (m mod 32, n mod 6) pair appears.
        return IntStream.rangeClosed(1, 70).boxed().flatMap(m -> {
            int n = (m * 7) % 70 + 1, k = (m * 13) % 70 + 1;
            return Stream.of(Arguments.of(m, n, k, false, false), Arguments.of(m, n, k, true, false),
                    Arguments.of(m, n, k, false, true), Arguments.of(m, n, k, true, true));
        });
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4}")
    @MethodSource("tailShapes")
    void gemmTails(int m, int n, int k, boolean ta, boolean tb) {
        checkGemm(m, n, k, ta, tb, -1.5, 0.25, m * 1000L + n);
    }

    static Stream<Arguments> blockShapes() {
        int[][] mnk = {{163, 37, 261}, {129, 131, 255}, {33, 1031, 7}, {300, 7, 520}, {1, 700, 300}, {97, 1, 1}};
        return Stream.of(mnk).flatMap(s -> Stream.of(Arguments.of(s[0], s[1], s[2], false, false),
                Arguments.of(s[0], s[1], s[2], true, false), Arguments.of(s[0], s[1], s[2], false, true),
                Arguments.of(s[0], s[1], s[2], true, true)));
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4}")
    @MethodSource("blockShapes")
    void gemmAcrossCacheBlocks(int m, int n, int k, boolean ta, boolean tb) {
        checkGemm(m, n, k, ta, tb, 0.75, -1.0, 7);
    }

    @Test
    void gemmAlphaBetaCases() {
        double[][] ab = {{1, 0}, {1, 1}, {-2, 0.5}, {0, 3}, {0, 0}, {2.5, -1}};
        for (double[] c : ab) {
            for (boolean ta : new boolean[] {false, true}) {
                checkGemm(45, 19, 38, ta, !ta, c[0], c[1], 11);
            }
        }
    }

    private static void checkGemm(int m, int n, int k, boolean ta, boolean tb, double alpha, double beta, long seed) {
        DMatrix a = ta ? DMatrix.random(k, m, seed) : DMatrix.random(m, k, seed);
        DMatrix b = tb ? DMatrix.random(n, k, seed + 1) : DMatrix.random(k, n, seed + 1);
        DMatrix c0 = DMatrix.random(m, n, seed + 2);
        DMatrix c = c0.copy();
        if (beta == 0) Arrays.fill(c.data(), Double.NaN); // ignored when beta = 0
        Linalg.gemm(Backend.VECTOR, alpha, a, ta, b, tb, beta, c);
        DMatrix ab = LinalgTestSupport.naive(a, ta, b, tb);
        DMatrix absAb = LinalgTestSupport.naive(abs(a), ta, abs(b), tb);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double want = alpha * ab.get(i, j) + beta * c0.get(i, j);
                double bound = 2 * (k + 2) * EPS * (Math.abs(alpha) * absAb.get(i, j) + Math.abs(beta * c0.get(i, j)));
                assertEquals(want, c.get(i, j), bound, "C(" + i + ", " + j + ") alpha " + alpha + " beta " + beta);
            }
        }
    }

    private static DMatrix abs(DMatrix a) {
        DMatrix r = a.copy();
        for (int i = 0; i < r.data().length; i++) r.data()[i] = Math.abs(r.data()[i]);
        return r;
    }

    @Test
    void gemmOnSubMatricesLeavesTheRestAlone() {
        // The blocked factorisations call the core on blocks inside one array: offsets and leading
        // dimensions larger than the block, C surrounded by entries that must not change.
        int ld = 90;
        double[] big = DMatrix.random(ld, 80, 3).data();
        double[] before = big.clone();
        int m = 37, n = 23, k = 41;
        // A (37 x 41) at rows 5.., cols 2..; B (41 x 23) at rows 45.., cols 2..; C (37 x 23) at rows 3.., cols 50..
        int aOff = 5 + 2 * ld, bOff = 45 + 2 * ld, cOff = 3 + 50 * ld;
        double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
        for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) a[i + j * m] = big[aOff + i + j * ld];
        for (int j = 0; j < n; j++) for (int i = 0; i < k; i++) b[i + j * k] = big[bOff + i + j * ld];
        for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) c[i + j * m] = big[cOff + i + j * ld];
        VectorGemm.gemm(false, false, m, n, k, 2.0, big, aOff, ld, big, bOff, ld, 0.5, big, cOff, ld);
        new JavaLinalgKernels().gemm(false, false, m, n, k, 2.0, a, b, 0.5, c);
        for (int j = 0; j < 80; j++) {
            for (int i = 0; i < ld; i++) {
                int r = i - 3, col = j - 50;
                double got = big[i + j * ld];
                if (r >= 0 && r < m && col >= 0 && col < n) {
                    assertEquals(c[r + col * m], got, 2 * (k + 2) * EPS * 4 * k, "C(" + r + ", " + col + ")");
                } else {
                    assertEquals(before[i + j * ld], got, "outside C at (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void largeGemmAgreesWithJava() {
        DMatrix a = DMatrix.random(300, 280, 7), b = DMatrix.random(280, 310, 8);
        DMatrix j = Linalg.multiply(Backend.JAVA, a, b);
        DMatrix v = Linalg.multiply(Backend.VECTOR, a, b);
        // |a_ip b_pj| <= 1, so each entry is within 2 k eps k absolute.
        assertTrue(v.isClose(j, 2 * 280 * EPS * 280, 0), "VECTOR vs JAVA, atol 2 k eps k");
    }

    // ------------------------------------------------------------------ blocked factorisations

    private static double scaled(double residual, double normA, int n) {
        return residual == 0 ? 0 : residual / (Math.max(normA, Double.MIN_NORMAL) * Math.max(n, 1) * EPS);
    }

    private static void assertScaled(double ratio, String what) {
        assertTrue(ratio < THRESHOLD, what + ": scaled residual " + ratio + " >= " + THRESHOLD);
    }

    static Stream<DMatrix> blockedShapes() {
        return Stream.of(DMatrix.random(150, 97, 1), DMatrix.random(97, 150, 2), DMatrix.random(131, 131, 3),
                LinalgTestSupport.illConditioned(100, 100, 1e12, 4), LinalgTestSupport.rankDeficient(120, 90, 40, 5),
                DMatrix.random(400, 70, 6), DMatrix.random(33, 33, 7), DMatrix.random(64, 64, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockedShapes")
    void blockedQrAndQ(DMatrix a) {
        int m = a.rows(), n = a.cols(), k = Math.min(m, n), big = Math.max(m, n);
        QR qr = Linalg.qr(Backend.VECTOR, a, false);
        DMatrix q = qr.q(), r = qr.r();
        assertScaled(scaled(minus(a, mul(q, r)).normF(), a.normF(), big), a.shape() + " ||A - Q R|| / (||A|| n eps)");
        assertScaled(orthogonalityError(q) / (m * EPS), a.shape() + " ||Q^T Q - I|| / (m eps)");
        DMatrix qf = qr.q(true);
        assertScaled(orthogonalityError(qf) / (m * EPS), a.shape() + " full Q orthogonality");
        // R agrees with the unblocked JAVA factorisation (same reflectors, same signs) to rounding.
        DMatrix rj = Linalg.qr(Backend.JAVA, a, false).r();
        assertTrue(r.isClose(rj, 1e-11 * a.normF(), 0), a.shape() + " R vs JAVA");
        assertEquals(k, r.rows());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockedShapes")
    void blockedLu(DMatrix a) {
        LU lu = Linalg.lu(Backend.VECTOR, a);
        int n = Math.max(a.rows(), a.cols());
        assertScaled(scaled(minus(mul(lu.p(), a), mul(lu.l(), lu.u())).normF(), a.normF(), n), a.shape() + " ||P A - L U||");
        // Same pivot order as the unblocked JAVA kernel (the same comparisons on values equal up to
        // rounding) on full-rank input; on rank-deficient input the late pivots are rounding noise.
        if (Linalg.qr(Backend.JAVA, a, true).rank() == Math.min(a.rows(), a.cols())) {
            assertEquals(Linalg.lu(Backend.JAVA, a).p(), lu.p(), a.shape() + " P vs JAVA");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockedShapes")
    void blockedSvd(DMatrix a) {
        int m = a.rows(), n = a.cols(), big = Math.max(m, n);
        for (boolean thin : new boolean[] {true, false}) {
            SVD svd = Linalg.svd(Backend.VECTOR, a, thin);
            double[] s = svd.s();
            DMatrix us = DMatrix.zeros(m, svd.vt().rows());
            for (int j = 0; j < s.length; j++) for (int i = 0; i < m; i++) us.set(i, j, svd.u().get(i, j) * s[j]);
            assertScaled(scaled(minus(a, mul(us, svd.vt())).normF(), a.normF(), big), a.shape() + " ||A - U S Vt||");
            assertScaled(orthogonalityError(svd.u()) / (m * EPS), a.shape() + " U orthogonality");
            assertScaled(orthogonalityError(Linalg.transpose(svd.vt())) / (n * EPS), a.shape() + " V orthogonality");
            double[] sj = Linalg.svd(Backend.JAVA, a, thin).s();
            for (int i = 0; i < s.length; i++) {
                // Backward stable both: agreement to O(n eps) s_max (relative to the largest value).
                assertEquals(sj[i], s[i], 100 * big * EPS * sj[0], a.shape() + " s_" + i + " vs JAVA");
            }
        }
    }

    @Test
    void blockedSvdSingularValuesMatchJavaToRelative1e12() {
        DMatrix a = LinalgTestSupport.withSingularValues(240, 60, IntStream.range(0, 60).mapToDouble(i -> 1 + i % 7).toArray(), 9);
        double[] sv = Linalg.svd(Backend.VECTOR, a).s(), sj = Linalg.svd(Backend.JAVA, a).s();
        for (int i = 0; i < sv.length; i++) assertEquals(sj[i], sv[i], 1e-12 * sj[i], "s_" + i);
    }

    @Test
    void blockedCholesky() {
        for (int n : new int[] {31, 32, 33, 100, 129, 161, 200}) {
            DMatrix a = LinalgTestSupport.randomSpd(n, 60 + n);
            DMatrix l = Linalg.cholesky(Backend.VECTOR, a).l();
            DMatrix llt = Linalg.gemm(Backend.JAVA, 1.0, l, false, l, true, 0.0, DMatrix.zeros(n, n));
            assertScaled(scaled(minus(a, llt).normF(), a.normF(), n), "||A - L L^T||, n = " + n);
            for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) assertEquals(0.0, l.get(i, j), "upper part zero");
            DMatrix lj = Linalg.cholesky(Backend.JAVA, a).l();
            assertTrue(l.isClose(lj, 1e-12 * lj.normF(), 0), "L vs JAVA, n = " + n);
        }
    }

    @Test
    void blockedCholeskyNamesTheFailingPivotInALaterBlock() {
        // n = 200 runs blocked (above 128): SPD leading 170 x 170 block, then a diagonal entry that makes
        // the minor of order 171 indefinite (in the sixth block); and n = 100, unblocked, at 70.
        for (int[] c : new int[][] {{200, 170}, {100, 70}}) {
            int n = c[0], bad = c[1];
            DMatrix a = LinalgTestSupport.randomSpd(n, 5);
            a.set(bad, bad, -1e6);
            double[] w = a.data().clone();
            assertEquals(bad + 1, new VectorLinalgKernels().potrf(n, w), "info = 1-based failing pivot, n = " + n);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Linalg.cholesky(Backend.VECTOR, a));
            assertTrue(e.getMessage().contains("pivot " + bad), e.getMessage());
        }
    }

    @Test
    void blockedLuReportsTheFirstZeroPivot() {
        // Column 40 (in the second block) equal to column 3: U(40, 40) is exactly 0 after elimination? Not
        // exactly in floating point; use an exactly zero column instead, which both kernels detect.
        DMatrix a = DMatrix.random(90, 90, 12);
        for (int i = 0; i < 90; i++) a.set(i, 40, 0);
        double[] w = a.data().clone(), wj = a.data().clone();
        int info = new VectorLinalgKernels().getrf(90, 90, w, new int[90]);
        int infoJ = new JavaLinalgKernels().getrf(90, 90, wj, new int[90]);
        assertEquals(41, infoJ);
        assertEquals(infoJ, info);
        assertThrows(IllegalArgumentException.class, () -> Linalg.solve(Backend.VECTOR, a, DMatrix.random(90, 1, 1)));
    }

    @Test
    void blockedSolveAndInverse() {
        DMatrix a = DMatrix.random(130, 130, 21);
        DMatrix b = DMatrix.random(130, 3, 22);
        DMatrix x = Linalg.solve(Backend.VECTOR, a, b);
        assertScaled(minus(mul(a, x), b).normF() / (a.normF() * x.normF() * 130 * EPS), "solve");
        DMatrix inv = Linalg.inverse(Backend.VECTOR, a);
        assertScaled(minus(mul(a, inv), DMatrix.identity(130)).normF() / (a.normF() * inv.normF() * 130 * EPS), "inverse");
    }

    @Test
    void symmetricEigenWithBlockedQ() {
        for (int n : new int[] {3, 34, 150}) {
            DMatrix a = LinalgTestSupport.randomSymmetric(n, 70 + n);
            SymmetricEigen e = Linalg.eigSymmetric(Backend.VECTOR, a);
            DMatrix v = e.vectors();
            double[] w = e.values();
            DMatrix vw = v.copy();
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) vw.set(i, j, v.get(i, j) * w[j]);
            assertScaled(scaled(minus(mul(a, v), vw).normF(), a.normF(), n), "||A V - V W||, n = " + n);
            assertScaled(orthogonalityError(v) / (n * EPS), "||V^T V - I||, n = " + n);
            double[] wj = Linalg.eigSymmetric(Backend.JAVA, a).values();
            double max = Math.max(Math.abs(wj[0]), Math.abs(wj[n - 1]));
            for (int i = 0; i < n; i++) assertEquals(wj[i], w[i], 1e-12 * max, "w_" + i + " vs JAVA, n = " + n);
        }
    }

    @Test
    void singularValuesAndEigenvaluesAgreeWithJavaTo1e12() {
        // Part 1's agreement test, for VECTOR: well-conditioned input, 1e-12 relative (eigenvalues with an
        // absolute floor of 1e-12 ||A||_2), singular vectors equal up to sign.
        for (DMatrix a : new DMatrix[] {DMatrix.random(120, 80, 1), DMatrix.random(33, 90, 2), DMatrix.random(64, 64, 3),
                LinalgTestSupport.illConditioned(50, 50, 1e3, 4), DMatrix.random(130, 130, 5)}) {
            SVD j = Linalg.svd(Backend.JAVA, a);
            SVD v = Linalg.svd(Backend.VECTOR, a);
            dev.sxn.math.testing.Tolerance.assertClose(j.s(), v.s(), 0, 1e-12, "singular values " + a.shape());
            for (int i = 0; i < j.s().length; i++) {
                double dot = 0;
                for (int r = 0; r < a.rows(); r++) dot += j.u().get(r, i) * v.u().get(r, i);
                assertTrue(Math.abs(Math.abs(dot) - 1) < 1e-9, "u_" + i + " agrees up to sign: " + Math.abs(dot));
            }
        }
        for (DMatrix a : new DMatrix[] {LinalgTestSupport.randomSymmetric(70, 1), LinalgTestSupport.randomSpd(45, 2),
                LinalgTestSupport.randomSymmetric(140, 3)}) {
            double[] j = Linalg.eigSymmetric(Backend.JAVA, a).values();
            double[] v = Linalg.eigSymmetric(Backend.VECTOR, a).values();
            double scale = Math.max(Math.abs(j[0]), Math.abs(j[j.length - 1]));
            dev.sxn.math.testing.Tolerance.assertClose(j, v, 1e-12 * scale, 1e-12, "eigenvalues " + a.shape());
        }
    }
}
