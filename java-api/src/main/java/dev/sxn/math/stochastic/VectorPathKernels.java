package dev.sxn.math.stochastic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API path kernels: paths in vector lanes. A tile's normals come from {@link VectorRandomKernels}
 * (bit-identical to JAVA's), and each group of L paths is advanced through the tile's steps with its state
 * in vectors; {@link PathExp} is repeated lane-wise in the same operation order (the reduction's integer
 * {@code k} read from the bits of {@code x / ln2 + 1.5 2^52}, the scaling by two built powers of two), so
 * every value equals the JAVA kernel's bit for bit. Paths of a tile beyond the last whole vector run the
 * JAVA kernel's scalar steps on the same numbers. No vector crosses a non-inlined call or escapes into a
 * field; loaded only when VECTOR is available. Stateless apart from the per-thread scratch.
 */
final class VectorPathKernels implements PathKernels {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int L = DS.length();

    /** The VECTOR random fill with the tile's scratch. */
    static final PathTile.Source SOURCE = (s, mode, lane0, lanes, step0, steps, d, off, ld, sc) ->
            VectorRandomKernels.fillWith(s, mode, lane0, lanes, step0, steps, d, null, off, ld, sc.words, sc.fillScratch);

    @Override
    public void gbm(RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps, boolean antithetic,
                    int what, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            int nv = n / L * L;
            JavaPathKernels.startTile(x0, n, sc);
            for (int t0 = 0; t0 < steps; t0 += PathScratch.STEPS) {
                int m = Math.min(PathScratch.STEPS, steps - t0);
                PathTile.fill(SOURCE, s, RngConstants.MODE_NORMAL, antithetic, firstPath + i0, n, t0, m, sc);
                for (int i = 0; i < nv; i += L) {
                    if (what == WHAT_PATHS) gbmPaths(sc, i, m, drift, vol, out, off + t0 * ld + i0 + i, ld);
                    else gbmReduce(sc, i, m, drift, vol, (what & PathReduction.AVERAGE.bit()) != 0);
                }
                if (nv < n) gbmTail(sc, nv, n, m, drift, vol, what, out, off + t0 * ld + i0, ld);
            }
            if (what != WHAT_PATHS) JavaPathKernels.writeReductions(what, steps, i0, n, sc, out, off, ld);
        }
    }

    /** L paths from lane i of the tile through m steps, each value stored at {@code out[o + r * ld]}. */
    private static void gbmPaths(PathScratch sc, int i, int m, double drift, double vol, double[] out, int o, int ld) {
        double[] z = sc.z;
        DoubleVector x = DoubleVector.fromArray(DS, sc.x, i);
        for (int r = 0; r < m; r++) {
            x = x.add(DoubleVector.fromArray(DS, z, r * PathScratch.LANES + i).mul(vol).add(drift));
            exp(x).intoArray(out, o + r * ld);
        }
        x.intoArray(sc.x, i);
    }

    /** L paths from lane i of the tile through m steps, keeping the running max, min and (if avg) sum. */
    private static void gbmReduce(PathScratch sc, int i, int m, double drift, double vol, boolean avg) {
        double[] z = sc.z;
        DoubleVector x = DoubleVector.fromArray(DS, sc.x, i);
        DoubleVector mx = DoubleVector.fromArray(DS, sc.max, i), mn = DoubleVector.fromArray(DS, sc.min, i);
        DoubleVector sum = DoubleVector.fromArray(DS, sc.sum, i);
        for (int r = 0; r < m; r++) {
            x = x.add(DoubleVector.fromArray(DS, z, r * PathScratch.LANES + i).mul(vol).add(drift));
            mx = mx.max(x);
            mn = mn.min(x);
            if (avg) sum = sum.add(exp(x));
        }
        x.intoArray(sc.x, i);
        mx.intoArray(sc.max, i);
        mn.intoArray(sc.min, i);
        sum.intoArray(sc.sum, i);
    }

    /** The tile's paths [from, n) through m steps, as the JAVA kernel steps them. */
    private static void gbmTail(PathScratch sc, int from, int n, int m, double drift, double vol, int what, double[] out, int o, int ld) {
        double[] z = sc.z, x = sc.x;
        boolean avg = (what & PathReduction.AVERAGE.bit()) != 0;
        for (int r = 0; r < m; r++) {
            for (int i = from; i < n; i++) {
                double xi = x[i] + (drift + vol * z[r * PathScratch.LANES + i]);
                x[i] = xi;
                if (what == WHAT_PATHS) {
                    out[o + r * ld + i] = PathExp.exp(xi);
                } else {
                    sc.max[i] = Math.max(sc.max[i], xi);
                    sc.min[i] = Math.min(sc.min[i], xi);
                    if (avg) sc.sum[i] += PathExp.exp(xi);
                }
            }
        }
    }

    /** {@link PathExp#exp}, lane-wise, in its operation order. Small, so C2 inlines it into the loops above. */
    static DoubleVector exp(DoubleVector v) {
        DoubleVector x = v.max(PathExp.LO).min(PathExp.HI);
        DoubleVector kdm = x.mul(PathExp.INV_LN2).add(PathExp.MAGIC);
        DoubleVector kd = kdm.sub(PathExp.MAGIC);
        LongVector k = kdm.reinterpretAsLongs().sub(PathExp.MAGIC_BITS);
        DoubleVector hi = x.sub(kd.mul(PathExp.LN2_HI));
        DoubleVector lo = kd.mul(PathExp.LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector t = r.mul(r);
        DoubleVector c = r.sub(t.mul(t.mul(PathExp.P5).add(PathExp.P4).mul(t).add(PathExp.P3).mul(t).add(PathExp.P2).mul(t).add(PathExp.P1)));
        DoubleVector y = DoubleVector.broadcast(DS, 1.0).sub(lo.sub(r.mul(c).div(c.neg().add(2.0))).sub(hi));
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector s2 = k.sub(k1).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return y.mul(s1).mul(s2);
    }
}
