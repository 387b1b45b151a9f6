package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * The batched streams' kernel family ({@code indicators.stream.batch}, size: assets) and their double-buffered
 * state: a row's kernel reads {@link #cur} and writes {@link #next} (then the two swap: a commit) or
 * {@link #trial} (a peek), so the state changes only when a kernel call succeeded and a re-run on JAVA after a
 * failure starts from the same state.
 */
final class StreamRows {
    static final KernelSet<StreamRowKernels> SET =
            KernelSet.of(KernelFamilies.INDICATOR_STREAMS, StreamRowKernels.class, new JavaStreamRowKernels());

    double[] cur, next;
    final double[] trial;

    /** The state of {@code fields} fields per asset for k assets, each field's initial value in {@code init}. */
    StreamRows(int k, double... init) {
        cur = new double[init.length * k];
        for (int f = 0; f < init.length; f++) java.util.Arrays.fill(cur, f * k, (f + 1) * k, init[f]);
        next = new double[cur.length];
        trial = new double[cur.length];
    }

    StreamRows(StreamRows o) {
        cur = o.cur.clone();
        next = new double[cur.length];
        trial = new double[cur.length];
    }

    /** Makes the state the kernel wrote into {@link #next} current. */
    void swap() {
        double[] t = cur;
        cur = next;
        next = t;
    }

    /** Checks, at open, that a pinned kind has this family's kernel here (throws naming why not). */
    static Backend pin(Backend kind) {
        if (kind != null) SET.kernel(kind);
        return kind;
    }
}
