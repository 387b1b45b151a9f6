package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GEMM on every backend against the textbook triple loop, for all four transpose combinations, odd
 * sizes around the blocking (128, 256) and the unroll (4), alpha/beta cases and empty operands.
 * Tolerance: each entry within 2 k eps sum_p |a_ip b_pj| (+ |beta c_ij|): the standard error bound of a
 * dot product of length k in any summation order.
 */
class LinalgGemmTest {
    static Stream<Arguments> shapes() {
        int[][] mnk = {{1, 1, 1}, {3, 5, 7}, {17, 9, 130}, {259, 3, 5}, {5, 33, 1}, {64, 64, 64}, {131, 67, 257}, {0, 4, 3},
                {4, 0, 3}, {4, 3, 0}};
        return LinalgTestSupport.gemmKinds().flatMap(k -> Stream.of(mnk).flatMap(s -> Stream.of(
                Arguments.of(k, s[0], s[1], s[2], false, false), Arguments.of(k, s[0], s[1], s[2], true, false),
                Arguments.of(k, s[0], s[1], s[2], false, true), Arguments.of(k, s[0], s[1], s[2], true, true))));
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} tA={4} tB={5}")
    @MethodSource("shapes")
    void gemmMatchesTripleLoop(Backend kind, int m, int n, int k, boolean ta, boolean tb) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = ta ? DMatrix.random(k, m, 1) : DMatrix.random(m, k, 1);
        DMatrix b = tb ? DMatrix.random(n, k, 2) : DMatrix.random(k, n, 2);
        DMatrix a0 = a.copy(), b0 = b.copy();
        DMatrix c0 = DMatrix.random(m, n, 3);
        double alpha = -1.5, beta = 0.25;
        DMatrix c = c0.copy();
        assertSame(c, Linalg.gemm(kind, alpha, a, ta, b, tb, beta, c));
        DMatrix ab = LinalgTestSupport.naive(a, ta, b, tb);
        DMatrix absAb = LinalgTestSupport.naive(abs(a), ta, abs(b), tb);
        double eps = Math.ulp(1.0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double want = alpha * ab.get(i, j) + beta * c0.get(i, j);
                double bound = 2 * (k + 2) * eps * (Math.abs(alpha) * absAb.get(i, j) + Math.abs(beta * c0.get(i, j)));
                assertEquals(want, c.get(i, j), bound, "C(" + i + ", " + j + ")");
            }
        }
        assertEquals(a0, a, "A unchanged");
        assertEquals(b0, b, "B unchanged");
    }

    private static DMatrix abs(DMatrix a) {
        DMatrix r = a.copy();
        for (int i = 0; i < r.data().length; i++) r.data()[i] = Math.abs(r.data()[i]);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#gemmKinds")
    void betaZeroIgnoresNaNInC(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.random(7, 5, 1), b = DMatrix.random(5, 6, 2);
        DMatrix c = DMatrix.zeros(7, 6);
        java.util.Arrays.fill(c.data(), Double.NaN);
        Linalg.gemm(kind, 1.0, a, false, b, false, 0.0, c);
        assertTrue(c.isClose(LinalgTestSupport.naive(a, false, b, false), 1e-14, 1e-14), "beta = 0: C's NaNs ignored");
        // alpha = 0: C := beta C only.
        DMatrix c2 = DMatrix.random(7, 6, 3);
        DMatrix want = c2.copy();
        for (int i = 0; i < want.data().length; i++) want.data()[i] *= 2;
        Linalg.gemm(kind, 0.0, a, false, b, false, 2.0, c2);
        assertEquals(want, c2);
    }

    @Test
    void nanPropagatesThroughProducts() {
        DMatrix a = DMatrix.random(3, 3, 1);
        a.set(1, 2, Double.NaN);
        DMatrix c = Linalg.multiply(a, DMatrix.identity(3));
        assertTrue(Double.isNaN(c.get(1, 2)), "NaN propagates (BLAS semantics)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#gemmKinds")
    void multiplyAndTranspose(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.random(37, 23, 5), b = DMatrix.random(23, 41, 6);
        DMatrix ab = Linalg.multiply(kind, a, b);
        assertTrue(ab.isClose(LinalgTestSupport.naive(a, false, b, false), 1e-13, 1e-13));
        DMatrix out = DMatrix.zeros(37, 41);
        assertSame(out, Linalg.multiplyInto(a, b, out));
        assertTrue(out.isClose(ab, 1e-13, 1e-13));
        DMatrix at = Linalg.transpose(a);
        assertEquals(23, at.rows());
        for (int i = 0; i < 37; i++) for (int j = 0; j < 23; j++) assertEquals(a.get(i, j), at.get(j, i));
        assertEquals(a, Linalg.transpose(at));
    }

    static Stream<Backend> acceleratedGemmKinds() {
        return BackendSupport.accelerated(KernelFamilies.GEMM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceleratedGemmKinds")
    void largeGemmAgreesWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.random(300, 280, 7), b = DMatrix.random(280, 310, 8);
        DMatrix j = Linalg.multiply(Backend.JAVA, a, b);
        DMatrix n = Linalg.multiply(kind, a, b);
        // |x| <= 280 entrywise sum of |a||b| <= 280: 2 k eps * 280 absolute.
        assertTrue(n.isClose(j, 2 * 280 * Math.ulp(1.0) * 280, 0), kind + " vs JAVA, atol 2 k eps k");
    }
}
