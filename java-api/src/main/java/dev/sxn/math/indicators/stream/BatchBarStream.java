package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.Checks;

/**
 * A batched stream over one bar's high, low and close per asset per row (ATR): see {@link BatchStream}.
 */
public abstract class BatchBarStream extends BatchStream {

    /** See {@link BatchStream#BatchStream(int, int)}. */
    protected BatchBarStream(int assets, int lookback) {
        super(assets, lookback);
    }

    /** See {@link BatchStream#BatchStream(BatchStream)}. */
    protected BatchBarStream(BatchBarStream from) {
        super(from);
    }

    /**
     * Commits one row of bars (asset a: high[a], low[a], close[a]). O(assets), allocates nothing.
     *
     * @throws IllegalArgumentException if a length is not assets(), or where the array function rejects a bar
     *     (a high below its low); the state is then unchanged
     */
    public final void update(double[] high, double[] low, double[] close) {
        checkRow(high, low, close);
        // Into scratch, then copied: a kernel that fails part-way leaves the committed values as they were.
        double[] t = trialValues();
        commit(high, low, close, t);
        System.arraycopy(t, 0, committed(), 0, t.length);
        booked();
    }

    /** The values {@link #update} with these bars would give, into {@code out}, committing nothing. */
    public final void peek(double[] high, double[] low, double[] close, double[] out) {
        checkRow(high, low, close);
        row(out, "out");
        double[] t = trialValues();
        trial(high, low, close, t);
        System.arraycopy(t, 0, out, 0, t.length);
    }

    /** Commits every row of the batches (one shape, assets() assets), oldest first: open-and-fill. */
    public final BatchBarStream fill(SeriesBatch high, SeriesBatch low, SeriesBatch close) {
        Checks.notNull(high, "high");
        Checks.notNull(low, "low");
        Checks.notNull(close, "close");
        int k = assets(), t = close.length();
        for (SeriesBatch b : new SeriesBatch[] {high, low, close}) {
            if (b.assets() != k || b.length() != t) throw Checks.invalid("the batches' shape", b.assets() + " x " + b.length(), "be " + k + " x " + t);
        }
        double[] h = new double[k], l = new double[k], c = new double[k];
        for (int i = 0; i < t; i++) {
            System.arraycopy(high.data(), i * k, h, 0, k);
            System.arraycopy(low.data(), i * k, l, 0, k);
            System.arraycopy(close.data(), i * k, c, 0, k);
            update(h, l, c);
        }
        return this;
    }

    @Override
    public abstract BatchBarStream copy();

    private void checkRow(double[] high, double[] low, double[] close) {
        row(high, "high");
        row(low, "low");
        row(close, "close");
        check(high, low, close);
    }

    /** The indicator's own checks of a row (nothing by default). */
    protected void check(double[] high, double[] low, double[] close) {}

    /** Steps every asset's state with its bar, writing the values into {@code out}. */
    protected abstract void commit(double[] high, double[] low, double[] close, double[] out);

    /** {@link #commit} leaving the state as it was. */
    protected abstract void trial(double[] high, double[] low, double[] close, double[] out);
}
