package dev.sxn.math.regime;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The batched HMM calls of the fault-injection suite ({@code FaultInjectionTest}). Each call writes every value of
 * its outputs (filtered probabilities, log-likelihoods) and reads only its inputs, so a retry on JAVA rewrites
 * whatever a failed kind left.
 */
public final class RegimeFaultCases {
    private RegimeFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        HiddenMarkovModel model = HmmBehaviourTest.fourStatesFiveDims();
        HiddenMarkovModel[] sweep = {HmmReference.get("dax3").model(), HmmReference.get("dax3").fitted()};
        return List.of(
                FaultCase.of("BatchHmm.filterAssets, 4 states x 5 dims, 9 assets x 20 steps", KernelFamilies.REGIME_FORWARD, k -> {
                    double[] x = BatchHmmTest.assets(model, 9, 20, 3);
                    double[] filtered = new double[20 * 4 * 9], ll = new double[9];
                    return Call.of(() -> BatchHmm.filterAssets(model, x, 9, filtered, ll, k), () -> new Object[] {filtered, ll},
                            new Object[] {x});
                }),
                FaultCase.of("BatchHmm.logLikelihoodModels, 2 models over DAX", KernelFamilies.REGIME_FORWARD, k -> {
                    double[] x = HmmData.returns(0);
                    double[] ll = new double[2];
                    return Call.of(() -> BatchHmm.logLikelihoodModels(sweep, x, ll, k), () -> ll, new Object[] {x});
                }));
    }
}
