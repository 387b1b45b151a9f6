package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#rollingMax(double[], int)} and {@link Indicators#rollingMin(double[], int)} by
 * {@link ExtremeState} (a monotonic deque; bit for bit the array's values, see there). Lookback n - 1; O(1)
 * amortised per update.
 */
final class ExtremeStream extends SeriesStream {
    private final ExtremeState st;

    ExtremeStream(int n, boolean max) {
        super(n - 1, 1);
        st = new ExtremeState(n, max);
    }

    private ExtremeStream(ExtremeStream o) {
        super(o);
        st = new ExtremeState(o.st);
    }

    @Override
    public ExtremeStream copy() {
        return new ExtremeStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(x);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        out[0] = st.peek(x);
    }
}
