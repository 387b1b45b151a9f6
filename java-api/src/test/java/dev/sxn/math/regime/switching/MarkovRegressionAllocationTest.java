package dev.sxn.math.regime.switching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * Steady-state allocation of the Markov-switching regression: a log-likelihood evaluation (what the optimiser
 * calls) allocates a constant in k, nothing proportional to the series; a whole fit allocates its O(n k) paths
 * and its result, a bounded multiple of the series.
 */
class MarkovRegressionAllocationTest {
    private static final double[] DAX = MsrReference.dax();
    private static final double[] SMI = MsrReference.smi();

    @Test
    void logLikelihoodAllocatesAConstant() {
        MarkovRegression model = MarkovRegression.builder(DAX, 2).exog(SMI).switchingVariance(true).build();
        double[] params = {0.98, 0.013, 0.03, -0.02, 0.5, 0.9, 0.27, 0.72};
        long budget = 1024;
        long bytes = Allocations.perCall(() -> model.logLikelihood(params), budget);
        assertTrue(bytes < budget, "a log-likelihood of " + DAX.length + " returns allocates " + bytes + " bytes");
    }

    @Test
    void fitAllocatesItsPathsAndAConstant() {
        MarkovRegression model = MarkovRegression.builder(DAX, 2).switchingVariance(true).build();
        int n = DAX.length, k = 2;
        // Stored log paths (3 n k doubles) in two filters, the result's three n x k arrays with their row
        // headers, two EM scratch series: well under 160 n k bytes, plus 64 KiB for the p x p work.
        long budget = 160L * n * k + 64 * 1024;
        long bytes = Allocations.perCall(model::fit, budget);
        assertTrue(bytes < budget, "a fit of " + n + " returns allocates " + bytes + " bytes");
    }
}
