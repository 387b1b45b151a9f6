package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;

/**
 * The stream of {@link CompositeIndicators#macd(double[], int, int, int)}: lines 0 macd, 1 signal, 2 histogram.
 * Three {@link EmaState} steps and the array's differences, in its order: {@code m = fast - slow},
 * {@code s = EMA(m)}, {@code h = m - s}. Lookback slow - 1 + signal - 1; O(1) per update.
 */
final class MacdStream extends SeriesStream {
    private final int fast, slow, signal;
    private final double af, bf, as, bs, ag, bg;
    private final EmaState f = new EmaState(), s = new EmaState(), g = new EmaState();
    private final EmaState tf = new EmaState(), ts = new EmaState(), tg = new EmaState();

    MacdStream(int fast, int slow, int signal) {
        super(slow - 1 + signal - 1, 3);
        this.fast = fast;
        this.slow = slow;
        this.signal = signal;
        af = 2.0 / (fast + 1);
        bf = 1 - af;
        as = 2.0 / (slow + 1);
        bs = 1 - as;
        ag = 2.0 / (signal + 1);
        bg = 1 - ag;
    }

    private MacdStream(MacdStream o) {
        super(o);
        fast = o.fast;
        slow = o.slow;
        signal = o.signal;
        af = o.af;
        bf = o.bf;
        as = o.as;
        bs = o.bs;
        ag = o.ag;
        bg = o.bg;
        f.copyFrom(o.f);
        s.copyFrom(o.s);
        g.copyFrom(o.g);
    }

    @Override
    public MacdStream copy() {
        return new MacdStream(this);
    }

    private void step(EmaState sf, EmaState ss, EmaState sg, double x, double[] out) {
        double m = sf.update(x, fast, af, bf);
        m -= ss.update(x, slow, as, bs);
        double sig = sg.update(m, signal, ag, bg);
        out[0] = m;
        out[1] = sig;
        out[2] = m - sig;
    }

    @Override
    protected boolean commit(double x, double[] out) {
        step(f, s, g, x, out);
        f.run = StreamWindow.capped(f.run, fast + 1);
        s.run = StreamWindow.capped(s.run, slow + 1);
        g.run = StreamWindow.capped(g.run, signal + 1);
        return finite(x);
    }

    @Override
    protected void trial(double x, double[] out) {
        tf.copyFrom(f);
        ts.copyFrom(s);
        tg.copyFrom(g);
        step(tf, ts, tg, x, out);
    }
}
