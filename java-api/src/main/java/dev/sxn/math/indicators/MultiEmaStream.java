package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The streams of {@link CompositeIndicators#dema(double[], int)} ({@code order} 2: {@code 2 e1 - e2}) and
 * {@link CompositeIndicators#tema(double[], int)} ({@code order} 3: {@code 3 e1 - 3 e2 + e3}): a chain of
 * {@link EmaState} steps, each fed the previous one's value (NaN in its warm-up restarts the next, as the array's
 * EMA of an EMA does), and the array's final expression. Lookback order (n - 1); O(1) per update.
 */
final class MultiEmaStream extends SeriesStream {
    private final int n, order;
    private final double alpha, beta;
    private final EmaState e1 = new EmaState(), e2 = new EmaState(), e3 = new EmaState();
    private final EmaState t1 = new EmaState(), t2 = new EmaState(), t3 = new EmaState();

    MultiEmaStream(int n, int order) {
        super(order * (n - 1), 1);
        this.n = n;
        this.order = order;
        alpha = 2.0 / (n + 1);
        beta = 1 - alpha;
    }

    private MultiEmaStream(MultiEmaStream o) {
        super(o);
        n = o.n;
        order = o.order;
        alpha = o.alpha;
        beta = o.beta;
        e1.copyFrom(o.e1);
        e2.copyFrom(o.e2);
        e3.copyFrom(o.e3);
    }

    @Override
    public MultiEmaStream copy() {
        return new MultiEmaStream(this);
    }

    private double step(EmaState s1, EmaState s2, EmaState s3, double x) {
        double a = s1.update(x, n, alpha, beta);
        double b = s2.update(a, n, alpha, beta);
        if (order == 2) return 2 * a - b;
        double c = s3.update(b, n, alpha, beta);
        return 3 * a - 3 * b + c;
    }

    @Override
    protected boolean commit(double x, double[] out) {
        out[0] = step(e1, e2, e3, x);
        e1.run = StreamWindow.capped(e1.run, n + 1);
        e2.run = StreamWindow.capped(e2.run, n + 1);
        e3.run = StreamWindow.capped(e3.run, n + 1);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        t1.copyFrom(e1);
        t2.copyFrom(e2);
        t3.copyFrom(e3);
        out[0] = step(t1, t2, t3, x);
    }
}
