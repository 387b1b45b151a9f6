package dev.sxn.math.indicators;

import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.TtrLines.Aroon;
import dev.sxn.math.indicators.TtrLines.Band;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.internal.Checks;

/**
 * The TTR breadth indicators that read more than the close, on {@link Bars}, with TTR's default parameters: each
 * hands the columns it needs to the array function of {@link TrendIndicators}, {@link Oscillators},
 * {@link VolumeIndicators}, {@link VolatilityEstimators} or {@link Channels}, whose Javadoc gives the definition,
 * warm-up and cost. Thread-safe.
 */
public final class BarIndicators {
    private BarIndicators() {}

    private static Bars check(Bars bars) {
        return Checks.notNull(bars, "bars");
    }

    /** {@link TrendIndicators#adx} with n = 14. */
    public static Adx<double[]> adx(Bars bars) {
        check(bars);
        return TrendIndicators.adx(bars.high(), bars.low(), bars.close(), 14);
    }

    /** {@link TrendIndicators#aroon} of high and low with n = 20. */
    public static Aroon<double[]> aroon(Bars bars) {
        check(bars);
        return TrendIndicators.aroon(bars.high(), bars.low(), 20);
    }

    /** {@link TrendIndicators#vhf} with n = 28. */
    public static double[] vhf(Bars bars) {
        check(bars);
        return TrendIndicators.vhf(bars.high(), bars.low(), bars.close(), 28);
    }

    /** {@link TrendIndicators#sar} with accel = 0.02, maxAccel = 0.2. */
    public static double[] sar(Bars bars) {
        check(bars);
        return TrendIndicators.sar(bars.high(), bars.low(), 0.02, 0.2);
    }

    /** {@link TrendIndicators#zigZag} of high and low with a 10% change. */
    public static double[] zigZag(Bars bars) {
        check(bars);
        return TrendIndicators.zigZag(bars.high(), bars.low(), 10, true, false, true);
    }

    /** {@link Oscillators#cci} with n = 20, c = 0.015. */
    public static double[] cci(Bars bars) {
        check(bars);
        return Oscillators.cci(bars.high(), bars.low(), bars.close(), 20, 0.015);
    }

    /** {@link Oscillators#smi} with n = 13, nFast = 2, nSlow = 25, nSig = 9. */
    public static LineAndSignal<double[]> smi(Bars bars) {
        check(bars);
        return Oscillators.smi(bars.high(), bars.low(), bars.close(), 13, 2, 25, 9);
    }

    /** {@link Oscillators#ultimateOscillator} with n = (7, 14, 28), weights (4, 2, 1). */
    public static double[] ultimateOscillator(Bars bars) {
        check(bars);
        return Oscillators.ultimateOscillator(bars.high(), bars.low(), bars.close(), new int[] {7, 14, 28},
                new double[] {4, 2, 1});
    }

    /** {@link Oscillators#wpr} with n = 14. */
    public static double[] wpr(Bars bars) {
        check(bars);
        return Oscillators.wpr(bars.high(), bars.low(), bars.close(), 14);
    }

    /** {@link Oscillators#snr} over n bars (TTR has no default n). */
    public static double[] snr(Bars bars, int n) {
        check(bars);
        return Oscillators.snr(bars.high(), bars.low(), bars.close(), n);
    }

    /** {@link VolumeIndicators#clv}. */
    public static double[] clv(Bars bars) {
        check(bars);
        return VolumeIndicators.clv(bars.high(), bars.low(), bars.close());
    }

    /** {@link VolumeIndicators#chaikinAD}. */
    public static double[] chaikinAD(Bars bars) {
        check(bars);
        return VolumeIndicators.chaikinAD(bars.high(), bars.low(), bars.close(), bars.volume());
    }

    /** {@link VolumeIndicators#cmf} with n = 20. */
    public static double[] cmf(Bars bars) {
        check(bars);
        return VolumeIndicators.cmf(bars.high(), bars.low(), bars.close(), bars.volume(), 20);
    }

    /** {@link VolumeIndicators#emv} with n = 9, divisor 10000. */
    public static LineAndSignal<double[]> emv(Bars bars) {
        check(bars);
        return VolumeIndicators.emv(bars.high(), bars.low(), bars.volume(), 9, 10000);
    }

    /** {@link VolumeIndicators#mfi} with n = 14. */
    public static double[] mfi(Bars bars) {
        check(bars);
        return VolumeIndicators.mfi(bars.high(), bars.low(), bars.close(), bars.volume(), 14);
    }

    /** {@link VolumeIndicators#williamsAD}. */
    public static double[] williamsAD(Bars bars) {
        check(bars);
        return VolumeIndicators.williamsAD(bars.high(), bars.low(), bars.close());
    }

    /** {@link VolatilityEstimators#volatility} with n = 10 and 260 periods per year. */
    public static double[] volatility(Bars bars, VolatilityEstimators.Method method) {
        check(bars);
        return VolatilityEstimators.volatility(bars.open(), bars.high(), bars.low(), bars.close(), 10, method, 260);
    }

    /** {@link VolatilityEstimators#chaikinVolatility} with n = 10. */
    public static double[] chaikinVolatility(Bars bars) {
        check(bars);
        return VolatilityEstimators.chaikinVolatility(bars.high(), bars.low(), 10);
    }

    /** {@link Channels#donchian} of high and low with n = 10. */
    public static Band<double[]> donchian(Bars bars) {
        check(bars);
        return Channels.donchian(bars.high(), bars.low(), 10);
    }

    /** {@link Channels#keltner} with n = 20, atr = 2. */
    public static Band<double[]> keltner(Bars bars) {
        check(bars);
        return Channels.keltner(bars.high(), bars.low(), bars.close(), 20, 2);
    }

    /** {@link MovingAverages#evwma} of close and volume with n = 10. */
    public static double[] evwma(Bars bars) {
        check(bars);
        return MovingAverages.evwma(bars.close(), bars.volume(), 10);
    }
}
