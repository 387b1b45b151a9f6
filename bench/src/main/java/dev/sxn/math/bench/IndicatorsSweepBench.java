package dev.sxn.math.bench;

import dev.sxn.math.indicators.Bollinger;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.Stochastic;
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
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The indicators that {@link IndicatorsBench} does not cover (it has the kernel-backed SMA, EMA,
 * rolling std and RSI per backend), each over 10^3 to 10^7 points with the library's automatic
 * choice of backend ({@code ours*}), beside ta4j 0.17's Indicator API ({@code ta4j*}, 10^3 to 10^6
 * points: a BarSeries of 10^7 bars does not fit a few GB of heap). The composites (DEMA, TEMA, MACD,
 * Bollinger, ATR, z-score, VWAP) run on the kernels' automatic choice; WMA, rolling min/max, OBV,
 * cumulative VWAP, stochastics and the time-aware EMA are plain Java. ta4j is driven as its users do:
 * a fresh indicator per operation and every value read in order (its values are cached lazily), with
 * DoubleNum. Throughput in operations per second, one operation = the whole series.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick(value = {"size=10000"}, skip = "oursTimeEma|oursVwapCumulative")
public class IndicatorsSweepBench {
    static final int N = 20, FAST = 12, SLOW = 26, SIGNAL = 9, K_N = 14, D_N = 3;
    static final double BOLL_K = 2, TAU = 60;

    /** A seeded OHLCV series with irregular timestamps (seconds). */
    static final class Ohlcv {
        final double[] open, high, low, close, volume, time;

        Ohlcv(int n) {
            SplittableRandom r = new SplittableRandom(7);
            open = new double[n];
            high = new double[n];
            low = new double[n];
            close = new double[n];
            volume = new double[n];
            time = new double[n];
            double p = 100, t = 0;
            for (int i = 0; i < n; i++) {
                double o = p;
                p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
                open[i] = o;
                close[i] = p;
                high[i] = Math.max(o, p) * (1 + 0.002 * r.nextDouble());
                low[i] = Math.min(o, p) * (1 - 0.002 * r.nextDouble());
                volume[i] = 1000 + 1000 * r.nextDouble();
                t += 0.5 + r.nextDouble();
                time[i] = t;
            }
        }
    }

    /** Our side: the series and preallocated outputs (the allocation-free Into forms). */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"1000", "10000", "100000", "1000000", "10000000"})
        public int size;

        Ohlcv d;
        double[] out;
        Macd macd;
        Bollinger boll;
        Stochastic stoch;

        @Setup(Level.Trial)
        public void setup() {
            JitWarmUp.trial("VECTOR", "indicators"); // unpinned calls choose VECTOR from its crossover on
            d = new Ohlcv(size);
            out = new double[size];
            macd = new Macd(new double[size], new double[size], new double[size]);
            boll = new Bollinger(new double[size], new double[size], new double[size]);
            stoch = new Stochastic(new double[size], new double[size]);
        }
    }

    /** ta4j's side: the same series as a BarSeries of DoubleNum bars. */
    @State(Scope.Thread)
    public static class Ta4j {
        @Param({"1000", "10000", "100000", "1000000"})
        public int size;

        BarSeries series;
        ClosePriceIndicator close;

        @Setup(Level.Trial)
        public void setup() {
            Ohlcv d = new Ohlcv(size);
            series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
            ZonedDateTime t0 = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int i = 0; i < size; i++) series.addBar(t0.plusSeconds(i), d.open[i], d.high[i], d.low[i], d.close[i], d.volume[i]);
            close = new ClosePriceIndicator(series);
        }
    }

    private static Object drain(Indicator<Num> ind, int n, Blackhole bh) {
        for (int i = 0; i < n; i++) bh.consume(ind.getValue(i));
        return ind;
    }

    @Benchmark public Object oursWma(Ours s) { Indicators.wmaInto(s.d.close, N, s.out); return s.out; }
    @Benchmark public Object ta4jWma(Ta4j s, Blackhole bh) { return drain(new WMAIndicator(s.close, N), s.size, bh); }

    @Benchmark public Object oursDema(Ours s) { CompositeIndicators.demaInto(s.d.close, N, s.out); return s.out; }
    @Benchmark public Object ta4jDema(Ta4j s, Blackhole bh) { return drain(new DoubleEMAIndicator(s.close, N), s.size, bh); }

    @Benchmark public Object oursTema(Ours s) { CompositeIndicators.temaInto(s.d.close, N, s.out); return s.out; }
    @Benchmark public Object ta4jTema(Ta4j s, Blackhole bh) { return drain(new TripleEMAIndicator(s.close, N), s.size, bh); }

    @Benchmark public Object oursRollingMax(Ours s) { Indicators.rollingMaxInto(s.d.close, N, s.out); return s.out; }
    @Benchmark public Object ta4jRollingMax(Ta4j s, Blackhole bh) { return drain(new HighestValueIndicator(s.close, N), s.size, bh); }

    @Benchmark public Object oursRollingMin(Ours s) { Indicators.rollingMinInto(s.d.close, N, s.out); return s.out; }
    @Benchmark public Object ta4jRollingMin(Ta4j s, Blackhole bh) { return drain(new LowestValueIndicator(s.close, N), s.size, bh); }

    /** z-score: ta4j has no z-score indicator; its users combine SMA and standard deviation, so that is timed. */
    @Benchmark public Object oursZscore(Ours s) { CompositeIndicators.zscoreInto(s.d.close, N, s.out); return s.out; }
    @Benchmark
    public Object ta4jZscore(Ta4j s, Blackhole bh) {
        var sma = new org.ta4j.core.indicators.SMAIndicator(s.close, N);
        var sd = new StandardDeviationIndicator(s.close, N);
        for (int i = 0; i < s.size; i++) bh.consume(s.close.getValue(i).minus(sma.getValue(i)).dividedBy(sd.getValue(i)));
        return sd;
    }

    @Benchmark public Object oursMacd(Ours s) { CompositeIndicators.macdInto(s.d.close, FAST, SLOW, SIGNAL, s.macd); return s.macd; }
    @Benchmark
    public Object ta4jMacd(Ta4j s, Blackhole bh) {
        MACDIndicator m = new MACDIndicator(s.close, FAST, SLOW);
        EMAIndicator signal = new EMAIndicator(m, SIGNAL);
        for (int i = 0; i < s.size; i++) {
            bh.consume(m.getValue(i));
            bh.consume(signal.getValue(i));
        }
        return signal;
    }

    @Benchmark public Object oursBollinger(Ours s) { CompositeIndicators.bollingerInto(s.d.close, N, BOLL_K, s.boll); return s.boll; }
    @Benchmark
    public Object ta4jBollinger(Ta4j s, Blackhole bh) {
        var mid = new BollingerBandsMiddleIndicator(new org.ta4j.core.indicators.SMAIndicator(s.close, N));
        var sd = new StandardDeviationIndicator(s.close, N);
        var k = s.series.numOf(BOLL_K);
        var up = new BollingerBandsUpperIndicator(mid, sd, k);
        var lo = new BollingerBandsLowerIndicator(mid, sd, k);
        for (int i = 0; i < s.size; i++) {
            bh.consume(up.getValue(i));
            bh.consume(lo.getValue(i));
        }
        return lo;
    }

    @Benchmark public Object oursAtr(Ours s) { CompositeIndicators.atrInto(s.d.high, s.d.low, s.d.close, K_N, s.out); return s.out; }
    @Benchmark public Object ta4jAtr(Ta4j s, Blackhole bh) { return drain(new ATRIndicator(s.series, K_N), s.size, bh); }

    @Benchmark public Object oursVwap(Ours s) { CompositeIndicators.vwapInto(s.d.close, s.d.volume, N, s.out); return s.out; }
    @Benchmark public Object ta4jVwap(Ta4j s, Blackhole bh) { return drain(new VWAPIndicator(s.series, N), s.size, bh); }

    @Benchmark public Object oursObv(Ours s) { Indicators.obvInto(s.d.close, s.d.volume, s.out); return s.out; }
    @Benchmark public Object ta4jObv(Ta4j s, Blackhole bh) { return drain(new OnBalanceVolumeIndicator(s.series), s.size, bh); }

    @Benchmark public Object oursStochastic(Ours s) {
        CompositeIndicators.stochasticInto(s.d.high, s.d.low, s.d.close, K_N, D_N, s.stoch);
        return s.stoch;
    }
    @Benchmark
    public Object ta4jStochastic(Ta4j s, Blackhole bh) {
        var k = new StochasticOscillatorKIndicator(s.series, K_N);
        var d = new StochasticOscillatorDIndicator(k);
        for (int i = 0; i < s.size; i++) {
            bh.consume(k.getValue(i));
            bh.consume(d.getValue(i));
        }
        return d;
    }

    /** Cumulative VWAP and the time-aware EMA have no ta4j counterpart. */
    @Benchmark public Object oursVwapCumulative(Ours s) { Indicators.vwapCumulativeInto(s.d.close, s.d.volume, s.out); return s.out; }

    @Benchmark public Object oursTimeEma(Ours s) { Indicators.timeEmaInto(s.d.close, s.d.time, TAU, s.out); return s.out; }
}
