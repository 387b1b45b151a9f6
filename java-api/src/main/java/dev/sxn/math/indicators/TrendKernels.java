package dev.sxn.math.indicators;

/**
 * The kernels of family {@code indicators.ttr.trend} (size = assets x bars): ADX/DMI, TTR's volatility estimators and
 * the moving averages HMA, ZLEMA, ALMA, EVWMA and Wilder's sum over a time-major batch ({@code x[i k + a]}, k assets of
 * t bars), every output written in the same layout (NaN in the warm-up).
 *
 * <p>JAVA ({@link JavaTrendKernels}) is the {@link Segments} path of {@link TrendIndicators},
 * {@link VolatilityEstimators} and {@link MovingAverages}, unchanged: every finite run computed afresh (the NaN rule).
 * The other kinds assume the whole batch is finite (and, for the volatility estimators, positive): one run per asset
 * from bar 0. {@link TrendBatches} takes them only after one scan found that so. They repeat the JAVA kernels' IEEE
 * operations lane by lane in the same order (contraction off), so their bits are JAVA's wherever no logarithm is
 * involved; the volatility estimators take logarithms from the kind's own {@code log} (Vector API, libm, the device),
 * which may differ from {@link Math#log} in the last bit (tested with a stated tolerance). The one data-dependent
 * start, ADX's EMA of DX (TTR's EMA starts at the first non-NaN DX: a flat opening makes DX 0/0), is repeated per lane.
 *
 * <p>Every element of every output is written, so a failed call is re-run by JAVA exactly. Arguments are checked by
 * {@link TrendBatches}.
 */
interface TrendKernels {
    /** {@link #volatility} methods (TTR's {@code calc}); CLOSE_MEAN0 is close with {@code mean0 = TRUE}. */
    int CLOSE = 0, CLOSE_MEAN0 = 1, GARMAN_KLASS = 2, PARKINSON = 3, ROGERS_SATCHELL = 4, GK_YZ = 5, YANG_ZHANG = 6;

    /** ADX/DMI of window n into DI+, DI-, DX and ADX ({@link TrendIndicators#adx(double[], double[], double[], int)}). */
    void adx(double[] h, double[] l, double[] c, int k, int t, int n, double[] dip, double[] din, double[] dx, double[] adx);

    /**
     * A volatility estimator of window n ({@link VolatilityEstimators}); {@code nY} the periods per year. Inputs a
     * method does not read may be null (CLOSE and CLOSE_MEAN0 read only {@code c}).
     */
    void volatility(int method, double[] o, double[] h, double[] l, double[] c, int k, int t, int n, double nY, double[] out);

    /** Hull moving average of window n >= 2 ({@link MovingAverages#hma(double[], int)}). */
    void hma(double[] x, int k, int t, int n, double[] out);

    /** Zero-lag EMA of window n ({@link MovingAverages#zlema(double[], int)}). */
    void zlema(double[] x, int k, int t, int n, double[] out);

    /** ALMA of window n with the n normalised weights {@code w} (oldest first, {@link MovingAverages#almaWeights}). */
    void alma(double[] x, int k, int t, int n, double offset, double sigma, double[] w, double[] out);

    /** Elastic volume-weighted moving average of window n ({@link MovingAverages#evwma(double[], double[], int)}). */
    void evwma(double[] p, double[] v, int k, int t, int n, double[] out);

    /** Wilder's running sum of window n ({@link MovingAverages#wilderSum(double[], int)}). */
    void wilderSum(double[] x, int k, int t, int n, double[] out);
}
