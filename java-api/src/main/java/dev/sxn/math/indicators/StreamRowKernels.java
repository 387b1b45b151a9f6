package dev.sxn.math.indicators;

/**
 * The kernels of the batched streams: one row (one tick of each of k assets) of a recurrence, the per-asset state
 * in struct-of-arrays form (field f of asset a at {@code st[f k + a]}, counts as doubles). Each call reads
 * {@code stIn} and writes {@code stOut} and {@code out} only, so it can be re-run (the failure policy of
 * {@code KernelSet}) and a peek is the same call into scratch. Every kind performs, per asset, the operations of
 * the single-series step ({@link EmaState}, {@link RsiState}, {@link RollingSumState}, the true range) in the
 * same order: results equal JAVA's bit for bit. Arguments are checked by the streams.
 */
interface StreamRowKernels {
    /** State fields of {@link #ema}: run, acc, e. */
    int EMA_FIELDS = 3;
    /** State fields of {@link #rsi}: run, prev, up, dn. */
    int RSI_FIELDS = 4;
    /** State fields of {@link #sum}: run, s, c. */
    int SUM_FIELDS = 3;
    /** State fields of {@link #atr}: previous close, run, acc, e. */
    int ATR_FIELDS = 4;

    /** One row of {@link EmaState#update} (seed values, alpha; beta = 1 - alpha). */
    void ema(double[] x, int k, double[] stIn, double[] stOut, int seed, double alpha, double[] out);

    /** One row of {@link RsiState#update} over n changes. */
    void rsi(double[] x, int k, double[] stIn, double[] stOut, int n, double[] out);

    /**
     * One row of {@link RollingSumState#update}: asset a's new value at {@code ring[p + a]}, the value leaving its
     * window at {@code ring[p + a - back]}.
     */
    void sum(double[] ring, int p, int back, int k, double[] stIn, double[] stOut, int w, double scale, double[] out);

    /** One row of the ATR: the true range with the previous close, then Wilder's {@link EmaState} step over n. */
    void atr(double[] high, double[] low, double[] close, int k, double[] stIn, double[] stOut, int n, double[] out);
}
