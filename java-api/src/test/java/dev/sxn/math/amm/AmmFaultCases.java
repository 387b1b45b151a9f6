package dev.sxn.math.amm;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The AMM calls of the fault-injection suite ({@code FaultInjectionTest}). A sweep calls its kernel once per chunk of
 * sets; the kernel writes every value and fee of its chunk and nothing else, so a retry on JAVA after a failure
 * part-way through rewrites whatever the failed kind left, and the metrics are JAVA's bit for bit.
 */
public final class AmmFaultCases {
    private AmmFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(FaultCase.of("AmmSweep.metrics, momentum, 27 sets x 2 days", KernelFamilies.AMM_SWEEP, k -> {
            MinutePrices prices = AmmReference.prices(3 * 1440, 2);
            TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60));
            RuleParams[] sets = SweepKernelsTest.sets(60);
            AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.FINAL_VALUE};
            double[] out = new double[sets.length * metrics.length];
            return Call.of(() -> AmmSweep.metrics(pool, prices, 1440, 2 * 1440, sets, metrics, out, 1, k), () -> out, prices.values());
        }));
    }
}
