package dev.sxn.math.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API dynamics kernels: lanes across particles (the ensemble's per-dimension runs are contiguous),
 * two vectors of particles in flight so two dependency chains hide the FMA latency, and their state held
 * in registers for the whole chunk. Radial potentials in d = 1, 2, 3 and Henon-Heiles are vectorised;
 * other d, and the particles left over after the last full vector, run the scalar reference loop.
 * Multiply-adds are fused (one rounding where JAVA has two). Stateless; thread-safe. Loaded only when
 * VECTOR is available.
 */
final class VectorDynamicsKernels implements DynamicsKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps) {
        int i = 0;
        if (code == HENON_HEILES || d <= 3) {
            for (; i + 2 * L <= n; i += 2 * L) group(q, p, n, i, d, code == HENON_HEILES, a, b, c, s, steps);
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

    /**
     * Particles [i, i + 2L): vectors A (lanes i..i+L) and B (i+L..i+2L), coordinates 0..d-1 (d <= 3;
     * absent coordinates stay zero and are never read). Follows {@link Scheme}'s sequence.
     */
    private static void group(double[] q, double[] p, int n, int i, int d, boolean hh, double a, double b, double c, Scheme s, int steps) {
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
        final boolean hasC = c != 0;
        final DoubleVector va = DoubleVector.broadcast(S, a), vb = DoubleVector.broadcast(S, b), vc = DoubleVector.broadcast(S, c);
        final double[] kick = s.kick(), drift = s.drift();
        final int m = s.stages();
        final boolean fric = s.friction();

        // Gradient of A and B at the current positions (ga*, gb*), written out per potential.
        DoubleVector ga0, ga1, ga2, gb0, gb1, gb2;
        {
            DoubleVector[] g = grad(hh, hasC, d2, d3, qa0, qa1, qa2, qb0, qb1, qb2, va, vb, vc);
            ga0 = g[0]; ga1 = g[1]; ga2 = g[2]; gb0 = g[3]; gb1 = g[4]; gb2 = g[5];
        }
        if (fric) {
            double ch = s.cHalf();
            pa0 = pa0.mul(ch); pa1 = pa1.mul(ch); pa2 = pa2.mul(ch);
            pb0 = pb0.mul(ch); pb1 = pb1.mul(ch); pb2 = pb2.mul(ch);
        }
        DoubleVector k0 = DoubleVector.broadcast(S, -kick[0]);
        pa0 = ga0.fma(k0, pa0); pa1 = ga1.fma(k0, pa1); pa2 = ga2.fma(k0, pa2);
        pb0 = gb0.fma(k0, pb0); pb1 = gb1.fma(k0, pb1); pb2 = gb2.fma(k0, pb2);
        for (int st = 0; st < steps; st++) {
            for (int j = 0; j < m; j++) {
                DoubleVector dj = DoubleVector.broadcast(S, drift[j]);
                qa0 = pa0.fma(dj, qa0); qb0 = pb0.fma(dj, qb0);
                if (d2) { qa1 = pa1.fma(dj, qa1); qb1 = pb1.fma(dj, qb1); }
                if (d3) { qa2 = pa2.fma(dj, qa2); qb2 = pb2.fma(dj, qb2); }
                // Inline radial gradient (the hot path); Henon-Heiles through grad().
                if (!hh) {
                    DoubleVector ya0 = hasC ? qa0.sub(vc) : qa0, yb0 = hasC ? qb0.sub(vc) : qb0;
                    DoubleVector ra = ya0.mul(ya0), rb = yb0.mul(yb0);
                    DoubleVector ya1 = zero, yb1 = zero, ya2 = zero, yb2 = zero;
                    if (d2) {
                        ya1 = hasC ? qa1.sub(vc) : qa1; yb1 = hasC ? qb1.sub(vc) : qb1;
                        ra = ya1.fma(ya1, ra); rb = yb1.fma(yb1, rb);
                    }
                    if (d3) {
                        ya2 = hasC ? qa2.sub(vc) : qa2; yb2 = hasC ? qb2.sub(vc) : qb2;
                        ra = ya2.fma(ya2, ra); rb = yb2.fma(yb2, rb);
                    }
                    DoubleVector sa = vb.fma(ra, va), sb = vb.fma(rb, va);
                    ga0 = sa.mul(ya0); gb0 = sb.mul(yb0);
                    ga1 = sa.mul(ya1); gb1 = sb.mul(yb1);
                    ga2 = sa.mul(ya2); gb2 = sb.mul(yb2);
                } else {
                    DoubleVector[] g = grad(true, false, true, false, qa0, qa1, qa2, qb0, qb1, qb2, va, vb, vc);
                    ga0 = g[0]; ga1 = g[1]; ga2 = g[2]; gb0 = g[3]; gb1 = g[4]; gb2 = g[5];
                }
                if (j < m - 1) {
                    DoubleVector kj = DoubleVector.broadcast(S, -kick[j + 1]);
                    pa0 = ga0.fma(kj, pa0); pa1 = ga1.fma(kj, pa1); pa2 = ga2.fma(kj, pa2);
                    pb0 = gb0.fma(kj, pb0); pb1 = gb1.fma(kj, pb1); pb2 = gb2.fma(kj, pb2);
                }
            }
            DoubleVector km = DoubleVector.broadcast(S, -kick[m]);
            if (st < steps - 1) {
                if (fric) {
                    double cf = s.cFull();
                    pa0 = ga0.fma(k0, ga0.fma(km, pa0).mul(cf)); pa1 = ga1.fma(k0, ga1.fma(km, pa1).mul(cf));
                    pa2 = ga2.fma(k0, ga2.fma(km, pa2).mul(cf));
                    pb0 = gb0.fma(k0, gb0.fma(km, pb0).mul(cf)); pb1 = gb1.fma(k0, gb1.fma(km, pb1).mul(cf));
                    pb2 = gb2.fma(k0, gb2.fma(km, pb2).mul(cf));
                } else {
                    DoubleVector kj = DoubleVector.broadcast(S, -s.kickJoin());
                    pa0 = ga0.fma(kj, pa0); pa1 = ga1.fma(kj, pa1); pa2 = ga2.fma(kj, pa2);
                    pb0 = gb0.fma(kj, pb0); pb1 = gb1.fma(kj, pb1); pb2 = gb2.fma(kj, pb2);
                }
            } else {
                pa0 = ga0.fma(km, pa0); pa1 = ga1.fma(km, pa1); pa2 = ga2.fma(km, pa2);
                pb0 = gb0.fma(km, pb0); pb1 = gb1.fma(km, pb1); pb2 = gb2.fma(km, pb2);
                if (fric) {
                    double ch = s.cHalf();
                    pa0 = pa0.mul(ch); pa1 = pa1.mul(ch); pa2 = pa2.mul(ch);
                    pb0 = pb0.mul(ch); pb1 = pb1.mul(ch); pb2 = pb2.mul(ch);
                }
            }
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

    /** Gradients of A and B as {ga0, ga1, ga2, gb0, gb1, gb2}; absent coordinates give zero. */
    private static DoubleVector[] grad(boolean hh, boolean hasC, boolean d2, boolean d3, DoubleVector qa0, DoubleVector qa1,
            DoubleVector qa2, DoubleVector qb0, DoubleVector qb1, DoubleVector qb2, DoubleVector va, DoubleVector vb, DoubleVector vc) {
        DoubleVector zero = DoubleVector.zero(S);
        if (hh) {
            // gx = x + 2 x y, gy = y + x^2 - y^2 (the reference's order, with fused multiply-adds)
            return new DoubleVector[] {
                qa0.mul(2.0).fma(qa1, qa0), qa1.neg().fma(qa1, qa0.fma(qa0, qa1)), zero,
                qb0.mul(2.0).fma(qb1, qb0), qb1.neg().fma(qb1, qb0.fma(qb0, qb1)), zero};
        }
        DoubleVector ya0 = hasC ? qa0.sub(vc) : qa0, yb0 = hasC ? qb0.sub(vc) : qb0;
        DoubleVector ya1 = d2 ? (hasC ? qa1.sub(vc) : qa1) : zero, yb1 = d2 ? (hasC ? qb1.sub(vc) : qb1) : zero;
        DoubleVector ya2 = d3 ? (hasC ? qa2.sub(vc) : qa2) : zero, yb2 = d3 ? (hasC ? qb2.sub(vc) : qb2) : zero;
        DoubleVector ra = ya2.fma(ya2, ya1.fma(ya1, ya0.mul(ya0))), rb = yb2.fma(yb2, yb1.fma(yb1, yb0.mul(yb0)));
        DoubleVector sa = vb.fma(ra, va), sb = vb.fma(rb, va);
        return new DoubleVector[] {sa.mul(ya0), sa.mul(ya1), sa.mul(ya2), sb.mul(yb0), sb.mul(yb1), sb.mul(yb2)};
    }
}
