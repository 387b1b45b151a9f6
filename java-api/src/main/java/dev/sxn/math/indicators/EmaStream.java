package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#ema(double[], int)} (alpha 2/(n+1)) or {@link Indicators#wilder(double[], int)}
 * (alpha 1/n): one {@link EmaState} step per value, the JAVA kernel's step, so every value equals the array's
 * bit for bit. Lookback n - 1. O(1) per update.
 */
final class EmaStream extends SeriesStream {
    private final int n;
    private final double alpha, beta;
    private final EmaState st, twin;

    EmaStream(int n, boolean wilder) {
        super(n - 1, 1);
        this.n = n;
        this.alpha = wilder ? 1.0 / n : 2.0 / (n + 1);
        this.beta = 1 - alpha;
        this.st = new EmaState();
        this.twin = new EmaState();
    }

    private EmaStream(EmaStream o) {
        super(o);
        n = o.n;
        alpha = o.alpha;
        beta = o.beta;
        st = new EmaState();
        st.copyFrom(o.st);
        twin = new EmaState();
    }

    @Override
    public EmaStream copy() {
        return new EmaStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(x, n, alpha, beta);
        st.run = StreamWindow.capped(st.run, n + 1);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(x, n, alpha, beta);
    }
}
