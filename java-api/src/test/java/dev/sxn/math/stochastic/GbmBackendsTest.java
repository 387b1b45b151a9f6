package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated kind of {@code stochastic.paths} (VECTOR, NATIVE, OPENCL) against the JAVA kernel bit
 * for bit (ulp budget 0, {@link PathKernels}) on the shapes where their code splits: path counts around
 * the vector and group widths (8, 32 plain and 64 paired paths in the AVX-512 body, 64-path tiles) and
 * odd first paths (a pair cut by the block edge), steps 1 and steps ending inside a Philox block, offsets
 * and row strides wider than the block (elements outside the block must stay untouched), every reduction
 * alone and together, both generators, antithetic pairs on and off; blocks of different sizes giving the
 * same paths; a block long enough to be cut into several native downcalls; and parameters that drive
 * {@link PathExp} into its clamps, subnormals and overflow.
 */
class GbmBackendsTest {
    private static final Gbm MODEL = new Gbm(100.0, 0.03, 0.35);
    private static final List<RandomStream> STREAMS = List.of(RandomStream.philox4x64(0x5eedL, 17), RandomStream.philox4x32(0xfacadeL, 4));
    /** firstPath, paths, steps, extra row stride, offset. */
    private static final int[][] SHAPES = {
        {0, 1, 1, 0, 0}, {1, 1, 2, 3, 1}, {0, 7, 3, 0, 0}, {3, 8, 1, 1, 2}, {5, 31, 5, 2, 0}, {0, 32, 4, 0, 3}, {2, 33, 7, 5, 0},
        {0, 64, 6, 0, 0}, {1, 64, 9, 1, 1}, {0, 65, 33, 0, 0}, {7, 129, 2, 4, 5}, {1, 130, 35, 0, 0}, {1000003, 203, 11, 3, 2},
    };
    private static final double SENTINEL = -12345.0;

    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.STOCHASTIC_PATHS);
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void pathsAreJavasOnEveryShape(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (RandomStream s : STREAMS) {
            for (Antithetic a : Antithetic.values()) {
                for (int[] sh : SHAPES) {
                    int first = sh[0], paths = sh[1], steps = sh[2], ld = paths + sh[3], off = sh[4];
                    double[] got = filled(off + steps * ld + 2), want = filled(got.length);
                    MODEL.paths(s, 1.0 / 250, first, paths, steps, a, got, off, ld, kind);
                    MODEL.paths(s, 1.0 / 250, first, paths, steps, a, want, off, ld, Backend.JAVA);
                    assertArrayEquals(want, got, kind + " " + s.generator() + " " + a + " " + Arrays.toString(sh));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void reductionsAreJavasOnEveryShape(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        List<Set<PathReduction>> masks = List.of(EnumSet.of(PathReduction.TERMINAL), EnumSet.of(PathReduction.MAXIMUM),
                EnumSet.of(PathReduction.MINIMUM), EnumSet.of(PathReduction.AVERAGE), EnumSet.of(PathReduction.MAXIMUM, PathReduction.AVERAGE),
                EnumSet.of(PathReduction.TERMINAL, PathReduction.MINIMUM), EnumSet.allOf(PathReduction.class));
        for (RandomStream s : STREAMS) {
            for (Antithetic a : Antithetic.values()) {
                for (int[] sh : SHAPES) {
                    for (Set<PathReduction> m : masks) {
                        int first = sh[0], paths = sh[1], steps = sh[2], ld = paths + sh[3], off = sh[4];
                        double[] got = filled(off + m.size() * ld + 1), want = filled(got.length);
                        MODEL.reduce(s, 0.01, first, paths, steps, a, m, got, off, ld, kind);
                        MODEL.reduce(s, 0.01, first, paths, steps, a, m, want, off, ld, Backend.JAVA);
                        assertArrayEquals(want, got, kind + " " + s.generator() + " " + a + " " + m + " " + Arrays.toString(sh));
                    }
                }
            }
        }
    }

    /** The same paths whether computed as one block on JAVA or in pieces of other sizes on the kind. */
    @ParameterizedTest
    @MethodSource("accelerated")
    void blocksOfAnySizeGiveJavasPaths(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int paths = 300, steps = 37;
        int[] cuts = {0, 1, 34, 99, 100, 163, 164, 229, paths};
        for (RandomStream s : STREAMS) {
            for (Antithetic a : Antithetic.values()) {
                double[] whole = new double[paths * steps], pieces = filled(whole.length);
                MODEL.paths(s, 0.02, 40, paths, steps, a, whole, 0, paths, Backend.JAVA);
                for (int c = 0; c + 1 < cuts.length; c++) {
                    MODEL.paths(s, 0.02, 40 + cuts[c], cuts[c + 1] - cuts[c], steps, a, pieces, cuts[c], paths, kind);
                }
                assertArrayEquals(whole, pieces, kind + " " + s.generator() + " " + a);
                double[] r = new double[2 * paths], rp = filled(r.length);
                Set<PathReduction> m = EnumSet.of(PathReduction.MAXIMUM, PathReduction.AVERAGE);
                MODEL.reduce(s, 0.02, 40, paths, steps, a, m, r, 0, paths, Backend.JAVA);
                for (int c = 0; c + 1 < cuts.length; c++) {
                    MODEL.reduce(s, 0.02, 40 + cuts[c], cuts[c + 1] - cuts[c], steps, a, m, rp, cuts[c], paths, kind);
                }
                assertArrayEquals(r, rp, kind + " reductions " + s.generator() + " " + a);
            }
        }
    }

    /** A block cut into several native downcalls (and long device loops) is still JAVA's. */
    @ParameterizedTest
    @MethodSource("accelerated")
    void longPathsAreJavas(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int paths = 450, steps = 5003;
        assertTrue((long) NativePathKernels.chunkPaths(steps) * 2 < paths, "the block spans several downcalls");
        Set<PathReduction> m = EnumSet.of(PathReduction.TERMINAL, PathReduction.MINIMUM, PathReduction.AVERAGE);
        for (Antithetic a : Antithetic.values()) {
            double[] got = new double[3 * paths], want = new double[got.length];
            MODEL.reduce(STREAMS.get(0), 1e-4, 3, paths, steps, a, m, got, 0, paths, kind);
            MODEL.reduce(STREAMS.get(0), 1e-4, 3, paths, steps, a, m, want, 0, paths, Backend.JAVA);
            assertArrayEquals(want, got, kind + " " + a);
        }
    }

    /** Paths that leave the normal range: underflow to subnormals and zero, overflow to infinity, the clamps. */
    @ParameterizedTest
    @MethodSource("accelerated")
    void extremePathsAreJavas(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        List<Gbm> models = List.of(new Gbm(1e-300, -30, 4.0), new Gbm(1e300, 40, 3.0), new Gbm(Double.MIN_VALUE, 0, 0.0), new Gbm(1.0, 0, 0.0));
        int paths = 71, steps = 23;
        for (Gbm g : models) {
            for (Antithetic a : Antithetic.values()) {
                double[] got = new double[paths * steps], want = new double[got.length];
                g.paths(STREAMS.get(1), 1.0, 0, paths, steps, a, got, 0, paths, kind);
                g.paths(STREAMS.get(1), 1.0, 0, paths, steps, a, want, 0, paths, Backend.JAVA);
                assertArrayEquals(want, got, kind + " " + g + " " + a);
                double[] r = new double[4 * paths], rw = new double[r.length];
                g.reduce(STREAMS.get(1), 1.0, 0, paths, steps, a, EnumSet.allOf(PathReduction.class), r, 0, paths, kind);
                g.reduce(STREAMS.get(1), 1.0, 0, paths, steps, a, EnumSet.allOf(PathReduction.class), rw, 0, paths, Backend.JAVA);
                assertArrayEquals(rw, r, kind + " reductions " + g + " " + a);
            }
        }
        // The first two models do reach zero, subnormals and infinity, so the cases above test those branches.
        double[] low = new double[paths * steps], high = new double[low.length];
        models.get(0).paths(STREAMS.get(1), 1.0, 0, paths, steps, Antithetic.NONE, low, 0, paths, Backend.JAVA);
        models.get(1).paths(STREAMS.get(1), 1.0, 0, paths, steps, Antithetic.NONE, high, 0, paths, Backend.JAVA);
        assertTrue(Arrays.stream(low).anyMatch(v -> v == 0.0) && Arrays.stream(low).anyMatch(v -> v > 0 && v < Double.MIN_NORMAL));
        assertEquals(Double.POSITIVE_INFINITY, Arrays.stream(high).max().orElseThrow());
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        Arrays.fill(d, SENTINEL);
        return d;
    }
}
