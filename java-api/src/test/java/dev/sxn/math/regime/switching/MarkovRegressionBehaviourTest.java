package dev.sxn.math.regime.switching;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the Markov-switching regression that hold whatever the data: recovery, causality, EM, forecasts. */
class MarkovRegressionBehaviourTest {
    /** Two regimes with P = [[0.97, 0.03], [0.05, 0.95]], means -1 and 1, sd 0.5 and 1.5; returns {y, true regime}. */
    private static double[][] simulate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n], s = new double[n];
        int state = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0 && rnd.nextDouble() < (state == 0 ? 0.03 : 0.05)) state = 1 - state;
            s[t] = state;
            y[t] = (state == 0 ? -1 : 1) + (state == 0 ? 0.5 : 1.5) * gaussian(rnd);
        }
        return new double[][] {y, s};
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void fitRecoversSimulatedParametersWithinFourStandardErrors() {
        double[][] sim = simulate(4000, 21);
        MarkovRegression model = MarkovRegression.builder(sim[0], 2).switchingVariance(true).build();
        MsrFit fit = model.fit();
        assertTrue(fit.converged());
        double[] est = fit.parameters(), se = fit.standardErrors();
        boolean swapped = fit.coefficients()[0][0] > fit.coefficients()[1][0];
        double[][] p = fit.transitionMatrix();
        int lo = swapped ? 1 : 0, hi = 1 - lo;
        double[] truth = {0.97, 0.95, -1, 1, 0.25, 2.25};
        double[] got = {p[lo][lo], p[hi][hi], fit.coefficients()[lo][0], fit.coefficients()[hi][0], fit.variances()[lo], fit.variances()[hi]};
        double[] err = {se[0], se[1], se[2 + lo], se[2 + hi], se[4 + lo], se[4 + hi]};
        for (int i = 0; i < truth.length; i++) {
            assertTrue(Math.abs(got[i] - truth[i]) <= 4 * err[i], "parameter " + i + ": " + got[i] + " vs " + truth[i] + " (se " + err[i] + ")");
        }
        // The smoothed regime hits the simulated one nearly always at this separation.
        double[][] sm = fit.inference().smoothed();
        int hits = 0;
        for (int t = 0; t < sm.length; t++) hits += ((sm[t][hi] > 0.5) == (sim[1][t] == 1)) ? 1 : 0;
        assertTrue(hits >= 0.95 * sm.length, "hit rate " + hits + "/" + sm.length);
        assertEquals(est.length, model.parameterCount());
    }

    @Test
    void filteredProbabilitiesUseNoFutureData() {
        double[][] sim = simulate(600, 5);
        double[] changed = sim[0].clone();
        for (int t = 300; t < changed.length; t++) changed[t] = 10 - changed[t];
        double[] params = {0.9, 0.2, -1, 1, 0.3, 2};
        MsrInference a = MarkovRegression.builder(sim[0], 2).switchingVariance(true).build().inference(params);
        MsrInference b = MarkovRegression.builder(changed, 2).switchingVariance(true).build().inference(params);
        for (int t = 0; t < 300; t++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(a.filtered()[t][i], b.filtered()[t][i], 0.0, "filtered t=" + t);
                assertEquals(a.predicted()[t][i], b.predicted()[t][i], 0.0, "predicted t=" + t);
            }
        }
        assertTrue(Math.abs(a.smoothed()[299][0] - b.smoothed()[299][0]) > 1e-6, "the smoother does look ahead");
    }

    @Test
    void emStepsNeverLowerTheLikelihoodWithAKnownStart() {
        double[][] sim = simulate(1500, 9);
        double[] x = new double[sim[0].length];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < x.length; t++) x[t] = gaussian(rnd);
        MarkovRegression model = MarkovRegression.builder(sim[0], 2).exog(x).switchingVariance(true)
                .initialProbabilities(new double[] {0.5, 0.5}).build();
        double[] theta = model.startParameters();
        double prev = model.logLikelihood(theta);
        for (int it = 0; it < 30; it++) {
            theta = model.emStep(theta);
            double llf = model.logLikelihood(theta);
            assertTrue(llf >= prev - 1e-9 * Math.abs(prev), "step " + it + ": " + prev + " -> " + llf);
            prev = llf;
        }
    }

    @Test
    void longForecastsReachTheStationaryDistribution() {
        double[][] sim = simulate(800, 13);
        MarkovRegression model = MarkovRegression.builder(sim[0], 2).switchingVariance(true).build();
        MsrFit fit = model.fit();
        double[] pi = fit.stationaryDistribution();
        double[][] p = fit.transitionMatrix();
        for (int j = 0; j < 2; j++) assertClose(pi[j], pi[0] * p[0][j] + pi[1] * p[1][j], 1e-14, 0, "pi P = pi");
        double[] d = fit.expectedDurations();
        for (int i = 0; i < 2; i++) assertClose(1 / (1 - p[i][i]), d[i], 0, 1e-15, "duration " + i);
        MsrForecast fc = fit.forecast(3000, null);
        assertClose(pi, fc.regimeProbabilities()[2999], 1e-10, 0, "P^h -> stationary");
        double[][] b = fit.coefficients();
        double[] v = fit.variances();
        double mean = pi[0] * b[0][0] + pi[1] * b[1][0];
        assertClose(mean, fc.mean()[2999], 1e-10, 0, "unconditional mean");
        double var = pi[0] * (v[0] + b[0][0] * b[0][0]) + pi[1] * (v[1] + b[1][0] * b[1][0]) - mean * mean;
        assertClose(var, fc.variance()[2999], 1e-10, 0, "unconditional variance");
    }

    @Test
    void zeroTransitionProbabilitiesAndFarRegimesGiveNoNaN() {
        double[][] sim = simulate(500, 17);
        MarkovRegression model = MarkovRegression.builder(sim[0], 3).switchingVariance(true).build();
        // Regime 2 is unreachable and absurdly placed: its density underflows everywhere.
        double[] params = new double[model.parameterCount()];
        var names = model.parameterNames();
        set(params, names, "p[0->0]", 0.97);
        set(params, names, "p[0->1]", 0.03);
        set(params, names, "p[1->0]", 0.05);
        set(params, names, "p[1->1]", 0.95);
        set(params, names, "p[2->0]", 0.0);
        set(params, names, "p[2->1]", 0.0);
        set(params, names, "const[0]", -1);
        set(params, names, "const[1]", 1);
        set(params, names, "const[2]", 1e6);
        set(params, names, "sigma2[0]", 0.25);
        set(params, names, "sigma2[1]", 2.25);
        set(params, names, "sigma2[2]", 1e-8);
        MsrInference inf = model.inference(params);
        assertTrue(Double.isFinite(inf.logLikelihood()));
        for (double[][] path : new double[][][] {inf.filtered(), inf.predicted(), inf.smoothed()}) {
            for (double[] row : path) {
                double sum = 0;
                for (double v : row) {
                    assertTrue(Double.isFinite(v));
                    sum += v;
                }
                assertClose(1, sum, 1e-12, 0, "probabilities sum to 1");
            }
        }
    }

    private static void set(double[] params, java.util.List<String> names, String name, double v) {
        params[names.indexOf(name)] = v;
    }
}
