package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam walk-forward: the training objective rises, runs repeat exactly from a seed, windows tile the data. */
class AmmTrainerTest {

    @Test
    void trainingRaisesTheObjectiveAndIsDeterministic() {
        MinutePrices prices = AmmReference.prices(16 * 1440, 2);
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.01));
        boolean[] trainable = {true, true, false, false, false, false, false};
        AmmTrainer t = new AmmTrainer(pool, AmmMetric.DAILY_LOG_SHARPE, trainable, 15, 0.1, 0.05, 7);
        RuleParams init = RuleParams.momentum(3, 8, 60);
        List<AmmTrainer.Window> a = t.walkForward(prices, 1440, 6 * 1440, 3 * 1440, 2, init);
        List<AmmTrainer.Window> b = t.walkForward(prices, 1440, 6 * 1440, 3 * 1440, 2, init);
        assertEquals(a, b);
        assertEquals(2, a.size());
        assertEquals(1440 + 3 * 1440, a.get(1).trainStart());
        assertEquals(a.get(0).trainStart() + 6 * 1440, a.get(0).testStart());
        double before = pool.metric(prices, 1440, 6 * 1440 + 1, init, AmmMetric.DAILY_LOG_SHARPE);
        assertTrue(a.get(0).trainMetric() > before, a.get(0).trainMetric() + " after vs " + before + " before");
        assertEquals(init.exponent(), a.get(0).params().exponent());
        AmmTrainer other = new AmmTrainer(pool, AmmMetric.DAILY_LOG_SHARPE, trainable, 15, 0.1, 0.05, 8);
        assertTrue(!other.walkForward(prices, 1440, 6 * 1440, 3 * 1440, 1, init).get(0).params().equals(a.get(0).params()));
    }

    @Test
    void trainsAFeePoolInTheSmoothedModeOnly() {
        MinutePrices prices = AmmReference.prices(12 * 1440, 2);
        AmmConfig fees = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.01).withFees(0.003, 1.0, 0.0);
        boolean[] trainable = {true, true, false, false, false, false, false};
        TfmmPool hard = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, fees);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AmmTrainer(hard, AmmMetric.DAILY_LOG_SHARPE, trainable,
                5, 0.1, 0, 1));
        assertTrue(e.getMessage().startsWith("pool.config() must have no trading costs or be smoothed"), e.getMessage());
        TfmmPool smooth = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, fees.withSmoothing(10, 1));
        AmmTrainer t = new AmmTrainer(smooth, AmmMetric.DAILY_LOG_SHARPE, trainable, 10, 0.1, 0.0, 3);
        RuleParams init = RuleParams.momentum(3, 8, 60);
        List<AmmTrainer.Window> w = t.walkForward(prices, 1440, 6 * 1440, 3 * 1440, 1, init);
        double before = smooth.metric(prices, 1440, 6 * 1440 + 1, init, AmmMetric.DAILY_LOG_SHARPE);
        assertTrue(w.get(0).trainMetric() > before, w.get(0).trainMetric() + " after vs " + before + " before");
        assertEquals(smooth.metric(prices, w.get(0).testStart(), 3 * 1440 + 1, w.get(0).params(), AmmMetric.DAILY_LOG_SHARPE), w.get(0).testMetric());
    }
}
