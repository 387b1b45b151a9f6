package dev.sxn.math.filter;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.testing.ReferenceData;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * KalmanFilter against R (reference vectors from gen_kalman.R), closed forms, a naive dense
 * implementation, long-run stability and argument checks.
 */
class KalmanFilterTest {
    /** R's KalmanRun/KalmanSmooth use the short covariance form and another smoother; both agree to this. */
    private static final double ATOL = 1e-10;
    private static final double RTOL = 1e-10;

    private static double p(Map<String, double[]> par, String key) {
        return par.get(key)[0];
    }

    @Test
    void localLevelMatchesR() {
        Map<String, double[]> d = ReferenceData.csv("kalman_local_level.csv");
        Map<String, double[]> par = ReferenceData.csv("kalman_local_level_params.csv");
        KalmanModel model = KalmanModel.localLevel(p(par, "V_11"), p(par, "h"));
        KalmanFilter kf = new KalmanFilter(model, new double[] {p(par, "a0_1")}, new double[][] {{p(par, "P0_11")}});
        double[] y = d.get("y");
        double[][] zs = new double[y.length][];
        for (int t = 0; t < y.length; t++) zs[t] = new double[] {y[t]};
        KalmanResult r = kf.filter(zs);
        assertClose(d.get("a1"), r.stateSeries(0), ATOL, RTOL, "filtered level");
        double[] std = new double[y.length];
        for (int t = 0; t < y.length; t++) std[t] = r.standardized(t, 0);
        assertClose(d.get("resid"), std, ATOL, RTOL, "standardised residuals");
        assertClose(p(par, "loglik"), r.logLikelihood(), ATOL, RTOL, "full log-likelihood");
        assertEquals((int) p(par, "nu"), r.observations());
        SmoothedStates sm = KalmanFilter.rtsSmooth(r);
        assertClose(d.get("s1"), sm.stateSeries(0), ATOL, RTOL, "smoothed level");
        double[] var = new double[y.length];
        for (int t = 0; t < y.length; t++) var[t] = sm.covariance(t, 0, 0);
        assertClose(d.get("v11"), var, ATOL, RTOL, "smoothed variance");
    }

    @Test
    void localLinearTrendMatchesR() {
        Map<String, double[]> d = ReferenceData.csv("kalman_local_linear_trend.csv");
        Map<String, double[]> par = ReferenceData.csv("kalman_local_linear_trend_params.csv");
        KalmanModel model = KalmanModel.localLinearTrend(p(par, "V_11"), p(par, "V_22"), p(par, "h"));
        double[][] p0 = {{p(par, "P0_11"), p(par, "P0_12")}, {p(par, "P0_21"), p(par, "P0_22")}};
        KalmanFilter kf = new KalmanFilter(model, new double[] {p(par, "a0_1"), p(par, "a0_2")}, p0);
        double[] y = d.get("y");
        double[][] zs = new double[y.length][];
        for (int t = 0; t < y.length; t++) zs[t] = new double[] {y[t]};
        KalmanResult r = kf.filter(zs);
        assertClose(d.get("a1"), r.stateSeries(0), ATOL, RTOL, "filtered level");
        assertClose(d.get("a2"), r.stateSeries(1), ATOL, RTOL, "filtered slope");
        double[] std = new double[y.length];
        for (int t = 0; t < y.length; t++) std[t] = r.standardized(t, 0);
        assertClose(d.get("resid"), std, ATOL, RTOL, "standardised residuals");
        assertClose(p(par, "loglik"), r.logLikelihood(), ATOL, RTOL, "full log-likelihood");
        SmoothedStates sm = KalmanFilter.rtsSmooth(r);
        assertClose(d.get("s1"), sm.stateSeries(0), ATOL, RTOL, "smoothed level");
        assertClose(d.get("s2"), sm.stateSeries(1), ATOL, RTOL, "smoothed slope");
        for (int t = 0; t < y.length; t++) {
            assertClose(d.get("v11")[t], sm.covariance(t, 0, 0), ATOL, RTOL, "smoothed var11[" + t + "]");
            assertClose(d.get("v12")[t], sm.covariance(t, 0, 1), ATOL, RTOL, "smoothed var12[" + t + "]");
            assertClose(d.get("v22")[t], sm.covariance(t, 1, 1), ATOL, RTOL, "smoothed var22[" + t + "]");
        }
    }

    @Test
    void randomWalkSteadyStateGainIsClosedForm() {
        double q = 0.3;
        double rv = 2.0;
        KalmanFilter kf = new KalmanFilter(KalmanModel.localLevel(q, rv), new double[] {0}, new double[][] {{100}});
        SplittableRandom rnd = new SplittableRandom(1);
        double gain = Double.NaN;
        for (int t = 0; t < 500; t++) {
            kf.predict();
            double pp = kf.covariance()[0][0];
            gain = pp / (pp + rv);
            kf.update(rnd.nextGaussian());
        }
        // Riccati fixed point: P- = (q + sqrt(q^2 + 4 q r)) / 2, K = P- / (P- + r).
        double pMinus = (q + Math.sqrt(q * q + 4 * q * rv)) / 2;
        assertClose(pMinus / (pMinus + rv), gain, 1e-14, 1e-13, "steady-state gain");
        assertClose(pMinus * rv / (pMinus + rv), kf.covariance()[0][0], 1e-14, 1e-13, "steady-state filtered variance");
    }

    @Test
    void covarianceStaysSymmetricPositiveDefiniteOverAMillionSteps() {
        // A stiff model (tiny Q against a large R, near-singular P) where the short form drifts.
        KalmanModel model = KalmanModel.localLinearTrend(1e-10, 1e-14, 1e4);
        KalmanFilter kf = new KalmanFilter(model, new double[] {0, 0}, new double[][] {{1e6, 0}, {0, 1e2}});
        SplittableRandom rnd = new SplittableRandom(7);
        double[] z = new double[1];
        for (int t = 0; t < 1_000_000; t++) {
            kf.predict();
            z[0] = t % 97 == 0 ? Double.NaN : 100 * rnd.nextGaussian();
            kf.update(z);
            if (t % 1000 == 999) {
                double[][] pm = kf.covariance();
                assertEquals(pm[0][1], pm[1][0], "symmetric at step " + t);
                assertTrue(pm[0][0] > 0 && pm[1][1] > 0 && pm[0][0] * pm[1][1] - pm[0][1] * pm[0][1] > 0, "PD at step " + t);
            }
        }
    }

    /** The textbook form with an explicit inverse, for a 3-state, 2-observation model with correlated R. */
    @Test
    void multivariateMatchesNaiveForm() {
        double[][] f = {{1, 0.5, 0.1}, {0, 0.9, 0.2}, {0, -0.1, 0.8}};
        double[][] h = {{1, 0, 0.5}, {0, 1, -1}};
        double[][] q = {{0.2, 0.05, 0}, {0.05, 0.1, 0.01}, {0, 0.01, 0.3}};
        double[][] r = {{1.0, 0.3}, {0.3, 0.5}};
        KalmanModel model = KalmanModel.builder(3, 2).transition(f).observation(h).processNoise(q).observationNoise(r).build();
        double[] x0 = {1, -1, 0.5};
        double[][] p0 = {{2, 0.1, 0}, {0.1, 1, 0.2}, {0, 0.2, 1.5}};
        KalmanFilter kf = new KalmanFilter(model, x0, p0);
        double[] x = x0.clone();
        double[][] p = {p0[0].clone(), p0[1].clone(), p0[2].clone()};
        SplittableRandom rnd = new SplittableRandom(3);
        double llNaive = 0;
        double llFilter = 0;
        for (int t = 0; t < 200; t++) {
            double[] z = {rnd.nextGaussian() * 2, rnd.nextGaussian()};
            kf.predict();
            llFilter += kf.update(z).logLikelihood();
            // Naive: x = F x, P = F P F' + Q, S = H P H' + R, K = P H' S^-1, P = (I - K H) P.
            x = mv(f, x);
            p = add(mm(mm(f, p), tr(f)), q);
            double[][] s = add(mm(mm(h, p), tr(h)), r);
            double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
            double[][] si = {{s[1][1] / det, -s[0][1] / det}, {-s[1][0] / det, s[0][0] / det}};
            double[][] k = mm(mm(p, tr(h)), si);
            double[] hx = mv(h, x);
            double[] v = {z[0] - hx[0], z[1] - hx[1]};
            double[] kv = mv(k, v);
            for (int i = 0; i < 3; i++) x[i] += kv[i];
            p = mm(add(eye(3), scale(mm(k, h), -1)), p);
            double quad = v[0] * (si[0][0] * v[0] + si[0][1] * v[1]) + v[1] * (si[1][0] * v[0] + si[1][1] * v[1]);
            llNaive += -0.5 * (2 * Math.log(2 * Math.PI) + Math.log(det) + quad);
            assertClose(x, kf.state(), 1e-11, 1e-11, "state at " + t);
            for (int i = 0; i < 3; i++) assertClose(p[i], kf.covariance()[i], 1e-11, 1e-10, "P row " + i + " at " + t);
        }
        assertClose(llNaive, llFilter, 1e-9, 1e-12, "log-likelihood");
    }

    @Test
    void missingComponentEqualsFilterOnTheObservedRow() {
        double[][] f = {{1, 1}, {0, 1}};
        double[][] q = {{0.1, 0}, {0, 0.01}};
        KalmanModel two = KalmanModel.builder(2, 2).transition(f).observation(new double[][] {{1, 0}, {1, 0.5}}).processNoise(q)
                .observationNoise(new double[][] {{1.0, 0.4}, {0.4, 2.0}}).build();
        KalmanModel second = KalmanModel.builder(2, 1).transition(f).observation(new double[][] {{1, 0.5}}).processNoise(q)
                .observationNoise(new double[][] {{2.0}}).build();
        double[][] p0 = {{1, 0}, {0, 1}};
        KalmanFilter a = new KalmanFilter(two, new double[] {0, 0}, p0);
        KalmanFilter b = new KalmanFilter(second, new double[] {0, 0}, p0);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 50; t++) {
            double z = rnd.nextGaussian();
            a.predict();
            b.predict();
            KalmanUpdate ua = a.update(new double[] {Double.NaN, z});
            KalmanUpdate ub = b.update(z);
            assertEquals(1, ua.observed());
            assertTrue(Double.isNaN(ua.innovation()[0]) && Double.isNaN(ua.standardized()[0]));
            assertClose(ub.innovation()[0], ua.innovation()[1], 1e-13, 1e-13, "innovation");
            assertClose(ub.logLikelihood(), ua.logLikelihood(), 1e-13, 1e-13, "log-density");
            assertClose(b.state(), a.state(), 1e-13, 1e-13, "state");
        }
        // All missing: the update leaves the prediction.
        a.predict();
        double[] predicted = a.state();
        KalmanUpdate none = a.update(new double[] {Double.NaN, Double.NaN});
        assertEquals(0, none.observed());
        assertEquals(0.0, none.logLikelihood());
        assertClose(predicted, a.state(), 0, 0, "state after all-missing update");
    }

    @Test
    void constantVelocityUsesEachTicksDt() {
        KalmanModel cv = KalmanModel.constantVelocity(0.5, 0.2);
        double[] dts = {1.0, 0.25, 3.0, 0.0, 0.7};
        double[][] zs = {{1.0}, {1.3}, {2.9}, {Double.NaN}, {3.6}};
        KalmanResult r = new KalmanFilter(cv, new double[] {0, 1}, new double[][] {{1, 0}, {0, 1}}).filter(zs, null, dts);
        KalmanFilter manual = new KalmanFilter(cv, new double[] {0, 1}, new double[][] {{1, 0}, {0, 1}});
        for (int t = 0; t < dts.length; t++) {
            double dt = dts[t];
            double[][] f = {{1, dt}, {0, 1}};
            double[][] q = {{0.5 * dt * dt * dt / 3, 0.5 * dt * dt / 2}, {0.5 * dt * dt / 2, 0.5 * dt}};
            manual.predict(f, q, null);
            manual.update(zs[t]);
            assertClose(manual.state(), r.mean(t), 1e-14, 1e-14, "state at " + t);
        }
    }

    @Test
    void controlInputShiftsThePrediction() {
        KalmanModel m = KalmanModel.builder(1, 1).transition(new double[][] {{1}}).observation(new double[][] {{1}})
                .processNoise(new double[][] {{0.1}}).observationNoise(new double[][] {{1}}).control(new double[][] {{2}}).build();
        KalmanFilter kf = new KalmanFilter(m, new double[] {1}, new double[][] {{1}});
        kf.predict(new double[] {0.25});
        assertClose(1.5, kf.state()[0], 0, 1e-15, "x + B u");
        assertClose(1.1, kf.covariance()[0][0], 0, 1e-15, "P + Q");
    }

    @Test
    void badInputsThrowClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.builder(1, 1)
                .transition(new double[][] {{1}}).observation(new double[][] {{1}}).processNoise(new double[][] {{1}})
                .observationNoise(new double[][] {{-1}}).build());
        assertTrue(e.getMessage().contains("R must be symmetric positive definite") && e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.builder(2, 1).transition(new double[][] {{1, 0}, {0, 1}})
                .observation(new double[][] {{1, 0}}).processNoise(new double[][] {{1, 0}, {0, 1}})
                .observationNoise(new double[][] {{1, 0}, {0, 1}}).build());
        assertTrue(e.getMessage().contains("R must be 1x1") && e.getMessage().contains("was 2x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.builder(2, 1).transition(new double[][] {{1, Double.NaN}, {0, 1}})
                .observation(new double[][] {{1, 0}}).processNoise(new double[][] {{1, 0}, {0, 1}})
                .observationNoise(new double[][] {{1}}).build());
        assertTrue(e.getMessage().contains("F(0, 1) must be finite, was NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.builder(2, 1).transition(new double[][] {{1, 0}, {0, 1}})
                .observation(new double[][] {{1, 0}}).processNoise(new double[][] {{1, 2}, {2, 1}})
                .observationNoise(new double[][] {{1}}).build());
        assertTrue(e.getMessage().contains("Q must be symmetric positive semidefinite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.builder(1, 1).transition(new double[][] {{1}})
                .observation(new double[][] {{1}}).processNoise(new double[][] {{1}}).observationNoise(new double[][] {{1, 0}, {0, 1}}).build());
        assertTrue(e.getMessage().contains("R must be 1x1 (m x m), was 2x2"), e.getMessage());
        KalmanFilter kf = new KalmanFilter(KalmanModel.localLevel(1, 1), new double[] {0}, new double[][] {{1}});
        e = assertThrows(IllegalArgumentException.class, () -> kf.update(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("z.length must be 1 (m, the observation dimension), was 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kf.update(Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("z[0] must be finite or NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KalmanFilter(KalmanModel.localLevel(1, 1), new double[] {0, 1}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("x0.length must be 1 (the state dimension), was 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kf.predict(new double[][] {{Double.NaN}}, null, null));
        assertTrue(e.getMessage().contains("F(0, 0) must be finite, was NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KalmanModel.localLevel(1, 0));
        assertTrue(e.getMessage().contains("obsVar must be finite and > 0, was 0.0"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> kf.predictDt(1.0));
        assertThrows(NullPointerException.class, () -> kf.update((double[]) null));
    }

    // ---- naive dense helpers ----
    private static double[][] mm(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b[0].length; j++) for (int k = 0; k < b.length; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[] mv(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < x.length; k++) y[i] += a[i][k] * x[k];
        return y;
    }

    private static double[][] tr(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] + b[i][j];
        return c;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] * s;
        return c;
    }

    private static double[][] eye(int n) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) c[i][i] = 1;
        return c;
    }
}
