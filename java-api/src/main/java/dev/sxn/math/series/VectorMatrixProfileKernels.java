package dev.sxn.math.series;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernel: tiles of {@code 4 L} consecutive diagonals (L lanes of the preferred species),
 * walked row by row together, so that at row i the lanes hold the pairs (i, i + k0 .. i + k0 + 4L - 1):
 * the column-side data and best values are contiguous vector loads and stores. The row-side best needs
 * a reduction across lanes; it is skipped with one mask test unless some lane reaches the row's current
 * best (rare once the row has a good neighbour), and then done lane by lane in the exact tie order.
 * Tiles run from the highest diagonal down so that the column update can use a plain {@code >}. The
 * rows where the tile's longest diagonals outlive its shortest, and diagonals left over at the end, run
 * through the scalar reference code. Same arithmetic as {@link JavaMatrixProfileKernels}, so results
 * are bit-identical. Loaded only when VECTOR is available; stateless (its two small buffers are the
 * thread's {@link Scratch}).
 */
final class VectorMatrixProfileKernels implements MatrixProfileKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int W = 4 * L;

    @Override
    public void diagonals(Windows a, Windows b, int m, int period, int kLo, int kHi,
                          double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        try (Scratch scratch = Scratch.open()) {
            tiles(a, b, m, period, kLo, kHi, scratch.doubles(W), scratch.doubles(W), rowCorr, rowIdx, colCorr, colIdx);
        }
    }

    /** {@link #diagonals} with the row-best and covariance buffers ({@code W} doubles each) from the caller. */
    private static void tiles(Windows a, Windows b, int m, int period, int kLo, int kHi, double[] tmp, double[] cov,
                              double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        int tiles = (kHi - kLo) / W;
        // Order matters for the strict column test in step(): leftover diagonals first, then tiles from the
        // highest k0 down, so each column sees its candidate rows in increasing order.
        for (int k = kLo + tiles * W; k < kHi; k++) {
            JavaMatrixProfileKernels.diagonal(a, b, m, period, k, 0, 0.0, rowCorr, rowIdx, colCorr, colIdx);
        }
        for (int t = tiles - 1; t >= 0; t--) {
            int k0 = kLo + t * W;
            int vecEnd = Math.max(0, Math.min(a.count, b.count - (k0 + W - 1)));
            for (int i = 0, restart = 0; i < vecEnd; i++) {
                boolean exact = i == restart;
                if (exact) restart += period;
                step(a, b, m, i, i + k0, exact, cov, tmp, rowCorr, rowIdx, colCorr, colIdx);
            }
            for (int d = 0; d < W; d++) {
                JavaMatrixProfileKernels.diagonal(a, b, m, period, k0 + d, vecEnd, cov[d], rowCorr, rowIdx, colCorr, colIdx);
            }
        }
    }

    /**
     * One row i of a tile: the pairs (i, j .. j + W - 1). The W running covariances live in
     * {@code cov} between calls rather than in vector locals of one long loop: a small method reaches
     * C2 after a few thousand calls, whereas a long loop of Vector API code runs interpreted / in C1
     * (boxing every vector) until its OSR compilation, which made the first large call many times slower
     * than the next (time to steady state: bench/warmup.sh, WarmupHarness).
     * Once the caller is compiled, this is inlined and the cov traffic stays in L1.
     */
    private static void step(Windows a, Windows b, int m, int i, int j, boolean exact, double[] cov, double[] tmp,
                             double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        final double[] dfB = b.df, dgB = b.dg, invB = b.inv;
        DoubleVector c0, c1, c2, c3;
        if (exact) {
            // Scalar restart: the same fma sequence per lane as a vector one would do.
            for (int d = 0; d < W; d++) cov[d] = JavaMatrixProfileKernels.exactCov(a, i, b, j + d, m);
            c0 = DoubleVector.fromArray(S, cov, 0);
            c1 = DoubleVector.fromArray(S, cov, L);
            c2 = DoubleVector.fromArray(S, cov, 2 * L);
            c3 = DoubleVector.fromArray(S, cov, 3 * L);
        } else {
            DoubleVector fa = DoubleVector.broadcast(S, a.df[i]), ga = DoubleVector.broadcast(S, a.dg[i]);
            c0 = DoubleVector.fromArray(S, dfB, j).fma(ga, DoubleVector.fromArray(S, dgB, j).fma(fa, DoubleVector.fromArray(S, cov, 0)));
            c1 = DoubleVector.fromArray(S, dfB, j + L).fma(ga, DoubleVector.fromArray(S, dgB, j + L).fma(fa, DoubleVector.fromArray(S, cov, L)));
            c2 = DoubleVector.fromArray(S, dfB, j + 2 * L).fma(ga, DoubleVector.fromArray(S, dgB, j + 2 * L).fma(fa, DoubleVector.fromArray(S, cov, 2 * L)));
            c3 = DoubleVector.fromArray(S, dfB, j + 3 * L).fma(ga, DoubleVector.fromArray(S, dgB, j + 3 * L).fma(fa, DoubleVector.fromArray(S, cov, 3 * L)));
            c0.intoArray(cov, 0);
            c1.intoArray(cov, L);
            c2.intoArray(cov, 2 * L);
            c3.intoArray(cov, 3 * L);
        }
        double ia = a.inv[i];
        DoubleVector r0 = c0.mul(ia).mul(DoubleVector.fromArray(S, invB, j));
        DoubleVector r1 = c1.mul(ia).mul(DoubleVector.fromArray(S, invB, j + L));
        DoubleVector r2 = c2.mul(ia).mul(DoubleVector.fromArray(S, invB, j + 2 * L));
        DoubleVector r3 = c3.mul(ia).mul(DoubleVector.fromArray(S, invB, j + 3 * L));

        // Column update, written out (a helper taking vectors may not be inlined, and its vectors
        // would then be boxed): strict r > best, exact for the lowest-index tie
        // rule because, in the order diagonals() visits tiles, every earlier candidate of a column
        // has a lower row.
        DoubleVector iv = DoubleVector.broadcast(S, (double) i);
        VectorMask<Double> u0 = r0.compare(VectorOperators.GT, DoubleVector.fromArray(S, colCorr, j));
        r0.intoArray(colCorr, j, u0);
        iv.intoArray(colIdx, j, u0);
        VectorMask<Double> u1 = r1.compare(VectorOperators.GT, DoubleVector.fromArray(S, colCorr, j + L));
        r1.intoArray(colCorr, j + L, u1);
        iv.intoArray(colIdx, j + L, u1);
        VectorMask<Double> u2 = r2.compare(VectorOperators.GT, DoubleVector.fromArray(S, colCorr, j + 2 * L));
        r2.intoArray(colCorr, j + 2 * L, u2);
        iv.intoArray(colIdx, j + 2 * L, u2);
        VectorMask<Double> u3 = r3.compare(VectorOperators.GT, DoubleVector.fromArray(S, colCorr, j + 3 * L));
        r3.intoArray(colCorr, j + 3 * L, u3);
        iv.intoArray(colIdx, j + 3 * L, u3);

        double rb = rowCorr[i];
        // GE (not GT) so that ties reach the exact rule below; NaN lanes compare false.
        VectorMask<Double> hit = r0.compare(VectorOperators.GE, rb).or(r1.compare(VectorOperators.GE, rb))
                .or(r2.compare(VectorOperators.GE, rb)).or(r3.compare(VectorOperators.GE, rb));
        if (hit.anyTrue()) {
            r0.intoArray(tmp, 0);
            r1.intoArray(tmp, L);
            r2.intoArray(tmp, 2 * L);
            r3.intoArray(tmp, 3 * L);
            double best = rb, bestIdx = rowIdx[i];
            for (int d = 0; d < W; d++) {
                double r = tmp[d];
                if (r > best || (r == best && j + d < bestIdx)) {
                    best = r;
                    bestIdx = j + d;
                }
            }
            rowCorr[i] = best;
            rowIdx[i] = bestIdx;
        }
    }
}
