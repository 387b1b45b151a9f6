package dev.sxn.math.series;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix profile allocates nothing proportional to the work once warm, on every kind: a warm call allocates
 * its result (the record, the profile, one double per subsequence, and its index, one int) and a small constant;
 * its temporaries (the prepared series, the per-window terms, the best correlations per row and column, OPENCL's
 * read-back) are the thread's scratch, and nothing is allocated per diagonal or per row (one boxed vector per row
 * of a tile would be megabytes).
 */
class SeriesAllocationTest {
    private static final long CONSTANT = 2 * 1024;

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.MATRIX_PROFILE);
    }

    private static final int N = 3000;
    private static final int NB = 2000;
    private static final int M = 50;

    private static double[] series(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(0.05 * i) + 0.3 * r.nextGaussian();
        return x;
    }

    /** The result's bytes for {@code n} points: the record, the profile and the index. */
    private static long result(int n) {
        int count = n - M + 1;
        return 32 + (16 + 8L * count) + (16 + 4L * count + 7) / 8 * 8;
    }

    private static long constant(Backend kind) {
        return Allocations.budget(kind, CONSTANT);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void resultOnly(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] x = series(N, 7);
        Allocations.assertUnder("matrix profile " + kind, () -> MatrixProfile.compute(kind, x, M),
                result(N) + constant(kind));
    }

    /** An AB-join walks two triangles, one kernel call each, so it has the constant twice. */
    @ParameterizedTest
    @MethodSource("kinds")
    void abJoinResultOnly(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] a = series(N, 8), b = series(NB, 9);
        Allocations.assertUnder("matrix profile AB-join " + kind, () -> MatrixProfile.compute(kind, a, b, M),
                result(N) + 2 * constant(kind));
    }
}
