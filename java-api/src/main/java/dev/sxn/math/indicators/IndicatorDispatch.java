package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.function.Consumer;

/**
 * The indicator kernels' dispatch: the four kernel families over {@link IndicatorKernels} and one unchecked call
 * per kernel. Callers have checked every argument; {@code pin} is the kind the call runs on, or {@code null}
 * for the choice per call (the {@link Backend} contract). Every call here rewrites its whole {@code out}, so
 * the failure policy of {@link KernelSet} may re-run it on JAVA.
 *
 * <p>Four families over one kernel interface, because the best kind depends on the shape: a single series, a
 * single series' rolling variance (where NATIVE has its lane blocks), batched recurrences and batched windows.
 * Their crossovers are in {@code crossovers.properties} ({@code indicators.*}), measured by IndicatorsBench and
 * the indicators sweep.
 */
final class IndicatorDispatch {
    private IndicatorDispatch() {}

    private static final IndicatorKernels JAVA = new JavaIndicatorKernels();
    private static final KernelSet<IndicatorKernels> SERIES = KernelSet.of(KernelFamilies.INDICATORS_SERIES, IndicatorKernels.class, JAVA);
    private static final KernelSet<IndicatorKernels> SERIES_VARIANCE =
            KernelSet.of(KernelFamilies.INDICATORS_SERIES_VARIANCE, IndicatorKernels.class, JAVA);
    private static final KernelSet<IndicatorKernels> BATCH = KernelSet.of(KernelFamilies.INDICATORS_BATCH, IndicatorKernels.class, JAVA);
    private static final KernelSet<IndicatorKernels> BATCH_WINDOWS =
            KernelSet.of(KernelFamilies.INDICATORS_BATCH_WINDOWS, IndicatorKernels.class, JAVA);

    /** {@link IndicatorKernels#rollingSum}: a window kernel. */
    static void rollingSum(Backend pin, double[] x, int k, int t, int n, double scale, double[] out) {
        (k == 1 ? SERIES : BATCH_WINDOWS).run(pin, (long) k * t, kr -> kr.rollingSum(x, k, t, n, scale, out));
    }

    /**
     * {@link IndicatorKernels#rollingVar}: a single series asks its own family, which takes a kernel only where
     * it has a fast path for this window; a pinned call gets the same kernel from either single-series family.
     */
    static void rollingVar(Backend pin, double[] x, int k, int t, int n, int ddof, boolean sqrt, double[] out) {
        Consumer<IndicatorKernels> op = kr -> kr.rollingVar(x, k, t, n, ddof, sqrt, out);
        if (k == 1) SERIES_VARIANCE.run(pin, t, kr -> kr.takesSeriesVariance(n), op);
        else BATCH_WINDOWS.run(pin, (long) k * t, op);
    }

    /** {@link IndicatorKernels#ema}: a recurrence. */
    static void ema(Backend pin, double[] x, int k, int t, int n, double alpha, double[] out) {
        (k == 1 ? SERIES : BATCH).run(pin, (long) k * t, kr -> kr.ema(x, k, t, n, alpha, out));
    }

    /** {@link IndicatorKernels#rsi}: a recurrence. */
    static void rsi(Backend pin, double[] x, int k, int t, int n, double[] out) {
        (k == 1 ? SERIES : BATCH).run(pin, (long) k * t, kr -> kr.rsi(x, k, t, n, out));
    }
}
