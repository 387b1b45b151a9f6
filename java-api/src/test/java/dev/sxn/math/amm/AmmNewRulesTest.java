package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import org.junit.jupiter.api.Test;

/**
 * Difference momentum and minimum variance as pool rules (their reference matches are cases of AmmReferenceTest): the
 * sweep equals single runs bit for bit on JAVA and stays JAVA inside the family on every kind, the parameter
 * factories, and the bad-argument messages.
 */
class AmmNewRulesTest {
    private static final AmmMetric[] METRICS = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.FINAL_VALUE};

    @Test
    void sweepEqualsSingleRunsBitForBit() {
        MinutePrices prices = AmmReference.prices(8 * 1440, 3);
        AmmConfig zero = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(2e-3);
        for (AmmConfig config : new AmmConfig[] {zero, zero.withFees(0.003, 0.5, 0)}) {
            for (WeightRule rule : new WeightRule[] {WeightRule.DIFFERENCE_MOMENTUM, WeightRule.MIN_VARIANCE}) {
                TfmmPool pool = TfmmPool.of(rule, new double[] {0.2, 0.3, 0.5}, config);
                assertFalse(SweepKernels.eligible(pool), rule + " stays off the accelerated sweep");
                RuleParams base = rule == WeightRule.MIN_VARIANCE ? RuleParams.minimumVariance(2, 1, 60) : RuleParams.differenceMomentum(1, 3, 30, 60);
                int bout = config.zeroFees() ? 4 * 1440 + 1 : 2 * 1440 + 1;
                RuleParams[] sets = ParamGrid.over(base).linspace(0, 2, 4, 3).linspace(6, -1, 1.5, 6).build();
                double[] out = new double[sets.length * METRICS.length];
                AmmSweep.metrics(pool, prices, 1440, bout, sets, METRICS, out, 1, Backend.JAVA);
                for (int s = 0; s < sets.length; s++) {
                    for (int j = 0; j < METRICS.length; j++) {
                        assertEquals(pool.metric(prices, 1440, bout, sets[s], METRICS[j]), out[s * METRICS.length + j], rule + " set " + s + " " + METRICS[j]);
                    }
                }
                for (Backend kind : AmmSweep.KERNELS.family().kinds()) {
                    if (!Backends.isAvailable(kind)) continue;
                    double[] k = new double[out.length];
                    AmmSweep.metrics(pool, prices, 1440, bout, sets, METRICS, k, 2, kind);
                    assertArrayEquals(out, k, rule + " on " + kind + " runs JAVA inside the family");
                }
            }
        }
    }

    @Test
    void minimumVarianceStartsAtItsOwnTargetAndDeltaLambdaMatters() {
        MinutePrices prices = AmmReference.prices(6 * 1440, 2);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(1e-3);
        TfmmPool a = TfmmPool.of(WeightRule.MIN_VARIANCE, new double[] {0.5, 0.5}, config);
        TfmmPool b = TfmmPool.of(WeightRule.MIN_VARIANCE, new double[] {0.9, 0.1}, config);
        RuleParams p = RuleParams.minimumVariance(1, 2, 60);
        PoolRun ra = a.run(prices, 1440, 2 * 1440, p), rb = b.run(prices, 1440, 2 * 1440, p);
        // quantammsim's target-weight path ignores the initial weights
        assertArrayEquals(ra.weights(), rb.weights());
        assertTrue(Math.abs(ra.weights()[0] - 0.5) > 1e-3, "first weights are the variance target, not the initial weights");
        double[] r0 = ra.initialReserves();
        for (int i = 0; i < 2; i++) assertEquals(ra.weights()[i] * 1e6 / prices.price(1440, i), r0[i], 1e-9 * r0[i]);
        RuleParams q = new RuleParams(p.logitLambda(), 0, 1, 1, 0, 0.5, p.logitDeltaLambda() + 2);
        assertFalse(java.util.Arrays.equals(ra.weights(), a.run(prices, 1440, 2 * 1440, q).weights()), "the blend decay moves the weights");
        TfmmPool dm = TfmmPool.of(WeightRule.DIFFERENCE_MOMENTUM, new double[] {0.5, 0.5}, config);
        RuleParams d1 = RuleParams.differenceMomentum(1, 3, 40, 60);
        RuleParams d2 = new RuleParams(d1.logitLambda(), d1.logK(), 1, 1, 0, 0.5, 0.0);
        // equal decays give a zero signal: the weights never leave the initial ones
        PoolRun flat = dm.run(prices, 1440, 2 * 1440, d2);
        for (double w : flat.weights()) assertEquals(0.5, w, 1e-15);
        assertFalse(java.util.Arrays.equals(flat.weights(), dm.run(prices, 1440, 2 * 1440, d1).weights()));
    }

    @Test
    void parameterFactoriesAndRuleNames() {
        RuleParams six = new RuleParams(1, 2, 3, 4, 5, 6);
        assertEquals(0.0, six.logitDeltaLambda());
        assertEquals(7, RuleParams.SIZE);
        double[] x = new double[RuleParams.SIZE + 1];
        new RuleParams(1, 2, 3, 4, 5, 6, 7).toArray(x, 1);
        assertEquals(new RuleParams(1, 2, 3, 4, 5, 6, 7), RuleParams.of(x, 1));
        RuleParams dm = RuleParams.differenceMomentum(2, 5, 10, 60);
        double l2 = ParamTransforms.logistic(dm.logitLambda() + dm.logitDeltaLambda());
        assertEquals(5.0, ParamTransforms.lambdaToMemoryDays(l2, 60), 1e-6);
        assertEquals(10.0, Math.pow(2, dm.logK()), 1e-12);
        for (WeightRule r : WeightRule.values()) assertEquals(r, WeightRule.of(r.key()));
        assertEquals(WeightRule.MIN_VARIANCE, WeightRule.of("min_variance"));
        assertEquals("difference-momentum", WeightRule.DIFFERENCE_MOMENTUM.key());
        assertTrue(WeightRule.MIN_VARIANCE.outputsWeights() && !WeightRule.DIFFERENCE_MOMENTUM.usesGradient() && WeightRule.POWER_CHANNEL.usesGradient());
    }

    @Test
    void badArgumentsNameTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightRule.of("min-var"));
        assertEquals("rule must be one of momentum|anti-momentum|power-channel|mean-reversion-channel|fixed|difference-momentum|min-variance, "
                + "was min-var", e.getMessage());
        MinutePrices prices = AmmReference.prices(3 * 1440, 2);
        TfmmPool mv = TfmmPool.of(WeightRule.MIN_VARIANCE, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60));
        RuleParams p = RuleParams.minimumVariance(1, 1, 60);
        // 2 days of rows from minute 1440 end at minute 4319, whose block needs the coarse price at minute 4320: not in the data
        e = assertThrows(IllegalArgumentException.class, () -> mv.metric(prices, 1440, 2 * 1440, p, AmmMetric.FINAL_VALUE));
        assertTrue(e.getMessage().startsWith("boutLength must leave minute 4320 in the data (min-variance reads"), e.getMessage());
        assertEquals(mv.metric(prices, 1440, 2 * 1440 - 60, p, AmmMetric.FINAL_VALUE), mv.run(prices, 1440, 2 * 1440 - 60, p).finalValue());
        e = assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(mv, prices, 1440, 1440, p, AmmMetric.FINAL_VALUE,
                new double[RuleParams.SIZE]));
        assertEquals("pool.rule() must be a gradient rule or fixed for gradients, was min-variance", e.getMessage());
        assertThrows(IllegalStateException.class, () -> WeightRule.DIFFERENCE_MOMENTUM.update(new double[2], 2, 1, 1, 1, 1, 0.5, new double[2]));
        e = assertThrows(IllegalArgumentException.class, () -> RuleParams.differenceMomentum(0, 3, 1, 60));
        assertEquals("fastDays must be finite and > 0, was 0.0", e.getMessage());
        RuleParams nan = new RuleParams(1, 1, 1, 1, 0, 0.5, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> mv.metric(prices, 1440, 1440, nan, AmmMetric.FINAL_VALUE));
        assertTrue(e.getMessage().startsWith("params component 6"), e.getMessage());
    }
}
