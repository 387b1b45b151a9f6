package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.indicators.TrendBatches;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The kernel family {@code indicators.ttr.trend} of issue 22 ({@link TrendBatches}): ADX, Yang-Zhang and
 * Garman-Klass volatility, HMA, ZLEMA and ALMA over {@code assets} x 10^4 bars (the 1,024 assets), on each kind
 * pinned ({@code kind} JAVA, VECTOR, NATIVE, OPENCL), beside LOOP: the one-series function called once per asset on
 * contiguous per-asset arrays, what a user without the batch form writes. A kind unavailable here fails its trial
 * (JMH reports it and goes on). Throughput in operations per second (one operation = the whole batch).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick({"assets=16", "indicator=VOL_YZ"})
public class IndicatorsTrendBatchBench {
    static final int T = 10_000;

    /** The OHLCV data of {@code assets} assets, as batches and as per-asset arrays. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024"})
        public int assets;

        @Param({"ADX", "VOL_YZ", "VOL_GK", "HMA", "ZLEMA", "ALMA"})
        public String indicator;

        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL", "LOOP"})
        public String kind;

        Backend backend;
        SeriesBatch o, h, l, c;
        double[][] os, hs, ls, cs;

        @Setup(Level.Trial)
        public void setup() {
            backend = kind.equals("LOOP") ? null : Backend.valueOf(kind);
            os = new double[assets][];
            hs = new double[assets][];
            ls = new double[assets][];
            cs = new double[assets][];
            SplittableRandom r = new SplittableRandom(2210);
            for (int a = 0; a < assets; a++) {
                double[][] bars = bars(r, T);
                os[a] = bars[0];
                hs[a] = bars[1];
                ls[a] = bars[2];
                cs[a] = bars[3];
            }
            o = SeriesBatch.of(os);
            h = SeriesBatch.of(hs);
            l = SeriesBatch.of(ls);
            c = SeriesBatch.of(cs);
            JitWarmUp.trial(kind, "indicators.ttr.trend");
        }
    }

    /** One asset's open, high, low and close: a log-normal walk with the high and low a little outside the body. */
    static double[][] bars(SplittableRandom r, int t) {
        double[][] b = new double[4][t];
        double p = 50 + 50 * r.nextDouble();
        for (int i = 0; i < t; i++) {
            double next = p * Math.exp(0.02 * (r.nextDouble() - 0.5));
            b[0][i] = p;
            b[3][i] = next;
            b[1][i] = Math.max(p, next) * (1 + 0.005 * r.nextDouble());
            b[2][i] = Math.min(p, next) * (1 - 0.005 * r.nextDouble());
            p = next;
        }
        return b;
    }

    @Benchmark
    public void run(Data d, Blackhole bh) {
        if (d.backend == null) {
            loop(d, bh);
            return;
        }
        Backend k = d.backend;
        switch (d.indicator) {
            case "ADX" -> bh.consume(TrendBatches.adx(d.h, d.l, d.c, 14, k));
            case "VOL_YZ" -> bh.consume(TrendBatches.volatility(d.o, d.h, d.l, d.c, 10, Method.YANG_ZHANG, 260, k));
            case "VOL_GK" -> bh.consume(TrendBatches.volatility(d.o, d.h, d.l, d.c, 10, Method.GARMAN_KLASS, 260, k));
            case "HMA" -> bh.consume(TrendBatches.hma(d.c, 20, k));
            case "ZLEMA" -> bh.consume(TrendBatches.zlema(d.c, 10, k));
            default -> bh.consume(TrendBatches.alma(d.c, 9, 0.85, 6, k));
        }
    }

    private static void loop(Data d, Blackhole bh) {
        for (int a = 0; a < d.assets; a++) {
            double[] o = d.os[a], h = d.hs[a], l = d.ls[a], c = d.cs[a];
            switch (d.indicator) {
                case "ADX" -> bh.consume(TrendIndicators.adx(h, l, c, 14));
                case "VOL_YZ" -> bh.consume(VolatilityEstimators.volatility(o, h, l, c, 10, Method.YANG_ZHANG, 260));
                case "VOL_GK" -> bh.consume(VolatilityEstimators.volatility(o, h, l, c, 10, Method.GARMAN_KLASS, 260));
                case "HMA" -> bh.consume(MovingAverages.hma(c, 20));
                case "ZLEMA" -> bh.consume(MovingAverages.zlema(c, 10));
                default -> bh.consume(MovingAverages.alma(c, 9, 0.85, 6));
            }
        }
    }
}
