package dev.sxn.math.internal.calibration;

import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The probes of the indicator families (size: assets x samples). A call runs the family's usual indicators
 * together (the single series: SMA, EMA and RSI; the batches: EMA and RSI, or a rolling std and an SMA), so a
 * kind is taken where it wins on the mix rather than on its best indicator. The single-series variance uses
 * window 20, inside the windows for which NATIVE's fast path is taken.
 */
final class IndicatorProbes {
    /** Samples per asset in the batched probes. */
    private static final int T = 1024;

    private IndicatorProbes() {}

    static List<Probe> all() {
        int[] assets = Probe.geometric(2, 4, 5);
        long[] batchSizes = new long[assets.length];
        for (int i = 0; i < assets.length; i++) batchSizes[i] = (long) assets[i] * T;
        return List.of(
                Probe.of(KernelFamilies.INDICATORS_SERIES, Probe.geometric(256, 4, 6), t -> {
                    double[] x = prices(t, 1), out = new double[t];
                    return k -> {
                        IndicatorSet s = Indicators.on(k);
                        s.smaInto(x, 20, out);
                        s.emaInto(x, 20, out);
                        s.rsiInto(x, 14, out);
                    };
                }),
                Probe.of(KernelFamilies.INDICATORS_SERIES_VARIANCE, Probe.geometric(256, 4, 6), t -> {
                    double[] x = prices(t, 2), out = new double[t];
                    return k -> Indicators.on(k).rollingStdInto(x, 20, false, out);
                }),
                new Probe(KernelFamilies.INDICATORS_BATCH, batchSizes, i -> {
                    SeriesBatch x = batch(assets[i], 3), out = SeriesBatch.zeros(assets[i], T);
                    return k -> {
                        IndicatorSet s = Indicators.on(k);
                        s.emaInto(x, 12, out);
                        s.rsiInto(x, 14, out);
                    };
                }),
                new Probe(KernelFamilies.INDICATORS_BATCH_WINDOWS, batchSizes, i -> {
                    SeriesBatch x = batch(assets[i], 4), out = SeriesBatch.zeros(assets[i], T);
                    return k -> {
                        IndicatorSet s = Indicators.on(k);
                        s.rollingStdInto(x, 21, true, out);
                        s.smaInto(x, 10, out);
                    };
                }));
    }

    /** A positive random walk. */
    static double[] prices(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p = Math.max(1, p + rnd.nextGaussian());
            x[i] = p;
        }
        return x;
    }

    private static SeriesBatch batch(int k, long seed) {
        double[] data = new double[k * T];
        for (int a = 0; a < k; a++) {
            double[] s = prices(T, seed * 31 + a);
            for (int i = 0; i < T; i++) data[i * k + a] = s[i];
        }
        return SeriesBatch.wrap(k, T, data);
    }
}
