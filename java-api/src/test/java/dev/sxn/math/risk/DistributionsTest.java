package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Normal and Student-t quantiles against SciPy's norm.ppf / t.ppf (risk_quantiles.txt). */
class DistributionsTest {
    @Test
    void quantilesMatchScipy() {
        int norm = 0, t = 0;
        for (String[] f : RiskReference.lines("risk_quantiles.txt")) {
            if (f[0].equals("norm")) {
                double p = RiskReference.d(f, 1);
                // Tolerance: 1e-13 relative (SciPy's ndtri is accurate to a few ulps; ours iterates to 1e-15).
                assertClose(RiskReference.d(f, 2), Distributions.normalQuantile(p), 1e-15, 1e-13, "norm.ppf(" + p + ")");
                norm++;
            } else {
                double nu = RiskReference.d(f, 1), p = RiskReference.d(f, 2);
                // Tolerance: 1e-11 relative (the incomplete beta through log-gamma differences loses a few digits for large nu).
                assertClose(RiskReference.d(f, 3), Distributions.tQuantile(p, nu), 1e-14, 1e-11, "t.ppf(" + p + ", " + nu + ")");
                t++;
            }
        }
        assertTrue(norm >= 10 && t >= 80, "reference rows read");
    }

    @Test
    void cdfInvertsQuantile() {
        for (double p : new double[] {1e-12, 0.01, 0.2, 0.5, 0.8, 0.99}) {
            assertClose(p, Distributions.normalCdf(Distributions.normalQuantile(p)), 0, 1e-13, "Phi(Phi^-1(" + p + "))");
            assertClose(p, Distributions.tCdf(Distributions.tQuantile(p, 3.5), 3.5), 0, 1e-12, "F(F^-1(" + p + "))");
        }
        assertEquals(0.0, Distributions.tQuantile(0.5, 4), 0.0);
        // nu = 1 is Cauchy: tan(pi (p - 1/2)).
        assertClose(Math.tan(Math.PI * (0.025 - 0.5)), Distributions.tQuantile(0.025, 1), 0, 1e-13, "Cauchy quantile");
        assertClose(Math.log(120), Distributions.logGamma(6), 0, 1e-15, "log 5!");
        assertClose(0.5 * Math.log(Math.PI), Distributions.logGamma(0.5), 0, 1e-15, "log Gamma(1/2)");
    }
}
