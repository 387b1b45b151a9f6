package dev.sxn.math.internal.calibration;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.Gbm;
import dev.sxn.math.stochastic.PathReduction;
import dev.sxn.math.stochastic.RandomStream;
import dev.sxn.math.stochastic.Randoms;
import dev.sxn.math.stochastic.UniformInterval;
import java.util.List;

/**
 * The probes of the counter-based random numbers (size: values per call, lanes x steps). Each fills one block
 * of 64 lanes, with more steps at each size, so the sweep varies the work and not the layout; Philox4x64 is
 * the generator the Monte Carlo models default to.
 */
final class StochasticProbes {
    private static final int LANES = 64;

    private StochasticProbes() {}

    static List<Probe> all() {
        RandomStream stream = RandomStream.philox4x64(20261207L, 1);
        return List.of(
                Probe.of(KernelFamilies.STOCHASTIC_UNIFORM, Probe.geometric(LANES, 4, 8), n -> {
                    double[] out = new double[n];
                    return k -> Randoms.uniforms(stream, UniformInterval.OPEN, 0, LANES, 0, n / LANES, out, 0, LANES, k);
                }),
                Probe.of(KernelFamilies.STOCHASTIC_NORMAL, Probe.geometric(LANES, 4, 8), n -> {
                    double[] out = new double[n];
                    return k -> Randoms.normals(stream, 0, LANES, 0, n / LANES, out, 0, LANES, k);
                }),
                // GBM terminal values of 64 paths over more steps at each size (size = paths x steps).
                Probe.of(KernelFamilies.STOCHASTIC_PATHS, Probe.geometric(LANES, 4, 8), n -> {
                    double[] out = new double[LANES];
                    Gbm model = new Gbm(100, 0.03, 0.2);
                    return k -> model.reduce(stream, 1.0 / 252, 0, LANES, n / LANES, Antithetic.NONE, PathReduction.TERMINAL, out, 0, k);
                }));
    }
}
