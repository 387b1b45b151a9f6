package dev.sxn.math.linalg;

import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API BLAS-1 kernels on the preferred species: four vector accumulators in flight for the
 * reductions (FMA for dot), a scalar loop for the tail. Loaded only when VECTOR is available.
 */
final class VectorVectorOpsKernels implements VectorOpsKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            a0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), a0);
            a1 = DoubleVector.fromArray(S, x, xOff + i + L).fma(DoubleVector.fromArray(S, y, yOff + i + L), a1);
            a2 = DoubleVector.fromArray(S, x, xOff + i + 2 * L).fma(DoubleVector.fromArray(S, y, yOff + i + 2 * L), a2);
            a3 = DoubleVector.fromArray(S, x, xOff + i + 3 * L).fma(DoubleVector.fromArray(S, y, yOff + i + 3 * L), a3);
        }
        for (; i + L <= n; i += L) {
            a0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), a0);
        }
        double s = LaneSums.sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    @Override
    public void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        DoubleVector va = DoubleVector.broadcast(S, a);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).fma(va, DoubleVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
    }

    @Override
    public void scale(double a, double[] x, int off, int n) {
        int i = 0;
        for (; i + L <= n; i += L) DoubleVector.fromArray(S, x, off + i).mul(a).intoArray(x, off + i);
        for (; i < n; i++) x[off + i] *= a;
    }

    @Override
    public double sum(double[] x, int off, int n) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
            a1 = a1.add(DoubleVector.fromArray(S, x, off + i + L));
            a2 = a2.add(DoubleVector.fromArray(S, x, off + i + 2 * L));
            a3 = a3.add(DoubleVector.fromArray(S, x, off + i + 3 * L));
        }
        for (; i + L <= n; i += L) a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
        double s = LaneSums.sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public double sumOfSquares(double[] x, int off, int n) {
        return dot(x, off, x, off, n);
    }
}
