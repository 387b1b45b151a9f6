package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
 * The OPENCL GEMM ({@code kernels/linalg.cl}) against the triple loop and the JAVA kernel: sizes 1..40
 * and around the 16 x 16 tile (15, 16, 17, 33), all four transposes, alpha/beta cases, beta = 0 with NaN
 * in C, and repeated calls of different sizes (the device buffers are reused and grown). Tolerance: each
 * entry within 2 (k + 2) eps (|alpha| sum_p |a_ip b_pj| + |beta c_ij|), as for the other backends.
 */
class OpenClGemmTest {
    @BeforeEach
    void openClAvailable() {
        BackendSupport.assumeAvailable(Backend.OPENCL);
    }

    static Stream<Arguments> shapes() {
        Stream<int[]> tails = IntStream.rangeClosed(1, 40).mapToObj(m -> new int[] {m, (m * 7) % 40 + 1, (m * 13) % 40 + 1});
        Stream<int[]> tiles = Stream.of(new int[] {15, 16, 17}, new int[] {16, 16, 16}, new int[] {33, 17, 64}, new int[] {100, 3, 129});
        return Stream.concat(tails, tiles).flatMap(s -> Stream.of(Arguments.of(s[0], s[1], s[2], false, false),
                Arguments.of(s[0], s[1], s[2], true, false), Arguments.of(s[0], s[1], s[2], false, true),
                Arguments.of(s[0], s[1], s[2], true, true)));
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4}")
    @MethodSource("shapes")
    void matchesTripleLoop(int m, int n, int k, boolean ta, boolean tb) {
        check(m, n, k, ta, tb, -1.5, 0.25, m * 100L + k);
    }

    @Test
    void alphaBetaCases() {
        for (double[] ab : new double[][] {{1, 0}, {1, 1}, {-2, 0.5}, {0, 3}, {0, 0}, {2.5, -1}}) {
            check(37, 21, 19, false, true, ab[0], ab[1], 5);
            check(37, 21, 19, true, false, ab[0], ab[1], 6);
        }
    }

    private static void check(int m, int n, int k, boolean ta, boolean tb, double alpha, double beta, long seed) {
        DMatrix a = ta ? DMatrix.random(k, m, seed) : DMatrix.random(m, k, seed);
        DMatrix b = tb ? DMatrix.random(n, k, seed + 1) : DMatrix.random(k, n, seed + 1);
        DMatrix a0 = a.copy(), b0 = b.copy();
        DMatrix c0 = DMatrix.random(m, n, seed + 2);
        DMatrix c = c0.copy();
        if (beta == 0) Arrays.fill(c.data(), Double.NaN);
        assertSame(c, Linalg.gemm(Backend.OPENCL, alpha, a, ta, b, tb, beta, c));
        DMatrix ab = LinalgTestSupport.naive(a, ta, b, tb);
        DMatrix absA = a.copy(), absB = b.copy();
        for (int i = 0; i < absA.data().length; i++) absA.data()[i] = Math.abs(absA.data()[i]);
        for (int i = 0; i < absB.data().length; i++) absB.data()[i] = Math.abs(absB.data()[i]);
        DMatrix absAb = LinalgTestSupport.naive(absA, ta, absB, tb);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double want = alpha * ab.get(i, j) + beta * c0.get(i, j);
                double bound = 2 * (k + 2) * EPS * (Math.abs(alpha) * absAb.get(i, j) + Math.abs(beta * c0.get(i, j)));
                assertEquals(want, c.get(i, j), bound, "C(" + i + ", " + j + ")");
            }
        }
        assertEquals(a0, a, "A unchanged");
        assertEquals(b0, b, "B unchanged");
    }

    @Test
    void largerProductAgreesWithJavaAcrossReusedBuffers() {
        for (int n : new int[] {200, 50, 257}) { // grow, shrink, grow: buffers are reused
            DMatrix a = DMatrix.random(n, n + 3, n), b = DMatrix.random(n + 3, n - 1, n + 1);
            DMatrix j = Linalg.multiply(Backend.JAVA, a, b);
            DMatrix o = Linalg.multiply(Backend.OPENCL, a, b);
            int k = n + 3;
            assertTrue(o.isClose(j, 2 * k * EPS * k, 0), "OPENCL vs JAVA n = " + n + ", atol 2 k eps k");
        }
    }

    @Test
    void emptyOperands() {
        DMatrix c = DMatrix.random(4, 3, 1);
        DMatrix want = c.copy();
        for (int i = 0; i < want.data().length; i++) want.data()[i] *= 2;
        Linalg.gemm(Backend.OPENCL, 1.0, DMatrix.zeros(4, 0), false, DMatrix.zeros(0, 3), false, 2.0, c);
        assertEquals(want, c, "k = 0: C := beta C");
        Linalg.gemm(Backend.OPENCL, 1.0, DMatrix.zeros(0, 5), false, DMatrix.zeros(5, 3), false, 2.0, DMatrix.zeros(0, 3));
    }

    @Test
    void onlyTheGemmFamilyHasAnOpenClKernel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Linalg.qr(Backend.OPENCL, DMatrix.random(3, 3, 1), false));
        assertTrue(e.getMessage().contains("linalg.qr has no OPENCL kernel"), e.getMessage());
        String d = dev.sxn.math.internal.KernelFamilies.GEMM.describe();
        assertTrue(d.startsWith("linalg.gemm:") && d.contains("OPENCL (pinned only)"), d);
    }
}
