package dev.sxn.math.spark;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.risk.Drawdowns;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import dev.sxn.math.risk.Performance;
import dev.sxn.math.risk.TailRisk;
import dev.sxn.math.risk.ValueAtRisk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The universe computation without Spark: assets of equal length are packed into {@link SeriesBatch} blocks and
 * every indicator runs as one batched kernel call per block; the scorecard runs per asset. The Spark job runs
 * exactly this inside each partition, so {@link #local} is the one-JVM reference its results are compared with.
 *
 * <p>Per-asset results do not depend on which assets share a block on JAVA (each asset's arithmetic is the same
 * sequence of operations); on the accelerated kinds they agree within the indicators' cross-backend tolerance.
 */
public final class UniverseKernel {
    private UniverseKernel() {}

    /** The fewest bars an asset needs for {@code spec}: every indicator's window, and the risk scorecard's. */
    public static int minBars(UniverseSpec spec) {
        // Returns are one shorter than the bars; a GARCH fit needs Garch.MIN_LENGTH returns, Sharpe needs 2.
        int min = spec.garch() ? Garch.MIN_LENGTH + 1 : 3;
        for (IndicatorSpec s : spec.indicators()) min = Math.max(min, s.minBars());
        return min;
    }

    /**
     * Checks one asset's bars: enough of them, every price and volume finite, times strictly increasing.
     *
     * @throws UniverseInputException naming the asset and the column at fault
     */
    public static void check(AssetBars a, int minBars) {
        if (a.bars() < minBars) {
            throw new UniverseInputException("asset '" + a.asset() + "' has too few bars in column 'close': " + a.bars()
                    + ", needs at least " + minBars + " (the longest indicator window and the risk scorecard)");
        }
        String[] names = {"open", "high", "low", "close", "volume"};
        double[][] cols = {a.open(), a.high(), a.low(), a.close(), a.volume()};
        for (int c = 0; c < cols.length; c++) {
            for (int i = 0; i < a.bars(); i++) {
                if (!Double.isFinite(cols[c][i])) {
                    throw new UniverseInputException("asset '" + a.asset() + "' column '" + names[c] + "' at time " + a.time()[i]
                            + " must be a finite number, was " + cols[c][i]);
                }
            }
        }
        for (int i = 1; i < a.bars(); i++) {
            if (a.time()[i] <= a.time()[i - 1]) {
                throw new UniverseInputException("asset '" + a.asset() + "' column 'time' must be strictly increasing (one bar per time), was "
                        + a.time()[i - 1] + " then " + a.time()[i]);
            }
        }
    }

    /**
     * The job in one JVM: checks every asset, groups assets of equal length into blocks of at most
     * {@code spec.blockAssets()} (in input order) and scores each block. Output in input order.
     *
     * @throws UniverseInputException if an asset's bars are bad (see {@link #check})
     */
    public static List<AssetScore> local(List<AssetBars> assets, UniverseSpec spec) {
        SparkChecks.notNull(assets, "assets");
        SparkChecks.notNull(spec, "spec");
        int minBars = minBars(spec);
        for (AssetBars a : assets) check(a, minBars);
        Map<Integer, List<AssetBars>> byLength = new LinkedHashMap<>();
        Map<String, AssetScore> scored = new LinkedHashMap<>();
        for (AssetBars a : assets) {
            List<AssetBars> pending = byLength.computeIfAbsent(a.bars(), n -> new ArrayList<>());
            pending.add(a);
            if (pending.size() == spec.blockAssets()) {
                for (AssetScore s : scoreBlock(pending, spec)) scored.put(s.asset(), s);
                pending.clear();
            }
        }
        for (List<AssetBars> pending : byLength.values()) {
            if (!pending.isEmpty()) for (AssetScore s : scoreBlock(pending, spec)) scored.put(s.asset(), s);
        }
        List<AssetScore> out = new ArrayList<>(assets.size());
        for (AssetBars a : assets) out.add(scored.get(a.asset()));
        return out;
    }

    /**
     * Scores a block of checked assets of equal length: each indicator as one batched call over the block, then
     * the scorecard per asset (GARCH through {@link Garch#fitBatch}). O(k t) plus the GARCH fits.
     */
    static List<AssetScore> scoreBlock(List<AssetBars> block, UniverseSpec spec) {
        int k = block.size(), t = block.get(0).bars();
        double[] closeData = new double[k * t], volumeData = new double[k * t];
        for (int a = 0; a < k; a++) {
            AssetBars bars = block.get(a);
            for (int i = 0; i < t; i++) {
                closeData[i * k + a] = bars.close()[i];
                volumeData[i * k + a] = bars.volume()[i];
            }
        }
        SeriesBatch close = SeriesBatch.wrap(k, t, closeData), volume = SeriesBatch.wrap(k, t, volumeData);
        List<IndicatorSpec> specs = spec.indicators();
        SeriesBatch[] values = new SeriesBatch[specs.size()];
        for (int j = 0; j < values.length; j++) values[j] = specs.get(j).compute(close, volume);

        GarchFit[] fits = null;
        if (spec.garch()) {
            double[] logPct = new double[k * (t - 1)];
            for (int i = 1; i < t; i++) {
                for (int a = 0; a < k; a++) logPct[(i - 1) * k + a] = 100 * Math.log(closeData[i * k + a] / closeData[(i - 1) * k + a]);
            }
            fits = Garch.fitBatch(SeriesBatch.wrap(k, t - 1, logPct), GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL));
        }
        List<AssetScore> out = new ArrayList<>(k);
        double[] returns = new double[t - 1];
        for (int a = 0; a < k; a++) {
            AssetBars bars = block.get(a);
            double[][] series = new double[values.length][];
            for (int j = 0; j < values.length; j++) series[j] = values[j].series(a);
            double[] c = bars.close();
            for (int i = 1; i < t; i++) returns[i - 1] = c[i] / c[i - 1] - 1;
            double sharpe = Performance.sharpe(returns, spec.riskFreePerYear(), spec.periodsPerYear());
            double mdd = Drawdowns.maxDrawdown(returns).maxDrawdown();
            TailRisk tail = ValueAtRisk.historical(returns, spec.alpha());
            double vol = fits == null ? Double.NaN : Math.sqrt(fits[a].forecastVariance(1)[0]);
            out.add(new AssetScore(bars.asset(), bars.time().clone(), series, sharpe, mdd, tail.var(), tail.es(), vol));
        }
        return out;
    }
}
