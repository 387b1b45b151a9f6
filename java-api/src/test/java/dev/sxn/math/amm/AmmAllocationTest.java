package dev.sxn.math.amm;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * A warm pass allocates O(1): a metric of a 3-day bout (4,319 minute rows) and sweeps of 48 sets (three chunks) with
 * a percentile metric (DAILY_VAR_95, whose sort allocated about 330 bytes per day of every set: 48,600 bytes a sweep)
 * stay under {@value #ALLOWANCE} bytes a call (per-thread scratch; the sweep's per-chunk kernel call is a reused
 * object), on JAVA and on every kind of {@code amm.sweep}; OPENCL has the suite's plumbing allowance per kernel launch
 * (one per chunk of 16 sets). Anything allocated per row, per day or per set would fail (and per chunk, but on OPENCL).
 * The smoothed fee pass, the gradients (tangents in per-thread scratch), the new rules and composites have
 * {@value #SCRATCH_ALLOWANCE} bytes.
 */
class AmmAllocationTest {
    private static final long ALLOWANCE = 512;
    /** The smoothed fee pass, the dual-number passes, the new rules and composites: per-thread scratch, a bounded amount. */
    private static final long SCRATCH_ALLOWANCE = 16 * 1024;
    /** Kernel calls of a sweep of 45 sets (chunks of {@link AmmSweep#CHUNK}). */
    private static final int CHUNKS = (45 + AmmSweep.CHUNK - 1) / AmmSweep.CHUNK;

    @Test
    void warmCallsAllocateO1() {
        MinutePrices prices = AmmReference.prices(5 * 1440, 3);
        TfmmPool zero = TfmmPool.of(WeightRule.POWER_CHANNEL, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60));
        TfmmPool fees = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60).withFees(0.003, 1, 0));
        RuleParams p = new RuleParams(3, 4, 1.5, 1, 0, 0.5);
        RuleParams[] sets = ParamGrid.over(p).linspace(0, 2, 4, 48).build();
        AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.DAILY_VAR_95};
        double[] out = new double[sets.length * metrics.length];
        Allocations.assertUnder("zero-fee metric", () -> zero.metric(prices, 1440, 3 * 1440, p, AmmMetric.DAILY_LOG_SHARPE), ALLOWANCE);
        Allocations.assertUnder("fee metric", () -> fees.metric(prices, 1440, 3 * 1440, p, AmmMetric.DAILY_VAR_95), ALLOWANCE);
        Allocations.assertUnder("sweep of 48 sets", () -> AmmSweep.metrics(zero, prices, 1440, 3 * 1440, sets, metrics, out, 1), ALLOWANCE);
        // the smoothed fee pass and gradients through it (issue 23): per-thread scratch as well
        TfmmPool smooth = TfmmPool.of(WeightRule.POWER_CHANNEL, new double[] {0.3, 0.3, 0.4},
                AmmConfig.defaults().withChunks(60, 60).withFees(0.003, 1, 0.0005).withSmoothing(10, 1));
        double[] g = new double[RuleParams.SIZE];
        int[] two = {0, 1};
        Allocations.assertUnder("smoothed fee metric", () -> smooth.metric(prices, 1440, 3 * 1440, p, AmmMetric.DAILY_LOG_SHARPE), SCRATCH_ALLOWANCE);
        Allocations.assertUnder("smoothed fee gradient", () -> AmmGradients.valueAndGradient(smooth, prices, 1440, 3 * 1440, p, AmmMetric.DAILY_LOG_SHARPE,
                g), SCRATCH_ALLOWANCE);
        Allocations.assertUnder("zero-fee gradient of two components", () -> AmmGradients.valueAndGradient(zero, prices, 1440, 3 * 1440, p,
                AmmMetric.DAILY_LOG_SHARPE, two, g), SCRATCH_ALLOWANCE);
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
        }, SCRATCH_ALLOWANCE);
        // amm.sweep's accelerated scope (zero-fee momentum) on every kind: 45 sets, lane groups and a tail in the last chunk
        TfmmPool momentum = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, AmmConfig.defaults().withChunks(60, 60));
        RuleParams[] many = ParamGrid.over(RuleParams.momentum(5, 20, 60)).log2Range(1, 1, 1024, 45).build();
        double[] outMany = new double[many.length * metrics.length];
        for (Backend kind : AmmSweep.KERNELS.family().kinds()) {
            if (!Backends.isAvailable(kind)) continue;
            // OPENCL launches once per chunk of 16 sets, and each launch allocates JOCL's argument plumbing (about 2 KB)
            long budget = kind == Backend.OPENCL ? ALLOWANCE + CHUNKS * Allocations.OPENCL_PLUMBING : ALLOWANCE;
            Allocations.assertUnder("sweep of 45 sets on " + kind,
                    () -> AmmSweep.metrics(momentum, prices, 1440, 3 * 1440, many, metrics, outMany, 1, kind), budget);
        }
    }
}
