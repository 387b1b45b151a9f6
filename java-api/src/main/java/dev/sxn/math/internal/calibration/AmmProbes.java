package dev.sxn.math.internal.calibration;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmSweep;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.ParamGrid;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;
import dev.sxn.math.internal.KernelFamilies;
import java.util.List;

/**
 * The probe of the batched TFMM sweep (size: sets x rows of one kernel call): one chunk of {@value #SETS} momentum
 * parameter sets of a zero-fee two-asset pool over longer bouts at each size, so the sweep varies the bout and not
 * the lane layout.
 */
final class AmmProbes {
    private static final int SETS = 16;

    private AmmProbes() {}

    static List<Probe> all() {
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60));
        RuleParams[] sets = ParamGrid.over(RuleParams.momentum(5, 20, 60)).log2Range(1, 1, 1024, SETS).build();
        AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE};
        return List.of(Probe.of(KernelFamilies.AMM_SWEEP, Probe.geometric(SETS * 1440, 4, 4), n -> {
            int rows = Math.max(n / SETS, 2 * 1440);
            MinutePrices prices = SyntheticMarket.twoAssets(rows + 60, 0.3, 20261207L);
            double[] out = new double[SETS];
            return k -> AmmSweep.metrics(pool, prices, 0, rows + 1, sets, metrics, out, 1, k);
        }));
    }
}
