package dev.sxn.math.internal;

import dev.sxn.math.indicators.SeriesBatch;
import java.util.SplittableRandom;

/**
 * Seeded OHLCV batches for the warm-up and calibration calls of {@code indicators.ttr.oscillators}: per asset a
 * geometric random walk of closes around 50..100, highs and lows up to 1% outside the bar's open and close, volumes
 * of 1,000..100,000. Never NaN, so the accelerated kinds take them.
 */
public final class TtrOscillatorData {
    private TtrOscillatorData() {}

    /** High, low, close and volume batches of k assets by t bars (time-major). */
    public static SeriesBatch[] bars(int k, int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] h = new double[k * t], l = new double[k * t], c = new double[k * t], v = new double[k * t];
        double[] last = new double[k];
        for (int a = 0; a < k; a++) last[a] = 50 + 50 * r.nextDouble();
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < k; a++) {
                int q = i * k + a;
                double open = last[a], close = open * Math.exp(0.02 * (r.nextDouble() - 0.5));
                c[q] = close;
                h[q] = Math.max(open, close) * (1 + 0.01 * r.nextDouble());
                l[q] = Math.min(open, close) * (1 - 0.01 * r.nextDouble());
                v[q] = 1000 + r.nextInt(99_000);
                last[a] = close;
            }
        }
        return new SeriesBatch[] {SeriesBatch.wrap(k, t, h), SeriesBatch.wrap(k, t, l), SeriesBatch.wrap(k, t, c), SeriesBatch.wrap(k, t, v)};
    }
}
