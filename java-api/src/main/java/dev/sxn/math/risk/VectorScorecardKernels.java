package dev.sxn.math.risk;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scorecard kernel with assets in the lanes of the preferred species: a group of L assets runs the whole series,
 * one contiguous load per step, its sums in registers (the JAVA kernel's operations lane by lane: the conditional
 * updates are selects of the same values, so the bits are JAVA's); the assets past the last whole group run the JAVA
 * kernel. Memory-bound at large k: each return is read once. Allocates nothing.
 */
final class VectorScorecardKernels implements ScorecardKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void sums(double[] x, int k, int n, double mar, double[] out) {
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) group(x, k, n, mar, out, a0);
        if (whole < k) JavaScorecardKernels.range(x, k, n, mar, out, whole, k);
    }

    private static void group(double[] x, int k, int n, double mar, double[] out, int a0) {
        DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1);
        DoubleVector shift = DoubleVector.fromArray(S, x, a0);
        DoubleVector s1 = zero, s2 = zero, ex = zero, dn = zero, g = one, pk = one, mdd = zero;
        for (int t = 0; t < n; t++) {
            DoubleVector r = DoubleVector.fromArray(S, x, t * k + a0);
            DoubleVector d = r.sub(shift);
            s1 = s1.add(d);
            s2 = s2.add(d.mul(d));
            DoubleVector e = r.sub(mar);
            ex = ex.add(e);
            dn = dn.add(e.mul(e), e.compare(VectorOperators.LT, 0));
            g = g.mul(r.add(1));
            pk = pk.blend(g, g.compare(VectorOperators.GT, pk));
            DoubleVector dd = one.sub(g.div(pk));
            mdd = mdd.blend(dd, dd.compare(VectorOperators.GT, mdd));
        }
        s1.intoArray(out, S1 * k + a0);
        s2.intoArray(out, S2 * k + a0);
        ex.intoArray(out, EXCESS * k + a0);
        dn.intoArray(out, DOWN * k + a0);
        g.intoArray(out, GROWTH * k + a0);
        pk.intoArray(out, PEAK * k + a0);
        mdd.intoArray(out, MDD * k + a0);
    }
}
