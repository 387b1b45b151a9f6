package dev.sxn.math.internal.calibration;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.regime.BatchHmm;
import dev.sxn.math.regime.GaussianEmissions;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.TransitionMatrix;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The probe of the batched HMM forward filter (size: lanes x steps): log-likelihoods of 64 assets under one
 * 3-state univariate model, over more steps at each size, so the sweep varies the work and not the layout.
 */
final class RegimeProbes {
    private static final int LANES = 64;

    private RegimeProbes() {}

    static List<Probe> all() {
        HiddenMarkovModel model = HiddenMarkovModel.of(new double[] {0.3, 0.4, 0.3},
                TransitionMatrix.of(new double[][] {{0.9, 0.08, 0.02}, {0.05, 0.9, 0.05}, {0.02, 0.08, 0.9}}),
                GaussianEmissions.univariate(new double[] {-1, 0, 1}, new double[] {2, 1, 0.5}));
        return List.of(Probe.of(KernelFamilies.REGIME_FORWARD, Probe.geometric(LANES, 4, 8), n -> {
            int steps = n / LANES;
            double[] x = new double[n];
            SplittableRandom r = new SplittableRandom(21);
            for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
            double[] ll = new double[LANES];
            return k -> BatchHmm.logLikelihoodAssets(model, x, LANES, ll, k);
        }));
    }
}
