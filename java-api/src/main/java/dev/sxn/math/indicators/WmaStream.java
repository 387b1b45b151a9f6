package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#wma(double[], int)}: the array kernel's {@link WmaState} step on a
 * {@link StreamWindow}, bit for bit the array's values. Lookback n - 1; O(1) per update, O(n) at each
 * re-summation (every max(64, n) steps).
 */
final class WmaStream extends SeriesStream {
    private final int n, resum;
    private final double wsum;
    private final StreamWindow win;
    private final WmaState st, twin;

    WmaStream(int n) {
        super(n - 1, 1);
        this.n = n;
        resum = WmaState.resum(n);
        wsum = WmaState.weightSum(n);
        win = new StreamWindow(n);
        st = new WmaState();
        twin = new WmaState();
    }

    private WmaStream(WmaStream o) {
        super(o);
        n = o.n;
        resum = o.resum;
        wsum = o.wsum;
        win = new StreamWindow(o.win);
        st = new WmaState();
        st.copyFrom(o.st);
        twin = new WmaState();
    }

    @Override
    public WmaStream copy() {
        return new WmaStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(win.data(), win.put(x), 1, n, wsum, resum);
        win.advance();
        st.run = StreamWindow.capped(st.run, n + 1);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(win.data(), win.put(x), 1, n, wsum, resum);
    }
}
