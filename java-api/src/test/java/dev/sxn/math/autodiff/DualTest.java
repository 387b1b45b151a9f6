package dev.sxn.math.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Dual numbers against closed-form derivatives (1e-14 relative) and central differences. */
class DualTest {

    @Test
    void derivativesOfAnExpressionMatchClosedForm() {
        // f(x, y) = exp(x y) / sqrt(x) + x^y ln(y) at (1.3, 0.7)
        double x0 = 1.3, y0 = 0.7;
        Dual x = Dual.variable(x0, 0, 2), y = Dual.variable(y0, 1, 2);
        Dual f = x.mul(y).exp().div(x.sqrt()).add(x.pow(y).mul(y.log()));
        double e = Math.exp(x0 * y0), s = Math.sqrt(x0), p = Math.pow(x0, y0), ly = Math.log(y0);
        assertEquals(e / s + p * ly, f.value(), 1e-15);
        double dfdx = y0 * e / s - 0.5 * e / (s * x0) + y0 * Math.pow(x0, y0 - 1) * ly;
        double dfdy = x0 * e / s + p * Math.log(x0) * ly + p / y0;
        assertEquals(dfdx, f.tangent(0), 1e-14 * Math.abs(dfdx));
        assertEquals(dfdy, f.tangent(1), 1e-14 * Math.abs(dfdy));
    }

    @Test
    void arrayOpsAliasSafely() {
        double[] a = {2, 1, 0, 3, 0, 1};
        Duals.mul(a, 0, a, 3, a, 0, 3); // (2 + e0)(3 + e1) in place
        assertEquals(6, a[0]);
        assertEquals(3, a[1]);
        assertEquals(2, a[2]);
        Duals.div(a, 0, a, 0, a, 0, 3);
        assertEquals(1, a[0]);
        assertEquals(0, a[1], 1e-16);
        assertEquals(0, a[2], 1e-16);
        double[] z = new double[3];
        Duals.pow(z, 0, new double[] {2, 1, 0}, 0, z, 0, 3);
        assertEquals(0, z[0]);
        assertThrows(IllegalArgumentException.class, () -> Dual.constant(1, 2).add(Dual.constant(1, 3)));
    }

    @Test
    void centralDifferencesAgree() {
        double x0 = 0.37, h = 1e-6;
        Dual x = Dual.variable(x0, 0, 1);
        Dual f = x.pow(2.5).add(x.scale(3).exp()).log();
        double fd = (Math.log(Math.pow(x0 + h, 2.5) + Math.exp(3 * (x0 + h))) - Math.log(Math.pow(x0 - h, 2.5) + Math.exp(3 * (x0 - h)))) / (2 * h);
        assertEquals(fd, f.tangent(0), 1e-8);
    }

    @Test
    void smoothingOpsMatchClosedForms() {
        // u = (x, dx/dx = 1, dx/dy = 2)
        double x0 = 0.8;
        double[] u = {x0, 1, 2}, out = new double[3];
        Duals.divConstant(u, 0, 4.0, out, 0, 3);
        assertEquals(x0 / 4, out[0]);
        assertEquals(0.25, out[1]);
        assertEquals(0.5, out[2]);
        Duals.constantOver(3.0, u, 0, out, 0, 3);
        assertEquals(3 / x0, out[0]);
        assertEquals(-3 / (x0 * x0), out[1], 1e-14);
        assertEquals(-6 / (x0 * x0), out[2], 1e-14);
        Duals.sigmoid(u, 0, out, 0, 3);
        double s = 1 / (1 + Math.exp(-x0));
        assertEquals(s, out[0]);
        assertEquals(s * (1 - s), out[1], 1e-16);
        assertEquals(2 * s * (1 - s), out[2], 1e-16);
        // far out, exp(-a) overflows: the value is 0 and the tangents stay finite (0), not NaN
        Duals.sigmoid(new double[] {-800, 1, 2}, 0, out, 0, 3);
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[1]);
        assertEquals(0.0, out[2]);
        Duals.sigmoid(new double[] {800, 1, 2}, 0, out, 0, 3);
        assertEquals(1.0, out[0]);
        assertEquals(0.0, out[1]);
    }
}
