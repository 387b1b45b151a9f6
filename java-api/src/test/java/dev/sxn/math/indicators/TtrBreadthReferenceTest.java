package dev.sxn.math.indicators;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.TtrLines.Aroon;
import dev.sxn.math.indicators.TtrLines.Band;
import dev.sxn.math.indicators.TtrLines.Dvi;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.indicators.TtrLines.Tdi;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.testing.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The TTR breadth indicators against R's TTR 0.24.3 (reference/gen_ttr2.R) on TTR's own {@code ttrc} OHLCV data
 * (its first 2,000 rows) and on EuStockMarkets' DAX (close-only indicators; SMI as the second series of
 * runCov/runCor), with TTR's defaults and warm-up: NaN exactly where TTR gives NA.
 *
 * <p>Tolerance: relative 1e-10, plus an absolute 1e-10 times the column's largest magnitude for values that cancel
 * to near zero (DPO, momentum, rates of change, Williams A/D crossing 0), as IndicatorsReferenceTest.
 */
class TtrBreadthReferenceTest {
    private static final double RTOL = 1e-10;

    /** Every column's first failure, reported together at the end of a test. */
    private final List<String> failures = new ArrayList<>();

    private void check(Map<String, double[]> ref, String column, double[] got) {
        double[] want = ref.get(column);
        assertTrue(want != null, "column " + column + " missing");
        double scale = 0;
        for (double v : want) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0, column + " has no finite reference value");
        try {
            assertClose(want, got, 1e-10 * scale, RTOL, column);
        } catch (AssertionFailedError e) {
            failures.add(e.getMessage());
        }
    }

    @AfterEach
    void reportAll() {
        assertTrue(failures.isEmpty(), failures.size() + " columns differ from TTR:\n" + String.join("\n", failures));
    }

    @Test
    void ohlcvIndicatorsMatchTtrOnTtrc() {
        Map<String, double[]> r = ReferenceData.csv("ttr2_ttrc.csv");
        double[] o = r.get("open"), h = r.get("high"), l = r.get("low"), c = r.get("close"), v = r.get("volume");
        Adx<double[]> adx = TrendIndicators.adx(h, l, c, 14);
        check(r, "adx_dip", adx.diPlus());
        check(r, "adx_din", adx.diMinus());
        check(r, "adx_dx", adx.dx());
        check(r, "adx", adx.adx());
        Aroon<double[]> ar = TrendIndicators.aroon(h, l, 20);
        check(r, "aroon_up", ar.up());
        check(r, "aroon_dn", ar.down());
        check(r, "aroon_osc", ar.oscillator());
        check(r, "cci", Oscillators.cci(h, l, c, 20, 0.015));
        check(r, "chaikin_ad", VolumeIndicators.chaikinAD(h, l, c, v));
        check(r, "chaikin_vol", VolatilityEstimators.chaikinVolatility(h, l, 10));
        check(r, "clv", VolumeIndicators.clv(h, l, c));
        check(r, "cmf", VolumeIndicators.cmf(h, l, c, v, 20));
        Band<double[]> dc = Channels.donchian(h, l, 10);
        check(r, "dc_high", dc.upper());
        check(r, "dc_mid", dc.middle());
        check(r, "dc_low", dc.lower());
        LineAndSignal<double[]> emv = VolumeIndicators.emv(h, l, v, 9, 10000);
        check(r, "emv", emv.line());
        check(r, "emv_ma", emv.signal());
        check(r, "evwma", MovingAverages.evwma(c, v, 10));
        Band<double[]> kc = Channels.keltner(h, l, c, 20, 2);
        check(r, "kc_dn", kc.lower());
        check(r, "kc_mavg", kc.middle());
        check(r, "kc_up", kc.upper());
        check(r, "mfi", VolumeIndicators.mfi(h, l, c, v, 14));
        check(r, "sar", TrendIndicators.sar(h, l, 0.02, 0.2));
        LineAndSignal<double[]> smi = Oscillators.smi(h, l, c, 13, 2, 25, 9);
        check(r, "smi", smi.line());
        check(r, "smi_signal", smi.signal());
        check(r, "snr", Oscillators.snr(h, l, c, 14));
        check(r, "ult", Oscillators.ultimateOscillator(h, l, c, new int[] {7, 14, 28}, new double[] {4, 2, 1}));
        check(r, "vhf", TrendIndicators.vhf(h, l, c, 28));
        check(r, "vwma", MovingAverages.vwma(c, v, 10));
        check(r, "williams_ad", VolumeIndicators.williamsAD(h, l, c));
        check(r, "wpr", Oscillators.wpr(h, l, c, 14));
        check(r, "zigzag", TrendIndicators.zigZag(h, l, 10, true, false, true));
        check(r, "zigzag_abs", TrendIndicators.zigZag(h, l, 0.5, false, false, true));
        check(r, "zigzag_retrace", TrendIndicators.zigZag(h, l, 20, true, true, true));
        check(r, "zigzag_first", TrendIndicators.zigZag(h, l, 10, true, false, false));
        check(r, "vol_close", VolatilityEstimators.volatility(o, h, l, c, 10, Method.CLOSE, 260));
        check(r, "vol_gk", VolatilityEstimators.volatility(o, h, l, c, 10, Method.GARMAN_KLASS, 260));
        check(r, "vol_parkinson", VolatilityEstimators.volatility(o, h, l, c, 10, Method.PARKINSON, 260));
        check(r, "vol_rs", VolatilityEstimators.volatility(o, h, l, c, 10, Method.ROGERS_SATCHELL, 260));
        check(r, "vol_gkyz", VolatilityEstimators.volatility(o, h, l, c, 10, Method.GK_YZ, 260));
        check(r, "vol_yz", VolatilityEstimators.volatility(o, h, l, c, 10, Method.YANG_ZHANG, 260));
        closeOnly(r, c, v, "_c1");
    }

    @Test
    void closeOnlyIndicatorsMatchTtrOnDax() {
        Map<String, double[]> r = ReferenceData.csv("ttr2_dax.csv");
        closeOnly(r, r.get("dax"), r.get("smi_index"), "");
    }

    /** The close-only columns; in ttr2_ttrc.csv those whose names clash with the OHLCV ones end in "_c1". */
    private void closeOnly(Map<String, double[]> r, double[] c, double[] y, String clash) {
        check(r, "alma", MovingAverages.alma(c, 9, 0.85, 6));
        check(r, "cmo", Oscillators.cmo(c, 14));
        check(r, "cti", Oscillators.cti(c, 20, 1));
        check(r, "dpo", TrendIndicators.dpo(c, 10));
        check(r, "dpo_odd", TrendIndicators.dpo(c, 7));
        check(r, "dpo_pct", TrendIndicators.dpo(c, 10, TrendIndicators.defaultShift(10), true));
        Dvi<double[]> dvi = Oscillators.dvi(c, 252);
        check(r, "dvi_mag", dvi.magnitude());
        check(r, "dvi_str", dvi.stretch());
        check(r, "dvi", dvi.dvi());
        check(r, "hma", MovingAverages.hma(c, 20));
        LineAndSignal<double[]> kst = Oscillators.kst(c);
        check(r, "kst", kst.line());
        check(r, "kst_signal", kst.signal());
        check(r, "mom1", Oscillators.momentum(c, 1));
        check(r, "mom10", Oscillators.momentum(c, 10));
        Band<double[]> pb = Channels.pbands(c, 20, 2, 2);
        check(r, "pb_dn", pb.lower());
        check(r, "pb_center", pb.middle());
        check(r, "pb_up", pb.upper());
        check(r, "roc_c1", Oscillators.rocContinuous(c, 1));
        check(r, "roc_c10", Oscillators.rocContinuous(c, 10));
        check(r, "roc_d1", Oscillators.rocDiscrete(c, 1));
        check(r, "roc_d10", Oscillators.rocDiscrete(c, 10));
        check(r, "runcov", RunningStatistics.runCov(c, y, 10, true));
        check(r, "runcor", RunningStatistics.runCor(c, y, 10, true));
        check(r, "runmad", RunningStatistics.runMad(c, 10, true, 1.4826));
        check(r, "runmad_mean", RunningStatistics.runMad(c, 9, false, 1.4826));
        check(r, "runmedian", RunningStatistics.runMedian(c, 10));
        check(r, "runmedian_odd", RunningStatistics.runMedian(c, 11));
        check(r, "runpr", RunningStatistics.runPercentRank(c, 260, 0.5));
        check(r, "runpr20", RunningStatistics.runPercentRank(c, 20, 1));
        Tdi<double[]> tdi = TrendIndicators.tdi(c, 20, 2);
        check(r, "tdi", tdi.tdi());
        check(r, "tdi_di", tdi.di());
        LineAndSignal<double[]> trix = Oscillators.trix(c, 20, true);
        check(r, "trix", trix.line());
        check(r, "trix_signal", trix.signal());
        check(r, "vhf" + clash, TrendIndicators.vhf(c, c, c, 28));
        check(r, "wpr" + clash, Oscillators.wpr(c, c, c, 14));
        check(r, "cci" + clash, Oscillators.cci(c, 20, 0.015));
        Aroon<double[]> ar = TrendIndicators.aroon(c, c, 20);
        check(r, "aroon_up" + clash, ar.up());
        check(r, "aroon_dn" + clash, ar.down());
        check(r, "aroon_osc" + clash, ar.oscillator());
        Band<double[]> dc = Channels.donchian(c, c, 10);
        check(r, "dc_high" + clash, dc.upper());
        check(r, "dc_mid" + clash, dc.middle());
        check(r, "dc_low" + clash, dc.lower());
        LineAndSignal<double[]> smi = Oscillators.smi(c, c, c, 13, 2, 25, 9);
        check(r, "smi" + clash, smi.line());
        check(r, "smi_signal" + clash, smi.signal());
        check(r, "vma", MovingAverages.vma(c, abs(Oscillators.cmo(c, 9)), 1));
        check(r, "wildersum", MovingAverages.wilderSum(c, 10));
        check(r, "zlema", MovingAverages.zlema(c, 10));
        check(r, "zlema7", MovingAverages.zlema(c, 7));
        check(r, "zigzag" + clash, TrendIndicators.zigZag(c, c, 10, true, false, true));
        check(r, "vol_close" + clash, VolatilityEstimators.close(c, 10, 260, false));
        check(r, "vol_close0", VolatilityEstimators.close(c, 10, 260, true));
        double[][] g = MovingAverages.gmma(c);
        for (int j = 0; j < g.length; j++) check(r, "gmma" + (j + 1), g[j]);
    }

    /** |CMO| / 100, TTR's usual VMA weight (NaN through CMO's warm-up: VMA starts after it). */
    private static double[] abs(double[] cmo) {
        double[] w = new double[cmo.length];
        for (int i = 0; i < w.length; i++) w[i] = Math.abs(cmo[i]) / 100;
        return w;
    }
}
