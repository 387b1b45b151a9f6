package dev.sxn.math.indicators;

import dev.sxn.math.indicators.JavaOnlyKernels.ObvState;
import dev.sxn.math.indicators.JavaOnlyKernels.VwapState;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.internal.Checks;

/**
 * The streams of the price-volume indicators on a bar's close and volume: {@link Indicators#obv(double[],
 * double[])} and {@link Indicators#vwapCumulative(double[], double[])} (the array loops' {@link ObvState} and
 * {@link VwapState} steps). Lookback 0; O(1) per update. The cumulative VWAP rejects a finite negative volume,
 * as its array function does.
 */
final class VolumeStream extends BarStream {
    private final boolean obv;
    private final ObvState o = new ObvState(), to = new ObvState();
    private final VwapState v = new VwapState(), tv = new VwapState();

    /** OBV ({@code obv}) or the cumulative VWAP. */
    VolumeStream(boolean obv) {
        super(0, 1);
        this.obv = obv;
    }

    private VolumeStream(VolumeStream s) {
        super(s);
        obv = s.obv;
        o.copyFrom(s.o);
        v.copyFrom(s.v);
    }

    @Override
    public VolumeStream copy() {
        return new VolumeStream(this);
    }

    @Override
    protected void check(double open, double high, double low, double close, double volume) {
        if (!obv && volume < 0 && volume != Double.NEGATIVE_INFINITY) {
            throw Checks.invalid("volume", volume, "be >= 0 (non-finite: missing)");
        }
    }

    @Override
    protected boolean commit(double open, double high, double low, double close, double volume, double[] out) {
        out[0] = obv ? o.update(close, volume) : v.update(close, volume);
        return finite(close) && finite(volume);
    }

    @Override
    protected void trial(double open, double high, double low, double close, double volume, double[] out) {
        if (obv) {
            to.copyFrom(o);
            out[0] = to.update(close, volume);
        } else {
            tv.copyFrom(v);
            out[0] = tv.update(close, volume);
        }
    }
}
