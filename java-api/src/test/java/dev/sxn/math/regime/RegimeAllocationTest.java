package dev.sxn.math.regime;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Warm calls allocate O(1): the batched filter over 64 assets x 500 steps (32,000 lane steps, 3 states), the sweep
 * of 16 models and the model's own log-likelihood stay under 16 KiB a call (OPENCL plus its plumbing allowance), so
 * anything allocated per step or per lane would fail; a streaming update allocates nothing (under 64 bytes).
 */
class RegimeAllocationTest {
    private static final long ALLOWANCE = 16 * 1024;

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.REGIME_FORWARD);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmBatchedCallsAllocateO1(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        HiddenMarkovModel m = HmmReference.get("dax3").model();
        double[] x = BatchHmmTest.assets(m, 64, 500, 1);
        double[] filtered = new double[500 * 3 * 64], ll = new double[64];
        HiddenMarkovModel[] models = new HiddenMarkovModel[16];
        java.util.Arrays.fill(models, m);
        double[] series = HmmData.returns(0), ll16 = new double[16];
        long budget = Allocations.budget(kind, ALLOWANCE);
        Allocations.assertUnder(kind + " filterAssets", () -> BatchHmm.filterAssets(m, x, 64, filtered, ll, kind), budget);
        Allocations.assertUnder(kind + " logLikelihoodModels", () -> BatchHmm.logLikelihoodModels(models, series, ll16, kind), budget);
    }

    @Test
    void streamingUpdateAndLogLikelihoodAllocateNothing() {
        HiddenMarkovModel m = HmmBehaviourTest.fourStatesFiveDims();
        double[] x = m.sample(1000, 2).observations();
        HmmFilter f = m.filter();
        int[] t = {0};
        Allocations.assertUnder("HmmFilter.update", () -> {
            f.update(x, (t[0] % 1000) * 5);
            t[0]++;
        }, 64);
        Allocations.assertUnder("HiddenMarkovModel.logLikelihood", () -> m.logLikelihood(x), 1024);
    }
}
