package dev.sxn.math.stochastic;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The random-number calls of the fault-injection suite ({@code FaultInjectionTest}). Each fill writes only the
 * caller's output block and reads nothing but the stream, so a retry on JAVA rewrites every value a failed kind
 * may have left there.
 */
public final class StochasticFaultCases {
    private StochasticFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        RandomStream s64 = RandomStream.philox4x64(42, 7);
        RandomStream s32 = RandomStream.philox4x32(42, 7);
        return List.of(
                FaultCase.of("Randoms.bits, Philox4x64, 37 lanes x 9 steps", KernelFamilies.STOCHASTIC_UNIFORM, k -> {
                    long[] out = new long[2 + 40 * 9];
                    return Call.of(() -> Randoms.bits(s64, 3, 37, 5, 9, out, 2, 40, k), () -> out, new Object[0]);
                }),
                FaultCase.of("Randoms.uniforms (open), Philox4x32, 33 lanes x 7 steps", KernelFamilies.STOCHASTIC_UNIFORM, k -> {
                    double[] out = new double[33 * 7];
                    return Call.of(() -> Randoms.uniforms(s32, UniformInterval.OPEN, 0, 33, 1, 7, out, 0, 33, k), () -> out, new Object[0]);
                }),
                FaultCase.of("Randoms.uniforms ([0,1)), Philox4x64", KernelFamilies.STOCHASTIC_UNIFORM, k -> {
                    double[] out = new double[64 * 4];
                    return Call.of(() -> Randoms.uniforms(s64, UniformInterval.CLOSED_OPEN, 0, 64, 0, 4, out, 0, 64, k), () -> out,
                            new Object[0]);
                }),
                FaultCase.of("Randoms.normals, Philox4x64, 41 lanes x 6 steps", KernelFamilies.STOCHASTIC_NORMAL, k -> {
                    double[] out = new double[41 * 6];
                    return Call.of(() -> Randoms.normals(s64, 1, 41, 3, 6, out, 0, 41, k), () -> out, new Object[0]);
                }),
                FaultCase.of("Randoms.normals, Philox4x32", KernelFamilies.STOCHASTIC_NORMAL, k -> {
                    double[] out = new double[16 * 8];
                    return Call.of(() -> Randoms.normals(s32, 0, 16, 0, 8, out, 0, 16, k), () -> out, new Object[0]);
                }));
    }
}
