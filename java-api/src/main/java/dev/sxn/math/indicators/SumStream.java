package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#rollingSum(double[], int)} ({@code scale} 1) and {@link Indicators#sma(double[],
 * int)} ({@code scale} 1/n): the JAVA kernel's {@link RollingSumState} step on a {@link StreamWindow}, so every
 * value equals the array's bit for bit. Lookback n - 1; O(1) per update.
 */
final class SumStream extends SeriesStream {
    private final int n;
    private final double scale;
    private final StreamWindow win;
    private final RollingSumState st, twin;

    SumStream(int n, double scale) {
        super(n - 1, 1);
        this.n = n;
        this.scale = scale;
        win = new StreamWindow(n);
        st = new RollingSumState();
        twin = new RollingSumState();
    }

    private SumStream(SumStream o) {
        super(o);
        n = o.n;
        scale = o.scale;
        win = new StreamWindow(o.win);
        st = new RollingSumState();
        st.copyFrom(o.st);
        twin = new RollingSumState();
    }

    @Override
    public SumStream copy() {
        return new SumStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(win.data(), win.put(x), n, n, scale);
        win.advance();
        st.run = StreamWindow.capped(st.run, n + 1);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(win.data(), win.put(x), n, n, scale);
    }
}
