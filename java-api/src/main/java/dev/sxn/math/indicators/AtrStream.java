package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.internal.Checks;

/**
 * The stream of {@link CompositeIndicators#atr(double[], double[], double[], int)}: the array's true-range step
 * ({@link JavaOnlyKernels#trueRange(double, double, double, double)}, with the previous close) and Wilder's
 * {@link EmaState} step. Reads high, low and close. Lookback n; O(1) per update.
 */
final class AtrStream extends BarStream {
    private final int n;
    private final double alpha, beta;
    private final EmaState st = new EmaState(), twin = new EmaState();
    private double prevClose = Double.NaN;

    AtrStream(int n) {
        super(n, 1);
        this.n = n;
        alpha = 1.0 / n;
        beta = 1 - alpha;
    }

    private AtrStream(AtrStream o) {
        super(o);
        n = o.n;
        alpha = o.alpha;
        beta = o.beta;
        st.copyFrom(o.st);
        prevClose = o.prevClose;
    }

    @Override
    public AtrStream copy() {
        return new AtrStream(this);
    }

    @Override
    protected void check(double open, double high, double low, double close, double volume) {
        if (high < low) throw Checks.invalid("high", high, "be >= low = " + low);
    }

    @Override
    protected boolean commit(double open, double high, double low, double close, double volume, double[] out) {
        out[0] = st.update(JavaOnlyKernels.trueRange(high, low, close, prevClose), n, alpha, beta);
        prevClose = JavaOnlyKernels.nextClose(high, low, close);
        st.run = StreamWindow.capped(st.run, n + 1);
        return finite(high) && finite(low) && finite(close);
    }

    @Override
    protected void trial(double open, double high, double low, double close, double volume, double[] out) {
        twin.copyFrom(st);
        out[0] = twin.update(JavaOnlyKernels.trueRange(high, low, close, prevClose), n, alpha, beta);
    }
}
