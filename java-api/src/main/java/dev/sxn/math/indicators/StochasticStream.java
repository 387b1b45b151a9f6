package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.BarStream;

/**
 * The stream of {@link CompositeIndicators#stochastic(double[], double[], double[], int, int)}: lines 0 %K and
 * 1 %D. The highest high and lowest low by {@link ExtremeState} (the array's values bit for bit), the array's
 * {@code 100 (close - lowest) / (highest - lowest)}, and %D by the JAVA kernel's {@link RollingSumState} step
 * (scale 1/nD) on a {@link StreamWindow} of %K. Reads high, low and close. Lookback nK + nD - 2; O(1) amortised
 * per update.
 */
final class StochasticStream extends BarStream {
    private final int nD;
    private final double scale;
    private final ExtremeState hi, lo;
    private final StreamWindow win;
    private final RollingSumState d = new RollingSumState(), td = new RollingSumState();

    StochasticStream(int nK, int nD) {
        super(nK + nD - 2, 2);
        this.nD = nD;
        scale = 1.0 / nD;
        hi = new ExtremeState(nK, true);
        lo = new ExtremeState(nK, false);
        win = new StreamWindow(nD);
    }

    private StochasticStream(StochasticStream o) {
        super(o);
        nD = o.nD;
        scale = o.scale;
        hi = new ExtremeState(o.hi);
        lo = new ExtremeState(o.lo);
        win = new StreamWindow(o.win);
        d.copyFrom(o.d);
    }

    @Override
    public StochasticStream copy() {
        return new StochasticStream(this);
    }

    private void lines(double hmax, double lmin, double close, RollingSumState s, double[] out) {
        double k = 100 * (close - lmin) / (hmax - lmin);
        out[0] = k;
        out[1] = s.update(win.data(), win.put(k), nD, nD, scale);
    }

    @Override
    protected boolean commit(double open, double high, double low, double close, double volume, double[] out) {
        lines(hi.update(high), lo.update(low), close, d, out);
        win.advance();
        d.run = StreamWindow.capped(d.run, nD + 1);
        return finite(high) && finite(low) && finite(close);
    }

    @Override
    protected void trial(double open, double high, double low, double close, double volume, double[] out) {
        td.copyFrom(d);
        lines(hi.peek(high), lo.peek(low), close, td, out);
    }
}
