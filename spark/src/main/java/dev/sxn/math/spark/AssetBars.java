package dev.sxn.math.spark;

import java.io.Serializable;

/**
 * The bars of one asset in time order, the universe job's input for it.
 *
 * @param asset the asset's name
 * @param time the bar times (strictly increasing, as the input's {@code time} column)
 * @param open opening prices
 * @param high highs
 * @param low lows
 * @param close closes
 * @param volume volumes
 */
public record AssetBars(String asset, long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume)
        implements Serializable {

    /** The number of bars. */
    public int bars() {
        return time.length;
    }
}
