package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The acceptance values of issue 23, from quantammsim's own tests (ported there from QuantAMM-V1's Solidity tests):
 * test_momentum_rule.py (QuantAMMMomentum.t.sol:229 and :445), test_quantamm_reserves.py, the memory/lambda
 * round trips; plus closed-form properties of the pieces.
 */
class AmmAcceptanceTest {

    private static double[] momentumStep(boolean rawPrice) {
        double[] a = new double[2], g = new double[2], dw = new double[2];
        GradientEstimator.protocolStep(0.7, new double[] {1, 2}, new double[] {0.9, 1.2}, new double[] {3, 4}, rawPrice, a, g);
        WeightRule.momentum(g, new double[] {1, 1}, dw);
        return new double[] {0.5 + dw[0], 0.5 + dw[1]};
    }

    @Test
    void momentumUpdateWithMovingAverageDenominator() {
        // QuantAMMMomentum.t.sol:445 expects [0.4925, 0.5075] (1e18 fixed point); a = [7.7, 10.7333..], b = 0.7/0.027
        assertArrayEquals(new double[] {0.4925, 0.5075}, momentumStep(false), 1e-12);
    }

    @Test
    void momentumUpdateWithRawPriceDenominator() {
        // QuantAMMMomentum.t.sol:229 expects [0.49775, 0.50225]
        assertArrayEquals(new double[] {0.49775, 0.50225}, momentumStep(true), 1e-12);
    }

    @Test
    void zeroFeeReserveRatioOfWeightAndPriceChange() {
        double[] r = ZeroFeeReserves.ratio(new double[] {0.5, 0.5}, new double[] {1, 1}, new double[] {0.6, 0.4}, new double[] {2, 1});
        // closed form: [2^-0.5 1.2 / c, 2^0.5 0.8 / c], c = 1.2^0.6 0.8^0.4; issue: [0.83161, 1.10882]
        double c = Math.pow(1.2, 0.6) * Math.pow(0.8, 0.4);
        assertEquals(Math.pow(2, -0.5) * 1.2 / c, r[0], 1e-15);
        assertEquals(Math.pow(2, 0.5) * 0.8 / c, r[1], 1e-15);
        assertEquals(0.83161, r[0], 5e-6);
        assertEquals(1.10882, r[1], 5e-6);
    }

    @Test
    void memoryDaysLambdaRoundTrips() {
        assertEquals(0.680361, ParamTransforms.memoryDaysToLambda(10, 1440), 5e-7);
        assertEquals(0.984934, ParamTransforms.memoryDaysToLambda(10, 60), 5e-7);
        assertEquals(0.856210, ParamTransforms.memoryDaysToLambda(1, 60), 5e-7);
        for (double d : new double[] {0.5, 1, 10, 90, 365}) {
            for (int cp : new int[] {60, 1440}) {
                double l = ParamTransforms.memoryDaysToLambda(d, cp);
                // quantammsim's closed form cancels as lambda nears 1 (long memories, short chunks): 1e-5 relative
                assertEquals(d, ParamTransforms.lambdaToMemoryDays(l, cp), 1e-5 * d, d + " days at " + cp);
            }
        }
        assertEquals(0.0, ParamTransforms.memoryDaysToLambda(0, 60));
    }

    @Test
    void parameterUtilitiesInvert() {
        for (double x : new double[] {-3, -0.5, 0, 0.7, 4}) {
            assertEquals(x, ParamTransforms.inverseSquareplus(ParamTransforms.squareplus(x)), 1e-12);
            assertEquals(x, ParamTransforms.logit(ParamTransforms.logistic(x)), 1e-12);
        }
        assertEquals(1.0, ParamTransforms.squareplus(0), 0);
        assertEquals(3.5, ParamTransforms.amplitude(ParamTransforms.logAmplitude(3.5, 7), 7), 1e-12);
        assertEquals(20.0 * 4, ParamTransforms.kFromLogK(Math.log(20) / Math.log(2), 4), 1e-12);
    }

    @Test
    void momentumIsZeroSumAndZeroWhereKIsZero() {
        double[] dw = new double[3];
        WeightRule.momentum(new double[] {0.1, -0.05, 0.02}, new double[] {1, 0, 2}, dw);
        assertEquals(0.0, dw[1]);
        assertEquals(0.0, dw[0] + dw[1] + dw[2], 1e-15);
        for (WeightRule r : WeightRule.values()) {
            // difference momentum and minimum variance keep their own state (DifferenceMomentum, MinimumVariance), not update()
            if (r == WeightRule.DIFFERENCE_MOMENTUM || r == WeightRule.MIN_VARIANCE) continue;
            double[] out = new double[3];
            r.update(new double[] {0.3, -0.1, 0.05}, 3, 7.0, 2.0, 0.5, 1.5, 0.5, out);
            assertEquals(0.0, out[0] + out[1] + out[2], 1e-14, r.name());
        }
    }

    @Test
    void estimatorStartsAtFirstPriceAndFlatPricesGiveZero() {
        double[] p = {5, 7, 5, 7, 5, 7};
        double[] ewma = {5, 7}, a = new double[2], g = new double[2];
        GradientEstimator.step(0.9, p, 2, 2, ewma, a, g);
        assertArrayEquals(new double[] {0, 0}, g, 0);
        assertArrayEquals(new double[] {5, 7}, ewma, 0);
    }

    @Test
    void guardrailsHoldMinimumWeightAndSumToOne() {
        double[] target = new double[3], diff = new double[3];
        double[] prev = {0.2, 0.4, 0.4};
        Guardrails.step(prev, new double[] {-0.5, 0.3, 0.2}, 3, 0.1 / 3, 1.0, 10, null, null, target, diff);
        assertEquals(0.1 / 3, target[0], 1e-15);
        assertEquals(1.0, target[0] + target[1] + target[2], 1e-15);
        // the others are rescaled in proportion: 0.7/0.6 of their normalised values
        assertEquals(target[1] / target[2], 0.7 / 0.6, 1e-12);
        Guardrails.step(prev, new double[] {0.1, -0.05, -0.05}, 3, 0.1 / 3, 1e-3, 10, null, null, target, diff);
        double max = 0;
        for (double d : diff) max = Math.max(max, Math.abs(d));
        // scaled by maximumChange / (max + 1e-10), as quantammsim
        assertEquals(1e-3, max, 1e-9);
    }

    @Test
    void optimalArbitrageRestoresTheInvariantAndPays() {
        // two assets, pool mispriced: the arbitrage keeps the fee-adjusted invariant and earns a positive profit
        double[] r = {1000, 1000}, w = {0.5, 0.5}, p = {1.2, 1.0}, t = new double[2];
        Arbitrage.optimalTrade(r, w, 0, p, 0, 2, 0.997, t);
        assertTrue(-(t[0] * p[0] + t[1] * p[1]) > 0);
        double before = Math.sqrt(r[0] * r[1]);
        double after = Math.sqrt((r[0] + (t[0] > 0 ? 0.997 : 1) * t[0]) * (r[1] + (t[1] > 0 ? 0.997 : 1) * t[1]));
        assertEquals(before, after, 1e-9 * before);
        // after the trade the invariant's marginal price (the fee part of the inbound asset excluded) sits at the
        // no-arbitrage bound: (R1 + gamma t1) / (R0 + t0) = gamma p0 / p1
        assertTrue(t[0] < 0 && t[1] > 0);
        assertEquals(0.997 * 1.2, (r[1] + 0.997 * t[1]) / (r[0] + t[0]), 1e-9);
        // within the no-arbitrage band nothing trades
        Arbitrage.optimalTrade(r, w, 0, new double[] {1.002, 1.0}, 0, 2, 0.997, t);
        assertArrayEquals(new double[] {0, 0}, t, 0);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.6}, AmmConfig.defaults()));
        assertTrue(e.getMessage().contains("sum(initialWeights)"), e.getMessage());
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60));
        MinutePrices prices = AmmReference.prices(3000, 2);
        e = assertThrows(IllegalArgumentException.class, () -> pool.run(prices, 30, 100, RuleParams.momentum(10, 20, 60)));
        assertTrue(e.getMessage().startsWith("start must be a multiple of chunkPeriod"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pool.run(prices, 0, 3002, RuleParams.momentum(10, 20, 60)));
        assertTrue(e.getMessage().startsWith("boutLength must fit the data"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pool.metric(prices, 0, 1000, RuleParams.momentum(10, 20, 60), AmmMetric.DAILY_SHARPE));
        assertTrue(e.getMessage().contains(">= 1441 for daily_sharpe"), e.getMessage());
        double[] bad = prices.values().clone();
        bad[101] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> pool.run(new MinutePrices(bad, 2), 0, 200, RuleParams.momentum(10, 20, 60)));
        assertEquals("prices[50][1] must be finite and > 0, was NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AmmConfig.defaults().withChunks(60, 61));
        assertTrue(e.getMessage().startsWith("weightInterpolationPeriod must be in [1, 60]"), e.getMessage());
    }
}
