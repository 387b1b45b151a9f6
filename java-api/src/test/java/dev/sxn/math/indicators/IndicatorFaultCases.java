package dev.sxn.math.indicators;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The indicator calls of the fault-injection suite ({@code FaultInjectionTest}): the pinned single-series and
 * batch forms of each family, and composite indicators (several dispatches per call, automatic choice only).
 * Every indicator kernel writes only its output, so any garbage must be overwritten by the retry.
 */
public final class IndicatorFaultCases {
    private IndicatorFaultCases() {}

    private static final int T = 400;
    private static final int K = 6;

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                series("sma", KernelFamilies.INDICATORS_SERIES, (s, x, out) -> s.smaInto(x, 14, out)),
                series("ema", KernelFamilies.INDICATORS_SERIES, (s, x, out) -> s.emaInto(x, 20, out)),
                series("wilder", KernelFamilies.INDICATORS_SERIES, (s, x, out) -> s.wilderInto(x, 9, out)),
                series("rsi", KernelFamilies.INDICATORS_SERIES, (s, x, out) -> s.rsiInto(x, 14, out)),
                FaultCase.of("macd", KernelFamilies.INDICATORS_SERIES, k -> {
                    double[] x = prices(T, 1);
                    Macd m = new Macd(new double[T], new double[T], new double[T]);
                    return Call.of(() -> CompositeIndicators.macdInto(x, 12, 26, 9, m), () -> new Object[] {m.macd(), m.signal(), m.histogram()}, x);
                }).unpinnedOnly(),
                FaultCase.of("dema and tema", KernelFamilies.INDICATORS_SERIES, k -> {
                    double[] x = prices(T, 2);
                    double[] d = new double[T], t = new double[T];
                    return Call.of(() -> {
                        CompositeIndicators.demaInto(x, 10, d);
                        CompositeIndicators.temaInto(x, 10, t);
                    }, () -> new Object[] {d, t}, x);
                }).unpinnedOnly(),
                series("rolling variance", KernelFamilies.INDICATORS_SERIES_VARIANCE, (s, x, out) -> s.rollingVarInto(x, 20, true, out)),
                series("rolling std", KernelFamilies.INDICATORS_SERIES_VARIANCE, (s, x, out) -> s.rollingStdInto(x, 30, false, out)),
                FaultCase.of("bollinger and zscore", KernelFamilies.INDICATORS_SERIES_VARIANCE, k -> {
                    double[] x = prices(T, 3);
                    Bollinger b = new Bollinger(new double[T], new double[T], new double[T]);
                    double[] z = new double[T];
                    return Call.of(() -> {
                        CompositeIndicators.bollingerInto(x, 20, 2.0, b);
                        CompositeIndicators.zscoreInto(x, 15, z);
                    }, () -> new Object[] {b.lower(), b.middle(), b.upper(), z}, x);
                }).unpinnedOnly(),
                batch("batch ema", KernelFamilies.INDICATORS_BATCH, (s, x, out) -> s.emaInto(x, 12, out)),
                batch("batch rsi", KernelFamilies.INDICATORS_BATCH, (s, x, out) -> s.rsiInto(x, 14, out)),
                FaultCase.of("batch atr", KernelFamilies.INDICATORS_BATCH, k -> {
                    SeriesBatch c = batchPrices(4), h = shifted(c, 0.5), l = shifted(c, -0.5);
                    SeriesBatch[] r = new SeriesBatch[1];
                    return Call.of(() -> r[0] = CompositeIndicators.atr(h, l, c, 14), () -> r[0].data(), new Object[] {h.data(), l.data(), c.data()});
                }).unpinnedOnly(),
                batch("batch sma", KernelFamilies.INDICATORS_BATCH_WINDOWS, (s, x, out) -> s.smaInto(x, 10, out)),
                batch("batch rolling std", KernelFamilies.INDICATORS_BATCH_WINDOWS, (s, x, out) -> s.rollingStdInto(x, 21, true, out)),
                FaultCase.of("batch vwap", KernelFamilies.INDICATORS_BATCH_WINDOWS, k -> {
                    SeriesBatch p = batchPrices(5), v = shifted(batchPrices(6), 0);
                    SeriesBatch[] r = new SeriesBatch[1];
                    return Call.of(() -> r[0] = CompositeIndicators.vwap(p, v, 8), () -> r[0].data(), new Object[] {p.data(), v.data()});
                }).unpinnedOnly());
    }

    private interface SeriesOp {
        void run(IndicatorSet set, double[] x, double[] out);
    }

    private interface BatchOp {
        void run(IndicatorSet set, SeriesBatch x, SeriesBatch out);
    }

    private static FaultCase series(String name, KernelFamily family, SeriesOp op) {
        return FaultCase.of(name, family, k -> {
            double[] x = prices(T, name.hashCode());
            double[] out = new double[T];
            return Call.of(() -> op.run(Indicators.on(k), x, out), () -> out, x);
        });
    }

    private static FaultCase batch(String name, KernelFamily family, BatchOp op) {
        return FaultCase.of(name, family, k -> {
            SeriesBatch x = batchPrices(name.hashCode());
            SeriesBatch out = SeriesBatch.zeros(K, T);
            return Call.of(() -> op.run(Indicators.on(k), x, out), out::data, x.data());
        });
    }

    /** A random walk with a NaN in it (a missing value ends a run: the recurrences restart after it). */
    private static double[] prices(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p += rnd.nextGaussian();
            x[i] = p;
        }
        x[n / 3] = Double.NaN;
        return x;
    }

    private static SeriesBatch batchPrices(long seed) {
        double[] data = new double[K * T];
        for (int a = 0; a < K; a++) {
            double[] s = prices(T, seed * 31 + a);
            for (int i = 0; i < T; i++) data[i * K + a] = Math.abs(s[i]);
        }
        return SeriesBatch.wrap(K, T, data);
    }

    private static SeriesBatch shifted(SeriesBatch x, double by) {
        double[] d = x.data().clone();
        for (int i = 0; i < d.length; i++) d[i] += by;
        return SeriesBatch.wrap(x.assets(), x.length(), d);
    }
}
