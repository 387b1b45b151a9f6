package dev.sxn.math.amm;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link EclpPool} against gen_amm.py's independent NumPy E-CLP (2x2 matrices, the invariant recomputed every minute):
 * reserves and values within rtol 1e-9, fee revenue per row within atol 1e-6 (numeraire units, pool value 1e6) +
 * rtol 1e-8, metrics within atol 2e-7 + rtol 1e-7 (annualised returns raise a value ratio to the power 525600 / rows,
 * about 122 here, so a 1e-10 difference in values, the NumPy side's invariant re-derived from rounded reserves every
 * minute, becomes about 1e-8); plus quantammsim's own chi value, invariant conservation, price
 * consistency after arbitrage and the parameter checks.
 */
class EclpPoolTest {
    private static final MinutePrices PRICES = AmmReference.prices(4 * 1440, 2);

    private static EclpPool pool(PoolReference.Case c) {
        return EclpPool.of(c.d("alpha"), c.d("beta"), c.d("c"), c.d("s"), c.d("lambda"));
    }

    @TestFactory
    List<DynamicTest> casesMatchNumPy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PoolReference.Case c : PoolReference.read("/reference/amm_eclp.txt")) {
            tests.add(DynamicTest.dynamicTest(c.name, () -> {
                EclpPool pool = pool(c);
                int start = c.i("start"), bout = c.i("bout");
                PoolRun run = pool.run(PRICES, start, bout, c.config());
                assertEquals(bout - 1, run.rows());
                for (Map.Entry<Integer, double[]> e : c.reserves.entrySet()) {
                    for (int i = 0; i < 2; i++) {
                        assertClose(e.getValue()[i], run.reserves()[2 * e.getKey() + i], 0, 1e-9, c.name + " reserve " + e.getKey() + "," + i);
                    }
                }
                for (Map.Entry<Integer, Double> e : c.values.entrySet()) assertClose(e.getValue(), run.values()[e.getKey()], 0, 1e-9, c.name + " value");
                for (Map.Entry<Integer, Double> e : c.fees.entrySet()) {
                    assertClose(e.getValue(), run.feeRevenue()[e.getKey()], 1e-6, 1e-8, c.name + " fee " + e.getKey());
                }
                for (Map.Entry<String, Double> e : c.metrics.entrySet()) {
                    AmmMetric m = AmmMetric.of(e.getKey());
                    double got = pool.metric(PRICES, start, bout, c.config(), m);
                    if (Double.isInfinite(e.getValue())) assertEquals(e.getValue(), got, c.name + " " + m.key());
                    else assertClose(e.getValue(), got, 2e-7, 1e-7, c.name + " " + m.key());
                }
            }));
        }
        return tests;
    }

    /** quantammsim's gyroscope_reserves test values: c = s = 1/sqrt 2, lambda 2, [1/2, 2] gives chi = (1.37281294596729, same). */
    @Test
    void chiMatchesQuantammsim() {
        double h = Math.sqrt(0.5);
        double[] chi = EclpPool.of(0.5, 2, h, h, 2).chi();
        assertClose(1.37281294596729, chi[0], 1e-13, 0, "chi x");
        assertClose(1.37281294596729, chi[1], 1e-13, 0, "chi y");
    }

    @Test
    void zeroFeeArbitrageKeepsTheInvariantAndQuotesTheMarketPrice() {
        EclpPool pool = EclpPool.of(1.8, 2.3, Math.cos(0.6), Math.sin(0.6), 4);
        PoolRun run = pool.run(PRICES, 60, 3 * 1440, AmmConfig.defaults());
        double r0 = pool.invariant(run.initialReserves()[0], run.initialReserves()[1]);
        for (int t = 0; t < run.rows(); t++) {
            double x = run.reserves()[2 * t], y = run.reserves()[2 * t + 1];
            assertClose(r0, pool.invariant(x, y), 0, 1e-11, "invariant at row " + t);
            double mkt = PRICES.price(60 + t, 0) / PRICES.price(60 + t, 1);
            assertClose(mkt, pool.price(x, y), 0, 1e-9, "price at row " + t);
            assertClose(x * PRICES.price(60 + t, 0) / run.values()[t], run.weights()[2 * t], 1e-15, 0, "weight");
        }
    }

    @Test
    void pricesOutsideTheRangeLeaveThePoolAtItsEnd() {
        EclpPool pool = EclpPool.of(1.97, 2.04, Math.cos(0.7), Math.sin(0.7), 12);
        PoolRun run = pool.run(PRICES, 60, 3 * 1440, AmmConfig.defaults());
        int above = 0, below = 0;
        for (int t = 0; t < run.rows(); t++) {
            double mkt = PRICES.price(60 + t, 0) / PRICES.price(60 + t, 1);
            double x = run.reserves()[2 * t], y = run.reserves()[2 * t + 1];
            if (mkt >= pool.beta()) {
                above++;
                assertEquals(0.0, x, "no asset 0 above beta, row " + t);
                assertTrue(y > 0);
            } else if (mkt <= pool.alpha()) {
                below++;
                assertEquals(0.0, y, "no asset 1 below alpha, row " + t);
                assertTrue(x > 0);
            } else {
                assertClose(mkt, pool.price(x, y), 0, 1e-9, "price at row " + t);
            }
        }
        assertTrue(above > 0 && below > 0, "the path leaves the range on both sides: " + above + ", " + below);
    }

    /**
     * Proposition 12's price is the curve's slope: -dy/dx between reserves at p(1 - h) and p(1 + h), h = 1e-4, within
     * rtol 1e-7 (the chord's error is O(h^2), about 1e-8 here; rounding about 1e-12).
     */
    @Test
    void marginalPriceIsTheCurvesSlope() {
        for (double[] prm : new double[][] {{0.5, 4, 0.3, 3}, {0.9, 1.1, 1.3, 50}, {1.5, 3, 0.9, 8}}) {
            EclpPool pool = EclpPool.of(prm[0], prm[1], Math.cos(prm[2]), Math.sin(prm[2]), prm[3]);
            for (double f : new double[] {0.1, 0.37, 0.5, 0.8, 0.95}) {
                double p = prm[0] + f * (prm[1] - prm[0]), h = 1e-4;
                double[] a = pool.reservesAt(p * (1 - h), 7.5), b = pool.reservesAt(p * (1 + h), 7.5);
                assertClose(p, -(b[1] - a[1]) / (b[0] - a[0]), 0, 1e-7, "slope at " + p);
            }
        }
    }

    /**
     * reservesAt, invariant and price invert each other (invariant within rtol 1e-9, price 1e-8), also on a wide, flat
     * range ([1000, 4000], lambda 1), where Proposition 8's quadratic loses digits to cancellation (about 2e-11 in the
     * invariant there) and Proposition 12's price, a ratio of offsets from r chi, amplifies it (about 2e-9).
     */
    @Test
    void reservesAtInvariantAndPriceRoundTrip() {
        for (double[] prm : new double[][] {{0.5, 4, 0.3, 3}, {1000, 4000, Math.PI / 4, 1}, {0.9, 1.1, 1.3, 50}, {1.5, 3, 0, 1}}) {
            EclpPool pool = EclpPool.of(prm[0], prm[1], Math.cos(prm[2]), Math.sin(prm[2]), prm[3]);
            for (double f : new double[] {0.01, 0.1, 0.37, 0.5, 0.8, 0.99}) {
                double p = prm[0] + f * (prm[1] - prm[0]);
                double[] t = pool.reservesAt(p, 7.5);
                assertClose(7.5, pool.invariant(t[0], t[1]), 0, 1e-9, "invariant of reservesAt " + p);
                assertClose(p, pool.price(t[0], t[1]), 0, 1e-8, "price of reservesAt " + p);
            }
            assertEquals(0.0, pool.reservesAt(prm[1] * 2, 7.5)[0]);
            assertEquals(0.0, pool.reservesAt(prm[0] / 2, 7.5)[1]);
        }
    }

    @Test
    void feeArbitrageGrowsTheInvariantAndKeepsThePoolInsideTheFeeBand() {
        EclpPool pool = EclpPool.of(1.8, 2.3, Math.cos(0.6), Math.sin(0.6), 4);
        double fee = 0.003, gamma = 1 - fee;
        PoolRun run = pool.run(PRICES, 60, 3 * 1440, AmmConfig.defaults().withFees(fee, 0, 0));
        double prev = pool.invariant(run.initialReserves()[0], run.initialReserves()[1]);
        int trades = 0;
        for (int t = 0; t < run.rows(); t++) {
            double x = run.reserves()[2 * t], y = run.reserves()[2 * t + 1];
            double r = pool.invariant(x, y);
            assertTrue(r >= prev * (1 - 1e-12), "invariant falls at row " + t);
            if (run.feeRevenue()[t] > 0) trades++;
            prev = r;
            double mkt = PRICES.price(60 + t, 0) / PRICES.price(60 + t, 1), q = pool.price(x, y);
            assertTrue(q >= mkt * gamma * (1 - 1e-9) && q <= mkt / gamma * (1 + 1e-9), "price " + q + " outside the band at row " + t);
        }
        assertTrue(trades > 0);
        assertClose(run.totalFeeRevenue(), pool.metric(PRICES, 60, 3 * 1440, AmmConfig.defaults().withFees(fee, 0, 0),
                AmmMetric.FEE_REVENUE_OVER_VALUE) * run.values()[0], 1e-9, 1e-12, "fee metric");
        assertEquals(AmmMetrics.of(AmmMetric.DAILY_LOG_SHARPE, run.values(), run.rows(), run.initialReserves(), new double[] {PRICES.price(60, 0),
                PRICES.price(60, 1)}, new double[] {PRICES.price(60 + run.rows() - 1, 0), PRICES.price(60 + run.rows() - 1, 1)}, run.totalFeeRevenue()),
                pool.metric(PRICES, 60, 3 * 1440, AmmConfig.defaults().withFees(fee, 0, 0), AmmMetric.DAILY_LOG_SHARPE));
    }

    @Test
    void parameterChecks() {
        double c = Math.cos(0.5), s = Math.sin(0.5);
        assertEquals("beta must be above alpha (2.0), was 2.0", assertThrows(IllegalArgumentException.class, () -> EclpPool.of(2, 2, c, s, 2)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EclpPool.of(2, 3, 0.8, 0.7, 2)).getMessage().startsWith("c^2 + s^2 must be 1 within"));
        assertEquals("lambda must be >= 1, was 0.5", assertThrows(IllegalArgumentException.class, () -> EclpPool.of(1, 3, c, s, 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EclpPool.of(0, 3, c, s, 2));
        assertThrows(IllegalArgumentException.class, () -> EclpPool.of(1, Double.POSITIVE_INFINITY, c, s, 2));
        assertThrows(IllegalArgumentException.class, () -> EclpPool.of(1, 3, -c, s, 2));
        assertThrows(IllegalArgumentException.class, () -> EclpPool.of(1, 3, c, s, Double.NaN));
        EclpPool pool = EclpPool.of(1.8, 2.3, c, s, 4);
        assertThrows(IllegalArgumentException.class, () -> pool.run(AmmReference.prices(100, 3), 0, 50, AmmConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> pool.run(PRICES, 4 * 1440 - 10, 20, AmmConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> pool.metric(PRICES, 0, 100, AmmConfig.defaults(), AmmMetric.DAILY_LOG_SHARPE));
        assertThrows(IllegalArgumentException.class, () -> pool.invariant(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> pool.price(0, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.reservesAt(0, 1));
        double[] bad = PRICES.values().clone();
        bad[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> pool.run(new MinutePrices(bad, 2), 0, 50, AmmConfig.defaults()));
    }
}
