package dev.sxn.math.linalg;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VectorOps on every backend against the plain-Java kernel.
 *
 * <p>Tolerances: reductions add in a backend-specific order, so they are compared with
 * atol = 2 n eps sum|terms| (the standard bound for any summation order) and rtol = 0. axpy and
 * scale touch each element once: at most one rounding apart (FMA vs multiply-then-add), so
 * atol = 2 eps (|a x| + |y|) per element. Elements outside [off, off + n) must be untouched.
 */
class VectorOpsTest {
    private static final double EPS = 0x1p-52;

    /** Lengths around every unroll boundary (lanes 8, 4 accumulators), plus large ones. */
    static IntStream lengths() {
        return IntStream.concat(IntStream.rangeClosed(0, 70), IntStream.of(127, 128, 129, 1000, 4097, 65_537, 1_000_000));
    }

    static Stream<Arguments> reduceCases() {
        return BackendSupport.accelerated(KernelFamilies.VECTOR_OPS_REDUCE).flatMap(b -> lengths().mapToObj(n -> Arguments.of(b, n)));
    }

    static Stream<Arguments> elementwiseCases() {
        return BackendSupport.accelerated(KernelFamilies.VECTOR_OPS_ELEMENTWISE).flatMap(b -> lengths().mapToObj(n -> Arguments.of(b, n)));
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextDouble(-1, 1) * Math.scalb(1.0, r.nextInt(-4, 5));
        return a;
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("reduceCases")
    void reductionsMatchJava(Backend kind, int n) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom r = new SplittableRandom(n * 31L + kind.ordinal());
        int xOff = n % 3, yOff = n % 5;
        double[] x = random(r, n + xOff + 2);
        double[] y = random(r, n + yOff + 1);
        double absDot = 0, absSum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            absDot += Math.abs(x[xOff + i] * y[yOff + i]);
            absSum += Math.abs(x[xOff + i]);
            sq += x[xOff + i] * x[xOff + i];
        }
        double bound = 2.0 * Math.max(n, 1) * EPS;
        assertClose(VectorOps.dot(Backend.JAVA, x, xOff, y, yOff, n), VectorOps.dot(kind, x, xOff, y, yOff, n), bound * absDot, 0, "dot");
        assertClose(VectorOps.sum(Backend.JAVA, x, xOff, n), VectorOps.sum(kind, x, xOff, n), bound * absSum, 0, "sum");
        assertClose(VectorOps.sumOfSquares(Backend.JAVA, x, xOff, n), VectorOps.sumOfSquares(kind, x, xOff, n), bound * sq, 0, "sumOfSquares");
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("elementwiseCases")
    void elementwiseMatchJavaAndStayInRange(Backend kind, int n) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom r = new SplittableRandom(n * 17L + kind.ordinal());
        int xOff = n % 4, yOff = 1 + n % 3;
        double[] x = random(r, n + xOff);
        double[] y = random(r, n + yOff + 3);
        double a = r.nextDouble(-3, 3);

        double[] yRef = y.clone(), yGot = y.clone();
        VectorOps.axpy(Backend.JAVA, a, x, xOff, yRef, yOff, n);
        VectorOps.axpy(kind, a, x, xOff, yGot, yOff, n);
        for (int i = 0; i < y.length; i++) {
            if (i < yOff || i >= yOff + n) {
                assertEquals(y[i], yGot[i], "axpy wrote outside [yOff, yOff+n) at " + i);
            } else {
                double scale = Math.abs(a * x[xOff + i - yOff]) + Math.abs(y[i]);
                assertClose(yRef[i], yGot[i], 2 * EPS * scale, 0, "axpy[" + i + "]");
            }
        }

        double[] sRef = y.clone(), sGot = y.clone();
        VectorOps.scale(Backend.JAVA, a, sRef, yOff, n);
        VectorOps.scale(kind, a, sGot, yOff, n);
        assertTrue(java.util.Arrays.equals(sRef, sGot), "scale is one correctly rounded multiply on every backend");
    }

    @Test
    void automaticChoiceAgreesWithJava() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 15, 63, 64, 65, 5000, 200_000}) {
            double[] x = random(r, n), y = random(r, n);
            double abs = 0;
            for (int i = 0; i < n; i++) abs += Math.abs(x[i] * y[i]);
            assertClose(VectorOps.dot(Backend.JAVA, x, 0, y, 0, n), VectorOps.dot(x, y), 2 * Math.max(n, 1) * EPS * abs, 0, "dot n=" + n);
            double[] yAuto = y.clone(), yRef = y.clone();
            VectorOps.axpy(0.5, x, yAuto);
            VectorOps.axpy(Backend.JAVA, 0.5, x, 0, yRef, 0, n);
            assertClose(yRef, yAuto, 1e-15, 1e-15, "axpy n=" + n);
        }
    }

    @Test
    void knownValues() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 4, 3, 2, 1};
        assertEquals(35.0, VectorOps.dot(x, y));
        assertEquals(15.0, VectorOps.sum(x));
        assertEquals(55.0, VectorOps.sumOfSquares(x));
        assertEquals(9.0, VectorOps.sum(x, 1, 2) + VectorOps.sum(x, 3, 1));
        double[] z = y.clone();
        VectorOps.axpy(2.0, x, z);
        assertEquals(java.util.List.of(7.0, 8.0, 9.0, 10.0, 11.0), java.util.Arrays.stream(z).boxed().toList());
        VectorOps.scale(0.5, z, 1, 3);
        assertEquals(java.util.List.of(7.0, 4.0, 4.5, 5.0, 11.0), java.util.Arrays.stream(z).boxed().toList());
        assertEquals(0.0, VectorOps.dot(new double[0], new double[0]));
    }

    @Test
    void nanPropagates() {
        double[] x = {1, Double.NaN, 3};
        assertTrue(Double.isNaN(VectorOps.sum(x)));
        assertTrue(Double.isNaN(VectorOps.dot(x, new double[] {1, 1, 1})));
        assertEquals(3.0, VectorOps.sum(x, 2, 1));
    }

    @Test
    void badArgumentsNameTheArgumentValueAndRule() {
        double[] x = new double[10];
        double[] y = new double[8];
        var e = assertThrows(IllegalArgumentException.class, () -> VectorOps.dot(x, y));
        assertEquals("x and y must have the same length, were 10 and 8", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VectorOps.dot(x, 0, y, 0, -1));
        assertEquals("n must be >= 0, was -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VectorOps.dot(x, 5, y, 0, 6));
        assertEquals("xOff + n must be <= x.length (10), was 5 + 6 = 11", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VectorOps.axpy(1.0, x, 0, y, -2, 3));
        assertEquals("yOff must be >= 0, was -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VectorOps.sum(x, 11, 0));
        assertEquals("off + n must be <= x.length (10), was 11 + 0 = 11", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VectorOps.scale(2.0, x, Integer.MAX_VALUE, 2));
        assertTrue(e.getMessage().contains("was 2147483647 + 2 = 2147483649"), e.getMessage());
        var npe = assertThrows(NullPointerException.class, () -> VectorOps.sumOfSquares(null));
        assertEquals("x must not be null", npe.getMessage());
        assertThrows(NullPointerException.class, () -> VectorOps.dot(Backend.JAVA, x, 0, null, 0, 1));
    }

    @Test
    void failedRangeCheckLeavesOutputUntouched() {
        double[] x = {1, 2, 3};
        double[] y = {4, 5};
        assertThrows(IllegalArgumentException.class, () -> VectorOps.axpy(1.0, x, 0, y, 0, 3));
        assertEquals(4.0, y[0]);
        assertEquals(5.0, y[1]);
    }
}
