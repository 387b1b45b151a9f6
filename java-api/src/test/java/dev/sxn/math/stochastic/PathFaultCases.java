package dev.sxn.math.stochastic;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.EnumSet;
import java.util.List;

/**
 * The path-simulation calls of the fault-injection suite ({@code FaultInjectionTest}). Each kernel call writes only
 * the caller's output block from the stream, so a retry on JAVA rewrites every value a failed kind may have left;
 * Monte Carlo re-runs the failed block and accumulates only finished blocks.
 */
public final class PathFaultCases {
    private PathFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        Gbm model = new Gbm(100, 0.05, 0.25);
        RandomStream s = RandomStream.philox4x64(42, 9);
        return List.of(
                FaultCase.of("Gbm.paths, 37 paths x 9 steps", KernelFamilies.STOCHASTIC_PATHS, k -> {
                    double[] out = new double[3 + 40 * 9];
                    return Call.of(() -> model.paths(s, 0.01, 5, 37, 9, Antithetic.NONE, out, 3, 40, k), () -> out, new Object[0]);
                }),
                FaultCase.of("Gbm.reduce (all four), antithetic, 70 paths x 33 steps", KernelFamilies.STOCHASTIC_PATHS, k -> {
                    double[] out = new double[4 * 70];
                    return Call.of(() -> model.reduce(s, 0.01, 1, 70, 33, Antithetic.PAIRED, EnumSet.allOf(PathReduction.class), out, 0, 70, k),
                            () -> out, new Object[0]);
                }),
                FaultCase.of("MonteCarlo.barrier, 1000 paths x 12 steps", KernelFamilies.STOCHASTIC_PATHS, k -> {
                    MonteCarloEstimate[] out = new MonteCarloEstimate[1];
                    return Call.of(() -> out[0] = MonteCarlo.barrier(model, Payoff.CALL, 100, PayoffBarrier.UP_AND_OUT, 130, 0.05, 1, 12, s, 1000,
                            Antithetic.NONE, k), () -> out[0], new Object[0]);
                }),
                FaultCase.of("HestonQe.paths, both branches, 67 paths x 20 steps", KernelFamilies.STOCHASTIC_PATHS, k -> {
                    double[] out = new double[67 * 20];
                    Heston h = new Heston(100, 0.09, 1.0, 0.09, 1.2, -0.9, 0.03);
                    return Call.of(() -> HestonQe.paths(h, s, 0.25, 0, 67, 20, Antithetic.PAIRED, true, out, 0, 67, k), () -> out, new Object[0]);
                }));
    }
}
