package dev.sxn.math.stochastic;

import dev.sxn.math.testing.Allocations;


import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A warm fill of a caller-owned array allocates O(1): once C2 has compiled the kernel, a call's bytes
 * (HotSpot's per-thread allocation counter) stay under 16 KiB, far below one double per value of the
 * 10^5-value block (800 KB), so a kernel that allocated per value or per row would fail. Per kind, both
 * generators, uniforms, normals, raw bits and the JAVA-only samplers.
 */
class RandomsAllocationTest {
    private static final int LANES = 1000, STEPS = 100;
    private static final long ALLOWANCE = 16 * 1024;

    static java.util.stream.Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.STOCHASTIC_UNIFORM);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmFillsAllocateO1(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] out = new double[LANES * STEPS];
        long[] bits = new long[LANES * STEPS];
        int[] counts = new int[LANES * STEPS];
        RandomStream s64 = RandomStream.philox4x64(1, 2), s32 = RandomStream.philox4x32(3, 4);
        Runnable[] calls = {
            () -> Randoms.uniforms(s64, UniformInterval.OPEN, 0, LANES, 3, STEPS, out, 0, LANES, kind),
            () -> Randoms.uniforms(s32, UniformInterval.CLOSED_OPEN, 0, LANES, 3, STEPS, out, 0, LANES, kind),
            () -> Randoms.normals(s64, 0, LANES, 0, STEPS, out, 0, LANES, kind),
            () -> Randoms.normals(s32, 0, LANES, 0, STEPS, out, 0, LANES, kind),
            () -> Randoms.bits(s64, 0, LANES, 0, STEPS, bits, 0, LANES, kind),
            () -> Variates.gammas(s64, 2.5, 0, LANES, 0, STEPS, out, 0, LANES),
            () -> Variates.poissons(s64, 3, 0, LANES, 0, STEPS, counts, 0, LANES),
        };
        String[] names = {"uniforms 4x64", "uniforms 4x32", "normals 4x64", "normals 4x32", "bits", "gammas", "poissons"};
        for (int c = 0; c < calls.length; c++) {
            // Allocations waits for C2 (Vector API kernels box their vectors until it has compiled them).
            Allocations.assertUnder(kind + " " + names[c], calls[c], ALLOWANCE);
        }
    }
}
