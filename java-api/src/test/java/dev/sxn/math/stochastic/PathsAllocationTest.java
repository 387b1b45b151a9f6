package dev.sxn.math.stochastic;

import dev.sxn.math.testing.Allocations;


import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A warm path simulation allocates O(1): once C2 has compiled the kernels, a call's bytes (HotSpot's per-thread
 * allocation counter) stay under 16 KiB while the call simulates 10^5 path steps in about 80 tiles, so a kernel that
 * allocated per tile, per step or per path would fail. Per kind: stored paths, each reduction, antithetic pairs, a
 * Monte Carlo price (its block buffer is per thread), the JAVA-only SDE scheme, and Heston QE (both branches).
 */
class PathsAllocationTest {
    private static final int PATHS = 1000, STEPS = 100;
    private static final long ALLOWANCE = 16 * 1024;

    static java.util.stream.Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.STOCHASTIC_PATHS);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmCallsAllocateO1(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] out = new double[PATHS * STEPS];
        Gbm model = new Gbm(100, 0.05, 0.2);
        RandomStream s = RandomStream.philox4x64(1, 2);
        Set<PathReduction> all = EnumSet.allOf(PathReduction.class);
        Heston heston = new Heston(100, 0.09, 1.0, 0.09, 1.2, -0.9, 0.03);
        SdeFunction a = (t, x) -> 0.05 * x, b = (t, x) -> 0.2 * x;
        Runnable[] calls = {
            () -> model.paths(s, 0.01, 0, PATHS, STEPS, Antithetic.NONE, out, 0, PATHS, kind),
            () -> model.reduce(s, 0.01, 3, PATHS, STEPS, Antithetic.PAIRED, PathReduction.AVERAGE, out, 0, kind),
            () -> model.reduce(s, 0.01, 0, PATHS, STEPS, Antithetic.NONE, all, out, 0, PATHS, kind),
            () -> MonteCarlo.barrier(model, Payoff.CALL, 100, PayoffBarrier.UP_AND_OUT, 130, 0.05, 1, STEPS, s, PATHS, Antithetic.PAIRED, kind),
            () -> EulerMaruyama.terminal(a, b, 100, 0, 0.01, s, 0, PATHS, STEPS, Antithetic.NONE, out, 0),
            () -> HestonQe.paths(heston, s, 0.25, 0, PATHS, STEPS, Antithetic.PAIRED, true, out, 0, PATHS, kind),
            () -> HestonQe.reduce(heston, s, 0.01, 0, PATHS, STEPS, Antithetic.NONE, false, all, out, 0, PATHS, kind),
        };
        String[] names = {"paths", "average, antithetic", "all reductions", "Monte Carlo barrier", "Euler-Maruyama", "Heston QE paths",
            "Heston QE reductions"};
        for (int c = 0; c < calls.length; c++) {
            // Allocations waits for C2 (Vector API kernels box their vectors until it has compiled them).
            Allocations.assertUnder(kind + " " + names[c], calls[c], ALLOWANCE);
        }
    }
}
