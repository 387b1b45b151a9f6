package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The VECTOR kernel's GEMM on the Vector API, C := alpha op(A) op(B) + beta C on sub-matrices, by the
 * Goto/BLIS scheme (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM
 * TOMS 34, 2008). Op(B) is packed per KC x NC block into micro-panels of NR columns (row-major inside a
 * panel), alpha op(A) per MC x KC block into micro-panels of MR rows (column-major inside a panel); the
 * transposes are absorbed by the packing, so one micro-kernel serves all four cases. The micro-kernel
 * keeps an MR x NR = (4 vectors) x 6 tile of C in 24 vector accumulators (MR = 32 rows with 512-bit
 * vectors) and does one broadcast FMA per accumulator per k step; 24 accumulators + 4 A vectors + 1
 * broadcast fit the 32 AVX-512 registers. Edge panels are zero-padded when packed, so the micro-kernel
 * always runs full tiles; a partial tile is written through a small scratch tile with a scalar loop.
 * Blocking: KC = 256 (an NR-wide B micro-panel, 12 KiB, stays in L1), MC = 128 (the packed A block,
 * 256 KiB, stays in L2), NC = 1024. Packing buffers are the thread's {@link Scratch}: a warm call allocates nothing.
 * 2mnk flops.
 *
 * <p>Loaded only through {@link VectorLinalgKernels}, like every class that touches jdk.incubator.vector.
 * Stateless and thread-safe.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Micro-tile rows: four vectors. */
    static final int MR = 4 * L;
    /** Micro-tile columns. */
    static final int NR = 6;
    private static final int KC = 256;
    private static final int MC = Math.max(MR, (128 / MR) * MR);
    private static final int NC = 1024;

    private VectorGemm() {}

    /**
     * C := alpha op(A) op(B) + beta C on sub-matrices: element (i, j) of X is x[xOff + i + j * ldx];
     * op(A) is m x k (A stored k x m when transposed), op(B) k x n, C m x n. beta == 0 ignores C's contents.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
                     double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (beta == 0) {
            for (int j = 0; j < n; j++) Arrays.fill(c, cOff + j * ldc, cOff + j * ldc + m, 0.0);
        } else if (beta != 1) {
            for (int j = 0; j < n; j++) VectorDenseOps.INSTANCE.scal(beta, c, cOff + j * ldc, m);
        }
        if (alpha == 0 || k == 0) return;
        int kcMax = Math.min(KC, k);
        int mcMax = roundUp(Math.min(MC, m), MR);
        int ncMax = roundUp(Math.min(NC, n), NR);
        try (Scratch w = Scratch.open()) {
            // Packing fills every entry the micro-kernel reads (edges zero-padded), so reused buffers need no clearing.
            gemmBlocked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, w.doubles(mcMax * kcMax),
                    w.doubles(ncMax * kcMax), w.doubles(MR * NR));
        }
    }

    /** The blocked loops of {@link #gemm} with its packing buffers pa, pb and edge tile. */
    private static void gemmBlocked(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
                                    double[] b, int bOff, int ldb, double[] c, int cOff, int ldc, double[] pa, double[] pb, double[] tile) {
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                packB(transB, b, bOff, ldb, p0, kc, j0, nc, pb);
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    packA(transA, a, aOff, lda, i0, mc, p0, kc, alpha, pa);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bBase = jr * kc;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            micro(kc, pa, ir * kc, pb, bBase, c, cOff + (i0 + ir) + (j0 + jr) * ldc, ldc, mr, nr, tile);
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /** Packs alpha op(A)[i0.., p0..] (mc x kc) into MR-row micro-panels, panel-major, zero-padded. */
    private static void packA(boolean transA, double[] a, int aOff, int lda, int i0, int mc, int p0, int kc, double alpha, double[] pa) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (!transA) {
                int col = aOff + i0 + ir + p0 * lda;
                if (mr == MR) {
                    for (int p = 0; p < kc; p++) {
                        int src = col + p * lda, dst = base + p * MR;
                        DoubleVector.fromArray(S, a, src).mul(alpha).intoArray(pa, dst);
                        DoubleVector.fromArray(S, a, src + L).mul(alpha).intoArray(pa, dst + L);
                        DoubleVector.fromArray(S, a, src + 2 * L).mul(alpha).intoArray(pa, dst + 2 * L);
                        DoubleVector.fromArray(S, a, src + 3 * L).mul(alpha).intoArray(pa, dst + 3 * L);
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        int src = col + p * lda, dst = base + p * MR;
                        for (int i = 0; i < mr; i++) pa[dst + i] = alpha * a[src + i];
                        Arrays.fill(pa, dst + mr, dst + MR, 0.0);
                    }
                }
            } else {
                // op(A)(i, p) = a[p + i lda]: read along p (contiguous), write with stride MR.
                for (int i = 0; i < mr; i++) {
                    int src = aOff + p0 + (i0 + ir + i) * lda;
                    for (int p = 0; p < kc; p++) pa[base + p * MR + i] = alpha * a[src + p];
                }
                if (mr < MR) {
                    for (int p = 0; p < kc; p++) Arrays.fill(pa, base + p * MR + mr, base + (p + 1) * MR, 0.0);
                }
            }
        }
    }

    /** Packs op(B)[p0.., j0..] (kc x nc) into NR-column micro-panels, each stored k-major, zero-padded. */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, double[] pb) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (!transB) {
                // op(B)(p, j) = b[p + j ldb]: read down the column, write with stride NR.
                for (int j = 0; j < nr; j++) {
                    int src = bOff + p0 + (j0 + jr + j) * ldb;
                    for (int p = 0; p < kc; p++) pb[base + p * NR + j] = b[src + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + j0 + jr + (p0 + p) * ldb;
                    for (int j = 0; j < nr; j++) pb[base + p * NR + j] = b[src + j];
                }
            }
            if (nr < NR) {
                for (int p = 0; p < kc; p++) Arrays.fill(pb, base + p * NR + nr, base + (p + 1) * NR, 0.0);
            }
        }
    }

    /**
     * C[0..mr, 0..nr] += A_panel B_panel over kc steps (C at c[co + i + j ldc]); the full MR x NR tile
     * is computed in registers, and only the valid mr x nr corner is added to C.
     */
    private static void micro(int kc, double[] pa, int ao, double[] pb, int bo, double[] c, int co, int ldc, int mr, int nr,
                              double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S), c10 = c00, c20 = c00, c30 = c00;
        DoubleVector c01 = c00, c11 = c00, c21 = c00, c31 = c00;
        DoubleVector c02 = c00, c12 = c00, c22 = c00, c32 = c00;
        DoubleVector c03 = c00, c13 = c00, c23 = c00, c33 = c00;
        DoubleVector c04 = c00, c14 = c00, c24 = c00, c34 = c00;
        DoubleVector c05 = c00, c15 = c00, c25 = c00, c35 = c00;
        int aEnd = ao + kc * MR;
        for (int ai = ao, bi = bo; ai < aEnd; ai += MR, bi += NR) {
            DoubleVector a0 = DoubleVector.fromArray(S, pa, ai);
            DoubleVector a1 = DoubleVector.fromArray(S, pa, ai + L);
            DoubleVector a2 = DoubleVector.fromArray(S, pa, ai + 2 * L);
            DoubleVector a3 = DoubleVector.fromArray(S, pa, ai + 3 * L);
            DoubleVector b = DoubleVector.broadcast(S, pb[bi]);
            c00 = a0.fma(b, c00);
            c10 = a1.fma(b, c10);
            c20 = a2.fma(b, c20);
            c30 = a3.fma(b, c30);
            b = DoubleVector.broadcast(S, pb[bi + 1]);
            c01 = a0.fma(b, c01);
            c11 = a1.fma(b, c11);
            c21 = a2.fma(b, c21);
            c31 = a3.fma(b, c31);
            b = DoubleVector.broadcast(S, pb[bi + 2]);
            c02 = a0.fma(b, c02);
            c12 = a1.fma(b, c12);
            c22 = a2.fma(b, c22);
            c32 = a3.fma(b, c32);
            b = DoubleVector.broadcast(S, pb[bi + 3]);
            c03 = a0.fma(b, c03);
            c13 = a1.fma(b, c13);
            c23 = a2.fma(b, c23);
            c33 = a3.fma(b, c33);
            b = DoubleVector.broadcast(S, pb[bi + 4]);
            c04 = a0.fma(b, c04);
            c14 = a1.fma(b, c14);
            c24 = a2.fma(b, c24);
            c34 = a3.fma(b, c34);
            b = DoubleVector.broadcast(S, pb[bi + 5]);
            c05 = a0.fma(b, c05);
            c15 = a1.fma(b, c15);
            c25 = a2.fma(b, c25);
            c35 = a3.fma(b, c35);
        }
        // Written out rather than through helpers: a vector passed to a call that C2 does not inline is boxed.
        if (mr == MR && nr == NR) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + L).add(c10).intoArray(c, co + L);
            DoubleVector.fromArray(S, c, co + 2 * L).add(c20).intoArray(c, co + 2 * L);
            DoubleVector.fromArray(S, c, co + 3 * L).add(c30).intoArray(c, co + 3 * L);
            DoubleVector.fromArray(S, c, co + ldc).add(c01).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + ldc + L).add(c11).intoArray(c, co + ldc + L);
            DoubleVector.fromArray(S, c, co + ldc + 2 * L).add(c21).intoArray(c, co + ldc + 2 * L);
            DoubleVector.fromArray(S, c, co + ldc + 3 * L).add(c31).intoArray(c, co + ldc + 3 * L);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c02).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc + L).add(c12).intoArray(c, co + 2 * ldc + L);
            DoubleVector.fromArray(S, c, co + 2 * ldc + 2 * L).add(c22).intoArray(c, co + 2 * ldc + 2 * L);
            DoubleVector.fromArray(S, c, co + 2 * ldc + 3 * L).add(c32).intoArray(c, co + 2 * ldc + 3 * L);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c03).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc + L).add(c13).intoArray(c, co + 3 * ldc + L);
            DoubleVector.fromArray(S, c, co + 3 * ldc + 2 * L).add(c23).intoArray(c, co + 3 * ldc + 2 * L);
            DoubleVector.fromArray(S, c, co + 3 * ldc + 3 * L).add(c33).intoArray(c, co + 3 * ldc + 3 * L);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c04).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc + L).add(c14).intoArray(c, co + 4 * ldc + L);
            DoubleVector.fromArray(S, c, co + 4 * ldc + 2 * L).add(c24).intoArray(c, co + 4 * ldc + 2 * L);
            DoubleVector.fromArray(S, c, co + 4 * ldc + 3 * L).add(c34).intoArray(c, co + 4 * ldc + 3 * L);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c05).intoArray(c, co + 5 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc + L).add(c15).intoArray(c, co + 5 * ldc + L);
            DoubleVector.fromArray(S, c, co + 5 * ldc + 2 * L).add(c25).intoArray(c, co + 5 * ldc + 2 * L);
            DoubleVector.fromArray(S, c, co + 5 * ldc + 3 * L).add(c35).intoArray(c, co + 5 * ldc + 3 * L);
            return;
        }
        c00.intoArray(tile, 0);
        c10.intoArray(tile, L);
        c20.intoArray(tile, 2 * L);
        c30.intoArray(tile, 3 * L);
        c01.intoArray(tile, MR);
        c11.intoArray(tile, MR + L);
        c21.intoArray(tile, MR + 2 * L);
        c31.intoArray(tile, MR + 3 * L);
        c02.intoArray(tile, 2 * MR);
        c12.intoArray(tile, 2 * MR + L);
        c22.intoArray(tile, 2 * MR + 2 * L);
        c32.intoArray(tile, 2 * MR + 3 * L);
        c03.intoArray(tile, 3 * MR);
        c13.intoArray(tile, 3 * MR + L);
        c23.intoArray(tile, 3 * MR + 2 * L);
        c33.intoArray(tile, 3 * MR + 3 * L);
        c04.intoArray(tile, 4 * MR);
        c14.intoArray(tile, 4 * MR + L);
        c24.intoArray(tile, 4 * MR + 2 * L);
        c34.intoArray(tile, 4 * MR + 3 * L);
        c05.intoArray(tile, 5 * MR);
        c15.intoArray(tile, 5 * MR + L);
        c25.intoArray(tile, 5 * MR + 2 * L);
        c35.intoArray(tile, 5 * MR + 3 * L);
        for (int j = 0; j < nr; j++) {
            int cj = co + j * ldc, tj = j * MR;
            for (int i = 0; i < mr; i++) c[cj + i] += tile[tj + i];
        }
    }
}
