package dev.sxn.math.linalg;

import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseOps} on the Vector API: the VECTOR kernel's primitives (vector bodies over the preferred
 * species, scalar tails) and its level-3 kernels ({@link VectorGemm}, {@link BlockedHouseholderQr}).
 * Rounding: axpy is one fused multiply-add per entry (its tail too, by {@link Math#fma}); dot keeps two
 * vector accumulators of FMAs, adds them, reduces the lanes in {@link LaneSums}' fixed order and adds
 * the tail's products one by one, so a result does not depend on whether C2 has compiled the caller.
 *
 * <p>The VECTOR kernel's own code calls it through {@link #INSTANCE} (a final class: direct calls).
 * Referenced only from {@link VectorLinalgKernels} and the other Vector API classes, which are loaded
 * by name once jdk.incubator.vector is known to be present. Stateless.
 */
final class VectorDenseOps implements DenseOps {
    // scal and axpy are VectorOps' own VECTOR loops; dot keeps its two accumulators (its results are the
    // decompositions' reference, which VectorOps' four-accumulator dot would change in the last bits).
    private static final VectorVectorOpsKernels BLAS1 = new VectorVectorOpsKernels();

    static final VectorDenseOps INSTANCE = new VectorDenseOps();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDenseOps() {}

    @Override
    public void scal(double s, double[] x, int off, int len) {
        BLAS1.scale(s, x, off, len);
    }

    /** y[yo..yo+len) += s x[xo..xo+len), fused: VectorOps' VECTOR axpy, the same loop. */
    @Override
    public void axpy(double s, double[] x, int xo, double[] y, int yo, int len) {
        BLAS1.axpy(s, x, xo, y, yo, len);
    }

    /** x[xo..xo+len) . y[yo..yo+len). */
    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int len) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int i = 0;
        for (; i + 2 * L <= len; i += 2 * L) {
            s0 = DoubleVector.fromArray(S, x, xo + i).fma(DoubleVector.fromArray(S, y, yo + i), s0);
            s1 = DoubleVector.fromArray(S, x, xo + i + L).fma(DoubleVector.fromArray(S, y, yo + i + L), s1);
        }
        DoubleVector v = s0.add(s1);
        // LaneSums.sum's pairwise order, written out here: passing v to a call that C2 does not inline (inside the
        // eigen solver's large compiled tridiagonalisation it may not) boxes the vector on every dot (the
        // linalg allocation test). L is a constant, so only one branch is compiled.
        double s;
        if (L == 8) {
            s = ((v.lane(0) + v.lane(4)) + (v.lane(2) + v.lane(6))) + ((v.lane(1) + v.lane(5)) + (v.lane(3) + v.lane(7)));
        } else if (L == 4) {
            s = (v.lane(0) + v.lane(2)) + (v.lane(1) + v.lane(3));
        } else if (L == 2) {
            s = v.lane(0) + v.lane(1);
        } else {
            s = LaneSums.sum(v);
        }
        for (; i < len; i++) s += x[xo + i] * y[yo + i];
        return s;
    }

    @Override
    public void applyReflector(double[] v, int vo, int len, double tau, double[] c, int co) {
        // One copy per backend on purpose (see DenseOps#applyReflector): it keeps this one small enough to inline.
        if (tau == 0) return;
        double w = c[co] + dot(v, vo + 1, c, co + 1, len - 1);
        double tw = tau * w;
        c[co] -= tw;
        axpy(-tw, v, vo + 1, c, co + 1, len - 1);
    }

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        BlockedHouseholderQr.geqrf(m, n, a, tau);
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        BlockedHouseholderQr.orgqr(m, ncols, k, q, tau);
    }

    @Override
    public void gemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        VectorGemm.gemm(false, false, m, n, k, 1.0, a, 0, m, b, 0, k, 0.0, c, 0, m);
    }

    @Override
    public boolean blocked() {
        return true;
    }
}
