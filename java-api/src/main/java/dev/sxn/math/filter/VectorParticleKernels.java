package dev.sxn.math.filter;

import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API particle kernels: lanewise EXP (HotSpot's vector math library on x86, within an ulp or so
 * of {@link Math#exp}) and lane-parallel sums, added in a different order from the JAVA kernel, so the
 * results agree to a few ulps per term (the tests allow 1e-13 relative). Scalar tail. Loaded only when
 * VECTOR is available.
 */
final class VectorParticleKernels implements ParticleKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public double logSumExp(double[] logW, int n, double max) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) acc = acc.add(DoubleVector.fromArray(S, logW, i).sub(max).lanewise(VectorOperators.EXP));
        double sum = LaneSums.sum(acc);
        for (; i < n; i++) sum += Math.exp(logW[i] - max);
        return max + Math.log(sum);
    }

    @Override
    public double ess(double[] logW, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) acc = acc.add(DoubleVector.fromArray(S, logW, i).mul(2.0).lanewise(VectorOperators.EXP));
        double s = LaneSums.sum(acc);
        for (; i < n; i++) s += Math.exp(2 * logW[i]);
        return 1 / s;
    }
}
