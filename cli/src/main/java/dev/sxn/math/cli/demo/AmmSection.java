package dev.sxn.math.cli.demo;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmSweep;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.ParamGrid;
import dev.sxn.math.amm.ParamTransforms;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;

/**
 * AMM strategy search: a momentum TFMM pool on a seeded synthetic two-asset minute market (correlated GBM), a
 * grid of 6 memory lengths x 6 k values swept over a 60-day training window (daily_log_sharpe), the best set run
 * on the following 30-day test window beside the equal-weight G3M (Balancer) pool; each sweep result is checked
 * against its single run.
 */
final class AmmSection implements DemoSection {
    private static final long SEED = 20261207L;
    private static final int DAY = 1440, TRAIN = 60 * DAY, TEST = 30 * DAY;

    @Override
    public String title() {
        return "amm: momentum TFMM sweep on a synthetic minute market, best set on the test window";
    }

    @Override
    public void run(DemoContext ctx) {
        MinutePrices prices = SyntheticMarket.twoAssets(DAY + TRAIN + TEST + 1, 0.3, SEED);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(1e-3);
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, config);
        double[] logits = new double[6];
        double[] memories = {1, 2, 4, 8, 16, 32};
        for (int i = 0; i < 6; i++) logits[i] = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(memories[i], 60));
        RuleParams[] sets = ParamGrid.over(RuleParams.momentum(1, 1, 60)).values(0, logits).log2Range(1, 1, 256, 6).build();
        AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS_OVER_HODL};
        double[] out = new double[sets.length * metrics.length];
        long t0 = System.nanoTime();
        AmmSweep.metrics(pool, prices, DAY, TRAIN + 1, sets, metrics, out, 1);
        double ms = (System.nanoTime() - t0) / 1e6;
        int best = 0;
        for (int s = 1; s < sets.length; s++) if (out[s * 2] > out[best * 2]) best = s;
        ctx.line("%d parameter sets x %d minutes (train) in %.1f ms; best: memory %.0f days, k %.1f per day", sets.length, TRAIN, ms,
                memories[best / 6], Math.pow(2, sets[best].logK()));
        double single = pool.metric(prices, DAY, TRAIN + 1, sets[best], AmmMetric.DAILY_LOG_SHARPE);
        if (Double.doubleToLongBits(single) != Double.doubleToLongBits(out[best * 2])) ctx.fail("amm sweep differs from the single run");
        ctx.line("train: daily_log_sharpe %.3f, returns over hodl %.4f", out[best * 2], out[best * 2 + 1]);
        int testStart = DAY + TRAIN;
        TfmmPool g3m = TfmmPool.of(WeightRule.FIXED, new double[] {0.5, 0.5}, config);
        for (AmmMetric m : new AmmMetric[] {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS, AmmMetric.RETURNS_OVER_HODL, AmmMetric.DAILY_VAR_95,
            AmmMetric.WEEKLY_MAX_DRAWDOWN}) {
            double v = pool.metric(prices, testStart, TEST + 1, sets[best], m);
            double b = g3m.metric(prices, testStart, TEST + 1, sets[best], m);
            if (!Double.isFinite(v)) ctx.fail("amm test metric " + m.key() + " is not finite");
            ctx.line("test %-22s TFMM %10.5f   G3M 50/50 %10.5f", m.key(), v, b);
        }
        double mid = prices.price(testStart, 0) / prices.price(testStart, 1);
        dev.sxn.math.amm.PoolRun eclp = dev.sxn.math.amm.EclpPool.of(mid / 1.25, mid * 1.25, Math.sqrt(0.5), Math.sqrt(0.5), 8).run(prices, testStart,
                TEST + 1, config.withFees(0.003, 0, 0));
        ctx.line("test E-CLP [p/1.25, 1.25 p], lambda 8, 0.3%% fee: returns %.5f, fee revenue / value %.5f", eclp.finalValue() / eclp.values()[0] - 1,
                eclp.totalFeeRevenue() / eclp.values()[0]);
    }
}
