package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import java.util.function.Consumer;

/**
 * The batched stream of {@link Indicators#sma(double[], int)} ({@code scale} 1/n) or the rolling sum (1), k assets
 * per row: {@link StreamRowKernels#sum} through the family {@code indicators.stream.batch} on a ring of the last
 * n + 1 rows stored twice (as {@link StreamWindow}, rows of k), so the leaving row is always {@code n k} before
 * the newest. Asset a's values equal the single {@link SumStream}'s bit for bit. Lookback n - 1; O(k) per row,
 * no allocation; O(n k) memory.
 */
final class BatchSumStream extends BatchSeriesStream {
    private final int n;
    private final double scale;
    private final Backend pinned;
    private final StreamRows st;
    private final double[] ring;
    private int pos;
    private final Consumer<StreamRowKernels> op = this::rowOn;
    private double[] rout, rdst;
    private int rp;
    private Backend last = Backend.JAVA;

    BatchSumStream(int assets, int n, double scale, Backend pinned) {
        super(assets, n - 1);
        this.n = n;
        this.scale = scale;
        this.pinned = StreamRows.pin(pinned);
        st = new StreamRows(assets, 0, 0, 0);
        ring = new double[2 * (n + 1) * assets];
    }

    private BatchSumStream(BatchSumStream o) {
        super(o);
        n = o.n;
        scale = o.scale;
        pinned = o.pinned;
        st = new StreamRows(o.st);
        ring = o.ring.clone();
        pos = o.pos;
        last = o.last;
    }

    @Override
    public BatchSumStream copy() {
        return new BatchSumStream(this);
    }

    @Override
    public Backend backend() {
        return pinned != null ? pinned : last;
    }

    private void rowOn(StreamRowKernels kr) {
        int k = assets();
        kr.sum(ring, rp, n * k, k, st.cur, rdst, n, scale, rout);
    }

    /** Puts the row into the ring's next slot (both copies; a peek may: the slot is n + 1 rows old) and runs it. */
    private void row(double[] x, double[] out, double[] dst) {
        int k = assets();
        System.arraycopy(x, 0, ring, pos * k, k);
        System.arraycopy(x, 0, ring, (pos + n + 1) * k, k);
        rp = (pos + n + 1) * k;
        rout = out;
        rdst = dst;
        last = StreamRows.SET.run(pinned, k, op);
        rout = rdst = null;
    }

    @Override
    protected void commit(double[] x, double[] out) {
        row(x, out, st.next);
        st.swap();
        pos = pos == n ? 0 : pos + 1;
    }

    @Override
    protected void trial(double[] x, double[] out) {
        row(x, out, st.trial);
    }
}
