package dev.sxn.math.indicators;

/**
 * Vector API kernels: the {@link IndicatorKernels} of VECTOR, one class per indicator behind this
 * one ({@link VectorRollingSums}, {@link VectorBatchVariance}, {@link VectorSeriesVariance} with
 * {@link VectorVarianceRuns}, {@link VectorEma}, {@link VectorRsi}; shared species and shuffles in
 * {@link VectorLanes}). Batches vectorise <b>across assets</b>: one lane per asset, time outer and
 * assets inner, so each step streams one contiguous row of the time-major batch; the per-asset
 * recurrence state lives in a small per-call array (a few doubles per asset, cache-resident); the
 * arithmetic is the JAVA kernel's, operation for operation (masked lanes add exact zeros), so
 * batched results equal JAVA bit for bit; assets beyond the last full vector run the JAVA code. A
 * single series vectorises <b>along time</b>: the rolling sum by an in-register prefix scan of the
 * window differences (re-summed exactly every {@link IndicatorConstants#RESUM} outputs, error at most
 * {@code (RESUM + w) u sum|x|} over the window), the EMA in blocks of L steps by the closed form
 * {@code v[j] = beta^(j+1) v[-1] + sum_i alpha beta^(j-i) x[i]} (a few ulps from the sequential
 * recurrence, which is contractive, so differences do not grow), the rolling variance by prefix
 * scans of shifted sums with one error bound per block of outputs (relative error at most
 * {@link VectorSeriesVariance#TAU} = 2^-40 of M2 plus two ulps; windows where the bound is not met
 * are recomputed by two passes). The RSI of a single series runs the JAVA code.
 *
 * <p>Loaded only when VECTOR is available (reflectively, by {@link Indicators}); every class that
 * touches {@code jdk.incubator.vector} is reached only from here, never from the JAVA path.
 */
final class VectorIndicatorKernels implements IndicatorKernels {

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        if (k == 1) VectorRollingSums.alongTime(x, t, w, scale, out);
        else VectorRollingSums.acrossAssets(x, k, t, w, scale, out);
    }

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        if (k == 1) VectorSeriesVariance.alongTime(x, t, w, ddof, sqrt, out);
        else VectorBatchVariance.acrossAssets(x, k, t, w, ddof, sqrt, out);
    }

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        if (k == 1) VectorEma.alongTime(x, t, seed, alpha, out);
        else VectorEma.acrossAssets(x, k, t, seed, alpha, out);
    }

    @Override
    public void rsi(double[] x, int k, int t, int n, double[] out) {
        VectorRsi.acrossAssets(x, k, t, n, out);
    }
}
