package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.BackendSupport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: shape mismatches name both shapes, non-finite entries their position, failing pivots their value. */
class LinalgInputTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static void assertContains(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "message '" + msg + "' should contain '" + p + "'");
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        DMatrix a = DMatrix.zeros(3, 4), b = DMatrix.zeros(5, 2);
        assertContains(message(() -> Linalg.multiply(a, b)), "A is 3x4 and B is 5x2: inner dimensions differ");
        assertContains(message(() -> Linalg.gemm(1, a, true, b, false, 0, DMatrix.zeros(4, 2))), "A^T is 4x3", "B is 5x2",
                "inner dimensions differ");
        assertContains(message(() -> Linalg.gemm(1, a, false, DMatrix.zeros(4, 2), false, 0, DMatrix.zeros(3, 3))),
                "C is 3x3 and A B is 3x2: C must have the product's shape");
        assertContains(message(() -> Linalg.solve(DMatrix.identity(3), DMatrix.zeros(4, 1))),
                "A is 3x3 and B is 4x1: B must have as many rows as A");
        assertContains(message(() -> Linalg.solve(a, DMatrix.zeros(3, 1))), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.cholesky(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.eigSymmetric(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.det(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.qr(DMatrix.random(6, 3, 1)).solve(DMatrix.zeros(5, 1))), "A is 6x3 and B is 5x1");
        assertContains(message(() -> Linalg.cholesky(DMatrix.identity(3)).solve(DMatrix.zeros(2, 2))), "A is 3x3 and B is 2x2");
        DMatrix c = DMatrix.zeros(3, 3);
        assertContains(message(() -> Linalg.gemm(1, c, false, DMatrix.identity(3), false, 0, c)),
                "C.data() must not be the same array as A.data()");
        assertContains(message(() -> Linalg.gemm(1, DMatrix.identity(3), false, c, false, 0, c)),
                "C.data() must not be the same array as B.data()");
        assertContains(message(() -> Linalg.lu(DMatrix.random(3, 4, 1)).solve(DMatrix.zeros(3, 1))), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.lu(DMatrix.random(3, 4, 1)).det()), "A must be square, was 3x4");
    }

    static Stream<Backend> decompositionKinds() {
        return LinalgTestSupport.kinds(KernelFamilies.LU, KernelFamilies.QR, KernelFamilies.SVD, KernelFamilies.CHOLESKY,
                KernelFamilies.EIG_SYMMETRIC);
    }

    static Stream<Backend> choleskyAndEigKinds() {
        return LinalgTestSupport.kinds(KernelFamilies.CHOLESKY, KernelFamilies.EIG_SYMMETRIC);
    }

    static Stream<Backend> luAndQrKinds() {
        return LinalgTestSupport.kinds(KernelFamilies.LU, KernelFamilies.QR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decompositionKinds")
    void nonFiniteEntriesAreNamedByPosition(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = LinalgTestSupport.randomSpd(4, 1);
        a.set(2, 1, Double.NaN);
        a.set(1, 2, Double.NaN);
        Map<KernelFamily, List<Consumer<DMatrix>>> ops = Map.of(
                KernelFamilies.LU, List.of(x -> Linalg.lu(kind, x), x -> Linalg.solve(kind, x, DMatrix.identity(4)), x -> Linalg.inverse(kind, x)),
                KernelFamilies.QR, List.of(x -> Linalg.qr(kind, x, true)),
                KernelFamilies.SVD, List.of(x -> Linalg.svd(kind, x)),
                KernelFamilies.CHOLESKY, List.of(x -> Linalg.cholesky(kind, x)),
                KernelFamilies.EIG_SYMMETRIC, List.of(x -> Linalg.eigSymmetric(kind, x)));
        ops.forEach((family, list) -> {
            if (!LinalgTestSupport.has(family, kind)) return;
            for (Consumer<DMatrix> op : list) assertContains(message(() -> op.accept(a)), "A(2, 1) must be finite, was NaN");
        });
        if (LinalgTestSupport.has(KernelFamilies.SVD, kind)) {
            DMatrix inf = DMatrix.identity(3);
            inf.set(0, 2, Double.NEGATIVE_INFINITY);
            assertContains(message(() -> Linalg.svd(kind, inf)), "A(0, 2) must be finite, was -Infinity");
        }
        if (LinalgTestSupport.has(KernelFamilies.LU, kind)) {
            DMatrix b = DMatrix.zeros(3, 1);
            b.set(1, 0, Double.POSITIVE_INFINITY);
            assertContains(message(() -> Linalg.solve(kind, DMatrix.identity(3), b)), "B(1, 0) must be finite, was Infinity");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choleskyAndEigKinds")
    void notPositiveDefiniteNamesPivotAndValue(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix asymmetric = DMatrix.of(new double[][] {{1, 2}, {0, 1}});
        if (LinalgTestSupport.has(KernelFamilies.CHOLESKY, kind)) {
            // Leading 2x2 minor positive, the 3x3 one is not: d_2 = 1 - 0.5 - 4.5 = -4 (after pivots 1 and 1).
            DMatrix a = DMatrix.of(new double[][] {{4, 2, 2}, {2, 2, 4}, {2, 4, 1}});
            DMatrix before = a.copy();
            String msg = message(() -> Linalg.cholesky(kind, a));
            assertContains(msg, "A must be positive definite", "pivot 2", "(2, 2)", "d = -");
            assertEquals(before, a, "input unchanged after the failure");
            assertContains(message(() -> Linalg.cholesky(kind, DMatrix.of(new double[][] {{-1}}))), "pivot 0", "d = -1.0");
            assertContains(message(() -> Linalg.cholesky(kind, asymmetric)), "A must be symmetric", "A(1, 0) = 0.0", "A(0, 1) = 2.0");
        }
        if (LinalgTestSupport.has(KernelFamilies.EIG_SYMMETRIC, kind)) {
            assertContains(message(() -> Linalg.eigSymmetric(kind, asymmetric)), "A must be symmetric");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("luAndQrKinds")
    void singularSolveNamesThePivot(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        if (LinalgTestSupport.has(KernelFamilies.LU, kind)) {
            DMatrix a = DMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}});
            assertContains(message(() -> Linalg.solve(kind, a, DMatrix.identity(3))), "A must be nonsingular",
                    "the LU pivot U(2, 2) is exactly 0");
            assertContains(message(() -> Linalg.inverse(kind, a)), "A must be nonsingular");
            LU lu = Linalg.lu(kind, a);
            assertTrue(lu.isSingular());
            assertEquals(0.0, lu.det());
            assertContains(message(() -> lu.solve(DMatrix.identity(3))), "A must be nonsingular");
        }
        if (LinalgTestSupport.has(KernelFamilies.QR, kind)) {
            assertContains(message(() -> Linalg.qr(kind, DMatrix.random(3, 5, 1), false).solve(DMatrix.zeros(3, 1))),
                    "A must have rows >= cols", "was 3x5");
            DMatrix rankDeficient = DMatrix.of(new double[][] {{1, 0}, {0, 0}, {0, 0}});
            assertContains(message(() -> Linalg.qr(kind, rankDeficient, false).solve(DMatrix.zeros(3, 1))),
                    "A must have full column rank", "R(1, 1) = 0");
        }
    }

    @Test
    void nullsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Linalg.multiply(null, DMatrix.zeros(1, 1)));
        assertContains(e.getMessage(), "A must not be null");
        e = assertThrows(NullPointerException.class, () -> Linalg.solve(DMatrix.identity(2), (DMatrix) null));
        assertContains(e.getMessage(), "B must not be null");
    }

    @Test
    void nullBackendChoosesPerCall() {
        // null in a Backend-taking form means what the form without it does (Backend's Javadoc): same results.
        DMatrix a = LinalgTestSupport.randomSpd(20, 3), b = DMatrix.random(20, 2, 4);
        assertEquals(Linalg.multiply(a, b), Linalg.multiply(null, a, b));
        assertEquals(Linalg.gemm(1.5, a, true, b, false, 0, DMatrix.zeros(20, 2)), Linalg.gemm(null, 1.5, a, true, b, false, 0, DMatrix.zeros(20, 2)));
        assertEquals(Linalg.lu(a).packed(), Linalg.lu(null, a).packed());
        assertEquals(Linalg.solve(a, b), Linalg.solve(null, a, b));
        assertEquals(Linalg.inverse(a), Linalg.inverse(null, a));
        assertEquals(Linalg.qr(a, true).q(), Linalg.qr(null, a, true).q());
        assertEquals(Linalg.svd(a, false).u(), Linalg.svd(null, a, false).u());
        assertEquals(Linalg.svd(a).vt(), Linalg.svd(null, a).vt());
        assertEquals(Linalg.cholesky(a).l(), Linalg.cholesky(null, a).l());
        assertEquals(Linalg.eigSymmetric(a).vectors(), Linalg.eigSymmetric(null, a).vectors());
        double[] x = b.data();
        assertEquals(VectorOps.dot(x, 0, x, 0, 40), VectorOps.dot(null, x, 0, x, 0, 40));
        assertEquals(VectorOps.sum(x, 0, 40), VectorOps.sum(null, x, 0, 40));
        assertEquals(VectorOps.sumOfSquares(x, 0, 40), VectorOps.sumOfSquares(null, x, 0, 40));
    }

    @Test
    void rankAndToleranceArguments() {
        assertContains(message(() -> Linalg.svd(DMatrix.identity(2)).rank(-1)), "tol must be >= 0, was -1.0");
        assertContains(message(() -> Linalg.qr(DMatrix.identity(2), true).rank(Double.NaN)), "tol must be >= 0, was NaN");
    }

    @Test
    void describeListsTheFamilies() {
        String d = String.join("\n", Backends.operations());
        for (String f : new String[] {"linalg.gemm", "linalg.lu", "linalg.qr", "linalg.svd", "linalg.cholesky", "linalg.eigSymmetric"}) {
            assertContains(d, f + ": JAVA, VECTOR");
        }
        assertContains(d, "lacks [OPENCL]"); // only linalg.gemm has an OPENCL kernel
        assertContains(d, "OPENCL (pinned only)");
    }

    @Test
    void pinnedKindWithoutKernelIsRefused() {
        String msg = message(() -> Linalg.svd(Backend.OPENCL, DMatrix.identity(2)));
        assertContains(msg, "linalg.svd has no OPENCL kernel");
    }

    @Test
    void unpinnedCallsWorkOnEverySize() {
        // Crossing the NATIVE crossover in both directions gives the same answers (automatic choice).
        for (int n : new int[] {3, 40, 150}) {
            DMatrix a = LinalgTestSupport.randomSpd(n, n);
            DMatrix b = DMatrix.random(n, 1, 2);
            DMatrix x = Linalg.solve(a, b);
            assertTrue(LinalgTestSupport.minus(Linalg.multiply(a, x), b).normF() < 1e-10 * b.normF() * n);
            assertEquals(n, Linalg.svd(a).rank());
            assertEquals(n, Linalg.qr(a, true).rank());
            assertTrue(Linalg.eigSymmetric(a).values()[0] > 0);
            assertTrue(Linalg.cholesky(a).logDet() > 0);
        }
    }
}
