package dev.sxn.math.regime;

import org.junit.jupiter.api.Test;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the hidden Markov model that need no reference file: the streaming filter equals the batch one
 * bit for bit, long series do not underflow, forecasts follow {@code f A^h}, sampling reproduces its parameters,
 * fits come back in canonical label order, floors keep degenerate data free of NaN.
 */
class HmmBehaviourTest {
    static HiddenMarkovModel bivariate() {
        return HmmReference.get("daxsmi2").model();
    }

    static HiddenMarkovModel fourStatesFiveDims() {
        int k = 4, d = 5;
        double[][] means = new double[k][d];
        double[][][] covs = new double[k][d][d];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < d; i++) {
                means[s][i] = (s - 1.5) * (1 + 0.1 * i);
                for (int j = 0; j < d; j++) covs[s][i][j] = (i == j ? 1.0 + 0.2 * s : 0.3 / (1 + Math.abs(i - j)));
            }
        }
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = i == j ? 0.94 : 0.02;
        return HiddenMarkovModel.of(new double[] {0.25, 0.25, 0.25, 0.25}, TransitionMatrix.of(a), GaussianEmissions.full(means, covs));
    }

    @Test
    void streamingEqualsBatchBitForBitAtEveryIndex() {
        for (HiddenMarkovModel m : new HiddenMarkovModel[] {bivariate(), fourStatesFiveDims(), HmmReference.get("daxsmi2-t").model()}) {
            double[] x = m.dimension() == 2 ? HmmData.returns(0, 1) : m.sample(3000, 7).observations();
            x[10 * m.dimension() + 1] = Double.NaN;   // one missing observation
            HmmFiltered batch = m.filter(x);
            HmmFilter f = m.filter();
            assertFalse(f.isReady());
            int k = m.states(), d = m.dimension();
            double[] row = new double[k], peeked = new double[k], obs = new double[d];
            double ll = 0;
            for (int t = 0; t < x.length / d; t++) {
                System.arraycopy(x, t * d, obs, 0, d);
                double incPeek = f.peek(obs, peeked);
                double inc = f.update(obs);
                assertEquals(incPeek, inc);
                ll += inc;
                f.value(row);
                for (int s = 0; s < k; s++) {
                    assertEquals(batch.probability(t, s), row[s], "t=" + t + " s=" + s);
                    assertEquals(row[s], peeked[s]);
                }
            }
            assertTrue(f.isReady());
            assertEquals(batch.logLikelihood(), f.logLikelihood());
            assertEquals(ll, f.logLikelihood());
            assertEquals(batch.logLikelihood(), m.logLikelihood(x));
        }
    }

    @Test
    void copyIsIndependentAndResetForgets() {
        HiddenMarkovModel m = bivariate();
        HmmFilter f = m.filter();
        f.update(new double[] {1.0, 0.5});
        HmmFilter g = f.copy();
        f.update(new double[] {-3.0, -2.0});
        double[] a = new double[2], b = new double[2];
        f.value(a);
        g.value(b);
        assertNotEquals(a[0], b[0]);
        g.update(new double[] {-3.0, -2.0});
        g.value(b);
        assertArrayEquals(a, b);
        f.reset();
        f.value(a);
        assertArrayEquals(m.initial(), a);
        assertFalse(f.isReady());
    }

    @Test
    void longSeriesDoNotUnderflow() {
        HiddenMarkovModel m = fourStatesFiveDims();
        double[] x = m.sample(100_000, 11).observations();
        x[500] = 1e6;   // one observation far in every state's tail
        HmmFiltered f = m.filter(x);
        assertTrue(Double.isFinite(f.logLikelihood()) && f.logLikelihood() < -1e11, "finite log-likelihood " + f.logLikelihood());
        for (double p : f.probabilities()) assertTrue(p >= 0 && p <= 1, "probability " + p);
        for (double p : m.smooth(x).probabilities()) assertTrue(p >= 0 && p <= 1, "smoothed " + p);
        assertTrue(Double.isFinite(m.viterbi(x).logProbability()));
    }

    @Test
    void forecastsFollowTheTransitionPowers() {
        HiddenMarkovModel m = HmmReference.get("dax3").model();
        double[] x = HmmData.returns(0);
        HmmFiltered f = m.filter(x);
        int n = f.length(), k = 3;
        double[] last = new double[k];
        System.arraycopy(f.probabilities(), (n - 1) * k, last, 0, k);
        HmmForecast fc = m.forecast(x, 20);
        double[] mu = {-0.5, 0.05, 0.2}, var = {4.0, 1.0, 0.3};
        for (int h = 1; h <= 20; h++) {
            double[][] ah = m.transitions().power(h).toArray();
            double mean = 0, second = 0;
            for (int j = 0; j < k; j++) {
                double p = 0;
                for (int i = 0; i < k; i++) p += last[i] * ah[i][j];
                assertClose(p, fc.stateProbability(h, j), 1e-14, 0, "P(s_{n+" + h + "} = " + j + ")");
                mean += p * mu[j];
                second += p * (var[j] + mu[j] * mu[j]);
            }
            assertClose(mean, fc.mean(h, 0), 1e-14, 1e-12, "mean at " + h);
            assertClose(second - mean * mean, fc.covariances()[h - 1], 1e-14, 1e-12, "variance at " + h);
        }
        double[] stationary = m.transitions().stationary();
        HmmForecast far = m.forecast(x, 2000);
        for (int j = 0; j < k; j++) assertClose(stationary[j], far.stateProbability(2000, j), 1e-12, 0, "forecast tends to the stationary law");
    }

    @Test
    void samplingIsReproducibleAndFollowsTheChain() {
        HiddenMarkovModel m = fourStatesFiveDims();
        HmmSample a = m.sample(200_000, 3), b = m.sample(200_000, 3);
        assertArrayEquals(a.states(), b.states());
        assertArrayEquals(a.observations(), b.observations());
        int k = 4;
        long[] counts = new long[k * k];
        long[] from = new long[k];
        for (int t = 1; t < a.states().length; t++) {
            counts[a.states()[t - 1] * k + a.states()[t]]++;
            from[a.states()[t - 1]]++;
        }
        double[][] p = m.transitions().toArray();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double est = (double) counts[i * k + j] / from[i];
                double se = Math.sqrt(p[i][j] * (1 - p[i][j]) / from[i]);
                assertClose(p[i][j], est, 5 * se, 0, "transition frequency " + i + "->" + j);
            }
        }
        // the mean of component 0 in state 2 (1.5 * ... = 0.5 * 1.0), standard error sqrt(1.4 / count)
        double sum = 0;
        long c = 0;
        for (int t = 0; t < a.states().length; t++) {
            if (a.states()[t] == 2) {
                sum += a.observations()[t * 5];
                c++;
            }
        }
        assertClose(0.5, sum / c, 5 * Math.sqrt(1.4 / c), 0, "sample mean of state 2");
    }

    @Test
    void seededFitsWithRestartsRecoverTheModelInCanonicalOrder() {
        HiddenMarkovModel truth = fourStatesFiveDims();
        double[] x = truth.sample(5_000, 5).observations();
        BaumWelch.Options o = BaumWelch.Options.defaults().withRestarts(2, 42).withStop(1e-4, 200);
        HmmFit fit = BaumWelch.fitGaussian(x, new int[] {5_000}, 4, 5, CovarianceType.FULL, o);
        HmmFit again = BaumWelch.fitGaussian(x, new int[] {5_000}, 4, 5, CovarianceType.FULL, o);
        assertEquals(fit.logLikelihood(), again.logLikelihood(), "seeded fits repeat");
        double[][] means = fit.model().emissions().means();
        double[][] expected = truth.emissions().means();
        for (int s = 0; s < 4; s++) {
            // standard errors: about 0.04 for a mean (1250 draws of variance up to 1.6), 0.007 for a_ii (0.94, 1250 visits)
            assertClose(expected[s][0], means[s][0], 0.15, 0, "mean of state " + s + " (canonical: ascending)");
            assertClose(truth.transitions().get(s, s), fit.model().transitions().get(s, s), 0.03, 0, "a_" + s + s);
        }
        assertTrue(fit.logLikelihood() >= truth.logLikelihood(x) - 1e-6 * Math.abs(truth.logLikelihood(x)));
        assertEquals(fit.model().bic(fit.logLikelihood(), 5_000), fit.bic());
        // a fit from a start with the labels permuted lands on the same labels
        HiddenMarkovModel permuted = fit.model().permuted(new int[] {2, 0, 3, 1});
        HmmFit refit = BaumWelch.fit(permuted, x, o.withStop(1e-9, 20));
        for (int s = 0; s < 4; s++) assertClose(means[s][0], refit.model().emissions().means()[s][0], 1e-3, 0, "refit label " + s);
    }

    @Test
    void floorsKeepDegenerateDataFreeOfNaN() {
        double[] x = new double[400];
        for (int t = 200; t < 400; t++) x[t] = (t % 7) - 3;   // a constant run, then spread values
        BaumWelch.Options o = BaumWelch.Options.defaults().withRestarts(2, 1).withStop(1e-6, 100);
        for (CovarianceType type : CovarianceType.values()) {
            HmmFit fit = BaumWelch.fitGaussian(x, new int[] {400}, 3, 1, type, o);
            assertTrue(Double.isFinite(fit.logLikelihood()), type + " log-likelihood " + fit.logLikelihood());
            for (double p : fit.model().filter(x).probabilities()) assertFalse(Double.isNaN(p), type + " NaN probability");
            for (double[] row : fit.model().transitions().toArray()) for (double v : row) assertTrue(v >= 0.99e-10, type + " transition floor (1e-10, then renormalised)");
        }
    }

    @Test
    void transitionMatrixStationaryAndDurations() {
        double a = 0.1, b = 0.05;
        TransitionMatrix t = TransitionMatrix.of(new double[][] {{1 - a, a}, {b, 1 - b}});
        assertClose(new double[] {b / (a + b), a / (a + b)}, t.stationary(), 1e-15, 0, "2-state stationary law");
        assertClose(new double[] {1 / a, 1 / b}, t.expectedDurations(), 0, 1e-14, "durations 1 / (1 - a_ii)");
        TransitionMatrix three = HmmReference.get("dax3").model().transitions();
        double[] s = three.stationary(), sa = new double[3];
        three.propagate(s, sa);
        assertClose(s, sa, 1e-15, 0, "s A = s");
        TransitionMatrix absorbing = TransitionMatrix.of(new double[][] {{1, 0}, {0.5, 0.5}});
        assertEquals(Double.POSITIVE_INFINITY, absorbing.expectedDurations()[0]);
        assertArrayEquals(new double[] {1, 0}, absorbing.stationary());
        TransitionMatrix reducible = TransitionMatrix.of(new double[][] {{1, 0}, {0, 1}});
        assertThrows(ArithmeticException.class, reducible::stationary);
    }

    @Test
    void argumentsAreCheckedOnce() {
        assertEquals("the sum of row 1 of a must be 1 within 1.0E-9, was 0.9",
                assertThrows(IllegalArgumentException.class, () -> TransitionMatrix.of(new double[][] {{0.5, 0.5}, {0.4, 0.5}})).getMessage());
        assertEquals("a[0][0] must be a probability in [0, 1], was 1.1",
                assertThrows(IllegalArgumentException.class, () -> TransitionMatrix.of(new double[][] {{1.1, -0.1}, {0.5, 0.5}})).getMessage());
        HiddenMarkovModel m = bivariate();
        assertEquals("x.length must be a multiple of 2 (the observation dimension), was 3",
                assertThrows(IllegalArgumentException.class, () -> m.filter(new double[3])).getMessage());
        assertEquals("the sum of lengths must be 4 (the number of observations in x), was 3",
                assertThrows(IllegalArgumentException.class, () -> m.logLikelihood(new double[8], new int[] {1, 2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianEmissions.full(new double[][] {{0}}, new double[][][] {{{-1}}}));
        assertThrows(IllegalArgumentException.class, () -> GaussianEmissions.full(new double[][] {{0, 0}}, new double[][][] {{{1, 0.5}, {0.4, 1}}}));
        assertEquals("x[2] must be a symbol in {0, ..., 2} (or NaN, missing), was 3.0",
                assertThrows(IllegalArgumentException.class, () -> HmmReference.get("daxsym2").model().filter(new double[] {0, 1, 3})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HiddenMarkovModel.of(new double[] {0.5, 0.6}, m.transitions(), m.emissions()));
        assertThrows(NullPointerException.class, () -> m.filter((double[]) null));
        assertThrows(IllegalArgumentException.class, () -> BaumWelch.fit(m, HmmData.returns(0, 1), BaumWelch.Options.defaults().withFloors(1e-6, 0.5)));
    }
}
