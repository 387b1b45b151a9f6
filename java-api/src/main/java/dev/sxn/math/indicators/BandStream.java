package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The streams of {@link CompositeIndicators#bollinger(double[], int, double)} (lines 0 lower, 1 middle, 2 upper:
 * the window mean and the population standard deviation, {@code mid -/+ width sd}) and
 * {@link CompositeIndicators#zscore(double[], int)} (one line: {@code (x - mean) / sd} with the sample standard
 * deviation). The JAVA kernels' {@link RollingSumState} and {@link RollingVarState} steps on one shared
 * {@link StreamWindow}, then the array's element-wise expressions. Lookback n - 1; O(1) per update.
 */
final class BandStream extends SeriesStream {
    private final int n;
    private final boolean zscore;
    private final double width, scale, div;
    private final StreamWindow win;
    private final RollingSumState sum = new RollingSumState(), tsum = new RollingSumState();
    private final RollingVarState var = new RollingVarState(), tvar = new RollingVarState();
    private int phase;

    /** Bollinger bands of {@code width} standard deviations, or (zscore) the rolling z-score. */
    BandStream(int n, double width, boolean zscore) {
        super(n - 1, zscore ? 1 : 3);
        this.n = n;
        this.zscore = zscore;
        this.width = width;
        scale = 1.0 / n;
        div = n - (zscore ? 1 : 0);
        win = new StreamWindow(n);
    }

    private BandStream(BandStream o) {
        super(o);
        n = o.n;
        zscore = o.zscore;
        width = o.width;
        scale = o.scale;
        div = o.div;
        win = new StreamWindow(o.win);
        sum.copyFrom(o.sum);
        var.copyFrom(o.var);
        phase = o.phase;
    }

    @Override
    public BandStream copy() {
        return new BandStream(this);
    }

    private void step(RollingSumState s, RollingVarState v, double x, double[] out) {
        int p = win.put(x);
        double[] buf = win.data();
        double mid = s.update(buf, p, n, n, scale);
        double sd = v.update(buf, p, 1, phase, n, div, true);
        if (zscore) {
            out[0] = (x - mid) / sd;
        } else {
            double d = width * sd;
            out[0] = mid - d;
            out[1] = mid;
            out[2] = mid + d;
        }
    }

    @Override
    protected boolean commit(double x, double[] out) {
        step(sum, var, x, out);
        win.advance();
        sum.run = StreamWindow.capped(sum.run, n + 1);
        var.run = StreamWindow.capped(var.run, n + 1);
        phase = phase + 1 == IndicatorConstants.RESUM ? 0 : phase + 1;
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        tsum.copyFrom(sum);
        tvar.copyFrom(var);
        step(tsum, tvar, x, out);
    }
}
