package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.internal.Checks;

/**
 * The stream of {@link CompositeIndicators#vwap(double[], double[], int)} on a bar's close and volume: the
 * array's inputs {@code close * volume} and (volume, or NaN where the close is missing), each through the JAVA
 * kernel's {@link RollingSumState} step on its own {@link StreamWindow}, and their quotient. Lookback n - 1; O(1)
 * per update.
 */
final class VwapStream extends BarStream {
    private final int n;
    private final StreamWindow pvWin, vWin;
    private final RollingSumState pv = new RollingSumState(), vs = new RollingSumState();
    private final RollingSumState tpv = new RollingSumState(), tvs = new RollingSumState();

    VwapStream(int n) {
        super(n - 1, 1);
        this.n = n;
        pvWin = new StreamWindow(n);
        vWin = new StreamWindow(n);
    }

    private VwapStream(VwapStream o) {
        super(o);
        n = o.n;
        pvWin = new StreamWindow(o.pvWin);
        vWin = new StreamWindow(o.vWin);
        pv.copyFrom(o.pv);
        vs.copyFrom(o.vs);
    }

    @Override
    public VwapStream copy() {
        return new VwapStream(this);
    }

    @Override
    protected void check(double open, double high, double low, double close, double volume) {
        if (volume < 0 && volume != Double.NEGATIVE_INFINITY) throw Checks.invalid("volume", volume, "be >= 0 (non-finite: missing)");
    }

    private double step(RollingSumState a, RollingSumState b, double close, double volume) {
        double num = a.update(pvWin.data(), pvWin.put(close * volume), n, n, 1.0);
        double den = b.update(vWin.data(), vWin.put(finite(close) ? volume : Double.NaN), n, n, 1.0);
        return num / den;
    }

    @Override
    protected boolean commit(double open, double high, double low, double close, double volume, double[] out) {
        out[0] = step(pv, vs, close, volume);
        pvWin.advance();
        vWin.advance();
        pv.run = StreamWindow.capped(pv.run, n + 1);
        vs.run = StreamWindow.capped(vs.run, n + 1);
        return finite(close) && finite(volume);
    }

    @Override
    protected void trial(double open, double high, double low, double close, double volume, double[] out) {
        tpv.copyFrom(pv);
        tvs.copyFrom(vs);
        out[0] = step(tpv, tvs, close, volume);
    }
}
