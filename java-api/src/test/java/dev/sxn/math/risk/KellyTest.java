package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.linalg.DMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kelly sizing (closed forms) and Ledoit-Wolf shrinkage against scikit-learn (risk_ledoitwolf.txt). */
class KellyTest {
    @Test
    void discreteAndContinuous() {
        // p = 0.6 at even odds: 0.2 of capital.
        assertClose(0.2, Kelly.discrete(0.6, 1), 0, 1e-15, "even odds");
        assertClose((0.55 * 2 - 0.45) / 2, Kelly.discrete(0.55, 2), 0, 1e-15, "2:1");
        // Partial losses: win 1.5%, lose 1% per unit: p/L - q/W, not (p b - q)/b with b = 1.5.
        assertClose(0.5 / 0.01 - 0.5 / 0.015, Kelly.discrete(0.5, 0.015, 0.01), 0, 1e-12, "average loss");
        assertClose((0.08 - 0.02) / 0.04, Kelly.continuous(0.08, 0.02, 0.2), 0, 1e-15, "continuous");
        assertEquals(0.1, Kelly.fractional(0.2, 0.5), 0.0);
        assertEquals(0.25, Kelly.capped(0.6, 0.25), 0.0);
        assertEquals(-0.25, Kelly.capped(-0.6, 0.25), 0.0);
        assertEquals(0.1, Kelly.capped(0.1, 0.25), 0.0);
        assertEquals(0.5, Kelly.correlationAdjustment(-1), 0.0);
        assertEquals(0.8, Kelly.correlationAdjustment(0.4), 1e-16);
        assertEquals(1.0, Kelly.correlationAdjustment(0), 0.0);
    }

    @Test
    void multiAssetOfADiagonalCovarianceIsPerAsset() {
        DMatrix sigma = DMatrix.of(new double[][] {{0.04, 0}, {0, 0.09}});
        double[] f = Kelly.multiAsset(new double[] {0.1, 0.05}, 0.02, sigma);
        assertClose(0.08 / 0.04, f[0], 0, 1e-14, "asset 0");
        assertClose(0.03 / 0.09, f[1], 0, 1e-14, "asset 1");
    }

    @Test
    void ledoitWolfAndShrunkKellyMatchScikitLearn() {
        List<String[]> lines = RiskReference.lines("risk_ledoitwolf.txt");
        int cases = 0;
        for (int at = 0; at < lines.size(); ) {
            String[] head = lines.get(at++);
            String name = head[1];
            int n = Integer.parseInt(head[2]), p = Integer.parseInt(head[3]);
            DMatrix x = DMatrix.zeros(n, p), cov = DMatrix.zeros(p, p);
            for (int i = 0; i < n; i++, at++) for (int j = 0; j < p; j++) x.set(i, j, RiskReference.d(lines.get(at), j + 1));
            for (int i = 0; i < p; i++, at++) for (int j = 0; j < p; j++) cov.set(i, j, RiskReference.d(lines.get(at), j + 1));
            double shrinkage = RiskReference.d(lines.get(at++), 1);
            String[] kelly = lines.get(at++);
            LedoitWolf.Estimate e = LedoitWolf.shrink(x);
            // Tolerance: 1e-12 relative to the largest entry (sums of n p^2 products in another order).
            assertClose(shrinkage, e.shrinkage(), 1e-14, 1e-12, name + " shrinkage");
            double scale = 0;
            for (double v : cov.data()) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) assertClose(cov.get(i, j), e.covariance().get(i, j), 1e-12 * scale, 1e-12, name + " cov(" + i + ", " + j + ")");
            }
            double[] mu = new double[p];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) mu[j] += x.get(i, j);
                mu[j] /= n;
            }
            double[] f = Kelly.multiAsset(mu, 0.0001, e.covariance());
            // Tolerance: 1e-9 relative (a solve; the "wide" case's condition number is modest after shrinkage).
            List<Double> want = new ArrayList<>();
            for (int j = 1; j < kelly.length; j++) want.add(Double.parseDouble(kelly[j]));
            for (int j = 0; j < p; j++) assertClose(want.get(j), f[j], 1e-9, 1e-9, name + " Kelly " + j);
            cases++;
        }
        assertEquals(3, cases);
    }

    @Test
    void arguments() {
        assertEquals("p must be in [0.0, 1.0], was 1.5", assertThrows(IllegalArgumentException.class, () -> Kelly.discrete(1.5, 1)).getMessage());
        assertEquals("lossPerUnit must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> Kelly.discrete(0.5, 1, 0)).getMessage());
        assertEquals("sigma must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class, () -> Kelly.continuous(0.1, 0, 0)).getMessage());
        assertEquals("fraction must be in [0.0, 1.0], was 2.0", assertThrows(IllegalArgumentException.class, () -> Kelly.fractional(0.1, 2)).getMessage());
        assertEquals("cap must be finite and >= 0, was -1.0", assertThrows(IllegalArgumentException.class, () -> Kelly.capped(0.1, -1)).getMessage());
        assertEquals("rho must be in [-1.0, 1.0], was 1.1", assertThrows(IllegalArgumentException.class, () -> Kelly.correlationAdjustment(1.1)).getMessage());
        assertEquals("covariance must be 2x2 (mu.length), was 3x3",
                assertThrows(IllegalArgumentException.class, () -> Kelly.multiAsset(new double[2], 0, DMatrix.identity(3))).getMessage());
        assertEquals("x.rows() must be >= 2 (a covariance needs two observations), was 1",
                assertThrows(IllegalArgumentException.class, () -> LedoitWolf.shrink(DMatrix.zeros(1, 3))).getMessage());
    }
}
