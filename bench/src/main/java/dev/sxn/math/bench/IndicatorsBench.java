package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Indicators per backend and size beside ta4j 0.17 (BarSeries of DoubleNum, a fresh indicator per
 * operation, every value read in order: what a user of its Indicator API pays to compute a whole
 * series) and a plain scalar loop, in one run, plus a copy of the same bytes (System.arraycopy) as
 * the memory-bandwidth yardstick. Single series: SMA(20), EMA(20), rolling std(20), RSI(14) over n
 * points; batches: SMA, EMA, RSI and rolling std over k assets x 10^4 points (time-major), beside LOOP,
 * the plain-Java kernel called once per asset on contiguous per-asset arrays. The defaults are the
 * sizes the targets name (10^6 points; 1024 assets); the sweep (10^3..10^7 points, 1..4096
 * assets) is run with -p, see bench/results/history/indicators.md. {@link IndicatorsSweepBench} has the
 * other indicators.
 * Throughput in operations per second (one operation = the whole series or batch).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick(value = {"size=1000000", "sma|ema|rsi|rollingStd:backend=JAVA,VECTOR,NATIVE,TA4J", "batch.*:backend=VECTOR,LOOP"}, skip = "copy")
public class IndicatorsBench {
    static final int N = 20, RSI_N = 14, T_BATCH = 10_000;
    /** LOOP's kernel: the plain-Java one, pinned. */
    static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);

    static double[] prices(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            x[i] = p;
        }
        return x;
    }

    /** One series of {@code size} points; backend JAVA/VECTOR/NATIVE, or the peers SCALAR and TA4J. */
    @State(Scope.Thread)
    public static class Single {
        @Param({"1000000"})
        public int size;

        @Param({"JAVA", "VECTOR", "NATIVE", "SCALAR", "TA4J"})
        public String backend;

        double[] x, out;
        /** Our indicators pinned to the backend; null for the peers. */
        IndicatorSet ours;
        BarSeries series;

        @Setup(Level.Trial)
        public void setup() {
            x = prices(1, size);
            out = new double[size];
            ours = backend.equals("SCALAR") || backend.equals("TA4J") ? null : Indicators.on(Backend.valueOf(backend));
            JitWarmUp.trial(backend, "indicators.Indicators.series", "indicators.Indicators.seriesVariance");
            if (backend.equals("TA4J")) {
                series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
                ZonedDateTime t0 = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
                for (int i = 0; i < size; i++) series.addBar(t0.plusMinutes(i), x[i], x[i], x[i], x[i], 1.0);
            }
        }
    }

    /** A batch of {@code assets} x 10^4 points. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"1024"})
        public int assets;

        /** LOOP: the plain-Java loop a user writes without batches, one contiguous array per asset. */
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL", "LOOP"})
        public String backend;

        SeriesBatch x, out;
        double[][] series, outs;
        IndicatorSet ours;

        @Setup(Level.Trial)
        public void setup() {
            series = new double[assets][];
            outs = new double[assets][T_BATCH];
            for (int a = 0; a < assets; a++) series[a] = prices(10 + a, T_BATCH);
            x = SeriesBatch.of(series);
            out = x.like();
            ours = Indicators.on(backend.equals("LOOP") ? Backend.JAVA : Backend.valueOf(backend));
            JitWarmUp.trial(backend, "indicators.Indicators.batch", "indicators.Indicators.batchWindows");
        }

        boolean loop() {
            return backend.equals("LOOP");
        }
    }

    /** The bandwidth yardstick: copying 10^6 doubles (8 MB read + 8 MB written), as SMA streams. */
    @State(Scope.Thread)
    public static class Copy {
        @Param({"1000000", "10240000"})
        public int size;

        double[] x, out;

        @Setup(Level.Trial)
        public void setup() {
            x = prices(3, size);
            out = new double[size];
        }
    }

    @Benchmark
    public double[] copy(Copy s) {
        System.arraycopy(s.x, 0, s.out, 0, s.size);
        return s.out;
    }

    private static void drain(Indicator<Num> ind, int n, Blackhole bh) {
        for (int i = 0; i < n; i++) bh.consume(ind.getValue(i));
    }

    @Benchmark
    public double[] sma(Single s, Blackhole bh) {
        switch (s.backend) {
            case "TA4J" -> drain(new SMAIndicator(new ClosePriceIndicator(s.series), N), s.size, bh);
            case "SCALAR" -> {
                double[] x = s.x, out = s.out;
                double sum = 0;
                for (int i = 0; i < x.length; i++) {
                    sum += x[i];
                    if (i >= N) sum -= x[i - N];
                    out[i] = i >= N - 1 ? sum / N : Double.NaN;
                }
            }
            default -> s.ours.smaInto(s.x, N, s.out);
        }
        return s.out;
    }

    @Benchmark
    public double[] ema(Single s, Blackhole bh) {
        switch (s.backend) {
            case "TA4J" -> drain(new EMAIndicator(new ClosePriceIndicator(s.series), N), s.size, bh);
            case "SCALAR" -> {
                double[] x = s.x, out = s.out;
                double a = 2.0 / (N + 1), e = 0;
                for (int i = 0; i < x.length; i++) {
                    if (i < N) {
                        e += x[i];
                        out[i] = Double.NaN;
                        if (i == N - 1) out[i] = e /= N;
                    } else {
                        out[i] = e += a * (x[i] - e);
                    }
                }
            }
            default -> s.ours.emaInto(s.x, N, s.out);
        }
        return s.out;
    }

    @Benchmark
    public double[] rollingStd(Single s, Blackhole bh) {
        switch (s.backend) {
            case "TA4J" -> drain(new StandardDeviationIndicator(new ClosePriceIndicator(s.series), N), s.size, bh);
            case "SCALAR" -> {
                // The textbook running sums of x and x^2 (fast, and inaccurate for prices far from 0).
                double[] x = s.x, out = s.out;
                double s1 = 0, s2 = 0;
                for (int i = 0; i < x.length; i++) {
                    s1 += x[i];
                    s2 += x[i] * x[i];
                    if (i >= N) {
                        s1 -= x[i - N];
                        s2 -= x[i - N] * x[i - N];
                    }
                    out[i] = i >= N - 1 ? Math.sqrt(Math.max(0, (s2 - s1 * s1 / N) / N)) : Double.NaN;
                }
            }
            default -> s.ours.rollingStdInto(s.x, N, false, s.out);
        }
        return s.out;
    }

    @Benchmark
    public double[] rsi(Single s, Blackhole bh) {
        switch (s.backend) {
            case "TA4J" -> drain(new RSIIndicator(new ClosePriceIndicator(s.series), RSI_N), s.size, bh);
            case "SCALAR" -> {
                double[] x = s.x, out = s.out;
                double up = 0, dn = 0;
                out[0] = Double.NaN;
                for (int i = 1; i < x.length; i++) {
                    double d = x[i] - x[i - 1], g = Math.max(d, 0), l = Math.max(-d, 0);
                    if (i <= RSI_N) {
                        up += g;
                        dn += l;
                        out[i] = Double.NaN;
                        if (i == RSI_N) {
                            up /= RSI_N;
                            dn /= RSI_N;
                            out[i] = 100 * up / (up + dn);
                        }
                    } else {
                        up += (g - up) / RSI_N;
                        dn += (l - dn) / RSI_N;
                        out[i] = 100 * up / (up + dn);
                    }
                }
            }
            default -> s.ours.rsiInto(s.x, RSI_N, s.out);
        }
        return s.out;
    }

    @Benchmark
    public Object batchSma(Batch b) {
        if (b.loop()) {
            for (int a = 0; a < b.assets; a++) JAVA.smaInto(b.series[a], N, b.outs[a]);
            return b.outs;
        }
        b.ours.smaInto(b.x, N, b.out);
        return b.out.data();
    }

    @Benchmark
    public Object batchEma(Batch b) {
        if (b.loop()) {
            for (int a = 0; a < b.assets; a++) JAVA.emaInto(b.series[a], N, b.outs[a]);
            return b.outs;
        }
        b.ours.emaInto(b.x, N, b.out);
        return b.out.data();
    }

    @Benchmark
    public Object batchRsi(Batch b) {
        if (b.loop()) {
            for (int a = 0; a < b.assets; a++) JAVA.rsiInto(b.series[a], RSI_N, b.outs[a]);
            return b.outs;
        }
        b.ours.rsiInto(b.x, RSI_N, b.out);
        return b.out.data();
    }

    @Benchmark
    public Object batchRollingStd(Batch b) {
        if (b.loop()) {
            for (int a = 0; a < b.assets; a++) JAVA.rollingStdInto(b.series[a], N, false, b.outs[a]);
            return b.outs;
        }
        b.ours.rollingStdInto(b.x, N, false, b.out);
        return b.out.data();
    }
}
