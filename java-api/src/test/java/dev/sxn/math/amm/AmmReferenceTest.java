package dev.sxn.math.amm;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forward pass against gen_amm.py's independent NumPy implementation of quantammsim's formulas (JAX is not
 * installable here): weights within atol 1e-12 (difference momentum 1e-10), reserves and values within rtol 1e-9 (the Java side sums logarithms
 * where NumPy multiplies ratios), every metric within rtol 1e-8 + atol 1e-9 (metrics divide small differences).
 */
class AmmReferenceTest {

    @TestFactory
    List<DynamicTest> casesMatchNumPy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AmmReference.Case c : AmmReference.cases()) {
            tests.add(DynamicTest.dynamicTest(c.name, () -> {
                if (c.cow) checkCow(c);
                else check(c);
            }));
        }
        return tests;
    }

    /** CoW AMM: reserves and values within rtol 1e-12 (the same scan in the same order). */
    private static void checkCow(AmmReference.Case c) {
        AmmConfig config = AmmConfig.defaults().withFees(c.d("fees"), 0, c.d("arb_fees"));
        PoolRun run = CowAmm.run(AmmReference.prices(4 * 1440, 2), c.i("start"), c.i("bout"), c.d("weight"), config);
        for (Map.Entry<Integer, double[]> e : c.reserves.entrySet()) {
            for (int i = 0; i < 2; i++) assertClose(e.getValue()[i], run.reserves()[e.getKey() * 2 + i], 0, 1e-12, c.name + " reserve " + e.getKey());
        }
        for (Map.Entry<Integer, Double> e : c.values.entrySet()) assertClose(e.getValue(), run.values()[e.getKey()], 0, 1e-12, c.name + " value");
        if (c.d("fees") > 0) org.junit.jupiter.api.Assertions.assertTrue(run.totalFeeRevenue() > 0, c.name + " earns fees");
    }

    private static void check(AmmReference.Case c) {
        TfmmPool pool = c.pool();
        MinutePrices prices = c.prices();
        int start = c.i("start"), bout = c.i("bout");
        PoolRun run = pool.run(prices, start, bout, c.params());
        int n = pool.assets();
        assertEquals(bout - 1, run.rows());
        // difference momentum's k (2^logK per day of memory) multiplies the last-digit differences of 1 - ewma2/ewma1
        double weightAtol = pool.rule() == WeightRule.DIFFERENCE_MOMENTUM ? 1e-10 : 1e-12;
        for (Map.Entry<Integer, double[]> e : c.weights.entrySet()) {
            int t = e.getKey();
            for (int i = 0; i < n; i++) assertClose(e.getValue()[i], run.weights()[t * n + i], weightAtol, 0, c.name + " weight " + t + "," + i);
        }
        for (Map.Entry<Integer, double[]> e : c.reserves.entrySet()) {
            int t = e.getKey();
            for (int i = 0; i < n; i++) assertClose(e.getValue()[i], run.reserves()[t * n + i], 0, 1e-9, c.name + " reserve " + t + "," + i);
        }
        for (Map.Entry<Integer, Double> e : c.values.entrySet()) {
            assertClose(e.getValue(), run.values()[e.getKey()], 0, 1e-9, c.name + " value " + e.getKey());
        }
        for (Map.Entry<String, Double> e : c.metrics.entrySet()) {
            AmmMetric m = AmmMetric.of(e.getKey());
            double got = pool.metric(prices, start, bout, c.params(), m);
            double want = e.getValue();
            if (Double.isInfinite(want)) assertEquals(want, got, c.name + " " + m.key());
            else assertClose(want, got, 1e-9, 1e-8, c.name + " " + m.key());
        }
    }
}
