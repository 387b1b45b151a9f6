package dev.sxn.math.internal.calibration;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.indicators.TrendBatches;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.internal.KernelFamilies;
import java.util.List;

/**
 * The probe of {@code indicators.ttr.trend} (size: assets x bars): more assets of {@value #T} positive bars at each
 * size, one call running the family's usual mix (ADX, Yang-Zhang volatility, HMA), so a kind is taken where it wins on
 * the mix rather than on its best indicator.
 */
final class TrendProbes {
    private static final int T = 1024;

    private TrendProbes() {}

    static List<Probe> all() {
        return List.of(Probe.of(KernelFamilies.INDICATORS_TTR_TREND, Probe.geometric(4 * T, 4, 5), n -> {
            int k = Math.max(1, n / T);
            SeriesBatch c = batch(k, 20261210L), h = shifted(c, 1.002), l = shifted(c, 0.998);
            return kind -> {
                TrendBatches.adx(h, l, c, 14, kind);
                TrendBatches.volatility(c, h, l, c, 20, VolatilityEstimators.Method.YANG_ZHANG, 252, kind);
                TrendBatches.hma(c, 20, kind);
            };
        }));
    }

    private static SeriesBatch batch(int k, long seed) {
        double[] d = new double[k * T];
        for (int a = 0; a < k; a++) {
            double[] s = IndicatorProbes.prices(T, seed * 31 + a);
            for (int i = 0; i < T; i++) d[i * k + a] = s[i];
        }
        return SeriesBatch.wrap(k, T, d);
    }

    private static SeriesBatch shifted(SeriesBatch b, double f) {
        double[] d = b.data().clone();
        for (int i = 0; i < d.length; i++) d[i] *= f;
        return SeriesBatch.wrap(b.assets(), b.length(), d);
    }
}
