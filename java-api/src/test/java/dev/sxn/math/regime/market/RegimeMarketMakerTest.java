package dev.sxn.math.regime.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.dynamics.HamiltonianPriceModel;
import dev.sxn.math.dynamics.RegimeQuadratic;
import dev.sxn.math.regime.BaumWelch;
import dev.sxn.math.regime.CovarianceType;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.HmmFit;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regime-driven market maker on a simulated market with known regimes ({@link SimulatedRegimeMarket},
 * seed 11, 12,000 ticks, regimes persisting with probability 0.995, spread noise 1.5 bps against spread means
 * 2, 4, 7 and 12 bps: a signal-to-noise ratio of 1.33 per tick between the closest regimes, before the 16-tick
 * window). A 4-state full-covariance Gaussian HMM is fitted by Baum-Welch on the first half's features; its
 * labels are matched to the true regimes on that half; on the second half the maker's causal filtered regime
 * must match the truth at least 90% of the time.
 */
class RegimeMarketMakerTest {
    private static final int W = 16, N = 12_000, HALF = 6_000, D = RegimeFeatures.DIMENSION;
    private static final double[] STIFFNESS = {1, 0.5, 4, 2};
    private static final double[] CENTRE = {0, 0.2, -0.5, 0};

    private static SimulatedRegimeMarket market;
    private static double[] features;
    private static HiddenMarkovModel hmm;
    private static int[] mapping;

    @BeforeAll
    static void fitDetector() {
        market = SimulatedRegimeMarket.simulate(N, 11, 0.995, 1.5);
        features = RegimeFeatures.of(market, W);
        double[] train = Arrays.copyOfRange(features, W * D, HALF * D);
        HmmFit fit = BaumWelch.fitGaussian(train, new int[] {HALF - W}, 4, D, CovarianceType.FULL,
                BaumWelch.Options.defaults().withStop(1e-6, 300).withRestarts(3, 1));
        hmm = fit.model();
        int[] detected = hmm.filter(train).mostLikely();
        int[] truth = Arrays.copyOfRange(market.regime(), W, HALF);
        mapping = RegimeConfusion.of(truth, detected, 0, truth.length, 4).bestMapping();
    }

    private static RegimeMarketMaker maker(long seed) {
        return RegimeMarketMaker.of(hmm, STIFFNESS, CENTRE, HamiltonianPriceModel.Config.defaults(100, seed));
    }

    @Test
    void filteredRegimeMatchesTheTruthOutOfSample() {
        RegimeMarketMaker mm = maker(3);
        int[] detected = new int[N];
        for (int t = 0; t < N; t++) {
            mm.onTick(features, t * D, market.price()[t]);
            detected[t] = mapping[mm.regime()];
        }
        int[] identity = {0, 1, 2, 3};
        double hit = RegimeConfusion.of(market.regime(), detected, HALF, N - HALF, 4).hitRate(identity);
        assertTrue(hit >= 0.90, "out-of-sample hit rate " + hit);
    }

    @Test
    void theWellFollowsTheMostLikelyRegimeAndTheBeliefIsTheBatchFilter() {
        RegimeMarketMaker mm = maker(5);
        double[] probs = new double[4];
        double[] batch = hmm.filter(features).probabilities();
        for (int t = 0; t < 2_000; t++) {
            HamiltonianPriceModel.Quote q = mm.onTick(features, t * D, market.price()[t]);
            assertTrue(Double.isFinite(q.price()) && q.price() >= 0, "quote at " + t);
            mm.probabilities(probs);
            for (int i = 0; i < 4; i++) assertEquals(batch[t * 4 + i], probs[i], 0.0, "belief t=" + t);
            int best = 0;
            for (int i = 1; i < 4; i++) if (probs[i] > probs[best]) best = i;
            assertEquals(best, mm.regime());
            RegimeQuadratic well = (RegimeQuadratic) mm.model().potential();
            assertEquals(best, well.regime());
            assertEquals(STIFFNESS[best], well.stiffness(), 0.0);
        }
        assertEquals(2_000, mm.ticks());
    }

    @Test
    void runsRepeatAndDurationsComeFromTheTransitionMatrix() {
        RegimeMarketMaker a = maker(7), b = maker(7);
        double[] qa = new double[500], qb = new double[500];
        for (int t = 0; t < 500; t++) {
            qa[t] = a.onTick(features, (HALF + t) * D, market.price()[HALF + t]).price();
            qb[t] = b.onTick(features, (HALF + t) * D, market.price()[HALF + t]).price();
        }
        assertArrayEquals(qa, qb);
        double[][] p = hmm.transitions().toArray();
        double[] d = a.expectedDurations();
        double[] pi = a.stationaryDistribution();
        for (int i = 0; i < 4; i++) {
            assertEquals(1 / (1 - p[i][i]), d[i], 1e-9 * d[i]);
            // Simulated regimes last 200 ticks on average; the detector's must be persistent too (tens of ticks).
            assertTrue(d[i] > 20, "duration " + i + " = " + d[i]);
            double s = 0;
            for (int j = 0; j < 4; j++) s += pi[j] * p[j][i];
            assertEquals(pi[i], s, 1e-12);
        }
    }

    @Test
    void argumentsAreChecked() {
        HamiltonianPriceModel.Config cfg = HamiltonianPriceModel.Config.defaults(100, 1);
        assertEquals("stiffness.length must be 4 (one per regime of the detector), was 3",
                assertThrows(IllegalArgumentException.class, () -> RegimeMarketMaker.of(hmm, new double[3], CENTRE, cfg)).getMessage());
        RegimeMarketMaker mm = maker(1);
        assertEquals("referencePrice must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> mm.onTick(features, W * D, 0)).getMessage());
        assertEquals(0, mm.ticks(), "a rejected tick changes nothing");
    }
}
