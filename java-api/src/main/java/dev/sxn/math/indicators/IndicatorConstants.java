package dev.sxn.math.indicators;

/**
 * Constants the indicator kernels of every backend share, one value each. {@code native/src/indicators.h}
 * holds the same numbers for the C kernels (IndicatorConstantsTest reads the header and compares),
 * and the OpenCL program gets them as {@code -D} build options ({@link #OPENCL_OPTIONS}), so C, OpenCL
 * and Java cannot drift apart.
 */
final class IndicatorConstants {
    /**
     * Rolling variances re-compute their sliding sums by two passes at every {@code (i + 1) % RESUM == 0},
     * so the drift of the sums is bounded by RESUM steps; every backend re-sums at the same steps
     * (indicators.h: SXN_IND_RESUM).
     */
    static final int RESUM = 1024;

    /** Doubles of per-asset recurrence state the C kernels take as scratch (SXN_IND_SCRATCH). */
    static final int NATIVE_SCRATCH_PER_ASSET = 11;

    /**
     * The shortest window the single-series variance runs by fast blocks (VECTOR) or eight-lane blocks
     * (NATIVE on AVX-512); shorter windows take the per-output-bound path (SXN_IND_VAR_FAST_MIN_W).
     */
    static final int VAR_FAST_MIN_W = 16;

    /**
     * The longest window NATIVE's eight-lane single-series variance takes; longer windows keep its
     * carried blocks (SXN_IND_VAR_LANE_MAX_W).
     */
    static final int VAR_LANE_MAX_W = 96;

    /**
     * The single-series variance's guarantee on NATIVE and VECTOR: every variance within TAU
     * (relative, of the window's M2) plus two ulps of the exact one, or the two-pass value
     * (SXN_IND_VAR_TAU).
     */
    static final double VAR_TAU = 0x1p-40;

    /**
     * The build options of {@code kernels/indicators.cl}: the constants it shares, as {@code -D}. A
     * constant expression, so reading it loads nothing (JOCL is optional).
     */
    static final String OPENCL_OPTIONS = "-D SXN_IND_RESUM=" + RESUM;

    private IndicatorConstants() {}
}
