package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Scratch;
import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API dynamics kernels: lanes across particles (the ensemble's per-dimension runs are contiguous),
 * two vectors of particles in flight so two dependency chains hide the FMA latency, and their state held
 * in registers for the whole chunk. Radial potentials in d = 1, 2, 3 and Henon-Heiles are vectorised;
 * other d, and the particles left over after the last full vector, run the scalar reference loop.
 * Multiply-adds are fused (one rounding where JAVA has two).
 *
 * <p>User-written potentials ({@link #advanceUser}): the ensemble is copied block by block
 * ({@link #userBlock} particles) into structure-of-arrays scratch, where each dimension's run is
 * contiguous, so every drift q += a h p, kick p -= b h g and friction factor is one flat SIMD loop over
 * the block's n d doubles; the block stays in cache for the whole chunk (blocking over time, as the
 * built-in kernels do in registers). The gradient comes from {@link Potential#gradients} on the block:
 * one Java {@link Potential#gradient} call per particle by default, or the user's vectorised override.
 * Loop tails use {@link Math#fma}, so every element rounds the same way whatever its lane. The
 * observer's reductions ({@link #stats}) are vectorised too.
 *
 * <p>The block scratch of user potentials is the thread's {@link Scratch}, so a warm call allocates nothing
 * proportional to the ensemble. The built-in kernels keep every vector in a register: their step loops are
 * written as one straight body per stage, with the last step's kick after the loop, because a vector merged
 * from several branches (the old in-loop "last step or join" choice) was boxed on the heap once per group and
 * step by C2.
 *
 * <p>Stateless apart from per-thread scratch; thread-safe. Loaded only when VECTOR is available.
 */
final class VectorDynamicsKernels implements DynamicsKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps) {
        int i = 0;
        if (code == HENON_HEILES || d <= 3) {
            if (code == HENON_HEILES) {
                for (; i + 2 * L <= n; i += 2 * L) groupHenonHeiles(q, p, n, i, s, steps);
            } else {
                for (; i + 2 * L <= n; i += 2 * L) groupRadial(q, p, n, i, d, a, b, c, s, steps);
            }
        }
        if (i < n) {
            Potential v = code == HENON_HEILES ? HenonHeilesPotential.INSTANCE : new RadialPotential("kernel", a, b, c, 0);
            double[] qi = new double[d], pi = new double[d], g = new double[d];
            for (; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    qi[k] = q[k * n + i];
                    pi[k] = p[k * n + i];
                }
                JavaDynamicsKernels.run(qi, pi, g, v, s, steps);
                for (int k = 0; k < d; k++) {
                    q[k * n + i] = qi[k];
                    p[k * n + i] = pi[k];
                }
            }
        }
    }

    /** Doubles per scratch array of a user-potential block (16 KiB: q, p and g stay in L1/L2 together). */
    static final int USER_BLOCK_DOUBLES = 2048;

    /** Particles per user-potential block in dimension d: a whole number of vectors, at least one. */
    static int userBlock(int d) {
        return Math.max(L, USER_BLOCK_DOUBLES / d / L * L);
    }

    @Override
    public boolean runsUserPotentials() {
        return true;
    }

    @Override
    public void advanceUser(double[] q, double[] p, int n, int d, Potential v, Scheme s, int steps) {
        int b = Math.min(n, userBlock(d)), tail = n % b;
        try (Scratch w = Scratch.open()) {
            // Exact sizes (Potential.gradients promises n d): the full blocks' arrays, and the last, shorter block's.
            double[] qb = w.exact(b * d), pb = w.exact(b * d), gb = w.exact(b * d);
            double[] qt = tail == 0 ? qb : w.exact(tail * d), pt = tail == 0 ? pb : w.exact(tail * d);
            double[] gt = tail == 0 ? gb : w.exact(tail * d);
            for (int i0 = 0; i0 < n; i0 += b) {
                int m = Math.min(b, n - i0);
                double[] qx = m == b ? qb : qt, px = m == b ? pb : pt, gx = m == b ? gb : gt;
                for (int k = 0; k < d; k++) {
                    System.arraycopy(q, k * n + i0, qx, k * m, m);
                    System.arraycopy(p, k * n + i0, px, k * m, m);
                }
                userChunk(qx, px, gx, m, d, v, s, steps);
                for (int k = 0; k < d; k++) {
                    System.arraycopy(qx, k * m, q, k * n + i0, m);
                    System.arraycopy(px, k * m, p, k * n + i0, m);
                }
            }
        }
    }

    /** {@link Scheme}'s sequence over one block (m particles, layout [k m + i]) for {@code steps} steps. */
    private static void userChunk(double[] q, double[] p, double[] g, int m, int d, Potential v, Scheme s, int steps) {
        final double[] kick = s.kick(), drift = s.drift();
        final int stages = s.stages();
        final boolean fric = s.friction();
        v.gradients(q, g, m, d);
        if (fric) scale(p, s.cHalf());
        axpy(p, g, -kick[0]);
        for (int st = 0; st < steps; st++) {
            for (int j = 0; j < stages; j++) {
                axpy(q, p, drift[j]);
                v.gradients(q, g, m, d);
                if (j < stages - 1) axpy(p, g, -kick[j + 1]);
            }
            if (st < steps - 1) {
                if (fric) {
                    kickDampKick(p, g, -kick[stages], s.cFull(), -kick[0]);
                } else {
                    axpy(p, g, -s.kickJoin());
                }
            } else {
                axpy(p, g, -kick[stages]);
                if (fric) scale(p, s.cHalf());
            }
        }
    }

    /** y = x a + y, fused, over the whole array. */
    private static void axpy(double[] y, double[] x, double a) {
        int len = y.length, i = 0;
        DoubleVector va = DoubleVector.broadcast(S, a);
        for (int ub = S.loopBound(len); i < ub; i += L) {
            DoubleVector.fromArray(S, x, i).fma(va, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < len; i++) y[i] = Math.fma(x[i], a, y[i]);
    }

    /** p = (g km + p) cf + g k0: the joined last kick, full-step friction and first kick (as groupRadial). */
    private static void kickDampKick(double[] p, double[] g, double km, double cf, double k0) {
        int len = p.length, i = 0;
        DoubleVector vkm = DoubleVector.broadcast(S, km), vk0 = DoubleVector.broadcast(S, k0);
        for (int ub = S.loopBound(len); i < ub; i += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, i);
            gv.fma(vk0, gv.fma(vkm, DoubleVector.fromArray(S, p, i)).mul(cf)).intoArray(p, i);
        }
        for (; i < len; i++) p[i] = Math.fma(g[i], k0, Math.fma(g[i], km, p[i]) * cf);
    }

    /** x = x c over the whole array (the exact friction flow). */
    private static void scale(double[] x, double c) {
        int len = x.length, i = 0;
        for (int ub = S.loopBound(len); i < ub; i += L) DoubleVector.fromArray(S, x, i).mul(c).intoArray(x, i);
        for (; i < len; i++) x[i] *= c;
    }

    /**
     * The observer's statistics with the sums over particles in SIMD lanes (each dimension's run is
     * contiguous): kinetic energy, mean and centred variance of q, mean of p. The potential energy is
     * one {@link Potential#value} call per particle (user code, or the built-in's Java form). With
     * flagged members the scalar reference runs (it skips them). Sums are accumulated lane-wise, so
     * they differ from JAVA's sequential sums in rounding only.
     */
    @Override
    public EnsembleStats stats(Ensemble e, Potential v, long step, double time) {
        if (e.nonFiniteCount() > 0) return EnsembleStats.of(e, v, step, time);
        int n = e.size(), d = e.dimension();
        double[] q = e.positions(), p = e.momenta();
        double[] qi = new double[d], mq = new double[d], vq = new double[d], mp = new double[d];
        double pot = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) qi[k] = q[k * n + i];
            pot += v.value(qi);
        }
        double kin = 0;
        for (int k = 0; k < d; k++) {
            int off = k * n;
            mq[k] = sum(q, off, n) / n;
            mp[k] = sum(p, off, n) / n;
            vq[k] = sumSquares(q, off, n, mq[k]) / n;
            kin += sumSquares(p, off, n, 0.0);
        }
        return new EnsembleStats(step, time, (0.5 * kin + pot) / n, mq, vq, mp, 0);
    }

    private static double sum(double[] x, int off, int len) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (int ub = S.loopBound(len); i < ub; i += L) acc = acc.add(DoubleVector.fromArray(S, x, off + i));
        double r = LaneSums.sum(acc);
        for (; i < len; i++) r += x[off + i];
        return r;
    }

    /** sum (x - c)^2 over x[off, off + len). */
    private static double sumSquares(double[] x, int off, int len, double c) {
        DoubleVector acc = DoubleVector.zero(S), vc = DoubleVector.broadcast(S, c);
        int i = 0;
        for (int ub = S.loopBound(len); i < ub; i += L) {
            DoubleVector y = DoubleVector.fromArray(S, x, off + i).sub(vc);
            acc = y.fma(y, acc);
        }
        double r = LaneSums.sum(acc);
        for (; i < len; i++) {
            double y = x[off + i] - c;
            r = Math.fma(y, y, r);
        }
        return r;
    }

    /**
     * Radial potential, particles [i, i + 2L): vectors A (lanes i..i+L) and B (i+L..i+2L), coordinates
     * 0..d-1 (d <= 3; absent coordinates stay zero and are never stored). Follows {@link Scheme}'s
     * sequence. The centre is always subtracted (q - 0 is exact), which keeps every vector a plain value
     * the JIT holds in a register.
     */
    private static void groupRadial(double[] q, double[] p, int n, int i, int d, double a, double b, double c, Scheme s, int steps) {
        final boolean d2 = d >= 2, d3 = d >= 3;
        final DoubleVector zero = DoubleVector.zero(S);
        DoubleVector qa0 = DoubleVector.fromArray(S, q, i), qb0 = DoubleVector.fromArray(S, q, i + L);
        DoubleVector pa0 = DoubleVector.fromArray(S, p, i), pb0 = DoubleVector.fromArray(S, p, i + L);
        DoubleVector qa1 = zero, qb1 = zero, pa1 = zero, pb1 = zero, qa2 = zero, qb2 = zero, pa2 = zero, pb2 = zero;
        if (d2) {
            qa1 = DoubleVector.fromArray(S, q, n + i);
            qb1 = DoubleVector.fromArray(S, q, n + i + L);
            pa1 = DoubleVector.fromArray(S, p, n + i);
            pb1 = DoubleVector.fromArray(S, p, n + i + L);
        }
        if (d3) {
            qa2 = DoubleVector.fromArray(S, q, 2 * n + i);
            qb2 = DoubleVector.fromArray(S, q, 2 * n + i + L);
            pa2 = DoubleVector.fromArray(S, p, 2 * n + i);
            pb2 = DoubleVector.fromArray(S, p, 2 * n + i + L);
        }
        // A zero centre for absent coordinates keeps their y = 0 - 0 = 0 out of r^2.
        final DoubleVector va = DoubleVector.broadcast(S, a), vb = DoubleVector.broadcast(S, b), vc0 = DoubleVector.broadcast(S, c);
        final DoubleVector vc1 = d2 ? vc0 : zero, vc2 = d3 ? vc0 : zero;
        final double[] kick = s.kick(), drift = s.drift();
        final int m = s.stages();
        final boolean fric = s.friction();
        final DoubleVector k0 = DoubleVector.broadcast(S, -kick[0]), km = DoubleVector.broadcast(S, -kick[m]);
        final DoubleVector kjoin = DoubleVector.broadcast(S, -s.kickJoin());

        DoubleVector ya0 = qa0.sub(vc0), yb0 = qb0.sub(vc0), ya1 = qa1.sub(vc1), yb1 = qb1.sub(vc1), ya2 = qa2.sub(vc2), yb2 = qb2.sub(vc2);
        DoubleVector sa = vb.fma(ya2.fma(ya2, ya1.fma(ya1, ya0.mul(ya0))), va), sb = vb.fma(yb2.fma(yb2, yb1.fma(yb1, yb0.mul(yb0))), va);
        DoubleVector ga0 = sa.mul(ya0), ga1 = sa.mul(ya1), ga2 = sa.mul(ya2), gb0 = sb.mul(yb0), gb1 = sb.mul(yb1), gb2 = sb.mul(yb2);
        final double ch = s.cHalf(), cf = s.cFull();
        if (fric) {
            pa0 = pa0.mul(ch); pa1 = pa1.mul(ch); pa2 = pa2.mul(ch);
            pb0 = pb0.mul(ch); pb1 = pb1.mul(ch); pb2 = pb2.mul(ch);
        }
        pa0 = ga0.fma(k0, pa0); pa1 = ga1.fma(k0, pa1); pa2 = ga2.fma(k0, pa2);
        pb0 = gb0.fma(k0, pb0); pb1 = gb1.fma(k0, pb1); pb2 = gb2.fma(k0, pb2);
        for (int st = 0; ; st++) {
            for (int j = 0; j < m - 1; j++) {
                DoubleVector dj = DoubleVector.broadcast(S, drift[j]);
                qa0 = pa0.fma(dj, qa0); qa1 = pa1.fma(dj, qa1); qa2 = pa2.fma(dj, qa2);
                qb0 = pb0.fma(dj, qb0); qb1 = pb1.fma(dj, qb1); qb2 = pb2.fma(dj, qb2);
                ya0 = qa0.sub(vc0); ya1 = qa1.sub(vc1); ya2 = qa2.sub(vc2);
                yb0 = qb0.sub(vc0); yb1 = qb1.sub(vc1); yb2 = qb2.sub(vc2);
                sa = vb.fma(ya2.fma(ya2, ya1.fma(ya1, ya0.mul(ya0))), va);
                sb = vb.fma(yb2.fma(yb2, yb1.fma(yb1, yb0.mul(yb0))), va);
                ga0 = sa.mul(ya0); ga1 = sa.mul(ya1); ga2 = sa.mul(ya2);
                gb0 = sb.mul(yb0); gb1 = sb.mul(yb1); gb2 = sb.mul(yb2);
                DoubleVector kj = DoubleVector.broadcast(S, -kick[j + 1]);
                pa0 = ga0.fma(kj, pa0); pa1 = ga1.fma(kj, pa1); pa2 = ga2.fma(kj, pa2);
                pb0 = gb0.fma(kj, pb0); pb1 = gb1.fma(kj, pb1); pb2 = gb2.fma(kj, pb2);
            }
            DoubleVector dl = DoubleVector.broadcast(S, drift[m - 1]);
            qa0 = pa0.fma(dl, qa0); qa1 = pa1.fma(dl, qa1); qa2 = pa2.fma(dl, qa2);
            qb0 = pb0.fma(dl, qb0); qb1 = pb1.fma(dl, qb1); qb2 = pb2.fma(dl, qb2);
            ya0 = qa0.sub(vc0); ya1 = qa1.sub(vc1); ya2 = qa2.sub(vc2);
            yb0 = qb0.sub(vc0); yb1 = qb1.sub(vc1); yb2 = qb2.sub(vc2);
            sa = vb.fma(ya2.fma(ya2, ya1.fma(ya1, ya0.mul(ya0))), va);
            sb = vb.fma(yb2.fma(yb2, yb1.fma(yb1, yb0.mul(yb0))), va);
            ga0 = sa.mul(ya0); ga1 = sa.mul(ya1); ga2 = sa.mul(ya2);
            gb0 = sb.mul(yb0); gb1 = sb.mul(yb1); gb2 = sb.mul(yb2);
            if (st >= steps - 1) break;
            if (fric) {
                pa0 = ga0.fma(k0, ga0.fma(km, pa0).mul(cf)); pa1 = ga1.fma(k0, ga1.fma(km, pa1).mul(cf));
                pa2 = ga2.fma(k0, ga2.fma(km, pa2).mul(cf));
                pb0 = gb0.fma(k0, gb0.fma(km, pb0).mul(cf)); pb1 = gb1.fma(k0, gb1.fma(km, pb1).mul(cf));
                pb2 = gb2.fma(k0, gb2.fma(km, pb2).mul(cf));
            } else {
                pa0 = ga0.fma(kjoin, pa0); pa1 = ga1.fma(kjoin, pa1); pa2 = ga2.fma(kjoin, pa2);
                pb0 = gb0.fma(kjoin, pb0); pb1 = gb1.fma(kjoin, pb1); pb2 = gb2.fma(kjoin, pb2);
            }
        }
        pa0 = ga0.fma(km, pa0); pa1 = ga1.fma(km, pa1); pa2 = ga2.fma(km, pa2);
        pb0 = gb0.fma(km, pb0); pb1 = gb1.fma(km, pb1); pb2 = gb2.fma(km, pb2);
        if (fric) {
            pa0 = pa0.mul(ch); pa1 = pa1.mul(ch); pa2 = pa2.mul(ch);
            pb0 = pb0.mul(ch); pb1 = pb1.mul(ch); pb2 = pb2.mul(ch);
        }
        qa0.intoArray(q, i); qb0.intoArray(q, i + L);
        pa0.intoArray(p, i); pb0.intoArray(p, i + L);
        if (d2) {
            qa1.intoArray(q, n + i); qb1.intoArray(q, n + i + L);
            pa1.intoArray(p, n + i); pb1.intoArray(p, n + i + L);
        }
        if (d3) {
            qa2.intoArray(q, 2 * n + i); qb2.intoArray(q, 2 * n + i + L);
            pa2.intoArray(p, 2 * n + i); pb2.intoArray(p, 2 * n + i + L);
        }
    }

    /** Henon-Heiles (d = 2), particles [i, i + 2L), as {@link #groupRadial}; gx = x + 2 x y, gy = y + x^2 - y^2. */
    private static void groupHenonHeiles(double[] q, double[] p, int n, int i, Scheme s, int steps) {
        DoubleVector xa = DoubleVector.fromArray(S, q, i), xb = DoubleVector.fromArray(S, q, i + L);
        DoubleVector ya = DoubleVector.fromArray(S, q, n + i), yb = DoubleVector.fromArray(S, q, n + i + L);
        DoubleVector ua = DoubleVector.fromArray(S, p, i), ub = DoubleVector.fromArray(S, p, i + L);
        DoubleVector va = DoubleVector.fromArray(S, p, n + i), vb = DoubleVector.fromArray(S, p, n + i + L);
        final double[] kick = s.kick(), drift = s.drift();
        final int m = s.stages();
        final boolean fric = s.friction();
        final DoubleVector k0 = DoubleVector.broadcast(S, -kick[0]), km = DoubleVector.broadcast(S, -kick[m]);
        final DoubleVector kjoin = DoubleVector.broadcast(S, -s.kickJoin());
        DoubleVector gxa = xa.mul(2.0).fma(ya, xa), gya = ya.neg().fma(ya, xa.fma(xa, ya));
        DoubleVector gxb = xb.mul(2.0).fma(yb, xb), gyb = yb.neg().fma(yb, xb.fma(xb, yb));
        final double ch = s.cHalf(), cf = s.cFull();
        if (fric) {
            ua = ua.mul(ch); va = va.mul(ch); ub = ub.mul(ch); vb = vb.mul(ch);
        }
        ua = gxa.fma(k0, ua); va = gya.fma(k0, va); ub = gxb.fma(k0, ub); vb = gyb.fma(k0, vb);
        for (int st = 0; ; st++) {
            for (int j = 0; j < m - 1; j++) {
                DoubleVector dj = DoubleVector.broadcast(S, drift[j]);
                xa = ua.fma(dj, xa); ya = va.fma(dj, ya); xb = ub.fma(dj, xb); yb = vb.fma(dj, yb);
                gxa = xa.mul(2.0).fma(ya, xa);
                gya = ya.neg().fma(ya, xa.fma(xa, ya));
                gxb = xb.mul(2.0).fma(yb, xb);
                gyb = yb.neg().fma(yb, xb.fma(xb, yb));
                DoubleVector kj = DoubleVector.broadcast(S, -kick[j + 1]);
                ua = gxa.fma(kj, ua); va = gya.fma(kj, va); ub = gxb.fma(kj, ub); vb = gyb.fma(kj, vb);
            }
            DoubleVector dl = DoubleVector.broadcast(S, drift[m - 1]);
            xa = ua.fma(dl, xa); ya = va.fma(dl, ya); xb = ub.fma(dl, xb); yb = vb.fma(dl, yb);
            gxa = xa.mul(2.0).fma(ya, xa);
            gya = ya.neg().fma(ya, xa.fma(xa, ya));
            gxb = xb.mul(2.0).fma(yb, xb);
            gyb = yb.neg().fma(yb, xb.fma(xb, yb));
            if (st >= steps - 1) break;
            if (fric) {
                ua = gxa.fma(k0, gxa.fma(km, ua).mul(cf)); va = gya.fma(k0, gya.fma(km, va).mul(cf));
                ub = gxb.fma(k0, gxb.fma(km, ub).mul(cf)); vb = gyb.fma(k0, gyb.fma(km, vb).mul(cf));
            } else {
                ua = gxa.fma(kjoin, ua); va = gya.fma(kjoin, va); ub = gxb.fma(kjoin, ub); vb = gyb.fma(kjoin, vb);
            }
        }
        ua = gxa.fma(km, ua); va = gya.fma(km, va); ub = gxb.fma(km, ub); vb = gyb.fma(km, vb);
        if (fric) {
            ua = ua.mul(ch); va = va.mul(ch); ub = ub.mul(ch); vb = vb.mul(ch);
        }
        xa.intoArray(q, i); xb.intoArray(q, i + L); ya.intoArray(q, n + i); yb.intoArray(q, n + i + L);
        ua.intoArray(p, i); ub.intoArray(p, i + L); va.intoArray(p, n + i); vb.intoArray(p, n + i + L);
    }
}
