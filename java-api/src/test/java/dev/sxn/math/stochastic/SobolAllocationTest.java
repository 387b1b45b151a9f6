package dev.sxn.math.stochastic;

import dev.sxn.math.testing.Allocations;


import dev.sxn.math.stochastic.BrownianBridge.Output;
import org.junit.jupiter.api.Test;

/**
 * Warm quasi-Monte Carlo fills of caller-owned arrays allocate O(1): once compiled, a call's bytes (HotSpot's
 * per-thread allocation counter) stay under 16 KiB, far below one double per value of the 10^5-value block
 * (800 KB), so code that allocated per value or per row would fail. Sobol uniforms and normals, plain and
 * scrambled, and the Brownian bridge's batch constructions. The single-path construction is held to O(1) per
 * call: 1000 calls (one per path, 100 steps each) under 64 bytes a call, far below the 800 bytes of one path's
 * values (the argument checks' messages may capture their names when the JIT does not inline them).
 */
class SobolAllocationTest {
    private static final int POINTS = 1000, DIMS = 100;
    private static final long ALLOWANCE = 16 * 1024;

    @Test
    void warmFillsAllocateO1() {
        Sobol plain = Sobol.of(DIMS), scrambled = Sobol.owenScrambled(DIMS, RandomStream.philox4x64(1, 2));
        BrownianBridge bridge = BrownianBridge.uniform(DIMS, 1.0);
        double[] z = new double[POINTS * DIMS], out = new double[POINTS * DIMS];
        scrambled.normals(0, POINTS, 0, DIMS, z, 0, POINTS);
        double[] zp = new double[DIMS], wp = new double[DIMS];
        Runnable[] calls = {
            () -> plain.uniforms(5, POINTS, 0, DIMS, out, 0, POINTS),
            () -> plain.normals(5, POINTS, 0, DIMS, out, 0, POINTS),
            () -> scrambled.uniforms(0, POINTS, 0, DIMS, out, 0, POINTS),
            () -> scrambled.normals(0, POINTS, 0, DIMS, out, 0, POINTS),
            () -> bridge.paths(POINTS, z, 0, POINTS, out, 0, POINTS, Output.LEVELS),
            () -> bridge.paths(POINTS, z, 0, POINTS, out, 0, POINTS, Output.STANDARD_INCREMENTS),
            () -> {
                for (int p = 0; p < POINTS; p++) bridge.path(zp, 0, wp, 0, Output.INCREMENTS);
            },
        };
        String[] names = {"plain uniforms", "plain normals", "scrambled uniforms", "scrambled normals", "bridge levels",
                "bridge standard increments", "bridge single paths"};
        long[] allowance = {ALLOWANCE, ALLOWANCE, ALLOWANCE, ALLOWANCE, ALLOWANCE, ALLOWANCE, 64L * POINTS};
        for (int c = 0; c < calls.length; c++) {
            // Allocations waits for C2 (Vector API kernels box their vectors until it has compiled them).
            Allocations.assertUnder(names[c], calls[c], allowance[c]);
        }
    }
}
