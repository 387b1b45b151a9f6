package dev.sxn.math.series;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The matrix-profile calls of the fault-injection suite ({@code FaultInjectionTest}): a self-join (one dispatch)
 * and an AB-join (two). The kernel updates its best-so-far arrays in place; the dispatched op resets them first.
 */
public final class MatrixProfileFaultCases {
    private MatrixProfileFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                FaultCase.of("MatrixProfile self-join", KernelFamilies.MATRIX_PROFILE, k -> {
                    double[] x = series(260, 1);
                    x[100] = Double.NaN;
                    MatrixProfile[] r = new MatrixProfile[1];
                    return Call.of(() -> r[0] = MatrixProfile.compute(k, x, 16), () -> new Object[] {r[0].profile(), r[0].index()}, x);
                }),
                FaultCase.of("MatrixProfile AB-join", KernelFamilies.MATRIX_PROFILE, k -> {
                    double[] a = series(200, 2), b = series(230, 3);
                    MatrixProfile[] r = new MatrixProfile[1];
                    return Call.of(() -> r[0] = MatrixProfile.compute(k, a, b, 12), () -> new Object[] {r[0].profile(), r[0].index()},
                            new Object[] {a, b});
                }));
    }

    private static double[] series(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += rnd.nextGaussian();
            x[i] = v + Math.sin(0.2 * i);
        }
        return x;
    }
}
