package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.OscillatorBatches;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.SeriesBatch;
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
 * The batched TTR oscillators of issue 22 (family {@code indicators.ttr.oscillators}: ROC, Williams %R, CCI, MFI)
 * over a time-major {@link SeriesBatch} of {@code assets} x 10^4 bars (the size is 1,024 assets), per kind:
 * JAVA, VECTOR, NATIVE and OPENCL pinned through {@link OscillatorBatches}, beside LOOP, the one-series function
 * called once per asset on contiguous per-asset arrays (what a user without the batch form writes). JAVA gathers each
 * asset's strided run into scratch and runs the one-series kernel; the other kinds run over the contiguous rows
 * (assets in lanes, in C, or an asset per work-item). ADX, the volatility estimators and the moving averages are
 * benchmarked in their own class. Throughput in operations per second (one operation = the whole batch). The quick
 * profile runs CCI (a window kernel) and MFI (a running-sum kernel) on the CPU kinds at 64 assets: eight short forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick({"assets=64", "indicator=CCI,MFI", "kind=LOOP,JAVA,VECTOR,NATIVE"})
public class IndicatorsBatch2Bench {
    static final int T = 10_000;

    /** The OHLCV data of {@code assets} assets, as batches and as per-asset arrays. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1024"})
        public int assets;

        @Param({"ROC", "WPR", "CCI", "MFI"})
        public String indicator;

        /** A pinned {@link Backend} kind, or LOOP (the one-series function per asset). */
        @Param({"LOOP", "JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String kind;

        Backend backend;
        SeriesBatch h, l, c, v;
        double[][] hs, ls, cs, vs;

        @Setup(Level.Trial)
        public void setup() {
            backend = kind.equals("LOOP") ? null : Backend.valueOf(kind);
            SplittableRandom r = new SplittableRandom(22);
            hs = new double[assets][T];
            ls = new double[assets][T];
            cs = new double[assets][T];
            vs = new double[assets][T];
            for (int a = 0; a < assets; a++) {
                double p = 50 + 50 * r.nextDouble();
                for (int i = 0; i < T; i++) {
                    double open = p;
                    p *= Math.exp(0.02 * (r.nextDouble() - 0.5));
                    cs[a][i] = p;
                    hs[a][i] = Math.max(open, p) * (1 + 0.005 * r.nextDouble());
                    ls[a][i] = Math.min(open, p) * (1 - 0.005 * r.nextDouble());
                    vs[a][i] = 1000 + r.nextInt(100_000);
                }
            }
            h = SeriesBatch.of(hs);
            l = SeriesBatch.of(ls);
            c = SeriesBatch.of(cs);
            v = SeriesBatch.of(vs);
            JitWarmUp.trial(kind, "indicators.ttr.oscillators");
        }
    }

    @Benchmark
    public void batch(Data d, Blackhole bh) {
        if (d.backend == null) {
            loop(d, bh);
            return;
        }
        Backend k = d.backend;
        switch (d.indicator) {
            case "ROC" -> bh.consume(OscillatorBatches.rocDiscrete(d.c, 10, k));
            case "WPR" -> bh.consume(OscillatorBatches.wpr(d.h, d.l, d.c, 14, k));
            case "CCI" -> bh.consume(OscillatorBatches.cci(d.h, d.l, d.c, 20, 0.015, k));
            default -> bh.consume(OscillatorBatches.mfi(d.h, d.l, d.c, d.v, 14, k));
        }
    }

    private static void loop(Data d, Blackhole bh) {
        for (int a = 0; a < d.assets; a++) {
            double[] h = d.hs[a], l = d.ls[a], c = d.cs[a], v = d.vs[a];
            switch (d.indicator) {
                case "ROC" -> bh.consume(Oscillators.rocDiscrete(c, 10));
                case "WPR" -> bh.consume(Oscillators.wpr(h, l, c, 14));
                case "CCI" -> bh.consume(Oscillators.cci(h, l, c, 20, 0.015));
                default -> bh.consume(VolumeIndicators.mfi(h, l, c, v, 14));
            }
        }
    }
}
