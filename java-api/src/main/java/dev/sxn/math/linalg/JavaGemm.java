package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * The JAVA kernel's GEMM, C := alpha op(A) op(B) + beta C on column-major arrays, written as column
 * sweeps: the inner loop updates one contiguous column of C from four columns of A at a time (C2
 * vectorises it). Blocked so that a {@value #MC} x {@value #KC} panel of A (256 KiB) stays in L2 while it
 * is reused for every column of C. Transposed operands are copied once into the NN layout (O(mk + kn)
 * against O(mnk) work), into per-thread {@link Scratch}, so a warm call allocates nothing. 2mnk flops. Stateless.
 */
final class JavaGemm {
    private static final int MC = 256; // rows of an A panel
    private static final int KC = 128; // columns of an A panel

    private JavaGemm() {}

    /** See {@link GemmKernels#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        int mn = m * n;
        if (beta == 0) {
            Arrays.fill(c, 0, mn, 0.0);
        } else if (beta != 1) {
            for (int i = 0; i < mn; i++) c[i] *= beta;
        }
        if (alpha == 0 || m == 0 || n == 0 || k == 0) return;
        // Transposed operands are copied once into the NN layout: O(mk + kn) against O(mnk) work, and it
        // keeps the one inner loop a contiguous column update. The copies are the thread's scratch.
        try (Scratch w = Scratch.open()) {
            double[] an = transA ? DenseArrays.transpose(a, k, m, w.doubles(m * k)) : a;
            double[] bn = transB ? DenseArrays.transpose(b, n, k, w.doubles(k * n)) : b;
            gemmNN(m, n, k, alpha, an, bn, c);
        }
    }

    /** C += alpha A B, A m x k, B k x n, no transposes. */
    static void gemmNN(int m, int n, int k, double alpha, double[] a, double[] b, double[] c) {
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            for (int i0 = 0; i0 < m; i0 += MC) {
                int i1 = Math.min(m, i0 + MC);
                for (int j = 0; j < n; j++) {
                    int cj = j * m;
                    int bj = j * k;
                    int p = p0;
                    for (; p + 3 < p1; p += 4) {
                        double b0 = alpha * b[bj + p], b1 = alpha * b[bj + p + 1];
                        double b2 = alpha * b[bj + p + 2], b3 = alpha * b[bj + p + 3];
                        int a0 = p * m, a1 = a0 + m, a2 = a1 + m, a3 = a2 + m;
                        for (int i = i0; i < i1; i++) {
                            c[cj + i] += b0 * a[a0 + i] + b1 * a[a1 + i] + b2 * a[a2 + i] + b3 * a[a3 + i];
                        }
                    }
                    for (; p < p1; p++) {
                        double bp = alpha * b[bj + p];
                        int ap = p * m;
                        for (int i = i0; i < i1; i++) c[cj + i] += bp * a[ap + i];
                    }
                }
            }
        }
    }
}
