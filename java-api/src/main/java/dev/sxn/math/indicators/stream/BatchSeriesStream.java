package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.Checks;

/**
 * A batched stream over one value per asset per row (closes): see {@link BatchStream}. {@code update(x)} with
 * {@code x[a]} asset a's tick (NaN or +-Inf: missing for that asset only).
 */
public abstract class BatchSeriesStream extends BatchStream {

    /** See {@link BatchStream#BatchStream(int, int)}. */
    protected BatchSeriesStream(int assets, int lookback) {
        super(assets, lookback);
    }

    /** See {@link BatchStream#BatchStream(BatchStream)}. */
    protected BatchSeriesStream(BatchSeriesStream from) {
        super(from);
    }

    /**
     * Commits one row (x[a]: asset a's value); the values are then {@link #value(int)}. O(assets), allocates
     * nothing.
     *
     * @throws IllegalArgumentException if x's length is not assets() (the state is then unchanged)
     */
    public final void update(double[] x) {
        row(x, "x");
        // Into scratch, then copied: a kernel that fails part-way leaves the committed values as they were.
        double[] t = trialValues();
        commit(x, t);
        System.arraycopy(t, 0, committed(), 0, t.length);
        booked();
    }

    /**
     * Writes into {@code out} the values {@link #update(double[])} with {@code x} would give, committing nothing.
     *
     * @throws IllegalArgumentException if x's or out's length is not assets()
     */
    public final void peek(double[] x, double[] out) {
        row(x, "x");
        row(out, "out");
        double[] t = trialValues();
        trial(x, t);
        System.arraycopy(t, 0, out, 0, t.length);
    }

    /**
     * Commits every row of {@code history} (its assets must be assets()), oldest first: open-and-fill.
     *
     * @throws IllegalArgumentException if the batch's assets differ
     */
    public final BatchSeriesStream fill(SeriesBatch history) {
        Checks.notNull(history, "history");
        if (history.assets() != assets()) Checks.inRange(history.assets(), "history.assets()", assets(), assets(), "the stream's assets");
        double[] row = new double[assets()];
        double[] d = history.data();
        for (int i = 0; i < history.length(); i++) {
            System.arraycopy(d, i * assets(), row, 0, assets());
            update(row);
        }
        return this;
    }

    @Override
    public abstract BatchSeriesStream copy();

    /** Steps every asset's state with its value, writing the values into {@code out}. */
    protected abstract void commit(double[] x, double[] out);

    /** {@link #commit} leaving the state as it was. */
    protected abstract void trial(double[] x, double[] out);
}
