package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.indicators.SeriesBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Argument checks of the GARCH entry points: one line naming the argument, its value and the rule. */
class GarchArgumentsTest {
    private static final GarchSpec SPEC = GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL);
    private static final double[] DAX = GarchReference.dax();

    private static void iae(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static void npe(String message, Executable call) {
        assertEquals(message, assertThrows(NullPointerException.class, call).getMessage());
    }

    @Test
    void fitChecksItsArguments() {
        npe("returns must not be null", () -> Garch.fit(null, SPEC));
        npe("spec must not be null", () -> Garch.fit(DAX, null));
        iae("returns.length must be >= 10 (a GARCH(1,1) fit), was 9", () -> Garch.fit(new double[9], SPEC));
        double[] bad = Arrays.copyOf(DAX, 50);
        bad[7] = Double.NaN;
        iae("returns[7] must be finite, was NaN", () -> Garch.fit(bad, SPEC));
        bad[7] = Double.POSITIVE_INFINITY;
        iae("returns[7] must be finite, was Infinity", () -> Garch.fit(bad, SPEC));
    }

    @Test
    void specChecksItsComponents() {
        npe("model must not be null", () -> new GarchSpec(null, GarchInnovations.NORMAL, GarchInit.MCI));
        npe("innovations must not be null", () -> new GarchSpec(GarchModel.GJR, null, GarchInit.MCI));
        npe("init must not be null", () -> GarchSpec.of(GarchModel.GJR, GarchInnovations.NORMAL).withInit(null));
    }

    @Test
    void batchChecksItsArguments() {
        npe("returns must not be null", () -> Garch.fitBatch(null, SPEC));
        npe("spec must not be null", () -> Garch.fitBatch(SeriesBatch.zeros(2, 20), null));
        iae("returns.length() (samples per asset) must be >= 10 (a GARCH(1,1) fit), was 5",
                () -> Garch.fitBatch(SeriesBatch.zeros(3, 5), SPEC));
        SeriesBatch b = SeriesBatch.zeros(2, 20);
        b.set(1, 4, Double.NaN);
        iae("returns.get(1, 4) must be finite, was NaN", () -> Garch.fitBatch(b, SPEC));
    }

    @Test
    void logLikelihoodChecksItsArguments() {
        iae("parameters.length must be 4 (one per GarchSpec.parameterNames()), was 5",
                () -> Garch.logLikelihood(DAX, SPEC, new double[5]));
        iae("parameters[2] must be finite, was NaN",
                () -> Garch.logLikelihood(DAX, SPEC, new double[] {0, 0.1, Double.NaN, 0.8}));
        npe("parameters must not be null", () -> Garch.logLikelihood(DAX, SPEC, null));
    }

    @Test
    void forecastsCheckTheirArguments() {
        GarchFit fit = Garch.fit(DAX, SPEC);
        iae("horizon must be >= 1, was 0", () -> fit.forecastVariance(0));
        iae("level must be in (0.0, 1.0), was 1.0", () -> fit.valueAtRisk(1.0, 1));
        iae("level must be in (0.0, 1.0), was NaN", () -> fit.expectedShortfall(Double.NaN, 1));
        iae("step must be >= 1, was 0", () -> fit.valueAtRisk(0.99, 0));
        iae("step must be >= 1, was -2", () -> fit.expectedShortfall(0.99, -2));
    }
}
