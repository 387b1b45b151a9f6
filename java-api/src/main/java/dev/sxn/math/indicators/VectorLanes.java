package dev.sxn.math.indicators;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species, lane shuffles and masks the Vector API indicator kernels share: static finals, which
 * C2 folds into the kernels as constants. Reached only through {@link VectorIndicatorKernels}.
 */
final class VectorLanes {
    private VectorLanes() {}

    /** The preferred species and its lane count L. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** A value is finite when its magnitude is at most MAX (false for NaN). */
    static final double MAX = Double.MAX_VALUE;
    /** Every lane takes the last lane. */
    static final VectorShuffle<Double> LAST = VectorShuffle.fromOp(S, i -> L - 1);
    /** Lane i takes lane i - s (s = 1, 2, 4); the masks select the lanes i >= s, the others add zero. */
    static final VectorShuffle<Double> UP1 = VectorShuffle.fromOp(S, i -> Math.max(i - 1, 0));
    static final VectorShuffle<Double> UP2 = VectorShuffle.fromOp(S, i -> Math.max(i - 2, 0));
    static final VectorShuffle<Double> UP4 = VectorShuffle.fromOp(S, i -> Math.max(i - 4, 0));
    static final VectorMask<Double> UP1M = VectorMask.fromLong(S, -2L);
    static final VectorMask<Double> UP2M = VectorMask.fromLong(S, -4L);
    static final VectorMask<Double> UP4M = VectorMask.fromLong(S, -16L);

    /**
     * The scan species of the single-series rolling sum and variance: the preferred species, as every other
     * kernel of the library. It used to be 4 lanes on AVX-512, but a second species in the JVM cost the other
     * families' VECTOR kernels their inlining ("no static binding" for {@code DoubleVector::lanewise} in C2),
     * boxing their vectors (docs/DESIGN.md); the 8-lane scan is no slower (IndicatorsCpuTime, bench/results/history/BENCHMARKS.md).
     */
    static final VectorSpecies<Double> T = S;
    static final int LT = T.length();
    static final VectorSpecies<Long> TL = VectorSpecies.of(long.class, T.vectorShape());
    static final VectorShuffle<Double> T_LAST = VectorShuffle.fromOp(T, i -> LT - 1);
    static final VectorShuffle<Double> T_UP1 = VectorShuffle.fromOp(T, i -> Math.max(i - 1, 0));
    static final VectorShuffle<Double> T_UP2 = VectorShuffle.fromOp(T, i -> Math.max(i - 2, 0));
    static final VectorMask<Double> T_UP1M = VectorMask.fromLong(T, -2L);
    static final VectorMask<Double> T_UP2M = VectorMask.fromLong(T, -4L);
    static final VectorShuffle<Double> T_UP4 = VectorShuffle.fromOp(T, i -> Math.max(i - 4, 0));
    static final VectorMask<Double> T_UP4M = VectorMask.fromLong(T, -16L);

    /** In-register inclusive prefix sum of the lanes of a {@link #T} vector (LT <= 8). */
    static DoubleVector prefix(DoubleVector d) {
        if (LT > 1) d = d.add(d.rearrange(T_UP1, T_UP1M));
        if (LT > 2) d = d.add(d.rearrange(T_UP2, T_UP2M));
        if (LT > 4) d = d.add(d.rearrange(T_UP4, T_UP4M));
        return d;
    }
}
