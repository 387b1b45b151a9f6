package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GARCH fits against R fGarch's {@code garchFit} on the DAX log returns in percent (reference/gen_garch.R,
 * garch_fits.txt). Tolerances (relative): parameters 1e-4 (the bar), log-likelihood and AIC/BIC 1e-6,
 * conditional sd path and variance forecasts 1e-4 (they follow the parameters), VaR/ES 1e-4; standard errors
 * 2e-2, since fGarch's come from R's optimHess (finite differences of a finite-difference gradient, step 1e-3)
 * and ours from central differences of the exact gradient.
 */
class GarchReferenceTest {
    private static final double[] DAX = GarchReference.dax();
    private static final Map<String, Map<String, double[]>> REF = GarchReference.fits();

    private static GarchSpec spec(String name) {
        return switch (name) {
            case "norm" -> GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL);
            case "std" -> GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);
            case "gjrstd" -> GarchSpec.of(GarchModel.GJR, GarchInnovations.STUDENT_T);
            case "gjrnorm" -> GarchSpec.of(GarchModel.GJR, GarchInnovations.NORMAL);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"norm", "std", "gjrstd", "gjrnorm"})
    void matchesFGarch(String name) {
        Map<String, double[]> ref = REF.get(name);
        GarchFit fit = Garch.fit(DAX, spec(name));
        assertEquals(GarchStatus.CONVERGED, fit.status(), name + " status after " + fit.iterations() + " iterations");
        assertClose(ref.get("coef"), fit.parameters(), 0, 1e-4, name + " coef");
        assertClose(-ref.get("nllh")[0], fit.logLikelihood(), 0, 1e-6, name + " logLik");
        assertClose(ref.get("ics")[0], fit.aic(), 0, 1e-6, name + " AIC");
        assertClose(ref.get("ics")[1], fit.bic(), 0, 1e-6, name + " BIC");
        assertClose(ref.get("se"), fit.standardErrors(), 0, 2e-2, name + " se");
        double[] s = fit.sigma();
        int n = s.length;
        assertClose(ref.get("sigma"), new double[] {s[0], s[1], s[2], s[n - 1]}, 0, 1e-4, name + " sigma");
        double[] fsd = fit.forecastVariance(10);
        for (int i = 0; i < fsd.length; i++) fsd[i] = Math.sqrt(fsd[i]);
        assertClose(ref.get("fsd"), fsd, 0, 1e-4, name + " forecast sd");
        assertClose(ref.get("var95")[0], fit.valueAtRisk(0.95, 1), 0, 1e-4, name + " VaR 95");
        assertClose(ref.get("es95")[0], fit.expectedShortfall(0.95, 1), 0, 1e-4, name + " ES 95");
        assertClose(ref.get("var99")[0], fit.valueAtRisk(0.99, 1), 0, 1e-4, name + " VaR 99");
        assertClose(ref.get("es99")[0], fit.expectedShortfall(0.99, 1), 0, 1e-4, name + " ES 99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"norm", "std", "gjrstd"})
    void likelihoodAtFGarchEstimateEqualsFGarch(String name) {
        // The likelihood alone, at fGarch's own estimate: isolates the recursion and density from the optimiser.
        Map<String, double[]> ref = REF.get(name);
        assertClose(-ref.get("nllh")[0], Garch.logLikelihood(DAX, spec(name), ref.get("coef")), 0, 1e-12, name);
    }
}
