package dev.sxn.math.regime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hidden Markov model inference and Baum-Welch against the independent NumPy/SciPy log-space implementation of
 * reference/gen_hmm.py (itself checked there against statsmodels' MarkovRegression) on EuStockMarkets returns.
 * Tolerances: probabilities 1e-9 absolute; log-likelihoods and Viterbi log probabilities 1e-9 relative; Viterbi
 * paths exactly; Baum-Welch parameters 1e-6 relative (plus 1e-9 absolute for values near 0) from the same start
 * for the cases the issue names (univariate DAX, 3 states; DAX and SMI, 2 states, full covariance). The diagonal,
 * spherical and tied fits end on a ridge where the log-likelihood gains less than its own rounding (1e-13 an
 * iteration) while a transition probability still creeps by about 1e-9 an iteration, so where each side stops
 * differs there by a few 1e-7: 1e-5 relative for those.
 */
class HmmReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"statsmodels2", "dax3", "daxsmi2", "daxsmi2-diagonal", "daxsmi2-spherical", "daxsmi2-tied",
            "dax3-multi", "daxsmi2-t", "daxsym2"})
    void inferenceMatchesTheLogSpaceReference(String name) {
        HmmReference.Case c = HmmReference.get(name);
        HiddenMarkovModel m = c.model();
        double[] x = c.data();
        int[] lengths = c.has("lengths") ? toInts(c.get("lengths")) : new int[] {x.length / c.dim()};
        double ll = c.one("loglik");
        assertClose(ll, m.logLikelihood(x, lengths), 0, 1e-9, name + " log-likelihood");
        HmmFiltered f = m.filter(x, lengths);
        assertClose(ll, f.logLikelihood(), 0, 1e-9, name + " filter log-likelihood");
        assertClose(c.get("filtered"), f.probabilities(), 1e-9, 0, name + " filtered");
        HmmSmoothed s = m.smooth(x, lengths);
        assertClose(ll, s.logLikelihood(), 0, 1e-9, name + " smoother log-likelihood");
        assertClose(c.get("smoothed"), s.probabilities(), 1e-9, 0, name + " smoothed");
        ViterbiPath v = m.viterbi(x, lengths);
        assertArrayEquals(toInts(c.get("viterbi")), v.states(), name + " Viterbi path");
        assertClose(c.one("viterbi_logprob"), v.logProbability(), 0, 1e-9, name + " Viterbi log probability");
    }

    @Test
    void statsmodelsKnownInitialisationIsOursTimesATwice() {
        HmmReference.Case c = HmmReference.get("statsmodels2");
        double[] p0 = c.get("sm_p0");
        TransitionMatrix a = c.model().transitions();
        double[] pi = new double[2];
        double[] once = new double[2];
        a.propagate(p0, once);
        a.propagate(once, pi);
        HiddenMarkovModel m = HiddenMarkovModel.of(pi, a, c.model().emissions());
        double[] x = c.data();
        assertClose(c.one("sm_loglik"), m.logLikelihood(x), 0, 1e-9, "statsmodels llf");
        assertClose(c.get("sm_filtered"), m.filter(x).probabilities(), 1e-9, 0, "statsmodels filtered_marginal_probabilities");
        assertClose(c.get("sm_smoothed"), m.smooth(x).probabilities(), 1e-9, 0, "statsmodels smoothed_marginal_probabilities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dax3", "daxsmi2", "daxsmi2-diagonal", "daxsmi2-spherical", "daxsmi2-tied"})
    void baumWelchReachesTheReferenceOptimum(String name) {
        HmmReference.Case c = HmmReference.get(name);
        double[] x = c.data();
        BaumWelch.Options o = BaumWelch.Options.defaults().withStop(1e-13, 20000).withFloors(1e-6, 1e-10);
        HmmFit fit = BaumWelch.fit(c.model(), x, o);
        HiddenMarkovModel expected = c.fitted();
        double rtol = name.equals("dax3") || name.equals("daxsmi2") ? 1e-6 : 1e-5;
        assertTrue(fit.converged(), name + " converged");
        assertClose(c.one("fit_loglik"), fit.logLikelihood(), 0, 1e-9, name + " fitted log-likelihood");
        HiddenMarkovModel m = fit.model();
        assertClose(expected.initial(), m.initial(), 1e-9, rtol, name + " pi");
        assertClose(flat(expected.transitions().toArray()), flat(m.transitions().toArray()), 1e-9, rtol, name + " A");
        GaussianEmissions ge = (GaussianEmissions) expected.emissions(), gm = (GaussianEmissions) m.emissions();
        assertClose(flat(ge.means()), flat(gm.means()), 1e-9, rtol, name + " means");
        for (int s = 0; s < m.states(); s++) {
            assertClose(flat(ge.covariance(s)), flat(gm.covariance(s)), 1e-9, rtol, name + " covariance " + s);
        }
        assertEquals(m.aic(fit.logLikelihood()), fit.aic());
        assertClose(-2 * c.one("fit_loglik") + 2 * m.freeParameters(), fit.aic(), 0, 1e-9, name + " AIC");
    }

    static int[] toInts(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    static double[] flat(double[][] m) {
        int r = m.length, c = m[0].length;
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) System.arraycopy(m[i], 0, out, i * c, c);
        return out;
    }
}
