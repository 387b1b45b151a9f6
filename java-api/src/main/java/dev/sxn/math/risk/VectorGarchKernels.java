package dev.sxn.math.risk;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GARCH kernels with assets in the lanes of the preferred species: the time-major batch gives one contiguous
 * load per time step for a group of L assets, which run the recursion, its derivatives and the likelihood's sums
 * side by side and {@link GarchSums} adds the per-asset constants (GARCH is GJR with gamma 0; the start, "mci" or backcast, is blended arithmetically so that no vector
 * comes out of a branch). A group is computed when any of its assets is asked for; the assets past the last whole
 * group run the JAVA kernel. Logarithms are the Vector API's ({@code LOG}, {@code LOG1P}), whose
 * results may differ from {@link Math#log} in the last bit, and the per-step sums are the same sums in the same
 * order otherwise: values and gradients agree with JAVA to a relative 1e-12 (tested), not bit for bit. Not
 * invalid-value-lazy as JAVA is: a group runs to the end and an asset whose variance turned non-positive or
 * infinite (or whose shape is at most 2) gets {@code +Infinity}. Scratch per thread; allocates nothing warm.
 */
final class VectorGarchKernels implements GarchKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    // A group's sums before GarchSums finishes them, row-major with stride L.
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[GarchSums.ROWS * L]);

    @Override
    public void likelihood(int flags, int p, double[] x, int k, int n, double[] c, double[] th, byte[] active, double[] f,
            double[] grad) {
        double[] o = SCRATCH.get();
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) {
            boolean any = false;
            for (int j = 0; j < L; j++) any |= active[a0 + j] != 0;
            if (!any) continue;
            if ((flags & GarchLikelihood.STUDENT) != 0) studentGroup(flags, x, k, n, c, th, a0, o);
            else normalGroup(flags, x, k, n, c, th, a0, o);
            GarchSums.finish(flags, k, n, th, o, L, 0, a0, L, active, f, grad);
        }
        if (whole < k) {
            double[][] sc = JavaGarchKernels.scratch();
            for (int a = whole; a < k; a++) {
                if (active[a] != 0) f[a] = JavaGarchKernels.asset(flags, p, x, k, n, c, th, grad, a, sc);
            }
        }
    }

    private static void studentGroup(int flags, double[] x, int k, int n, double[] c, double[] th, int a0, double[] o) {
        final boolean gjr = (flags & GarchLikelihood.GJR) != 0;
        final double mciOn = (flags & GarchLikelihood.MCI) != 0 ? 1 : 0;
        final int iBeta = gjr ? 4 : 3;
        DoubleVector mu = DoubleVector.fromArray(S, th, a0), om = DoubleVector.fromArray(S, th, k + a0);
        DoubleVector al = DoubleVector.fromArray(S, th, 2 * k + a0);
        DoubleVector ga = gjr ? DoubleVector.fromArray(S, th, 3 * k + a0) : DoubleVector.zero(S);
        DoubleVector be = DoubleVector.fromArray(S, th, iBeta * k + a0), nu = DoubleVector.fromArray(S, th, (iBeta + 1) * k + a0);
        DoubleVector m1 = DoubleVector.fromArray(S, c, a0), m2s = DoubleVector.fromArray(S, c, k + a0);
        DoubleVector inv = DoubleVector.fromArray(S, c, 2 * k + a0), bc = DoubleVector.fromArray(S, c, 3 * k + a0);
        // Both starts, blended by a 0/1 scalar.
        DoubleVector m2 = m2s.sub(mu.mul(2).mul(m1)).add(mu.mul(mu));
        DoubleVector ab = al.add(be), kk = ga.mul(ga).add(1);
        DoubleVector wM = DoubleVector.broadcast(S, mciOn), wB = DoubleVector.broadcast(S, 1 - mciOn);
        DoubleVector ht = om.add(ab.mul(m2)).mul(wM).add(om.add(al.mul(kk).add(be).mul(bc)).mul(wB));
        DoubleVector d0 = ab.mul(-2).mul(m1.sub(mu)).mul(wM);
        DoubleVector d1 = DoubleVector.broadcast(S, 1);
        DoubleVector d2 = m2.mul(wM).add(kk.mul(bc).mul(wB));
        DoubleVector dg = al.mul(2).mul(ga).mul(bc).mul(wB);
        DoubleVector db = m2.mul(wM).add(bc.mul(wB));
        DoubleVector nu2 = nu.sub(2), nuHalf1 = nu.add(1).mul(0.5), nu1 = nu.add(1);
        DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1), inf = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
        DoubleVector sum = zero, sumShape = zero, bad = zero, g0 = zero, g1 = zero, g2 = zero, gg = zero, gb = zero;
        for (int t = 0; t < n; t++) {
            DoubleVector z = DoubleVector.fromArray(S, x, t * k + a0).mul(inv).sub(mu);
            VectorMask<Double> invalid = ht.compare(VectorOperators.GT, 0).not().or(ht.compare(VectorOperators.EQ, inf));
            bad = bad.add(one, invalid);
            DoubleVector hn = ht.mul(nu2);
            DoubleVector q = z.mul(z).div(hn);
            DoubleVector l1q = q.lanewise(VectorOperators.LOG1P);
            sum = sum.add(ht.lanewise(VectorOperators.LOG).mul(0.5).add(nuHalf1.mul(l1q)));
            DoubleVector q1 = q.add(1);
            DoubleVector r = q.div(q1);
            DoubleVector dlh = nuHalf1.mul(r).neg().add(0.5).div(ht);
            DoubleVector dlz = nu1.mul(z).div(q1.mul(ht).mul(nu2));
            sumShape = sumShape.add(l1q.mul(0.5).sub(nuHalf1.mul(r).div(nu2)));
            g0 = g0.add(dlh.mul(d0)).sub(dlz);
            g1 = g1.add(dlh.mul(d1));
            g2 = g2.add(dlh.mul(d2));
            gg = gg.add(dlh.mul(dg));
            gb = gb.add(dlh.mul(db));
            // The recursion's step to t + 1 (also after the last return, unused): no branch, so no vector leaves one.
            DoubleVector e = z.abs().sub(ga.mul(z));
            DoubleVector hPrev = ht;
            DoubleVector ee = e.mul(e);
            ht = om.add(al.mul(e).mul(e)).add(be.mul(hPrev));
            DoubleVector sgn = zero.blend(one, z.compare(VectorOperators.GT, 0)).blend(-1.0, z.compare(VectorOperators.LT, 0));
            DoubleVector ale2 = al.neg().mul(2).mul(e);
            d0 = ale2.mul(sgn.sub(ga)).add(be.mul(d0));
            d1 = one.add(be.mul(d1));
            d2 = ee.add(be.mul(d2));
            dg = ale2.mul(z).add(be.mul(dg));
            db = hPrev.add(be.mul(db));
        }
        sum.intoArray(o, 0);
        sumShape.intoArray(o, L);
        bad.intoArray(o, 2 * L);
        g0.intoArray(o, 3 * L);
        g1.intoArray(o, 4 * L);
        g2.intoArray(o, 5 * L);
        gg.intoArray(o, 6 * L);
        gb.intoArray(o, 7 * L);
    }

    private static void normalGroup(int flags, double[] x, int k, int n, double[] c, double[] th, int a0, double[] o) {
        final boolean gjr = (flags & GarchLikelihood.GJR) != 0;
        final double mciOn = (flags & GarchLikelihood.MCI) != 0 ? 1 : 0;
        final int iBeta = gjr ? 4 : 3;
        DoubleVector mu = DoubleVector.fromArray(S, th, a0), om = DoubleVector.fromArray(S, th, k + a0);
        DoubleVector al = DoubleVector.fromArray(S, th, 2 * k + a0);
        DoubleVector ga = gjr ? DoubleVector.fromArray(S, th, 3 * k + a0) : DoubleVector.zero(S);
        DoubleVector be = DoubleVector.fromArray(S, th, iBeta * k + a0);
        DoubleVector m1 = DoubleVector.fromArray(S, c, a0), m2s = DoubleVector.fromArray(S, c, k + a0);
        DoubleVector inv = DoubleVector.fromArray(S, c, 2 * k + a0), bc = DoubleVector.fromArray(S, c, 3 * k + a0);
        DoubleVector m2 = m2s.sub(mu.mul(2).mul(m1)).add(mu.mul(mu));
        DoubleVector ab = al.add(be), kk = ga.mul(ga).add(1);
        DoubleVector wM = DoubleVector.broadcast(S, mciOn), wB = DoubleVector.broadcast(S, 1 - mciOn);
        DoubleVector ht = om.add(ab.mul(m2)).mul(wM).add(om.add(al.mul(kk).add(be).mul(bc)).mul(wB));
        DoubleVector d0 = ab.mul(-2).mul(m1.sub(mu)).mul(wM);
        DoubleVector d1 = DoubleVector.broadcast(S, 1);
        DoubleVector d2 = m2.mul(wM).add(kk.mul(bc).mul(wB));
        DoubleVector dg = al.mul(2).mul(ga).mul(bc).mul(wB);
        DoubleVector db = m2.mul(wM).add(bc.mul(wB));
        DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1), inf = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
        DoubleVector sum = zero, bad = zero, g0 = zero, g1 = zero, g2 = zero, gg = zero, gb = zero;
        for (int t = 0; t < n; t++) {
            DoubleVector z = DoubleVector.fromArray(S, x, t * k + a0).mul(inv).sub(mu);
            VectorMask<Double> invalid = ht.compare(VectorOperators.GT, 0).not().or(ht.compare(VectorOperators.EQ, inf));
            bad = bad.add(one, invalid);
            DoubleVector zh = z.mul(z).div(ht);
            sum = sum.add(ht.lanewise(VectorOperators.LOG).add(zh).mul(0.5));
            DoubleVector dlh = one.sub(zh).mul(0.5).div(ht);
            DoubleVector dlz = z.div(ht);
            g0 = g0.add(dlh.mul(d0)).sub(dlz);
            g1 = g1.add(dlh.mul(d1));
            g2 = g2.add(dlh.mul(d2));
            gg = gg.add(dlh.mul(dg));
            gb = gb.add(dlh.mul(db));
            // The recursion's step to t + 1 (also after the last return, unused): no branch, so no vector leaves one.
            DoubleVector e = z.abs().sub(ga.mul(z));
            DoubleVector hPrev = ht;
            DoubleVector ee = e.mul(e);
            ht = om.add(al.mul(e).mul(e)).add(be.mul(hPrev));
            DoubleVector sgn = zero.blend(one, z.compare(VectorOperators.GT, 0)).blend(-1.0, z.compare(VectorOperators.LT, 0));
            DoubleVector ale2 = al.neg().mul(2).mul(e);
            d0 = ale2.mul(sgn.sub(ga)).add(be.mul(d0));
            d1 = one.add(be.mul(d1));
            d2 = ee.add(be.mul(d2));
            dg = ale2.mul(z).add(be.mul(dg));
            db = hPrev.add(be.mul(db));
        }
        sum.intoArray(o, 0);
        zero.intoArray(o, L);
        bad.intoArray(o, 2 * L);
        g0.intoArray(o, 3 * L);
        g1.intoArray(o, 4 * L);
        g2.intoArray(o, 5 * L);
        gg.intoArray(o, 6 * L);
        gb.intoArray(o, 7 * L);
    }
}
