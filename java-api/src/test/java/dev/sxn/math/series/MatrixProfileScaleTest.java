package dev.sxn.math.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The z-normalised matrix profile does not depend on the scale of the series: MP(c x) == MP(x) on every
 * kind of the family, for c from 1e-300 to 1e300 (values up to about 1e302, whose squares and sums of
 * squares overflow; values near 1e-298, whose squares underflow), self-join and AB-join with each series
 * at its own scale, on a random walk with planted motifs, a constant stretch and a NaN.
 *
 * <p>Tolerances: for c not a power of two, c x is rounded (u relative per value), so distances within
 * {@link MatrixProfileTest#ATOL} = 1e-9 absolute and the same indices; for c a power of two, c x is
 * exact and the profile must be bit for bit the same (every operation is then scaled exactly).
 */
class MatrixProfileScaleTest {
    private static final double[] SCALES = {1e-300, 1e-150, 1e-3, 3.7, 1e6, 1e150, 1e200, 1e300};
    private static final double[] EXACT_SCALES = {0x1p-900, 0x1p-520, 0x1p20, 0x1p520, 0x1p700};

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.MATRIX_PROFILE);
    }

    private static double[] times(double c, double[] s) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = c * s[i];
        return out;
    }

    private static void assertSameProfile(MatrixProfile want, MatrixProfile got, boolean exact, String what) {
        if (exact) assertArrayEquals(want.profile(), got.profile(), what + " profile");
        else Tolerance.assertClose(want.profile(), got.profile(), MatrixProfileTest.ATOL, 0, what + " profile");
        assertArrayEquals(want.index(), got.index(), what + " index");
        assertEquals(want.exclusionZone(), got.exclusionZone(), what + " exclusion zone");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void selfJoinDoesNotDependOnScale(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int[] nm : new int[][] {{600, 20}, {1300, 8}}) {
            double[] s = MatrixProfileTest.mixed(nm[0], 31 + nm[0]);
            int m = nm[1];
            MatrixProfile base = MatrixProfile.compute(kind, s, m);
            for (double c : SCALES) {
                assertSameProfile(base, MatrixProfile.compute(kind, times(c, s), m), false,
                        kind + " self-join n=" + nm[0] + " m=" + m + " c=" + c);
            }
            for (double c : EXACT_SCALES) {
                assertSameProfile(base, MatrixProfile.compute(kind, times(c, s), m), true,
                        kind + " self-join n=" + nm[0] + " m=" + m + " c=" + c);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void abJoinDoesNotDependOnEitherScale(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] a = MatrixProfileTest.mixed(500, 7), b = MatrixProfileTest.mixed(430, 8);
        int m = 16;
        MatrixProfile base = MatrixProfile.compute(kind, a, b, m);
        double[][] pairs = {{1e200, 1}, {1, 1e-150}, {1e-150, 1e200}, {1e300, 1e300}, {0x1p700, 0x1p-600}};
        for (double[] c : pairs) {
            assertSameProfile(base, MatrixProfile.compute(kind, times(c[0], a), times(c[1], b), m), c[0] == 0x1p700,
                    kind + " AB-join cA=" + c[0] + " cB=" + c[1]);
        }
    }
}
