package dev.sxn.math.regime.switching;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markov-switching regression against statsmodels 0.13.5's MarkovRegression on EuStockMarkets DAX log returns
 * (percent), with SMI returns as the regressor where a case has one (reference/gen_msr.py, msr_fits.txt).
 * Tolerances: at fixed parameters, log-likelihood 1e-10 relative, filtered and smoothed probabilities 1e-9
 * absolute, start values 1e-12; fitted: log-likelihood 1e-6 relative, parameters 1e-6 absolute up to label
 * order (the issue asks 1e-4; gen_msr.py refines statsmodels' optimum so the tighter bound is meaningful),
 * standard errors 1e-4 relative, AIC and BIC 1e-6 relative; forecasts at the reference parameters 1e-12.
 */
class MarkovRegressionReferenceTest {

    private static MsrReference.Case reference(String name) {
        return MsrReference.cases().get(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2sv", "x2sv", "x2mix", "x2nv"})
    void namesAndStartValuesAreStatsmodels(String name) {
        MsrReference.Case c = reference(name);
        MarkovRegression model = c.model();
        String[] names = c.fields("names");
        assertEquals(List.of(names).subList(1, names.length), fixNames(model.parameterNames(), c), name + " names");
        assertClose(c.values("start"), model.startParameters(), 1e-12, 1e-12, name + " start");
    }

    /** statsmodels names a shared constant among switching columns "const[1]" (its last regime's slot); so do we, by index. */
    private static List<String> fixNames(List<String> ours, MsrReference.Case c) {
        if (c.switchingTrend() || !c.usesX()) return ours;
        return ours.stream().map(s -> s.equals("const") ? "const[1]" : s).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2sv", "x2sv", "x2mix", "x2nv"})
    void filterAndSmootherMatchAtTheReferenceParameters(String name) {
        MsrReference.Case c = reference(name);
        MarkovRegression model = c.model();
        double[] params = c.values("params");
        double llf = Double.parseDouble(c.fields("llf")[1]);
        assertClose(llf, model.logLikelihood(params), 0, 1e-10, name + " llf");
        MsrInference inf = model.inference(params);
        assertClose(llf, inf.logLikelihood(), 0, 1e-10, name + " inference llf");
        for (double[] row : c.all("filtered")) {
            int t = (int) row[0];
            assertClose(java.util.Arrays.copyOfRange(row, 1, row.length), inf.filtered()[t], 1e-9, 0, name + " filtered t=" + t);
        }
        for (double[] row : c.all("smoothed")) {
            int t = (int) row[0];
            assertClose(java.util.Arrays.copyOfRange(row, 1, row.length), inf.smoothed()[t], 1e-9, 0, name + " smoothed t=" + t);
        }
    }

    /** statsmodels' known start meets two transitions: its initialize_known(p) is ours with pi = p P^2, not p P. */
    @ParameterizedTest
    @ValueSource(strings = {"c2sv", "x2sv", "x2mix", "x2nv"})
    void knownInitialDistributionIsStatsmodelsTimesPSquared(String name) {
        MsrReference.Case c = reference(name);
        double[] params = c.values("params");
        double[] known = c.values("known_llf");
        double[] piSm = {known[0], known[1]};
        double[][] p = c.model().transitionMatrix(params);
        double[] once = times(piSm, p);
        double[] twice = times(once, p);
        MarkovRegression.Builder b = c.builder();
        assertClose(known[2], b.initialProbabilities(twice).build().logLikelihood(params), 0, 1e-10, name + " pi P^2");
        double oneStep = b.initialProbabilities(once).build().logLikelihood(params);
        assertTrue(Math.abs(oneStep - known[2]) > 1e-6, name + ": pi P must not match, was " + oneStep);
    }

    private static double[] times(double[] v, double[][] p) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) for (int i = 0; i < v.length; i++) out[j] += v[i] * p[i][j];
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2sv", "x2sv", "x2mix", "x2nv"})
    void fitReachesStatsmodelsOptimum(String name) {
        MsrReference.Case c = reference(name);
        MarkovRegression model = c.model();
        MsrFit fit = model.fit();
        assertTrue(fit.converged(), name + " converged after " + fit.iterations());
        double llf = Double.parseDouble(c.fields("llf")[1]);
        assertClose(llf, fit.logLikelihood(), 0, 1e-6, name + " llf");
        double[] ref = c.values("params");
        double[] ours = fit.parameters();
        double[] se = fit.standardErrors();
        if (!sameLabels(model.layout(), ref, ours)) {
            ours = swap(model.layout(), ours, true);
            se = swap(model.layout(), se, false);
        }
        assertClose(ref, ours, 1e-6, 0, name + " params");
        assertClose(c.values("bse"), se, 0, 1e-4, name + " standard errors");
        String[] ics = c.fields("llf");
        assertClose(Double.parseDouble(ics[3]), fit.aic(), 0, 1e-6, name + " aic");
        assertClose(Double.parseDouble(ics[5]), fit.bic(), 0, 1e-6, name + " bic");
    }

    /** Labels agree when the variances (or, shared, the first switching coefficient) pair up in the same order. */
    private static boolean sameLabels(MsrLayout l, double[] ref, double[] ours) {
        int a = l.switchingVariance ? l.var[0] : -1, b = l.switchingVariance ? l.var[1] : -1;
        if (a < 0) {
            for (int col = 0; col < l.m; col++) {
                if (l.switching[col]) {
                    a = l.coef[col][0];
                    b = l.coef[col][1];
                    break;
                }
            }
        }
        return Math.abs(ref[a] - ours[a]) + Math.abs(ref[b] - ours[b]) <= Math.abs(ref[a] - ours[b]) + Math.abs(ref[b] - ours[a]);
    }

    /** Swaps the two regimes' labels of a parameter (or standard-error) vector. */
    private static double[] swap(MsrLayout l, double[] v, boolean values) {
        double[] out = v.clone();
        int p00 = l.transition(0, 0), p10 = l.transition(1, 0);
        // New p[0->0] is old P[1][1] = 1 - p[1->0]; new p[1->0] is old P[0][1] = 1 - p[0->0]; errors just trade places.
        out[p00] = values ? 1 - v[p10] : v[p10];
        out[p10] = values ? 1 - v[p00] : v[p00];
        for (int col = 0; col < l.m; col++) {
            out[l.coef[col][0]] = v[l.coef[col][1]];
            out[l.coef[col][1]] = v[l.coef[col][0]];
        }
        out[l.var[0]] = v[l.var[1]];
        out[l.var[1]] = v[l.var[0]];
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2sv", "x2sv", "x2mix", "x2nv"})
    void forecastsMatchTheMatrixPowerDefinition(String name) {
        MsrReference.Case c = reference(name);
        MarkovRegression model = c.model();
        double[] params = c.values("params");
        List<double[]> probs = c.all("fc_prob");
        List<double[]> ys = c.all("fc_y");
        double[][] future = new double[20][];
        for (int h = 1; h <= 20; h++) future[h - 1] = c.usesX() ? new double[] {0.1 * h} : new double[0];
        MsrForecast fc = model.forecast(params, 20, c.usesX() ? future : null);
        for (int r = 0; r < probs.size(); r++) {
            int h = (int) probs.get(r)[0];
            assertClose(java.util.Arrays.copyOfRange(probs.get(r), 1, 3), fc.regimeProbabilities()[h - 1], 1e-12, 0, name + " P h=" + h);
            assertClose(ys.get(r)[2], fc.mean()[h - 1], 1e-12, 1e-12, name + " mean h=" + h);
            assertClose(ys.get(r)[3], fc.variance()[h - 1], 1e-12, 1e-12, name + " variance h=" + h);
        }
    }
}
