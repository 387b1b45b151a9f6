package dev.sxn.math.amm;

import dev.sxn.math.testing.Allocations;
import org.junit.jupiter.api.Test;

/** A warm E-CLP metric allocates O(1): a 3-day bout (4,319 rows) stays under 16 KiB a call, zero-fee and with fees. */
class EclpAllocationTest {
    private static final long ALLOWANCE = 16 * 1024;

    @Test
    void warmMetricAllocatesO1() {
        MinutePrices prices = AmmReference.prices(4 * 1440, 2);
        EclpPool pool = EclpPool.of(1.8, 2.3, Math.cos(0.6), Math.sin(0.6), 4);
        AmmConfig zero = AmmConfig.defaults(), fees = AmmConfig.defaults().withFees(0.003, 1, 0.0005);
        Allocations.assertUnder("zero-fee metric", () -> pool.metric(prices, 60, 3 * 1440, zero, AmmMetric.DAILY_LOG_SHARPE), ALLOWANCE);
        Allocations.assertUnder("fee metric", () -> pool.metric(prices, 60, 3 * 1440, fees, AmmMetric.DAILY_VAR_95), ALLOWANCE);
    }
}
