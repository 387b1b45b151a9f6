package dev.sxn.math.amm;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * {@link CowAmm} with arbitrage quality below 1 against gen_amm.py's NumPy scans of quantammsim's perfect and
 * single-arbitrageur CoW paths (reserves and values within rtol 1e-12: the same operations in the same order), and
 * quality 1 equal to the perfect-arbitrage pass bit for bit.
 */
class CowArbQualityTest {
    private static final MinutePrices PRICES = AmmReference.prices(4 * 1440, 2);

    @TestFactory
    List<DynamicTest> casesMatchNumPy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PoolReference.Case c : PoolReference.read("/reference/amm_cow.txt")) {
            tests.add(DynamicTest.dynamicTest(c.name, () -> {
                PoolRun run = CowAmm.run(PRICES, c.i("start"), c.i("bout"), c.d("weight"), c.config(), c.d("arb_quality"));
                for (Map.Entry<Integer, double[]> e : c.reserves.entrySet()) {
                    for (int i = 0; i < 2; i++) {
                        assertClose(e.getValue()[i], run.reserves()[2 * e.getKey() + i], 0, 1e-12, c.name + " reserve " + e.getKey() + "," + i);
                    }
                }
                for (Map.Entry<Integer, Double> e : c.values.entrySet()) assertClose(e.getValue(), run.values()[e.getKey()], 0, 1e-12, c.name + " value");
            }));
        }
        return tests;
    }

    @Test
    void qualityOneIsThePerfectPassAndLowerQualityEarnsTheLpLess() {
        AmmConfig config = AmmConfig.defaults().withFees(0.003, 0, 0);
        PoolRun perfect = CowAmm.run(PRICES, 60, 3 * 1440, 0.5, config);
        PoolRun one = CowAmm.run(PRICES, 60, 3 * 1440, 0.5, config, 1.0);
        assertArrayEquals(perfect.reserves(), one.reserves());
        assertArrayEquals(perfect.values(), one.values());
        assertArrayEquals(perfect.feeRevenue(), one.feeRevenue());
        PoolRun single = CowAmm.run(PRICES, 60, 3 * 1440, 0.5, config, 0.0);
        // the single arbitrageur keeps the surplus that competing arbitrageurs hand to the pool (FM-AMM paper, section 6)
        assertTrue(single.finalValue() < perfect.finalValue(), single.finalValue() + " vs " + perfect.finalValue());
        assertTrue(single.totalFeeRevenue() > 0);
        PoolRun half = CowAmm.run(PRICES, 60, 3 * 1440, 0.5, config, 0.5);
        for (int t = 0; t < half.rows(); t += 101) {
            assertClose(0.5 * perfect.reserves()[2 * t] + 0.5 * single.reserves()[2 * t], half.reserves()[2 * t], 0, 1e-15, "blend " + t);
        }
        assertEquals("arbQuality must be in [0.0, 1.0], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> CowAmm.run(PRICES, 60, 100, 0.5, config, 1.5)).getMessage());
    }
}
