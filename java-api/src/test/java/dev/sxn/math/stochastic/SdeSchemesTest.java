package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import org.junit.jupiter.api.Test;

/**
 * Euler-Maruyama and Milstein on GBM ({@code a = mu x}, {@code b = sigma x}, {@code b_x = sigma}) against the exact
 * solution {@code x0 exp((mu - sigma^2/2) T + sigma W_T)} on the same Brownian path: fine increments from the stream,
 * summed into coarser ones, six grids (4 .. 128 steps, five halvings). Orders are the least-squares slopes of
 * log error against log dt: strong (E|X_N - X_T|) 0.5 for EM and 1.0 for Milstein, weak (|E[X_N - X_T]|, the exact
 * solution as a control on the same paths) 1.0 for EM, each within +-0.15.
 */
class SdeSchemesTest {
    static final double MU = 0.8, SIGMA = 0.5, X0 = 1.0, T = 1.0;
    static final int FINE = 128, PATHS = 4000;
    static final SdeFunction A = (t, x) -> MU * x, B = (t, x) -> SIGMA * x, BX = (t, x) -> SIGMA;

    /** [level][0: strong, 1: weak] errors of the scheme for grids of 4, 8, ..., 128 steps. */
    private static double[][] errors(boolean milstein) {
        double[] z = new double[FINE * PATHS];
        Randoms.normals(RandomStream.philox4x64(2026, 19), 0, PATHS, 0, FINE, z, 0, PATHS, Backend.JAVA);
        double dtFine = T / FINE;
        double[] exact = new double[PATHS];
        for (int p = 0; p < PATHS; p++) {
            double w = 0;
            for (int t = 0; t < FINE; t++) w += Math.sqrt(dtFine) * z[t * PATHS + p];
            exact[p] = X0 * Math.exp((MU - 0.5 * SIGMA * SIGMA) * T + SIGMA * w);
        }
        double[][] err = new double[6][2];
        for (int level = 0; level < 6; level++) {
            int steps = 4 << level, agg = FINE / steps;
            double dt = T / steps;
            double[] dW = new double[steps * PATHS];
            for (int t = 0; t < steps; t++) {
                for (int p = 0; p < PATHS; p++) {
                    double s = 0;
                    for (int k = 0; k < agg; k++) s += Math.sqrt(dtFine) * z[(t * agg + k) * PATHS + p];
                    dW[t * PATHS + p] = s;
                }
            }
            double[] xt = new double[PATHS];
            if (milstein) Milstein.terminal(A, B, BX, X0, 0.0, dt, dW, 0, PATHS, PATHS, steps, xt, 0);
            else EulerMaruyama.terminal(A, B, X0, 0.0, dt, dW, 0, PATHS, PATHS, steps, xt, 0);
            double strong = 0, weak = 0;
            for (int p = 0; p < PATHS; p++) {
                strong += Math.abs(xt[p] - exact[p]);
                weak += xt[p] - exact[p];
            }
            err[level][0] = strong / PATHS;
            err[level][1] = Math.abs(weak / PATHS);
        }
        return err;
    }

    /** Least-squares slope of log(err) against log(dt) over the levels. */
    private static double slope(double[][] err, int which) {
        int n = err.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int l = 0; l < n; l++) {
            double x = Math.log(T / (4 << l)), y = Math.log(err[l][which]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @Test
    void eulerMaruyamaHasStrongOrderHalfAndWeakOrderOne() {
        double[][] e = errors(false);
        double strong = slope(e, 0), weak = slope(e, 1);
        assertEquals(0.5, strong, 0.15, "EM strong order");
        assertEquals(1.0, weak, 0.15, "EM weak order");
        // EM's mean is known in closed form for GBM: E[X_N] = x0 (1 + mu dt)^N; the weak error is its gap to x0 e^{mu T},
        // within the Monte Carlo error of the control-variate estimate (3 standard errors at most 0.02 here).
        double want = X0 * (Math.exp(MU * T) - Math.pow(1 + MU * T / 4, 4));
        assertEquals(want, e[0][1], 0.02);
    }

    @Test
    void milsteinHasStrongOrderOne() {
        double[][] e = errors(true);
        assertEquals(1.0, slope(e, 0), 0.15, "Milstein strong order");
        double[][] em = errors(false);
        assertTrue(e[5][0] < em[5][0] / 3, "Milstein beats EM at 128 steps: " + e[5][0] + " vs " + em[5][0]);
    }

    /** The stream forms equal the increment forms driven by sqrt(dt) times the stream's normals; paths end at terminal. */
    @Test
    void streamFormsAreTheIncrementFormsOnTheStreamsNormals() {
        RandomStream s = RandomStream.philox4x64(3, 1);
        int paths = 131, steps = 70;
        double dt = 0.01;
        for (Antithetic anti : Antithetic.values()) {
            double[] dW = new double[steps * paths];
            for (int t = 0; t < steps; t++) {
                for (int p = 0; p < paths; p++) {
                    long path = 9 + p;
                    double z = s.normal(anti.lane(path), t);
                    dW[t * paths + p] = Math.sqrt(dt) * (anti.mirrored(path) ? -z : z);
                }
            }
            double[] want = new double[paths], got = new double[paths], path = new double[steps * paths];
            Milstein.terminal(A, B, BX, X0, 0.0, dt, dW, 0, paths, paths, steps, want, 0);
            Milstein.terminal(A, B, BX, X0, 0.0, dt, s, 9, paths, steps, anti, got, 0);
            assertArrayEquals(want, got, anti.toString());
            Milstein.paths(A, B, BX, X0, 0.0, dt, s, 9, paths, steps, anti, path, 0, paths);
            for (int p = 0; p < paths; p++) assertEquals(got[p], path[(steps - 1) * paths + p]);
            EulerMaruyama.terminal(A, B, X0, 0.0, dt, dW, 0, paths, paths, steps, want, 0);
            EulerMaruyama.terminal(A, B, X0, 0.0, dt, s, 9, paths, steps, anti, got, 0);
            assertArrayEquals(want, got, anti.toString());
        }
    }

    /**
     * Diagonal noise in two dimensions, uncoupled components: each component is the scalar scheme on its own
     * increments (slot t d + i); then a coupled drift (component 0 pulled towards component 1) checked step by step.
     */
    @Test
    void diagonalNoiseRunsEachComponentOnItsOwnIncrements() {
        RandomStream s = RandomStream.philox4x64(4, 2);
        int paths = 70, steps = 40, d = 2;
        double dt = 0.02;
        SdeField a = (t, x, i) -> (i == 0 ? 0.1 : -0.3) * x[i];
        SdeDiagonal b = (t, xi, i) -> (i == 0 ? 0.2 : 0.4) * xi, bx = (t, xi, i) -> i == 0 ? 0.2 : 0.4;
        double[] out = new double[d * paths];
        Milstein.terminal(a, b, bx, new double[] {1.0, 2.0}, 0.0, dt, s, 0, paths, steps, Antithetic.NONE, out, 0, paths);
        for (int i = 0; i < d; i++) {
            double[] dW = new double[steps * paths];
            for (int t = 0; t < steps; t++) for (int p = 0; p < paths; p++) dW[t * paths + p] = Math.sqrt(dt) * s.normal(p, t * d + i);
            double mu = i == 0 ? 0.1 : -0.3, sig = i == 0 ? 0.2 : 0.4;
            double[] want = new double[paths];
            Milstein.terminal((t, x) -> mu * x, (t, x) -> sig * x, (t, x) -> sig, i == 0 ? 1.0 : 2.0, 0.0, dt, dW, 0, paths, paths, steps, want, 0);
            for (int p = 0; p < paths; p++) assertEquals(want[p], out[i * paths + p], "component " + i + " path " + p);
        }
        SdeField coupled = (t, x, i) -> i == 0 ? x[1] - x[0] : 0.0;
        SdeDiagonal c = (t, xi, i) -> 0.1, zero = (t, xi, i) -> 0.0;
        double[] path = new double[steps * d * paths];
        EulerMaruyama.paths(coupled, c, new double[] {0.0, 1.0}, 0.0, dt, s, 0, paths, steps, Antithetic.NONE, path, 0, paths);
        double[] milsteinPath = new double[path.length];
        Milstein.paths(coupled, c, zero, new double[] {0.0, 1.0}, 0.0, dt, s, 0, paths, steps, Antithetic.NONE, milsteinPath, 0, paths);
        assertArrayEquals(path, milsteinPath, "with b_x = 0 Milstein is Euler-Maruyama");
        for (int p = 0; p < paths; p++) {
            double x0 = 0.0, x1 = 1.0;
            for (int t = 0; t < steps; t++) {
                double n0 = x0 + (x1 - x0) * dt + 0.1 * (Math.sqrt(dt) * s.normal(p, 2L * t));
                double n1 = x1 + 0.0 * dt + 0.1 * (Math.sqrt(dt) * s.normal(p, 2L * t + 1));
                x0 = n0;
                x1 = n1;
                assertEquals(x0, path[(t * d) * paths + p]);
                assertEquals(x1, path[(t * d + 1) * paths + p]);
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        RandomStream s = RandomStream.philox4x64(1, 1);
        double[] out = new double[10];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EulerMaruyama.terminal(A, B, Double.NaN, 0.0, 0.1, s, 0, 10, 5, Antithetic.NONE, out, 0));
        assertTrue(e.getMessage().startsWith("x0[0] must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EulerMaruyama.terminal(A, B, 1.0, 0.0, -0.1, s, 0, 10, 5, Antithetic.NONE, out, 0));
        assertThrows(IllegalArgumentException.class, () -> EulerMaruyama.terminal(A, B, 1.0, 0.0, 0.1, s, 0, 11, 5, Antithetic.NONE, out, 0));
        e = assertThrows(IllegalArgumentException.class, () -> EulerMaruyama.terminal(A, B, 1.0, 0.0, 0.1, new double[49], 0, 10, 10, 5, out, 0));
        assertTrue(e.getMessage().contains("dW.length"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Milstein.terminal(A, B, null, 1.0, 0.0, 0.1, s, 0, 10, 5, Antithetic.NONE, out, 0));
        assertThrows(IllegalArgumentException.class, () -> EulerMaruyama.terminal((t, x, i) -> 0.0, (t, x, i) -> 0.0, new double[65], 0.0, 0.1,
                s, 0, 1, 1, Antithetic.NONE, new double[65], 0, 1));
    }
}
