package dev.sxn.math.amm;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * A warm pass allocates O(1): a metric of a 3-day bout (4,319 minute rows) and a sweep of 8 sets stay under 16 KiB a
 * call (per-thread scratch), so anything allocated per row, per chunk or per set would fail.
 */
class AmmAllocationTest {
    private static final long ALLOWANCE = 16 * 1024;

    @Test
    void warmCallsAllocateO1() {
        MinutePrices prices = AmmReference.prices(5 * 1440, 3);
        TfmmPool zero = TfmmPool.of(WeightRule.POWER_CHANNEL, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60));
        TfmmPool fees = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60).withFees(0.003, 1, 0));
        RuleParams p = new RuleParams(3, 4, 1.5, 1, 0, 0.5);
        RuleParams[] sets = ParamGrid.over(p).linspace(0, 2, 4, 8).build();
        AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.DAILY_VAR_95};
        double[] out = new double[sets.length * metrics.length];
        Allocations.assertUnder("zero-fee metric", () -> zero.metric(prices, 1440, 3 * 1440, p, AmmMetric.DAILY_LOG_SHARPE), ALLOWANCE);
        Allocations.assertUnder("fee metric", () -> fees.metric(prices, 1440, 3 * 1440, p, AmmMetric.DAILY_VAR_95), ALLOWANCE);
        Allocations.assertUnder("sweep", () -> AmmSweep.metrics(zero, prices, 1440, 3 * 1440, sets, metrics, out, 1), ALLOWANCE);
        // difference momentum, minimum variance (fees) and a composite of both: the rules' state lives in the scratch too
        TfmmPool dm = TfmmPool.of(WeightRule.DIFFERENCE_MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60));
        TfmmPool mv = TfmmPool.of(WeightRule.MIN_VARIANCE, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60).withFees(0.003, 0, 0));
        RuleParams dmp = RuleParams.differenceMomentum(1, 3, 20, 60), mvp = RuleParams.minimumVariance(2, 1, 60);
        CompositePool composite = CompositePool.of(TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60)),
                new int[] {0}, java.util.List.of(new CompositePool.SubPool(dm, new int[] {0, 1, 2}, dmp), new CompositePool.SubPool(mv, new int[] {2, 1, 0}, mvp)));
        Allocations.assertUnder("new rules and composite metric", () -> {
            dm.metric(prices, 1440, 3 * 1440, dmp, AmmMetric.DAILY_LOG_SHARPE);
            mv.metric(prices, 1440, 2 * 1440, mvp, AmmMetric.RETURNS_OVER_HODL);
            composite.metric(prices, 1440, 2 * 1440, p, AmmMetric.DAILY_LOG_SHARPE);
        }, ALLOWANCE);
        // amm.sweep's accelerated scope (zero-fee momentum) on every kind: 13 sets, lane groups and a tail in one chunk
        TfmmPool momentum = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60));
        RuleParams[] many = ParamGrid.over(RuleParams.momentum(5, 20, 60)).log2Range(1, 1, 1024, 13).build();
        double[] outMany = new double[many.length * metrics.length];
        for (Backend kind : AmmSweep.KERNELS.family().kinds()) {
            if (!Backends.isAvailable(kind)) continue;
            Allocations.assertUnder("sweep on " + kind, () -> AmmSweep.metrics(momentum, prices, 1440, 3 * 1440, many, metrics, outMany, 1, kind),
                    ALLOWANCE);
        }
    }
}
