package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.stream.BatchBarStream;
import dev.sxn.math.internal.Checks;
import java.util.function.Consumer;

/**
 * The batched stream of {@link CompositeIndicators#atr(double[], double[], double[], int)}, k assets per row:
 * {@link StreamRowKernels#atr} through the family {@code indicators.stream.batch}. Asset a's values equal the
 * single {@link AtrStream}'s bit for bit. Lookback n; O(k) per row, no allocation.
 */
final class BatchAtrStream extends BatchBarStream {
    private final int n;
    private final Backend pinned;
    private final StreamRows st;
    private final Consumer<StreamRowKernels> op = this::rowOn;
    private double[] rh, rl, rc, rout, rdst;
    private Backend last = Backend.JAVA;

    BatchAtrStream(int assets, int n, Backend pinned) {
        super(assets, n);
        this.n = n;
        this.pinned = StreamRows.pin(pinned);
        st = new StreamRows(assets, Double.NaN, 0, 0, 0);
    }

    private BatchAtrStream(BatchAtrStream o) {
        super(o);
        n = o.n;
        pinned = o.pinned;
        st = new StreamRows(o.st);
        last = o.last;
    }

    @Override
    public BatchAtrStream copy() {
        return new BatchAtrStream(this);
    }

    @Override
    public Backend backend() {
        return pinned != null ? pinned : last;
    }

    @Override
    protected void check(double[] high, double[] low, double[] close) {
        for (int a = 0; a < high.length; a++) {
            if (high[a] < low[a]) throw Checks.invalid("high[" + a + "]", high[a], "be >= low[" + a + "] = " + low[a]);
        }
    }

    private void rowOn(StreamRowKernels kr) {
        kr.atr(rh, rl, rc, assets(), st.cur, rdst, n, rout);
    }

    private void row(double[] h, double[] l, double[] c, double[] out, double[] dst) {
        rh = h;
        rl = l;
        rc = c;
        rout = out;
        rdst = dst;
        last = StreamRows.SET.run(pinned, assets(), op);
        rh = rl = rc = rout = rdst = null;
    }

    @Override
    protected void commit(double[] high, double[] low, double[] close, double[] out) {
        row(high, low, close, out, st.next);
        st.swap();
    }

    @Override
    protected void trial(double[] high, double[] low, double[] close, double[] out) {
        row(high, low, close, out, st.trial);
    }
}
