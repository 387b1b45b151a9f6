package dev.sxn.math.bench;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmGradients;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmSweep;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.ParamGrid;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;
import dev.sxn.math.backend.Backend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The AMM simulator (issue 23): a zero-fee momentum pool on 2 assets over {@code minutes} minute steps (525,600: a
 * year) for {@code sets} parameter sets (1 and 1,024) in one sweep ({@code zeroFee}; the target: 1,024 sets
 * under 10 s on the best CPU kind); the same pool with a 0.3% fee and optimal arbitrage for {@code feeSets} (64) sets
 * ({@code withFees}); and the gradient of daily_log_sharpe for one set over 90 days ({@code gradient}) beside the
 * forward pass alone ({@code forward}), whose ratio is the cost of the six tangents; and the target pair, a
 * power-channel pool's gradient in the four parameters it reads ({@code gradientChannel4}, only those tangents
 * carried) beside its forward pass ({@code forwardChannel}). One thread; the sweeps run on
 * {@code backend} (family {@code amm.sweep}: JAVA bit-identical to single runs, VECTOR sets in lanes, NATIVE sets in
 * the compiler's vector lanes in one downcall per chunk, OPENCL a set per work-item, for the zero-fee pass; the fee
 * pool runs JAVA inside the family on every kind); market: {@link SyntheticMarket#twoAssets}. The quick profile
 * uses two weeks of minutes, 1 zero-fee set and 2 fee sets, so the class adds well under a minute to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Quick({"minutes=20160", "sets=1", "feeSets=2"})
public class AmmBench {
    private static final AmmMetric[] METRIC = {AmmMetric.DAILY_LOG_SHARPE};

    /** The market, pools and kind shared by the sweeps. */
    @State(Scope.Benchmark)
    public abstract static class Market {
        @Param({"525600"})
        public int minutes;

        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        Backend kind;
        MinutePrices prices;
        TfmmPool zeroFee, withFees;

        void market() {
            kind = Backend.valueOf(backend);
            prices = SyntheticMarket.twoAssets(minutes + 1440 + 1, 0.3, 23);
            AmmConfig c = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(1e-3);
            zeroFee = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, c);
            withFees = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, c.withFees(0.003, 0, 0));
        }

        static RuleParams[] grid(int count) {
            int side = (int) Math.ceil(Math.sqrt(count));
            RuleParams[] all = ParamGrid.over(RuleParams.momentum(10, 20, 60)).linspace(0, 2, 6, side).log2Range(1, 1, 256, side).build();
            return java.util.Arrays.copyOf(all, count);
        }
    }

    /** A year of minutes and a grid of sets for the zero-fee pool. */
    @State(Scope.Benchmark)
    public static class Sweep extends Market {
        @Param({"1", "1024"})
        public int sets;

        RuleParams[] grid;
        double[] out;

        @Setup
        public void setUp() {
            market();
            // Only the zero-fee pass has VECTOR code to compile: the fee pool runs JAVA inside the family on every kind.
            JitWarmUp.trial(backend, "amm.sweep");
            grid = grid(sets);
            out = new double[sets];
        }
    }

    /** A year of minutes and a grid of sets for the fee pool. */
    @State(Scope.Benchmark)
    public static class FeeSweep extends Market {
        @Param({"64"})
        public int feeSets;

        RuleParams[] grid;
        double[] out;

        @Setup
        public void setUp() {
            market();
            grid = grid(feeSets);
            out = new double[feeSets];
        }
    }

    /** 90 days of minutes for the gradient. */
    @State(Scope.Benchmark)
    public static class Gradient {
        /** The four components the power channel reads: logitLambda, logK, exponent, preExpScaling. */
        static final int[] CHANNEL_COMPONENTS = {0, 1, 2, 5};

        MinutePrices prices;
        TfmmPool pool, channel;
        RuleParams params = RuleParams.momentum(10, 20, 60);
        RuleParams channelParams = new RuleParams(RuleParams.momentum(10, 20, 60).logitLambda(), 2.0, 1.5, 1.0, 0.0, 0.5);
        double[] g = new double[RuleParams.SIZE];

        @Setup
        public void setUp() {
            prices = SyntheticMarket.twoAssets(91 * 1440 + 1, 0.3, 23);
            AmmConfig c = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(1e-3);
            pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, c);
            channel = TfmmPool.of(WeightRule.POWER_CHANNEL, new double[] {0.5, 0.5}, c);
        }
    }

    /** Zero-fee pass and daily_log_sharpe for every set. */
    @Benchmark
    public double zeroFee(Sweep s) {
        AmmSweep.metrics(s.zeroFee, s.prices, 1440, s.minutes + 1, s.grid, METRIC, s.out, 1, s.kind);
        return s.out[0];
    }

    /** Fee pass (optimal arbitrage twice a minute) for the fee grid. */
    @Benchmark
    public double withFees(FeeSweep s) {
        AmmSweep.metrics(s.withFees, s.prices, 1440, s.minutes + 1, s.grid, METRIC, s.out, 1, s.kind);
        return s.out[0];
    }

    /** daily_log_sharpe of one set over 90 days. */
    @Benchmark
    public double forward(Gradient s) {
        return s.pool.metric(s.prices, 1440, 90 * 1440 + 1, s.params, AmmMetric.DAILY_LOG_SHARPE);
    }

    /** daily_log_sharpe and its gradient in six parameters over 90 days. */
    @Benchmark
    public double gradient(Gradient s) {
        return AmmGradients.valueAndGradient(s.pool, s.prices, 1440, 90 * 1440 + 1, s.params, AmmMetric.DAILY_LOG_SHARPE, s.g);
    }

    /** daily_log_sharpe of one power-channel set over 90 days: the forward pass beside {@link #gradientChannel4}. */
    @Benchmark
    public double forwardChannel(Gradient s) {
        return s.channel.metric(s.prices, 1440, 90 * 1440 + 1, s.channelParams, AmmMetric.DAILY_LOG_SHARPE);
    }

    /** The target row: daily_log_sharpe and its gradient in the four parameters the power channel reads, 90 days. */
    @Benchmark
    public double gradientChannel4(Gradient s) {
        return AmmGradients.valueAndGradient(s.channel, s.prices, 1440, 90 * 1440 + 1, s.channelParams, AmmMetric.DAILY_LOG_SHARPE,
                Gradient.CHANNEL_COMPONENTS, s.g);
    }
}
