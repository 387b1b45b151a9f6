package dev.sxn.math.indicators.stream;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * A streaming indicator over a universe of k assets, one tick of every asset per update (the time-major row of a
 * {@code SeriesBatch}): the verbs of {@link IndicatorStream} per asset ({@code update}, {@code peek},
 * {@link #copy()}, {@link #value(int)}, {@link #isReady(int)}, {@link #lookback()}). Asset a's values equal, bit
 * for bit, those of the single-asset stream of the same indicator fed asset a's ticks, on every backend (JAVA:
 * the single stream's step per asset; VECTOR: the same arithmetic in lanes across assets; NATIVE: in C), so
 * also the array function's values. Subclasses give the input form: {@link BatchSeriesStream} (one value per
 * asset) and {@link BatchBarStream} (high, low, close per asset).
 *
 * <p>Not thread-safe: one stream per thread, or {@link #copy()} per thread.
 */
public abstract class BatchStream {
    private final int assets;
    private final int lookback;
    private final double[] now;
    private final double[] trial;
    private long count;

    /**
     * A stream over {@code assets} assets whose first values come after {@code lookback} complete inputs.
     *
     * @throws IllegalArgumentException if assets is below 1 or lookback negative
     */
    protected BatchStream(int assets, int lookback) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(lookback, "lookback", 0);
        this.assets = assets;
        this.lookback = lookback;
        now = new double[assets];
        trial = new double[assets];
        java.util.Arrays.fill(now, Double.NaN);
    }

    /** A copy of {@code from}'s bookkeeping, for the subclasses' copy constructors. */
    protected BatchStream(BatchStream from) {
        assets = from.assets;
        lookback = from.lookback;
        now = from.now.clone();
        trial = from.trial.clone();
        count = from.count;
    }

    /** The number of assets k. */
    public final int assets() {
        return assets;
    }

    /** The warm-up length of each asset (see {@link IndicatorStream#lookback()}). */
    public final int lookback() {
        return lookback;
    }

    /** The number of rows committed. */
    public final long count() {
        return count;
    }

    /** The backend the stream's rows run on. */
    public abstract Backend backend();

    /**
     * Asset {@code a}'s value after the last committed row (NaN in its warm-up or where undefined).
     *
     * @throws IllegalArgumentException if a is outside [0, assets())
     */
    public final double value(int a) {
        if (a < 0 || a >= assets) Checks.inRange(a, "a", 0, assets - 1, "the assets");
        return now[a];
    }

    /** Whether asset a's value is defined (not NaN): past its warm-up and not poisoned by a missing value. */
    public final boolean isReady(int a) {
        return !Double.isNaN(value(a));
    }

    /**
     * Copies every asset's value into {@code out} (length assets()).
     *
     * @throws IllegalArgumentException if out's length is not assets()
     */
    public final void valuesInto(double[] out) {
        if (out == null || out.length != assets) Checks.length(out, "out", assets, "the assets");
        System.arraycopy(now, 0, out, 0, assets);
    }

    /** An independent stream in this one's state and on its backend. O(state). */
    public abstract BatchStream copy();

    /** The committed values, for the subclasses' update verbs. */
    final double[] committed() {
        return now;
    }

    /** The values a peek writes before they are copied out. */
    final double[] trialValues() {
        return trial;
    }

    /** Books one committed row. */
    final void booked() {
        count++;
    }

    /** Checks that a row has one value per asset. */
    final void row(double[] x, String name) {
        if (x == null || x.length != assets) Checks.length(x, name, assets, "the assets");
    }
}
