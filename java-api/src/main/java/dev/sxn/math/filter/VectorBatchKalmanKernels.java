package dev.sxn.math.filter;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API batched kernel: one filter per lane of the preferred species. The common shapes
 * (n = 1 or 2, m = 1: local level, local linear trend, constant velocity) are written out with the
 * state in registers and run blocked over time (blocks of {@link #BLOCK} filters through every tick);
 * other shapes run the same arithmetic through a small lane-major scratch block. A missing observation is not a branch: its lane gets a zero gain (the
 * update then adds exactly 0). Filters past the last full vector run the scalar reference code.
 * Loaded only when VECTOR is available. Stateless apart from per-call scratch, so thread-safe.
 */
final class VectorBatchKalmanKernels implements BatchKalmanKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Filters per time block (a multiple of every lane count): 512 filters of n = 2 are 20 KB of state. */
    static final int BLOCK = 512;

    @Override
    public void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out) {
        int full = filters - filters % L;
        if (plan.m == 1 && plan.n <= 2) {
            blocked(plan, state, filters, zs, zOff, null, 0, ticks, out, full);
        } else {
            runGeneric(plan, state, filters, zs, zOff, ticks, out, full);
        }
        if (full < filters) JavaBatchKalmanKernels.runRange(plan, state, filters, zs, zOff, ticks, out, full, filters);
    }

    @Override
    public void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out) {
        int full = filters - filters % L;
        blocked(plan, state, filters, zs, zOff, dts, dOff, ticks, out, full);
        if (full < filters) JavaBatchKalmanKernels.run2(plan.packed, state, filters, zs, zOff, dts, dOff, ticks, out, full, filters);
    }

    /**
     * The written-out shapes (n <= 2, m = 1; with {@code dts}, the constant-velocity step) over the whole
     * vectors [0, full), blocked over time: a block's state stays in L1 across the ticks, and within a
     * tick the block's vectors are independent, so their division chains overlap.
     */
    private static void blocked(BatchPlan plan, double[] st, int nf, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out,
            int full) {
        for (int b0 = 0; b0 < full; b0 += BLOCK) {
            int b1 = Math.min(full, b0 + BLOCK);
            for (int t = 0; t < ticks; t++) {
                if (plan.n == 1) {
                    tick11(plan.packed, st, nf, zs, zOff + t * nf, out, t * nf, b0, b1);
                } else if (dts == null) {
                    tick21(plan.packed, st, nf, zs, zOff + t * nf, out, t * nf, b0, b1);
                } else {
                    tickCv(plan.packed, st, nf, zs, zOff + t * nf, dts, dOff + t * nf, out, t * nf, b0, b1);
                }
            }
        }
    }

    /** One tick of n = 2, m = 1 for the whole vectors [b0, b1); z of this tick at zt + f, out at ot + f. */
    private static void tick21(double[] pp, double[] st, int nf, double[] zs, int zt, double[] out, int ot, int b0, int b1) {
        final double f00 = pp[BatchPlan.F], f01 = pp[BatchPlan.F + 1], f10 = pp[BatchPlan.F + 2], f11 = pp[BatchPlan.F + 3];
        final double q00 = pp[BatchPlan.Q], q01 = pp[BatchPlan.Q + 1], q11 = pp[BatchPlan.Q + 3];
        final double h0 = pp[BatchPlan.H1], h1 = pp[BatchPlan.H1 + 1], r = pp[BatchPlan.R1];
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int f = b0; f < b1; f += L) {
            DoubleVector x0 = DoubleVector.fromArray(S, st, f);
            DoubleVector x1 = DoubleVector.fromArray(S, st, nf + f);
            DoubleVector p00 = DoubleVector.fromArray(S, st, 2 * nf + f);
            DoubleVector p01 = DoubleVector.fromArray(S, st, 3 * nf + f);
            DoubleVector p11 = DoubleVector.fromArray(S, st, 4 * nf + f);
            DoubleVector xp0 = x0.mul(f00).add(x1.mul(f01));
            DoubleVector xp1 = x0.mul(f10).add(x1.mul(f11));
            DoubleVector t00 = p00.mul(f00).add(p01.mul(f01));
            DoubleVector t01 = p01.mul(f00).add(p11.mul(f01));
            DoubleVector t10 = p00.mul(f10).add(p01.mul(f11));
            DoubleVector t11 = p01.mul(f10).add(p11.mul(f11));
            DoubleVector n00 = t00.mul(f00).add(q00).add(t01.mul(f01));
            DoubleVector n01 = t00.mul(f10).add(q01).add(t01.mul(f11));
            DoubleVector n11 = t10.mul(f10).add(q11).add(t11.mul(f11));
            DoubleVector z = DoubleVector.fromArray(S, zs, zt + f);
            VectorMask<Double> seen = z.compare(VectorOperators.EQ, z);
            DoubleVector o = zero.blend(one, seen);
            DoubleVector zz = zero.blend(z, seen);
            DoubleVector ph0 = n00.mul(h0).add(n01.mul(h1));
            DoubleVector ph1 = n01.mul(h0).add(n11.mul(h1));
            DoubleVector s = ph0.mul(h0).add(r).add(ph1.mul(h1));
            DoubleVector hx = xp0.mul(h0).add(xp1.mul(h1));
            DoubleVector g = o.div(s);
            DoubleVector w = zz.sub(hx).mul(g);
            x0 = xp0.add(ph0.mul(w));
            xp1.add(ph1.mul(w)).intoArray(st, nf + f);
            n00.sub(ph0.mul(ph0).mul(g)).intoArray(st, 2 * nf + f);
            n01.sub(ph0.mul(ph1).mul(g)).intoArray(st, 3 * nf + f);
            n11.sub(ph1.mul(ph1).mul(g)).intoArray(st, 4 * nf + f);
            x0.intoArray(st, f);
            if (out != null) x0.intoArray(out, ot + f);
        }
    }

    /**
     * One constant-velocity tick with per-lane dt for the whole vectors [b0, b1). Its update repeats
     * tick21's on purpose (JavaBatchKalmanKernels.run2 writes both once): merged, the vectors would cross a
     * branch merge or a call, which C2 does not reliably scalar-replace, and the merged loop measured slower.
     */
    private static void tickCv(double[] pp, double[] st, int nf, double[] zs, int zt, double[] dts, int dtt, double[] out, int ot, int b0,
            int b1) {
        final double cv = pp[BatchPlan.CV];
        final double h0 = pp[BatchPlan.H1], h1 = pp[BatchPlan.H1 + 1], r = pp[BatchPlan.R1];
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int f = b0; f < b1; f += L) {
            DoubleVector x0 = DoubleVector.fromArray(S, st, f);
            DoubleVector x1 = DoubleVector.fromArray(S, st, nf + f);
            DoubleVector p00 = DoubleVector.fromArray(S, st, 2 * nf + f);
            DoubleVector p01 = DoubleVector.fromArray(S, st, 3 * nf + f);
            DoubleVector p11 = DoubleVector.fromArray(S, st, 4 * nf + f);
            DoubleVector dt = DoubleVector.fromArray(S, dts, dtt + f);
            DoubleVector xp0 = x0.add(dt.mul(x1));
            DoubleVector t00 = p00.add(dt.mul(p01));
            DoubleVector t01 = p01.add(dt.mul(p11));
            DoubleVector cdt = dt.mul(cv);
            DoubleVector n00 = cdt.mul(dt).mul(dt).div(3).add(t00).add(t01.mul(dt));
            DoubleVector n01 = cdt.mul(dt).div(2).add(t01);
            DoubleVector n11 = cdt.add(p11);
            DoubleVector z = DoubleVector.fromArray(S, zs, zt + f);
            VectorMask<Double> seen = z.compare(VectorOperators.EQ, z);
            DoubleVector o = zero.blend(one, seen);
            DoubleVector zz = zero.blend(z, seen);
            DoubleVector ph0 = n00.mul(h0).add(n01.mul(h1));
            DoubleVector ph1 = n01.mul(h0).add(n11.mul(h1));
            DoubleVector s = ph0.mul(h0).add(r).add(ph1.mul(h1));
            DoubleVector hx = xp0.mul(h0).add(x1.mul(h1));
            DoubleVector g = o.div(s);
            DoubleVector w = zz.sub(hx).mul(g);
            x0 = xp0.add(ph0.mul(w));
            x1.add(ph1.mul(w)).intoArray(st, nf + f);
            n00.sub(ph0.mul(ph0).mul(g)).intoArray(st, 2 * nf + f);
            n01.sub(ph0.mul(ph1).mul(g)).intoArray(st, 3 * nf + f);
            n11.sub(ph1.mul(ph1).mul(g)).intoArray(st, 4 * nf + f);
            x0.intoArray(st, f);
            if (out != null) x0.intoArray(out, ot + f);
        }
    }

    /** One tick of n = 1, m = 1 for the whole vectors [b0, b1). */
    private static void tick11(double[] pp, double[] st, int nf, double[] zs, int zt, double[] out, int ot, int b0, int b1) {
        final double a = pp[BatchPlan.F], q = pp[BatchPlan.Q], h = pp[BatchPlan.H1], r = pp[BatchPlan.R1];
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int f = b0; f < b1; f += L) {
            DoubleVector x = DoubleVector.fromArray(S, st, f);
            DoubleVector p = DoubleVector.fromArray(S, st, nf + f);
            DoubleVector xp = x.mul(a);
            DoubleVector pn = p.mul(a).mul(a).add(q);
            DoubleVector z = DoubleVector.fromArray(S, zs, zt + f);
            VectorMask<Double> seen = z.compare(VectorOperators.EQ, z);
            DoubleVector o = zero.blend(one, seen);
            DoubleVector zz = zero.blend(z, seen);
            DoubleVector ph = pn.mul(h);
            DoubleVector s = ph.mul(h).add(r);
            DoubleVector g = o.div(s);
            DoubleVector w = zz.sub(xp.mul(h)).mul(g);
            x = xp.add(ph.mul(w));
            x.intoArray(st, f);
            pn.sub(ph.mul(ph).mul(g)).intoArray(st, nf + f);
            if (out != null) x.intoArray(out, ot + f);
        }
    }

    /**
     * Any n <= 4, m <= 2: the arithmetic of {@link JavaBatchKalmanKernels}, L filters at a time, with
     * the per-filter matrices in lane-major scratch rows (element e of all lanes at {@code e * L}).
     */
    private static void runGeneric(BatchPlan plan, double[] st, int nf, double[] zs, int zOff, int ticks, double[] out, int full) {
        final int n = plan.n;
        final int m = plan.m;
        final double[] pp = plan.packed;
        double[] x = new double[n * L];
        double[] p = new double[n * n * L];
        double[] t1 = new double[n * n * L];
        double[] ph = new double[n * L];
        double[] h2e = new double[n];
        final double c = pp[BatchPlan.C];
        for (int j = 0; j < n; j++) h2e[j] = pp[BatchPlan.H2 + j] - c * pp[BatchPlan.H1 + j];
        final double r2e = pp[BatchPlan.R2] - c * pp[BatchPlan.R12];
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int f = 0; f < full; f += L) {
            for (int i = 0; i < n; i++) DoubleVector.fromArray(S, st, i * nf + f).intoArray(x, i * L);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    DoubleVector v = DoubleVector.fromArray(S, st, plan.cov(i, j) * nf + f);
                    v.intoArray(p, (i * n + j) * L);
                    v.intoArray(p, (j * n + i) * L);
                }
            }
            for (int t = 0; t < ticks; t++) {
                // Predict x (via ph as scratch) and P.
                for (int i = 0; i < n; i++) {
                    DoubleVector acc = zero;
                    for (int j = 0; j < n; j++) acc = acc.add(DoubleVector.fromArray(S, x, j * L).mul(pp[BatchPlan.F + i * n + j]));
                    acc.intoArray(ph, i * L);
                }
                System.arraycopy(ph, 0, x, 0, n * L);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < n; k++) {
                        DoubleVector acc = zero;
                        for (int j = 0; j < n; j++) acc = acc.add(DoubleVector.fromArray(S, p, (j * n + k) * L).mul(pp[BatchPlan.F + i * n + j]));
                        acc.intoArray(t1, (i * n + k) * L);
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        DoubleVector acc = DoubleVector.broadcast(S, pp[BatchPlan.Q + i * n + j]);
                        for (int k = 0; k < n; k++) acc = acc.add(DoubleVector.fromArray(S, t1, (i * n + k) * L).mul(pp[BatchPlan.F + j * n + k]));
                        acc.intoArray(p, (i * n + j) * L);
                        acc.intoArray(p, (j * n + i) * L);
                    }
                }
                int zb = zOff + t * m * nf + f;
                DoubleVector z1 = DoubleVector.fromArray(S, zs, zb);
                VectorMask<Double> seen1 = z1.compare(VectorOperators.EQ, z1);
                DoubleVector o1 = zero.blend(one, seen1);
                DoubleVector z1z = zero.blend(z1, seen1);
                update(n, x, p, ph, pp, BatchPlan.H1, null, DoubleVector.broadcast(S, pp[BatchPlan.R1]), z1z, o1);
                if (m == 2) {
                    DoubleVector z2 = DoubleVector.fromArray(S, zs, zb + nf);
                    VectorMask<Double> seen2 = z2.compare(VectorOperators.EQ, z2);
                    DoubleVector o2 = zero.blend(one, seen2);
                    DoubleVector z2z = zero.blend(z2, seen2);
                    // Lanes that saw z1 use the conditional row (h2 - c h1, r2 - c r12, z2 - c z1).
                    DoubleVector co = o1.mul(c);
                    DoubleVector r2 = DoubleVector.broadcast(S, pp[BatchPlan.R2]).blend(DoubleVector.broadcast(S, r2e), seen1);
                    update(n, x, p, ph, pp, BatchPlan.H2, co, r2, z2z.sub(co.mul(z1z)), o2);
                }
                if (out != null) DoubleVector.fromArray(S, x, 0).intoArray(out, t * nf + f);
            }
            for (int i = 0; i < n; i++) DoubleVector.fromArray(S, x, i * L).intoArray(st, i * nf + f);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) DoubleVector.fromArray(S, p, (i * n + j) * L).intoArray(st, plan.cov(i, j) * nf + f);
            }
        }
    }

    /**
     * One masked scalar update of the lanes in scratch: row h = pp[hOff..] - co * pp[H1..] (co null:
     * no correction), variance r, observation z (0 where missing), o = 1 observed / 0 missing.
     */
    private static void update(int n, double[] x, double[] p, double[] ph, double[] pp, int hOff, DoubleVector co, DoubleVector r,
            DoubleVector z, DoubleVector o) {
        DoubleVector[] h = new DoubleVector[n];
        for (int j = 0; j < n; j++) {
            DoubleVector hj = DoubleVector.broadcast(S, pp[hOff + j]);
            h[j] = co == null ? hj : hj.sub(co.mul(pp[BatchPlan.H1 + j]));
        }
        DoubleVector s = r;
        DoubleVector hx = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int j = 0; j < n; j++) acc = acc.add(DoubleVector.fromArray(S, p, (i * n + j) * L).mul(h[j]));
            acc.intoArray(ph, i * L);
            s = s.add(h[i].mul(acc));
            hx = hx.add(h[i].mul(DoubleVector.fromArray(S, x, i * L)));
        }
        DoubleVector g = o.div(s);
        DoubleVector w = z.sub(hx).mul(g);
        for (int i = 0; i < n; i++) {
            DoubleVector phi = DoubleVector.fromArray(S, ph, i * L);
            DoubleVector.fromArray(S, x, i * L).add(phi.mul(w)).intoArray(x, i * L);
            for (int j = i; j < n; j++) {
                DoubleVector v = DoubleVector.fromArray(S, p, (i * n + j) * L).sub(phi.mul(DoubleVector.fromArray(S, ph, j * L)).mul(g));
                v.intoArray(p, (i * n + j) * L);
                v.intoArray(p, (j * n + i) * L);
            }
        }
    }

    @Override
    public int firstInfinite(double[] a, int off, int len) {
        int i = 0;
        for (; i + 4 * L <= len; i += 4 * L) {
            VectorMask<Double> m = DoubleVector.fromArray(S, a, off + i).abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)
                    .or(DoubleVector.fromArray(S, a, off + i + L).abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                    .or(DoubleVector.fromArray(S, a, off + i + 2 * L).abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                    .or(DoubleVector.fromArray(S, a, off + i + 3 * L).abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
            if (m.anyTrue()) break;
        }
        return JavaBatchKalmanKernels.scanInfinite(a, off + i, len - i);
    }
}
