package dev.sxn.math.bench;

import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.VolumeIndicators;
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
 * The TTR breadth indicators of issue 22 batched over assets (time-major {@link SeriesBatch}, {@code assets} x
 * 10^4 bars; the size is 1,024 assets) beside LOOP, the one-series function called once per asset on
 * contiguous per-asset arrays: what a user without the batch form writes. Indicators: ROC, Williams %R, CCI, MFI,
 * ADX, Yang-Zhang volatility, HMA and ZLEMA (the ones the issue names hot in batches). Both forms run the same
 * plain-Java kernels; the batch form gathers each asset's strided run into scratch first, so the ratio shows what
 * that layout costs or saves. Throughput in operations per second (one operation = the whole batch).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick({"assets=64"})
public class IndicatorsBatch2Bench {
    static final int T = 10_000;

    /** The OHLCV data of {@code assets} assets, as batches and as per-asset arrays. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024"})
        public int assets;

        @Param({"ROC", "WPR", "CCI", "MFI", "ADX", "VOL_YZ", "HMA", "ZLEMA"})
        public String indicator;

        SeriesBatch o, h, l, c, v;
        double[][] os, hs, ls, cs, vs;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom r = new SplittableRandom(22);
            os = new double[assets][T];
            hs = new double[assets][T];
            ls = new double[assets][T];
            cs = new double[assets][T];
            vs = new double[assets][T];
            for (int a = 0; a < assets; a++) {
                double p = 50 + 50 * r.nextDouble();
                for (int i = 0; i < T; i++) {
                    os[a][i] = p;
                    p *= Math.exp(0.02 * (r.nextDouble() - 0.5));
                    cs[a][i] = p;
                    hs[a][i] = Math.max(os[a][i], p) * (1 + 0.005 * r.nextDouble());
                    ls[a][i] = Math.min(os[a][i], p) * (1 - 0.005 * r.nextDouble());
                    vs[a][i] = 1000 + r.nextInt(100_000);
                }
            }
            o = SeriesBatch.of(os);
            h = SeriesBatch.of(hs);
            l = SeriesBatch.of(ls);
            c = SeriesBatch.of(cs);
            v = SeriesBatch.of(vs);
        }
    }

    @Benchmark
    public void batch(Data d, Blackhole bh) {
        switch (d.indicator) {
            case "ROC" -> bh.consume(Oscillators.rocDiscrete(d.c, 10));
            case "WPR" -> bh.consume(Oscillators.wpr(d.h, d.l, d.c, 14));
            case "CCI" -> bh.consume(Oscillators.cci(d.h, d.l, d.c, 20, 0.015));
            case "MFI" -> bh.consume(VolumeIndicators.mfi(d.h, d.l, d.c, d.v, 14));
            case "ADX" -> bh.consume(TrendIndicators.adx(d.h, d.l, d.c, 14));
            case "VOL_YZ" -> bh.consume(VolatilityEstimators.volatility(d.o, d.h, d.l, d.c, 10,
                    VolatilityEstimators.Method.YANG_ZHANG, 260));
            case "HMA" -> bh.consume(MovingAverages.hma(d.c, 20));
            default -> bh.consume(MovingAverages.zlema(d.c, 10));
        }
    }

    @Benchmark
    public void loop(Data d, Blackhole bh) {
        for (int a = 0; a < d.assets; a++) {
            double[] o = d.os[a], h = d.hs[a], l = d.ls[a], c = d.cs[a], v = d.vs[a];
            switch (d.indicator) {
                case "ROC" -> bh.consume(Oscillators.rocDiscrete(c, 10));
                case "WPR" -> bh.consume(Oscillators.wpr(h, l, c, 14));
                case "CCI" -> bh.consume(Oscillators.cci(h, l, c, 20, 0.015));
                case "MFI" -> bh.consume(VolumeIndicators.mfi(h, l, c, v, 14));
                case "ADX" -> bh.consume(TrendIndicators.adx(h, l, c, 14));
                case "VOL_YZ" -> bh.consume(VolatilityEstimators.volatility(o, h, l, c, 10,
                        VolatilityEstimators.Method.YANG_ZHANG, 260));
                case "HMA" -> bh.consume(MovingAverages.hma(c, 20));
                default -> bh.consume(MovingAverages.zlema(c, 10));
            }
        }
    }
}
