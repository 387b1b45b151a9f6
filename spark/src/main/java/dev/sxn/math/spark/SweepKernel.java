package dev.sxn.math.spark;

import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.risk.Drawdowns;
import dev.sxn.math.risk.Performance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backtests parameter sets without Spark. Each set runs its indicators as batched kernel calls over all assets of
 * the panel (indicator series are cached per window inside one {@code Backtester}, so a partition computes each
 * window once). The Spark sweep runs one backtester per partition; {@link #local} is its one-JVM reference.
 */
public final class SweepKernel {
    private SweepKernel() {}

    /** Backtests sets of one panel, caching indicator series by window. Not thread-safe. */
    static final class Backtester {
        private final SweepSpec spec;
        private final SeriesBatch close;
        private final int k;
        private final int t;
        private final Map<Integer, SeriesBatch> cache = new HashMap<>();
        private final double[] portfolio;

        Backtester(SweepSpec spec) {
            this.spec = spec;
            this.close = SeriesBatch.of(spec.closes());
            this.k = close.assets();
            this.t = close.length();
            this.portfolio = new double[t - 1];
        }

        private SeriesBatch indicator(int window) {
            return cache.computeIfAbsent(window, w -> spec.strategy() == SweepStrategy.MA_CROSSOVER ? Indicators.sma(close, w) : Indicators.rsi(close, w));
        }

        SweepRow run(int id) {
            double[] p = spec.grid().get(id);
            double[] c = close.data();
            java.util.Arrays.fill(portfolio, 0);
            long trades = 0;
            SeriesBatch a = indicator((int) p[0]);
            SeriesBatch b = spec.strategy() == SweepStrategy.MA_CROSSOVER ? indicator((int) p[1]) : null;
            double[] ad = a.data(), bd = b == null ? null : b.data();
            for (int asset = 0; asset < k; asset++) {
                boolean long_ = false;
                for (int i = 0; i < t - 1; i++) {
                    double x = ad[i * k + asset];
                    boolean next;
                    if (bd != null) {
                        double y = bd[i * k + asset];
                        next = x > y; // NaN in the warm-up compares false: flat until both averages exist
                    } else {
                        next = x < p[1] || (long_ && !(x > p[2]));
                    }
                    if (next != long_) trades++;
                    long_ = next;
                    if (long_) portfolio[i] += c[(i + 1) * k + asset] / c[i * k + asset] - 1;
                }
            }
            for (int i = 0; i < t - 1; i++) portfolio[i] /= k;
            double sharpe = Performance.sharpe(portfolio, 0, spec.periodsPerYear());
            double cagr = Performance.cagr(portfolio, spec.periodsPerYear());
            double mdd = Drawdowns.maxDrawdown(portfolio).maxDrawdown();
            return new SweepRow(id, p.clone(), sharpe, cagr, mdd, trades);
        }
    }

    /** Every set in id order, in one JVM. */
    public static List<SweepRow> local(SweepSpec spec) {
        SparkChecks.notNull(spec, "spec");
        Backtester bt = new Backtester(spec);
        List<SweepRow> out = new ArrayList<>(spec.grid().size());
        for (int i = 0; i < spec.grid().size(); i++) out.add(bt.run(i));
        return out;
    }

    /** The order of the top-k: higher Sharpe first, NaN last, ties by lower id. */
    public static final Comparator<SweepRow> BEST_FIRST = (x, y) -> {
        boolean xn = Double.isNaN(x.sharpe()), yn = Double.isNaN(y.sharpe());
        if (xn != yn) return xn ? 1 : -1;
        int c = xn ? 0 : Double.compare(y.sharpe(), x.sharpe());
        return c != 0 ? c : Integer.compare(x.id(), y.id());
    };

    /** The best {@code k} of {@code rows} by {@link #BEST_FIRST}. */
    public static List<SweepRow> top(List<SweepRow> rows, int k) {
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(BEST_FIRST);
        return List.copyOf(sorted.subList(0, Math.min(k, sorted.size())));
    }
}
