package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.IndicatorConstants.RESUM;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link Indicators#rollingVar(double[], int, boolean)} and {@link Indicators#rollingStd(double[],
 * int, boolean)}: the JAVA kernel's {@link RollingVarState} step on a {@link StreamWindow}, with the time index
 * kept modulo RESUM (the step re-sums at {@code (i + 1) % RESUM == 0}, the same indices as the array), so every
 * value equals the JAVA array's bit for bit. Lookback n - 1; O(1) per update, O(n) at a re-summation.
 */
final class VarianceStream extends SeriesStream {
    private final int n;
    private final double div;
    private final boolean sqrt;
    private final StreamWindow win;
    private final RollingVarState st, twin;
    /** The time index of the next input, modulo RESUM. */
    private int phase;

    VarianceStream(int n, boolean sample, boolean sqrt) {
        super(n - 1, 1);
        this.n = n;
        this.div = n - (sample ? 1 : 0);
        this.sqrt = sqrt;
        win = new StreamWindow(n);
        st = new RollingVarState();
        twin = new RollingVarState();
    }

    private VarianceStream(VarianceStream o) {
        super(o);
        n = o.n;
        div = o.div;
        sqrt = o.sqrt;
        win = new StreamWindow(o.win);
        st = new RollingVarState();
        st.copyFrom(o.st);
        twin = new RollingVarState();
        phase = o.phase;
    }

    @Override
    public VarianceStream copy() {
        return new VarianceStream(this);
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = st.update(win.data(), win.put(x), 1, phase, n, div, sqrt);
        win.advance();
        st.run = StreamWindow.capped(st.run, n + 1);
        phase = phase + 1 == RESUM ? 0 : phase + 1;
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(win.data(), win.put(x), 1, phase, n, div, sqrt);
    }
}
