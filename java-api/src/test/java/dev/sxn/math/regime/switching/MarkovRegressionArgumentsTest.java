package dev.sxn.math.regime.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each public entry point names the argument, its value and the rule. */
class MarkovRegressionArgumentsTest {
    private static final double[] Y = {0.1, -0.2, 0.3, 0.05, -0.1, 0.2};

    private static void fails(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void builderChecksItsArguments() {
        fails(NullPointerException.class, "y must not be null", () -> MarkovRegression.builder(null, 2).build());
        fails(IllegalArgumentException.class, "y.length must be >= 2 (two observations), was 1",
                () -> MarkovRegression.builder(new double[] {1}, 2).build());
        fails(IllegalArgumentException.class, "y[2] must be finite, was NaN",
                () -> MarkovRegression.builder(new double[] {1, 2, Double.NaN}, 2).build());
        fails(IllegalArgumentException.class, "regimes must be in [2, 64], was 1", () -> MarkovRegression.builder(Y, 1).build());
        fails(IllegalArgumentException.class, "exog[0].length must be 6 (the length of y), was 2",
                () -> MarkovRegression.builder(Y, 2).exog(new double[] {1, 2}).build());
        fails(IllegalArgumentException.class, "switchingExog.length must be 1 or 1 (the exog columns), was 2",
                () -> MarkovRegression.builder(Y, 2).exog(Y).switchingExog(true, false).build());
        fails(IllegalArgumentException.class, "sum(initialProbabilities) must be 1 (within 1e-9), was 0.9",
                () -> MarkovRegression.builder(Y, 2).initialProbabilities(new double[] {0.5, 0.4}).build());
        fails(IllegalArgumentException.class, "initialProbabilities.length must be 2 (the regimes), was 3",
                () -> MarkovRegression.builder(Y, 2).initialProbabilities(new double[] {0.5, 0.4, 0.1}).build());
    }

    @Test
    void parametersAreChecked() {
        MarkovRegression m = MarkovRegression.builder(Y, 2).build();
        fails(IllegalArgumentException.class, "params.length must be 5 (the parameter count), was 4",
                () -> m.logLikelihood(new double[4]));
        fails(IllegalArgumentException.class, "params[1] (p[1->0]) must be in [0.0, 1.0], was 1.5",
                () -> m.logLikelihood(new double[] {0.5, 1.5, 0, 0, 1}));
        fails(IllegalArgumentException.class, "params[4] (sigma2) must be > 0, was 0.0",
                () -> m.inference(new double[] {0.5, 0.5, 0, 0, 0}));
        fails(IllegalArgumentException.class, "params[2] must be finite, was NaN",
                () -> m.fit(new double[] {0.5, 0.5, Double.NaN, 0, 1}, 5, 10, 1e-8));
        fails(IllegalArgumentException.class, "gtol must be finite and > 0, was 0.0",
                () -> m.fit(new double[] {0.5, 0.5, 0, 0, 1}, 5, 10, 0));
        MarkovRegression three = MarkovRegression.builder(Y, 3).build();
        double[] p = new double[three.parameterCount()];
        p[0] = 0.7; // p[0->0]
        p[3] = 0.6; // p[0->1]
        p[p.length - 1] = 1;
        fails(IllegalArgumentException.class, "the transition probabilities out of regime 0 must sum to at most 1, was 1.2999999999999998",
                () -> three.logLikelihood(p));
    }

    @Test
    void forecastsCheckTheirArguments() {
        MarkovRegression m = MarkovRegression.builder(Y, 2).exog(new double[] {1, 0, 2, 1, 3, -1}).build();
        double[] params = m.startParameters();
        fails(IllegalArgumentException.class, "steps must be >= 1, was 0", () -> m.forecast(params, 0, new double[0][1]));
        fails(NullPointerException.class, "futureExog must not be null", () -> m.forecast(params, 2, null));
        fails(IllegalArgumentException.class, "futureExog must be 2x1 (steps x exog columns), was 1x1",
                () -> m.forecast(params, 2, new double[][] {{1}}));
        fails(IllegalArgumentException.class, "futureExog(1, 0) must be finite, was Infinity",
                () -> m.forecast(params, 2, new double[][] {{1}, {Double.POSITIVE_INFINITY}}));
    }
}
