package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.sxn.math.indicators.BarIndicators;
import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.TtrStreams;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.VolumeIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TTR breadth streams against their array functions, bit for bit at every index and every split (the
 * {@link StreamContract}), on random series and bars with missing values, flat stretches and flat bars; and the
 * {@link BarIndicators} forms against the array functions they hand the columns to.
 */
class TtrStreamsTest {
    private static final int T = 150;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 5", "4, 14"})
    void seriesStreams(long seed, int n) {
        double[] x = StreamContract.series(seed, T), z = StreamContract.signed(seed + 50, T);
        StreamContract.series(() -> TtrStreams.momentum(n), x, Oscillators.momentum(x, n));
        StreamContract.series(() -> TtrStreams.momentum(n), z, Oscillators.momentum(z, n));
        StreamContract.series(() -> TtrStreams.rocDiscrete(n), x, Oscillators.rocDiscrete(x, n));
        StreamContract.series(() -> TtrStreams.rocContinuous(n), x, Oscillators.rocContinuous(x, n));
        StreamContract.series(() -> TtrStreams.wilderSum(n), z, MovingAverages.wilderSum(z, n));
    }

    @ParameterizedTest
    @CsvSource({"11, 1", "12, 2", "13, 5", "14, 14"})
    void barStreams(long seed, int n) {
        Bars b = StreamContract.bars(seed, T);
        double[] h = b.high(), l = b.low(), c = b.close(), v = b.volume();
        StreamContract.bars(TtrStreams::clv, b, VolumeIndicators.clv(h, l, c));
        StreamContract.bars(TtrStreams::chaikinAD, b, VolumeIndicators.chaikinAD(h, l, c, v));
        StreamContract.bars(TtrStreams::williamsAD, b, VolumeIndicators.williamsAD(h, l, c));
        StreamContract.bars(() -> TtrStreams.evwma(n), b, MovingAverages.evwma(c, v, n));
        Adx<double[]> adx = TrendIndicators.adx(h, l, c, n);
        StreamContract.bars(() -> TtrStreams.adx(n), b, adx.diPlus(), adx.diMinus(), adx.dx(), adx.adx());
    }

    @Test
    void barIndicatorsReadTheRightColumns() {
        Bars b = StreamContract.bars(21, 400);
        double[] o = b.open(), h = b.high(), l = b.low(), c = b.close(), v = b.volume();
        assertArrayEquals(TrendIndicators.adx(h, l, c, 14).adx(), BarIndicators.adx(b).adx());
        assertArrayEquals(Oscillators.cci(h, l, c, 20, 0.015), BarIndicators.cci(b));
        assertArrayEquals(VolumeIndicators.mfi(h, l, c, v, 14), BarIndicators.mfi(b));
        assertArrayEquals(VolumeIndicators.emv(h, l, v, 9, 10000).line(), BarIndicators.emv(b).line());
        assertArrayEquals(VolatilityEstimators.volatility(o, h, l, c, 10, VolatilityEstimators.Method.GK_YZ, 260),
                BarIndicators.volatility(b, VolatilityEstimators.Method.GK_YZ));
        assertArrayEquals(TrendIndicators.sar(h, l, 0.02, 0.2), BarIndicators.sar(b));
        assertArrayEquals(MovingAverages.evwma(c, v, 10), BarIndicators.evwma(b));
        assertArrayEquals(TrendIndicators.aroon(h, l, 20).down(), BarIndicators.aroon(b).down());
    }
}
