package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import java.util.function.Consumer;

/**
 * The batched streams of the recurrences, k assets per row: {@link Indicators#ema(double[], int)} (or Wilder's
 * smoothing; {@link StreamRowKernels#ema}, lookback n - 1) and {@link Indicators#rsi(double[], int)}
 * ({@link StreamRowKernels#rsi}, lookback n), through the family {@code indicators.stream.batch} (pinned, or
 * chosen per row). Asset a's values equal the single {@link EmaStream}'s or {@link RsiStream}'s on a's ticks bit
 * for bit. O(k) per row, no allocation.
 */
final class BatchRecurrenceStream extends BatchSeriesStream {
    private final int n;
    private final boolean rsi;
    private final double alpha;
    private final Backend pinned;
    private final StreamRows st;
    private final Consumer<StreamRowKernels> op = this::rowOn;
    private double[] rx, rout, rdst;
    private Backend last = Backend.JAVA;

    /** The EMA of alpha 2/(n+1), Wilder's (alpha 1/n) when {@code wilder}, or the RSI when {@code rsi}. */
    BatchRecurrenceStream(int assets, int n, boolean wilder, boolean rsi, Backend pinned) {
        super(assets, rsi ? n : n - 1);
        this.n = n;
        this.rsi = rsi;
        this.alpha = wilder ? 1.0 / n : 2.0 / (n + 1);
        this.pinned = StreamRows.pin(pinned);
        st = rsi ? new StreamRows(assets, 0, 0, 0, 0) : new StreamRows(assets, 0, 0, 0);
    }

    private BatchRecurrenceStream(BatchRecurrenceStream o) {
        super(o);
        n = o.n;
        rsi = o.rsi;
        alpha = o.alpha;
        pinned = o.pinned;
        st = new StreamRows(o.st);
        last = o.last;
    }

    @Override
    public BatchRecurrenceStream copy() {
        return new BatchRecurrenceStream(this);
    }

    @Override
    public Backend backend() {
        return pinned != null ? pinned : last;
    }

    private void rowOn(StreamRowKernels kr) {
        if (rsi) kr.rsi(rx, assets(), st.cur, rdst, n, rout);
        else kr.ema(rx, assets(), st.cur, rdst, n, alpha, rout);
    }

    private void row(double[] x, double[] out, double[] dst) {
        rx = x;
        rout = out;
        rdst = dst;
        last = StreamRows.SET.run(pinned, assets(), op);
        rx = rout = rdst = null;
    }

    @Override
    protected void commit(double[] x, double[] out) {
        row(x, out, st.next);
        st.swap();
    }

    @Override
    protected void trial(double[] x, double[] out) {
        row(x, out, st.trial);
    }
}
