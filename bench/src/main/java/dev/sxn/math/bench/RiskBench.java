package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.risk.Drawdowns;
import dev.sxn.math.risk.Performance;
import dev.sxn.math.risk.RollingRisk;
import dev.sxn.math.risk.Scorecard;
import dev.sxn.math.risk.ScorecardBatch;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The batched risk metrics over a {@link SeriesBatch} of daily simple returns.
 *
 * <ul>
 *   <li>{@code rollingVar}: rolling historical VaR and ES at 95% over a window of {@code window} (250) on
 *       {@code assets} x {@code days} (1,000 x 2,500) on each kind of {@code risk.rolling} ({@code kind}), beside
 *       {@code rollingVarPerAsset}, the per-asset loop a user would write (gather each column, the single-series call,
 *       scatter), and {@code rollingVol}, the rolling volatility of the same batch per kind.
 *   <li>{@code scorecard}: {@link Scorecard#of} (mean, sd, Sharpe, Sortino, CAGR, maximum drawdown, Calmar) of
 *       {@code scoreAssets} x {@code days} (10^4 x 2,500) on each kind of {@code risk.scorecard}, beside
 *       {@code scorecardPlainLoop}, the per-asset loop over the single-series definitions ({@link Performance},
 *       {@link Drawdowns}). Throughput mode with the bytes read per call counted ({@code bytes}, 8 k n per call), so
 *       JMH reports bytes/s, to divide by {@link BandwidthBench}'s copy rate at a size past the caches.
 * </ul>
 */
@Quick({"assets=100", "scoreAssets=1000", "kind=JAVA,VECTOR,NATIVE", "backend=JAVA,VECTOR,NATIVE", "rollingVarPerAsset:kind=JAVA",
        "scorecardPlainLoop:backend=JAVA"})
public class RiskBench {
    /** k assets by n days of simple returns (fractions), time-major. */
    static SeriesBatch returns(int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[k * n];
        for (int i = 0; i < d.length; i++) d[i] = 0.0003 + 0.012 * r.nextGaussian();
        return SeriesBatch.wrap(k, n, d);
    }

    /** The rolling-window case. */
    @State(Scope.Thread)
    public static class Rolling {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String kind;

        @Param({"1000"})
        public int assets;

        @Param({"2500"})
        public int days;

        @Param({"250"})
        public int window;

        Backend backend;
        SeriesBatch x, var, es;
        double[] column, varCol, esCol;

        @Setup(Level.Trial)
        public void setup() {
            backend = Backend.valueOf(kind);
            x = returns(assets, days, 17);
            var = SeriesBatch.zeros(assets, days);
            es = SeriesBatch.zeros(assets, days);
            column = new double[days];
            varCol = new double[days];
            esCol = new double[days];
            JitWarmUp.trial(kind, "risk.rolling");
        }
    }

    /** The scorecard case on one kind. */
    @State(Scope.Thread)
    public static class Score {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        @Param({"10000"})
        public int scoreAssets;

        @Param({"2500"})
        public int days;

        Backend kind;
        SeriesBatch x;
        double[] column;

        @Setup(Level.Trial)
        public void setup() {
            kind = Backend.valueOf(backend);
            x = returns(scoreAssets, days, 19);
            column = new double[days];
            JitWarmUp.trial(backend, "risk.scorecard");
        }
    }

    /** Bytes of returns read, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SeriesBatch rollingVar(Rolling s) {
        RollingRisk.historical(s.x, s.window, 0.05, s.var, s.es, s.backend);
        return s.var;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SeriesBatch rollingVol(Rolling s) {
        RollingRisk.volatility(s.x, s.window, 252, s.var, s.backend);
        return s.var;
    }

    /** The per-asset loop (JAVA whatever {@code kind}: the single-series form has no other kind). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SeriesBatch rollingVarPerAsset(Rolling s) {
        int k = s.assets, n = s.days;
        double[] x = s.x.data(), v = s.var.data(), e = s.es.data();
        for (int a = 0; a < k; a++) {
            for (int t = 0; t < n; t++) s.column[t] = x[t * k + a];
            RollingRisk.historical(s.column, s.window, 0.05, s.varCol, s.esCol);
            for (int t = 0; t < n; t++) {
                v[t * k + a] = s.varCol[t];
                e[t * k + a] = s.esCol[t];
            }
        }
        return s.var;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ScorecardBatch scorecard(Score s, Bytes b) {
        b.bytes += 8L * s.scoreAssets * s.days;
        return Scorecard.of(s.x, 0.02, 0.0, 252, s.kind);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double scorecardPlainLoop(Score s, Bytes b) {
        b.bytes += 8L * s.scoreAssets * s.days;
        int k = s.scoreAssets, n = s.days;
        double[] x = s.x.data();
        double acc = 0;
        for (int a = 0; a < k; a++) {
            for (int t = 0; t < n; t++) s.column[t] = x[t * k + a];
            acc += Performance.sharpe(s.column, 0.02, 252) + Performance.sortino(s.column, 0.0, 252) + Performance.calmar(s.column, 252)
                    + Drawdowns.maxDrawdown(s.column).maxDrawdown();
        }
        return acc;
    }
}
