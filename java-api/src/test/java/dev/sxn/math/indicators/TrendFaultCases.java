package dev.sxn.math.indicators;

import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The {@code indicators.ttr.trend} calls of the fault-injection suite ({@code FaultInjectionTest}): every kernel
 * writes every element of its outputs (new batches per call), so a retry on JAVA rewrites whatever a failed kind left
 * and the results are JAVA's bit for bit. A lane group and a tail of assets.
 */
public final class TrendFaultCases {
    private TrendFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                FaultCase.of("TrendBatches.adx, 13 assets x 150", KernelFamilies.INDICATORS_TTR_TREND, k -> {
                    SeriesBatch[] b = TrendBatchesTest.ohlcv(13, 150, 81);
                    Object[] out = new Object[1];
                    return Call.of(() -> out[0] = TrendBatches.adx(b[1], b[2], b[3], 14, k), () -> adx(out[0]),
                            new double[][] {b[1].data(), b[2].data(), b[3].data()});
                }),
                FaultCase.of("TrendBatches.volatility Yang-Zhang, 13 assets x 150", KernelFamilies.INDICATORS_TTR_TREND, k -> {
                    SeriesBatch[] b = TrendBatchesTest.ohlcv(13, 150, 82);
                    SeriesBatch[] out = new SeriesBatch[1];
                    return Call.of(() -> out[0] = TrendBatches.volatility(b[0], b[1], b[2], b[3], 10, Method.YANG_ZHANG, 260, k),
                            () -> out[0] == null ? null : out[0].data(),
                            new double[][] {b[0].data(), b[3].data()});
                }),
                FaultCase.of("TrendBatches.hma, 13 assets x 150", KernelFamilies.INDICATORS_TTR_TREND, k -> {
                    SeriesBatch[] b = TrendBatchesTest.ohlcv(13, 150, 83);
                    SeriesBatch[] out = new SeriesBatch[1];
                    return Call.of(() -> out[0] = TrendBatches.hma(b[3], 20, k), () -> out[0] == null ? null : out[0].data(),
                            b[3].data());
                }));
    }

    @SuppressWarnings("unchecked")
    private static Object adx(Object o) {
        if (o == null) return null;
        Adx<SeriesBatch> a = (Adx<SeriesBatch>) o;
        return new double[][] {a.diPlus().data(), a.diMinus().data(), a.dx().data(), a.adx().data()};
    }
}
