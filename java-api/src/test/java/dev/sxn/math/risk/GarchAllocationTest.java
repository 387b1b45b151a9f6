package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * Steady-state allocation of the GARCH paths: a likelihood-and-gradient evaluation (the optimiser's inner call)
 * allocates nothing; a whole fit allocates its returned conditional-sd path (8 n bytes) plus a constant for the
 * optimiser's p x p scratch and the result, nothing else proportional to the series.
 */
class GarchAllocationTest {
    private static final double[] DAX = GarchReference.dax();

    @Test
    void likelihoodEvaluationAllocatesNothing() {
        GarchSpec spec = GarchSpec.of(GarchModel.GJR, GarchInnovations.STUDENT_T);
        GarchLikelihood lik = new GarchLikelihood(DAX, 0, DAX.length, 1.4, spec);
        double[] th = {0.05, 0.02, 0.07, 0.2, 0.9, 5.5};
        double[] g = new double[th.length];
        long bytes = Allocations.perCall(() -> lik.evaluate(th, g), 16);
        assertTrue(bytes < 16, "likelihood evaluation allocates " + bytes + " bytes");
    }

    @Test
    void fitAllocatesOnlyItsPathBeyondAConstant() {
        GarchSpec spec = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);
        long budget = 8L * DAX.length + 8 * 1024;
        long bytes = Allocations.perCall(() -> Garch.fit(DAX, spec), budget);
        assertTrue(bytes < budget, "a fit of " + DAX.length + " returns allocates " + bytes + " bytes");
    }
}
