package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axpy with partly overlapping ranges of one array gave 64.0 on JAVA and 2.0 on VECTOR (issue 17, item 10):
 * it is refused on every kind; the same range of one array stays allowed and agrees with JAVA.
 */
class VectorOpsOverlapTest {
    static java.util.stream.Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.VECTOR_OPS_ELEMENTWISE);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void partlyOverlappingRangesAreRefusedOnEveryKind(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] y = new double[100];
        java.util.Arrays.fill(y, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> VectorOps.axpy(kind, 1.0, y, 0, y, 1, 99));
        assertEquals("x[0, 99) and y[1, 100) must not overlap (the same array, x offset 0, y offset 1)", e.getMessage());
        for (double v : y) assertEquals(1.0, v, "nothing written");
        assertThrows(IllegalArgumentException.class, () -> VectorOps.axpy(1.0, y, 1, y, 0, 99));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSameRangeOrDisjointRangesAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] y = new double[100], ref = new double[100];
        for (int i = 0; i < 100; i++) y[i] = ref[i] = i;
        VectorOps.axpy(kind, 2.0, y, 0, y, 0, 100);
        VectorOps.axpy(Backend.JAVA, 2.0, ref, 0, ref, 0, 100);
        assertArrayEquals(ref, y, 0.0);
        VectorOps.axpy(kind, 1.0, y, 0, y, 50, 50);
        VectorOps.axpy(Backend.JAVA, 1.0, ref, 0, ref, 50, 50);
        assertArrayEquals(ref, y, 0.0);
    }
}
