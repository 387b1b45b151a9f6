package dev.sxn.math.filter;

import dev.sxn.math.internal.vector.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link KalmanKernels}. Every product runs along the contiguous (column) dimension of its
 * row-major output: a row of the output is accumulated as broadcast(a[i][l]) * (row l of b) with FMA,
 * so loads are unit-stride and no horizontal reduction is needed; a' b ({@link #mulTransAAdd}) reads a
 * column of a as broadcasts for the same reason, and a b' ({@link #mulTransB}) first transposes b into
 * the caller's work array (k c scalar moves against r k c multiply-adds). The Cholesky solve works on
 * whole rows of B (forward then backward substitution over the rows, each a vector update). Columns
 * past the last full vector are a scalar tail. Only {@link #mulVec} reduces across lanes.
 *
 * <p>FMA and lane-wise partial sums round differently from the plain loops, so results agree with
 * {@link JavaKalmanKernels} to a few ulps per product, not bit for bit. Loaded by name only when
 * VECTOR is available.
 */
final class VectorKalmanKernels implements KalmanKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void mul(double[] a, double[] b, double[] out, int r, int k, int c) {
        int cv = c - c % L;
        for (int i = 0; i < r; i++) {
            int ai = i * k;
            int oi = i * c;
            int j = 0;
            for (; j + 2 * L <= cv; j += 2 * L) {
                DoubleVector acc0 = DoubleVector.zero(S);
                DoubleVector acc1 = DoubleVector.zero(S);
                for (int l = 0; l < k; l++) {
                    DoubleVector w = DoubleVector.broadcast(S, a[ai + l]);
                    acc0 = DoubleVector.fromArray(S, b, l * c + j).fma(w, acc0);
                    acc1 = DoubleVector.fromArray(S, b, l * c + j + L).fma(w, acc1);
                }
                acc0.intoArray(out, oi + j);
                acc1.intoArray(out, oi + j + L);
            }
            for (; j < cv; j += L) {
                DoubleVector acc = DoubleVector.zero(S);
                for (int l = 0; l < k; l++) acc = DoubleVector.fromArray(S, b, l * c + j).fma(DoubleVector.broadcast(S, a[ai + l]), acc);
                acc.intoArray(out, oi + j);
            }
            for (; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[ai + l] * b[l * c + j];
                out[oi + j] = s;
            }
        }
    }

    @Override
    public void mulTransB(double[] a, double[] b, double[] out, int r, int k, int c, double[] work) {
        for (int j = 0; j < c; j++) {
            for (int l = 0; l < k; l++) work[l * c + j] = b[j * k + l];
        }
        mul(a, work, out, r, k, c);
    }

    @Override
    public void mulTransAAdd(double alpha, double[] a, double[] b, double[] out, int k, int r, int c) {
        int cv = c - c % L;
        for (int i = 0; i < r; i++) {
            int oi = i * c;
            int j = 0;
            for (; j < cv; j += L) {
                DoubleVector acc = DoubleVector.zero(S);
                for (int l = 0; l < k; l++) acc = DoubleVector.fromArray(S, b, l * c + j).fma(DoubleVector.broadcast(S, a[l * r + i]), acc);
                DoubleVector.fromArray(S, out, oi + j).add(acc.mul(alpha)).intoArray(out, oi + j);
            }
            for (; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[l * r + i] * b[l * c + j];
                out[oi + j] += alpha * s;
            }
        }
    }

    @Override
    public void mulVec(double[] a, double[] x, double[] y, int r, int c) {
        int cv = c - c % L;
        for (int i = 0; i < r; i++) {
            int ai = i * c;
            double s;
            int l = 0;
            if (cv > 0) {
                DoubleVector acc = DoubleVector.zero(S);
                for (; l < cv; l += L) acc = DoubleVector.fromArray(S, a, ai + l).fma(DoubleVector.fromArray(S, x, l), acc);
                if (L > 8) {
                    s = LaneSums.sum(acc);
                } else {
                    // LaneSums.sum written out: passed to a call C2 did not inline, acc was boxed once per row.
                    if (L >= 8) acc = acc.add(acc.rearrange(LaneSums.X4));
                    if (L >= 4) acc = acc.add(acc.rearrange(LaneSums.X2));
                    if (L >= 2) acc = acc.add(acc.rearrange(LaneSums.X1));
                    s = acc.lane(0);
                }
            } else {
                s = 0;
            }
            for (; l < c; l++) s += a[ai + l] * x[l];
            y[i] = s;
        }
    }

    @Override
    public void cholSolve(double[] l, double[] b, int k, int c) {
        int cv = c - c % L;
        for (int i = 0; i < k; i++) {
            int bi = i * c;
            double d = l[i * k + i];
            int j = 0;
            for (; j < cv; j += L) {
                DoubleVector s = DoubleVector.fromArray(S, b, bi + j);
                for (int p = 0; p < i; p++) s = DoubleVector.fromArray(S, b, p * c + j).fma(DoubleVector.broadcast(S, -l[i * k + p]), s);
                s.div(d).intoArray(b, bi + j);
            }
            for (; j < c; j++) {
                double s = b[bi + j];
                for (int p = 0; p < i; p++) s -= l[i * k + p] * b[p * c + j];
                b[bi + j] = s / d;
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            int bi = i * c;
            double d = l[i * k + i];
            int j = 0;
            for (; j < cv; j += L) {
                DoubleVector s = DoubleVector.fromArray(S, b, bi + j);
                for (int p = i + 1; p < k; p++) s = DoubleVector.fromArray(S, b, p * c + j).fma(DoubleVector.broadcast(S, -l[p * k + i]), s);
                s.div(d).intoArray(b, bi + j);
            }
            for (; j < c; j++) {
                double s = b[bi + j];
                for (int p = i + 1; p < k; p++) s -= l[p * k + i] * b[p * c + j];
                b[bi + j] = s / d;
            }
        }
    }
}
