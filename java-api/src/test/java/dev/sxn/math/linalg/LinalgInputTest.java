package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.testing.BackendSupport;
import java.util.function.Consumer;
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
        assertContains(message(() -> Linalg.gemm(1, a, false, DMatrix.zeros(4, 2), false, 0, DMatrix.zeros(3, 3))), "C is 3x3",
                "A B is 3x2");
        assertContains(message(() -> Linalg.solve(DMatrix.identity(3), DMatrix.zeros(4, 1))), "A is 3x3 and B is 4x1");
        assertContains(message(() -> Linalg.solve(a, DMatrix.zeros(3, 1))), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.cholesky(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.eigSymmetric(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.det(a)), "A must be square, was 3x4");
        assertContains(message(() -> Linalg.qr(DMatrix.random(6, 3, 1)).solve(DMatrix.zeros(5, 1))), "A is 6x3 and B is 5x1");
        assertContains(message(() -> Linalg.cholesky(DMatrix.identity(3)).solve(DMatrix.zeros(2, 2))), "A is 3x3 and B is 2x2");
        DMatrix c = DMatrix.zeros(3, 3);
        assertContains(message(() -> Linalg.gemm(1, c, false, DMatrix.identity(3), false, 0, c)), "C must not share");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#kinds")
    void nonFiniteEntriesAreNamedByPosition(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = LinalgTestSupport.randomSpd(4, 1);
        a.set(2, 1, Double.NaN);
        a.set(1, 2, Double.NaN);
        for (Consumer<DMatrix> op : java.util.List.<Consumer<DMatrix>>of(x -> Linalg.lu(kind, x), x -> Linalg.qr(kind, x, true),
                x -> Linalg.svd(kind, x), x -> Linalg.cholesky(kind, x), x -> Linalg.eigSymmetric(kind, x),
                x -> Linalg.solve(kind, x, DMatrix.identity(4)), x -> Linalg.inverse(kind, x))) {
            assertContains(message(() -> op.accept(a)), "A has a non-finite entry NaN at (2, 1)");
        }
        DMatrix inf = DMatrix.identity(3);
        inf.set(0, 2, Double.NEGATIVE_INFINITY);
        assertContains(message(() -> Linalg.svd(kind, inf)), "-Infinity at (0, 2)");
        DMatrix b = DMatrix.zeros(3, 1);
        b.set(1, 0, Double.POSITIVE_INFINITY);
        assertContains(message(() -> Linalg.solve(kind, DMatrix.identity(3), b)), "B has a non-finite entry Infinity at (1, 0)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#kinds")
    void notPositiveDefiniteNamesPivotAndValue(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Leading 2x2 minor positive, the 3x3 one is not: d_2 = 1 - 0.5 - 4.5 = -4 (after pivots 1 and 1).
        DMatrix a = DMatrix.of(new double[][] {{4, 2, 2}, {2, 2, 4}, {2, 4, 1}});
        DMatrix before = a.copy();
        String msg = message(() -> Linalg.cholesky(kind, a));
        assertContains(msg, "not positive definite", "pivot 2", "(2, 2)", "d = -");
        assertEquals(before, a, "input unchanged after the failure");
        assertContains(message(() -> Linalg.cholesky(kind, DMatrix.of(new double[][] {{-1}}))), "pivot 0", "d = -1.0");
        assertContains(message(() -> Linalg.cholesky(kind, DMatrix.of(new double[][] {{1, 2}, {0, 1}}))), "must be symmetric",
                "A(1, 0) = 0.0", "A(0, 1) = 2.0");
        assertContains(message(() -> Linalg.eigSymmetric(kind, DMatrix.of(new double[][] {{1, 2}, {0, 1}}))), "must be symmetric");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#kinds")
    void singularSolveNamesThePivot(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}});
        assertContains(message(() -> Linalg.solve(kind, a, DMatrix.identity(3))), "A is singular", "U(2, 2) is exactly 0");
        assertContains(message(() -> Linalg.inverse(kind, a)), "A is singular");
        LU lu = Linalg.lu(kind, a);
        assertTrue(lu.isSingular());
        assertEquals(0.0, lu.det());
        assertContains(message(() -> lu.solve(DMatrix.identity(3))), "A is singular");
        assertContains(message(() -> Linalg.qr(kind, DMatrix.random(3, 5, 1), false).solve(DMatrix.zeros(3, 1))), "rows >= cols");
    }

    @Test
    void nullsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Linalg.multiply(null, DMatrix.zeros(1, 1)));
        assertContains(e.getMessage(), "A must not be null");
        e = assertThrows(NullPointerException.class, () -> Linalg.solve(DMatrix.identity(2), (DMatrix) null));
        assertContains(e.getMessage(), "B must not be null");
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
