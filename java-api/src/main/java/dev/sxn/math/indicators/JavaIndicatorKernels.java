package dev.sxn.math.indicators;

/**
 * The plain-Java kernels: the reference every other backend is tested against. Each kernel is one
 * state object per asset ({@link RollingSumState}, {@link RollingVarState}, {@link EmaState},
 * {@link RsiState}) stepped over the asset's values, so a result depends only on the asset's own
 * values, whatever the loop order. A single series is one forward scan; a batch streams its rows
 * (time outer, assets inner), stepping every asset's state once per row: walking one asset at a
 * time would stride by k through the time-major batch (a cache and TLB miss per step once k * 8
 * bytes exceeds a page). The per-asset loops, {@code ...Assets}, also serve the other backends for
 * the assets beyond their last full vector. The batches' states of sums, variances, EMAs and RSIs are kept per thread
 * ({@link BatchStates}) and reset per call, so a warm batched call allocates nothing per asset.
 */
final class JavaIndicatorKernels implements IndicatorKernels {

    /**
     * A rolling variance is also re-computed by two passes when the magnitudes summed into S2 since
     * the last two-pass exceed EB_FACTOR times S2: the rounding error of S2 is below u times those
     * magnitudes, so every variance keeps a relative error near 512 u (about 6e-14) plus that of
     * the two-pass, however calm a window is next to its recent past.
     */
    static final double EB_FACTOR = 512;

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        if (k == 1) {
            rollingSumAssets(x, k, t, w, scale, out, 0, k);
            return;
        }
        RollingSumState[] st = BatchStates.get().sums(k);
        int back = w * k;
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) out[p] = st[a].update(x, p, back, w, scale);
        }
    }

    /** The {@code rollingSum} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rollingSumAssets(double[] x, int k, int t, int w, double scale, double[] out, int a0, int a1) {
        int back = w * k;
        for (int a = a0; a < a1; a++) {
            RollingSumState st = new RollingSumState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(x, p, back, w, scale);
        }
    }

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        if (k == 1) {
            rollingVarAssets(x, k, t, w, ddof, sqrt, out, 0, k);
            return;
        }
        double div = w - ddof;
        RollingVarState[] st = BatchStates.get().vars(k);
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) out[p] = st[a].update(x, p, k, i, w, div, sqrt);
        }
    }

    /** The {@code rollingVar} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rollingVarAssets(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out, int a0, int a1) {
        double div = w - ddof;
        RollingVarState st = new RollingVarState(); // one per call, reset per asset: the tails have up to L - 1 assets
        for (int a = a0; a < a1; a++) {
            if (a > a0) st.reset();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(x, p, k, i, w, div, sqrt);
        }
    }

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        if (k == 1) {
            emaAssets(x, k, t, seed, alpha, out, 0, k);
            return;
        }
        double beta = 1 - alpha;
        EmaState[] st = BatchStates.get().emas(k);
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) out[p] = st[a].update(x[p], seed, alpha, beta);
        }
    }

    /** The {@code ema} kernel for assets [a0, a1) only (the other backends' tails). */
    static void emaAssets(double[] x, int k, int t, int seed, double alpha, double[] out, int a0, int a1) {
        double beta = 1 - alpha;
        for (int a = a0; a < a1; a++) {
            EmaState st = new EmaState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(x[p], seed, alpha, beta);
        }
    }

    @Override
    public void rsi(double[] x, int k, int t, int n, double[] out) {
        if (k == 1) {
            rsiAssets(x, k, t, n, out, 0, k);
            return;
        }
        double alpha = 1.0 / n, beta = 1 - alpha;
        RsiState[] st = BatchStates.get().rsis(k);
        for (int i = 0; i < t; i++) {
            for (int a = 0, p = i * k; a < k; a++, p++) out[p] = st[a].update(x[p], n, alpha, beta);
        }
    }

    /** The {@code rsi} kernel for assets [a0, a1) only (the other backends' tails). */
    static void rsiAssets(double[] x, int k, int t, int n, double[] out, int a0, int a1) {
        double alpha = 1.0 / n, beta = 1 - alpha;
        for (int a = a0; a < a1; a++) {
            RsiState st = new RsiState();
            for (int i = 0, p = a; i < t; i++, p += k) out[p] = st.update(x[p], n, alpha, beta);
        }
    }
}
