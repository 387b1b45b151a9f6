package dev.sxn.math.stochastic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API path kernels: paths in vector lanes. A tile's numbers come from {@link VectorRandomKernels}
 * (bit-identical to JAVA's), and each group of L paths is advanced through the tile's steps with its state in
 * vectors. {@link PathExp} and {@link FdLog} are repeated lane-wise in the same operation order (the exponential's
 * integer {@code k} read from the bits of {@code x / ln2 + 1.5 2^52}, its scaling by two built powers of two; the
 * logarithm's exponent turned into a double by the exponent-bits trick), and Heston's QE branches are both
 * computed and blended, so every value equals the JAVA kernel's bit for bit. Paths of a tile beyond the last whole
 * vector run the JAVA kernel's scalar steps on the same numbers.
 *
 * <p>No vector crosses a call that C2 might decline to inline: the exponential and the logarithm are called with
 * arrays ({@link #expInto}, {@link #logInPlace}), and the QE step is split into stages that hand their vectors
 * over through per-thread scratch. (A vector argument or result of a method left out of a large compilation is
 * boxed; {@code PathsAllocationTest} catches it.) Loaded only when VECTOR is available. Stateless apart from the
 * per-thread scratch.
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
            x.intoArray(sc.x, i);
            expInto(sc.x, i, out, o + r * ld);
        }
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
            if (avg) {
                x.intoArray(sc.x, i);
                expInto(sc.x, i, sc.qe, 0);
                sum = sum.add(DoubleVector.fromArray(DS, sc.qe, 0));
            }
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

    @Override
    public void hestonQe(RandomStream s, double[] c, double x0, double v0, long firstPath, int paths, int steps, boolean antithetic,
                         int what, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        boolean avg = (what & PathReduction.AVERAGE.bit()) != 0;
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            int nv = n / L * L;
            JavaPathKernels.startTile(x0, n, sc);
            for (int i = 0; i < n; i++) sc.v[i] = v0;
            for (int t0 = 0; t0 < steps; t0 += PathScratch.STEPS) {
                int m = Math.min(PathScratch.STEPS, steps - t0);
                // The slots' open uniforms and their AS241 normals: the variance takes U (and Z_v, its normal),
                // the price the normal of the odd row.
                PathTile.fill(SOURCE, s, RngConstants.MODE_OPEN, antithetic, firstPath + i0, n, 2L * t0, 2 * m, sc, sc.z);
                PathTile.fill(SOURCE, s, RngConstants.MODE_NORMAL, antithetic, firstPath + i0, n, 2L * t0, 2 * m, sc, sc.z2);
                for (int r = 0; r < m; r++) {
                    int ur = 2 * r * w, zr = ur + w;
                    int o = off + (t0 + r) * ld + i0;
                    for (int i = 0; i < nv; i += L) hestonStep(c, sc, i, ur, zr, what, avg, out, o);
                    for (int i = nv; i < n; i++) {
                        double xi = HestonQeKernel.step(c, sc.x[i], sc.v, i, sc.z[ur + i], sc.z2[zr + i]);
                        sc.x[i] = xi;
                        if (what == WHAT_PATHS) {
                            out[o + i] = PathExp.exp(xi);
                        } else {
                            sc.max[i] = Math.max(sc.max[i], xi);
                            sc.min[i] = Math.min(sc.min[i], xi);
                            if (avg) sc.sum[i] += PathExp.exp(xi);
                        }
                    }
                }
            }
            if (what != WHAT_PATHS) JavaPathKernels.writeReductions(what, steps, i0, n, sc, out, off, ld);
        }
    }

    // Heston scratch slots (each L wide) in PathScratch.qe: the stages below hand their vectors over through them.
    private static final int H_LOG = 0, H_VQ = 1, H_B2 = 2, H_A = 3, H_TWO_AA = 4, H_P = 5, H_BETA = 6, H_QUAD = 7, H_LOG2 = 8, H_VN = 9, H_EXP = 10, H_TMP = 11;

    /**
     * One QE step of the L paths from lane i of the tile ({@link HestonQeKernel#step}, lane-wise in its operation
     * order, both branches computed and blended), in stages that hand their vectors over through scratch: each
     * stage is a small compilation unit, so C2 inlines every vector operation and boxes nothing even when a
     * single large method would exceed its inlining budget (the allocation test caught that shape).
     */
    private static void hestonStep(double[] c, PathScratch sc, int i, int ur, int zr, int what, boolean avg, double[] out, int o) {
        double[] h = sc.qe;
        qePrepare(c, sc.v, i, sc.z, sc.z2, ur + i, h);
        logInPlace(h, H_LOG * L);
        boolean correct = c[HestonQeKernel.CORRECT] != 0;
        qeVariance(c, sc.z, ur + i, h, correct);
        if (correct) logInPlace(h, H_LOG2 * L);
        qeAdvance(c, sc, i, sc.z2, zr + i, h, correct);
        qeOutput(sc, i, what, avg, out, o);
    }

    /** m, psi, both branches' parameters, and the one logarithm's argument: 1 - 2 A a (quadratic) or (1 - p)/(1 - U). */
    private static void qePrepare(double[] c, double[] vs, int i, double[] us, double[] zs, int at, double[] h) {
        double theta = c[HestonQeKernel.THETA], a0 = c[HestonQeKernel.A];
        DoubleVector v = DoubleVector.fromArray(DS, vs, i);
        DoubleVector u = DoubleVector.fromArray(DS, us, at);
        DoubleVector m = v.sub(theta).mul(c[HestonQeKernel.E]).add(theta);
        DoubleVector psi = v.mul(c[HestonQeKernel.C1]).add(c[HestonQeKernel.C2]).div(m.mul(m));
        VectorMask<Double> quad = psi.compare(VectorOperators.LE, HestonQeKernel.PSI_C);
        DoubleVector ip = DoubleVector.broadcast(DS, 2.0).div(psi);
        DoubleVector b2 = ip.sub(1.0).add(ip.sqrt().mul(ip.sub(1.0).sqrt()));
        DoubleVector a = m.div(b2.add(1.0));
        DoubleVector b = b2.sqrt().add(DoubleVector.fromArray(DS, zs, at));
        a.mul(b.mul(b)).intoArray(h, H_VQ * L);
        DoubleVector twoAa = a.mul(2.0 * a0);
        DoubleVector p = psi.sub(1.0).div(psi.add(1.0));
        DoubleVector oneMinusP = DoubleVector.broadcast(DS, 1.0).sub(p);
        oneMinusP.div(m).intoArray(h, H_BETA * L);
        DoubleVector.broadcast(DS, 1.0).sub(twoAa).blend(oneMinusP.div(DoubleVector.broadcast(DS, 1.0).sub(u)), quad.not()).intoArray(h, H_LOG * L);
        b2.intoArray(h, H_B2 * L);
        a.intoArray(h, H_A * L);
        twoAa.intoArray(h, H_TWO_AA * L);
        p.intoArray(h, H_P * L);
        DoubleVector.zero(DS).blend(1.0, quad).intoArray(h, H_QUAD * L);
    }

    /** The next variance (quadratic or exponential branch) and, with the correction, the exponential branch's log argument. */
    private static void qeVariance(double[] c, double[] us, int at, double[] h, boolean correct) {
        DoubleVector u = DoubleVector.fromArray(DS, us, at);
        DoubleVector p = DoubleVector.fromArray(DS, h, H_P * L), beta = DoubleVector.fromArray(DS, h, H_BETA * L);
        VectorMask<Double> quad = DoubleVector.fromArray(DS, h, H_QUAD * L).compare(VectorOperators.NE, 0.0);
        DoubleVector ve = DoubleVector.fromArray(DS, h, H_LOG * L).div(beta).blend(0.0, u.compare(VectorOperators.LE, p));
        ve.blend(DoubleVector.fromArray(DS, h, H_VQ * L), quad).intoArray(h, H_VN * L);
        if (correct) {
            p.add(beta.mul(DoubleVector.broadcast(DS, 1.0).sub(p)).div(beta.sub(c[HestonQeKernel.A]))).intoArray(h, H_LOG2 * L);
        }
    }

    /** K0 (plain or corrected), the log-price step and the state's store. */
    private static void qeAdvance(double[] c, PathScratch sc, int i, double[] zs, int at, double[] h, boolean correct) {
        double a0 = c[HestonQeKernel.A], k1 = c[HestonQeKernel.K1], k3 = c[HestonQeKernel.K3];
        DoubleVector v = DoubleVector.fromArray(DS, sc.v, i);
        DoubleVector vn = DoubleVector.fromArray(DS, h, H_VN * L);
        DoubleVector k0 = DoubleVector.broadcast(DS, c[HestonQeKernel.K0]);
        if (correct) {
            double k13 = k1 + 0.5 * k3;
            VectorMask<Double> quad = DoubleVector.fromArray(DS, h, H_QUAD * L).compare(VectorOperators.NE, 0.0);
            DoubleVector twoAa = DoubleVector.fromArray(DS, h, H_TWO_AA * L);
            DoubleVector k0q = DoubleVector.fromArray(DS, h, H_B2 * L).mul(-a0).mul(DoubleVector.fromArray(DS, h, H_A * L))
                    .div(DoubleVector.broadcast(DS, 1.0).sub(twoAa)).add(DoubleVector.fromArray(DS, h, H_LOG * L).mul(0.5)).sub(v.mul(k13));
            DoubleVector k0e = DoubleVector.fromArray(DS, h, H_LOG2 * L).neg().sub(v.mul(k13));
            k0 = k0.blend(k0q, quad.and(twoAa.compare(VectorOperators.LT, 1.0)));
            k0 = k0.blend(k0e, quad.not().and(DoubleVector.fromArray(DS, h, H_BETA * L).compare(VectorOperators.GT, a0)));
        }
        DoubleVector inc = k0.add(c[HestonQeKernel.MU_DT]).add(v.mul(k1)).add(vn.mul(c[HestonQeKernel.K2]))
                .add(v.mul(k3).add(vn.mul(c[HestonQeKernel.K4])).sqrt().mul(DoubleVector.fromArray(DS, zs, at)));
        DoubleVector x = DoubleVector.fromArray(DS, sc.x, i).add(inc);
        vn.intoArray(sc.v, i);
        x.intoArray(sc.x, i);
    }

    /** The output of a step: {@code exp(x)} stored, or the running max, min and sum updated (no vector crosses a call). */
    private static void qeOutput(PathScratch sc, int i, int what, boolean avg, double[] out, int o) {
        if (what == WHAT_PATHS) {
            expInto(sc.x, i, out, o + i);
            return;
        }
        DoubleVector x = DoubleVector.fromArray(DS, sc.x, i);
        DoubleVector.fromArray(DS, sc.max, i).max(x).intoArray(sc.max, i);
        DoubleVector.fromArray(DS, sc.min, i).min(x).intoArray(sc.min, i);
        if (avg) {
            expInto(sc.x, i, sc.qe, H_EXP * L);
            DoubleVector.fromArray(DS, sc.sum, i).add(DoubleVector.fromArray(DS, sc.qe, H_EXP * L)).intoArray(sc.sum, i);
        }
    }

    /** {@link #exp} of the L values at {@code src[si..]} into {@code dst[di..]}: array in, array out, so nothing is boxed if not inlined. */
    private static void expInto(double[] src, int si, double[] dst, int di) {
        exp(DoubleVector.fromArray(DS, src, si)).intoArray(dst, di);
    }

    /**
     * {@link FdLog#log} of the L values at {@code h[at..]}, in place: the VECTOR normals' two-stage logarithm
     * ({@link VectorRandomKernels#logReduce}, {@link VectorRandomKernels#logFinish}: array in, array out), with
     * {@code h[H_TMP L, (H_TMP + 3) L)} as its scratch. Lanes outside the domain give garbage, which callers blend away.
     */
    private static void logInPlace(double[] h, int at) {
        VectorRandomKernels.logReduce(h, at, H_TMP * L);
        VectorRandomKernels.logFinish(h, H_TMP * L, at);
    }

    /** {@link PathExp#exp}, lane-wise, in its operation order; called only through {@link #expInto}. */
    private static DoubleVector exp(DoubleVector v) {
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
