package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** VaR and ES against gen_risk.py (np.quantile, scipy.stats.norm / t, quadrature; risk_var.txt). */
class ValueAtRiskTest {
    @Test
    void matchesReference() {
        Map<String, double[]> series = RiskReference.series();
        int rows = 0, corrected = 0, invalid = 0;
        for (String[] f : RiskReference.lines("risk_var.txt")) {
            double[] r = series.get(f[0]);
            double alpha = RiskReference.d(f, 2);
            String what = String.join(" ", f);
            double var = RiskReference.d(f, 4), es = RiskReference.d(f, 5);
            switch (f[1]) {
                case "historical" -> {
                    TailRisk t = ValueAtRisk.historical(r, alpha);
                    // Tolerance: 1e-14 relative (one interpolation; a sum of the tail).
                    assertClose(var, t.var(), 1e-17, 1e-14, what);
                    assertClose(es, t.es(), 1e-17, 1e-13, what);
                }
                case "normal" -> {
                    TailRisk t = ValueAtRisk.normal(r, alpha);
                    assertClose(var, t.var(), 1e-16, 1e-12, what);
                    assertClose(es, t.es(), 1e-16, 1e-12, what);
                }
                case "t" -> {
                    TailRisk t = ValueAtRisk.studentT(r, alpha, RiskReference.d(f, 3));
                    // Tolerance: 1e-10 relative (the reference ES is a quadrature to 1e-12).
                    assertClose(var, t.var(), 1e-16, 1e-11, what);
                    assertClose(es, t.es(), 1e-16, 1e-10, what);
                }
                case "cornishfisher" -> {
                    if (f[3].equals("invalid")) {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueAtRisk.cornishFisher(r, alpha));
                        assertTrue(e.getMessage().contains("Maillard"), e.getMessage());
                        invalid++;
                    } else {
                        CornishFisherRisk c = ValueAtRisk.cornishFisher(r, alpha);
                        assertEquals(f[3], c.method().name().toLowerCase(), what);
                        if (c.method() == CornishFisherMethod.CORRECTED) corrected++;
                        // Tolerance: 1e-9 relative (the reference solves the moments by fsolve over quadratures).
                        assertClose(var, c.risk().var(), 1e-15, 1e-9, what);
                        assertClose(es, c.risk().es(), 1e-15, 1e-9, what);
                    }
                }
                case "ewma" -> {
                    TailRisk t = ValueAtRisk.ewma(r, alpha, RiskReference.d(f, 3));
                    assertClose(var, t.var(), 1e-17, 1e-12, what);
                    assertClose(es, t.es(), 1e-17, 1e-12, what);
                }
                default -> throw new AssertionError("unknown method " + f[1]);
            }
            rows++;
        }
        assertTrue(rows >= 5 * 4 * 7, "rows " + rows);
        assertTrue(corrected >= 4 && invalid >= 4, "both corrected and invalid cases are exercised");
    }

    @Test
    void cornishFisherDomain() {
        assertTrue(CornishFisher.valid(0, 0));
        assertTrue(CornishFisher.valid(0, 8));
        assertTrue(!CornishFisher.valid(0, 8.1), "kurtosis above 8 at zero skew is outside");
        assertTrue(!CornishFisher.valid(0, -0.1), "negative kurtosis is outside");
        // Inside the domain, with s = k = 0, the expansion is the normal law.
        double[] m = new double[3];
        CornishFisher.moments(0, 0, m);
        assertClose(1, m[0], 0, 1e-15, "variance");
        assertClose(0, m[2], 1e-14, 0, "kurtosis");
    }

    @Test
    void normalWithZeroSkewAndKurtosisEqualsCornishFisher() {
        double[] r = {-1, 1, -1, 1};
        // Population kurtosis of +-1 is -2: outside the domain, unreachable.
        assertThrows(IllegalArgumentException.class, () -> ValueAtRisk.cornishFisher(r, 0.05));
    }

    @Test
    void historicalEsIncludesTiesAtTheQuantile() {
        double[] r = {-0.03, -0.01, -0.01, 0.02, 0.04};
        // alpha = 0.25: h = 1, Q = x(1) = -0.01; the tail is {-0.03, -0.01, -0.01}.
        TailRisk t = ValueAtRisk.historical(r, 0.25);
        assertEquals(0.01, t.var(), 0.0);
        assertClose(0.05 / 3, t.es(), 0, 1e-15, "ES");
    }
}
