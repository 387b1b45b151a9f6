package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#rsi(double[], int)}: the JAVA kernel's {@link RsiState} step, bit for bit the
 * array's values. Lookback n; O(1) per update.
 */
final class RsiStream extends SeriesStream {
    private final int n;
    private final double alpha, beta;
    private final RsiState st, twin;

    RsiStream(int n) {
        super(n, 1);
        this.n = n;
        alpha = 1.0 / n;
        beta = 1 - alpha;
        st = new RsiState();
        twin = new RsiState();
    }

    private RsiStream(RsiStream o) {
        super(o);
        n = o.n;
        alpha = o.alpha;
        beta = o.beta;
        st = new RsiState();
        st.copyFrom(o.st);
        twin = new RsiState();
    }

    @Override
    public RsiStream copy() {
        return new RsiStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(x, n, alpha, beta);
        st.run = StreamWindow.capped(st.run, n + 2);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(x, n, alpha, beta);
    }
}
