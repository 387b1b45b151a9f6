package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.linalg.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo VaR and ES against closed forms. One asset, long: the loss {@code q S0 (1 - e^Y)}, Y normal, has the
 * lognormal closed forms {@code VaR = q S0 (1 - e^{m + s z_{1-alpha}})},
 * {@code ES = q S0 (1 - e^{m + s^2/2} N(z_{1-alpha} - s) / (1 - alpha))}: within 1% relative (4 of the quantile's
 * Monte Carlo standard errors at 4 10^5 scenarios). Three correlated assets over one day: the delta-normal values
 * {@code VaR = -mean + sd z_alpha}, {@code ES = -mean + sd phi(z_alpha) / (1 - alpha)}, sd from the covariance: within 3%
 * (the lognormal's convexity over a day is below 1.5% here, plus Monte Carlo error).
 */
class PortfolioRiskTest {
    @Test
    void singleAssetMatchesTheLognormalClosedForm() {
        double s0 = 100, mu = 0.07, sig = 0.25, h = 10.0 / 252, q = 1000;
        GbmCorrelated model = GbmCorrelated.of(new double[] {s0}, new double[] {mu}, new double[] {sig}, DMatrix.identity(1));
        for (double alpha : new double[] {0.95, 0.99}) {
            PortfolioRiskEstimate e = PortfolioRisk.monteCarlo(model, new double[] {q}, h, alpha, RandomStream.philox4x64(17, 3), 400_000);
            double m = (mu - 0.5 * sig * sig) * h, s = sig * Math.sqrt(h), z = NormalQuantile.of(1 - alpha);
            double var = q * s0 * (1 - Math.exp(m + s * z));
            double es = q * s0 * (1 - Math.exp(m + 0.5 * s * s) * BlackScholes.normalCdf(z - s) / (1 - alpha));
            assertEquals(var, e.valueAtRisk(), 0.01 * var, "VaR " + alpha);
            assertEquals(es, e.expectedShortfall(), 0.01 * es, "ES " + alpha);
            assertTrue(e.expectedShortfall() > e.valueAtRisk());
            assertEquals(q * s0 * (1 - Math.exp(mu * h)), e.meanLoss(), 3 * q * s0 * s / Math.sqrt(400_000));
        }
    }

    @Test
    void correlatedPortfolioMatchesDeltaNormalOverADay() {
        DMatrix rho = DMatrix.of(new double[][] {{1, 0.6, -0.3}, {0.6, 1, 0.2}, {-0.3, 0.2, 1}});
        double[] s0 = {100, 50, 20}, mu = {0.05, 0.02, -0.01}, sig = {0.2, 0.3, 0.15}, pos = {10, -30, 100};
        GbmCorrelated model = GbmCorrelated.of(s0, mu, sig, rho);
        double h = 1.0 / 252, alpha = 0.99;
        PortfolioRiskEstimate e = PortfolioRisk.monteCarlo(model, pos, h, alpha, RandomStream.philox4x64(21, 0), 400_000);
        double mean = 0, var = 0;
        for (int i = 0; i < 3; i++) {
            mean += pos[i] * s0[i] * mu[i] * h;
            for (int j = 0; j < 3; j++) var += pos[i] * s0[i] * sig[i] * pos[j] * s0[j] * sig[j] * rho.get(i, j) * h;
        }
        double sd = Math.sqrt(var), z = NormalQuantile.of(alpha);
        double wantVar = -mean + sd * z, wantEs = -mean + sd * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / (1 - alpha);
        assertEquals(wantVar, e.valueAtRisk(), 0.03 * wantVar);
        assertEquals(wantEs, e.expectedShortfall(), 0.03 * wantEs);
        assertEquals(400_000, e.paths());
    }

    @Test
    void badArgumentsAreNamed() {
        GbmCorrelated model = GbmCorrelated.of(new double[] {100}, new double[] {0.0}, new double[] {0.2}, DMatrix.identity(1));
        RandomStream s = RandomStream.philox4x64(1, 1);
        assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.monteCarlo(model, new double[] {1, 2}, 0.1, 0.99, s, 100));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.monteCarlo(model, new double[] {1}, 0.1, 1.0, s, 100));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.monteCarlo(model, new double[] {1}, 0.0, 0.99, s, 100));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.monteCarlo(model, new double[] {Double.NaN}, 0.1, 0.99, s, 100));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.monteCarlo(model, new double[] {1}, 0.1, 0.99, s, 1));
    }
}
