package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optimiser on simulated series across the parameter space (low and near-integrated persistence, heavy and
 * light tails, with and without leverage): every fit converges, and its log-likelihood is at least the one at
 * the true parameters (a maximum can be no lower; a margin of 1e-9 relative for rounding).
 */
class GarchConvergenceTest {

    /** GJR (fGarch form) returns with standardized-t innovations (integer nu) or normal ones (nu = 0). */
    static double[] simulate(int n, double mu, double omega, double alpha, double gamma, double beta, int nu, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double h = omega / (1 - alpha * (1 + gamma * gamma) - beta);
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double e = rnd.nextGaussian();
            if (nu > 0) {
                double chi2 = 0;
                for (int k = 0; k < nu; k++) {
                    double g = rnd.nextGaussian();
                    chi2 += g * g;
                }
                e *= Math.sqrt((nu - 2) / chi2);
            }
            double z = Math.sqrt(h) * e;
            r[t] = mu + z;
            double a = Math.abs(z) - gamma * z;
            h = omega + alpha * a * a + beta * h;
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource({
        "GARCH, 0.05, 0.02, 0.08, 0.0, 0.90, 6, 1",
        "GARCH, 0.01, 0.30, 0.20, 0.0, 0.30, 0, 2",
        "GARCH, -0.02, 0.002, 0.04, 0.0, 0.955, 4, 3",
        "GJR, 0.03, 0.03, 0.06, 0.4, 0.88, 8, 4",
        "GJR, 0.00, 0.05, 0.10, -0.3, 0.80, 0, 5",
        "GARCH, 0.1, 0.5, 0.02, 0.0, 0.10, 5, 6",
    })
    void fitsConvergeAndBeatTheTruth(GarchModel model, double mu, double omega, double alpha, double gamma,
            double beta, int nu, long seed) {
        double[] r = simulate(2500, mu, omega, alpha, gamma, beta, nu, seed);
        GarchSpec spec = GarchSpec.of(model, nu > 0 ? GarchInnovations.STUDENT_T : GarchInnovations.NORMAL);
        GarchFit fit = Garch.fit(r, spec);
        assertEquals(GarchStatus.CONVERGED, fit.status(), "after " + fit.iterations() + " iterations");
        double[] truth = new double[spec.parameterCount()];
        int i = 0;
        truth[i++] = mu;
        truth[i++] = omega;
        truth[i++] = alpha;
        if (spec.hasGamma()) truth[i++] = gamma;
        truth[i++] = beta;
        if (spec.hasShape()) truth[i] = nu;
        double atTruth = Garch.logLikelihood(r, spec, truth);
        assertTrue(fit.logLikelihood() >= atTruth - 1e-9 * Math.abs(atTruth),
                "fit " + fit.logLikelihood() + " below the truth's " + atTruth);
        assertEquals(fit.logLikelihood(), Garch.logLikelihood(r, spec, fit.parameters()), 1e-9 * Math.abs(atTruth),
                "the reported log-likelihood is the likelihood at the reported parameters");
    }
}
