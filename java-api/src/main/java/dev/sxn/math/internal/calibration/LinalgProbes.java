package dev.sxn.math.internal.calibration;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.VectorOps;
import java.util.List;

/**
 * The probes of the linear-algebra families: BLAS-1 on n elements, and the n x n products and decompositions
 * (size: the largest dimension). Sweeps reach sizes where a JAVA call takes milliseconds, no further.
 */
final class LinalgProbes {
    private LinalgProbes() {}

    static List<Probe> all() {
        return List.of(
                Probe.of(KernelFamilies.VECTOR_OPS_REDUCE, Probe.geometric(16, 4, 7), n -> {
                    double[] x = vector(n, 1), y = vector(n, 2);
                    double[] sink = new double[1];
                    return k -> sink[0] += VectorOps.dot(k, x, 0, y, 0, n);
                }),
                Probe.of(KernelFamilies.VECTOR_OPS_ELEMENTWISE, Probe.geometric(16, 4, 7), n -> {
                    double[] x = vector(n, 3), y = vector(n, 4);
                    return k -> VectorOps.axpy(k, 1e-12, x, 0, y, 0, n);
                }),
                Probe.of(KernelFamilies.GEMM, Probe.geometric(4, 2, 6), n -> {
                    DMatrix a = DMatrix.random(n, n, 5), b = DMatrix.random(n, n, 6), c = DMatrix.zeros(n, n);
                    return k -> Linalg.gemm(k, 1.0, a, false, b, false, 0.0, c);
                }),
                Probe.of(KernelFamilies.LU, Probe.geometric(4, 2, 6), n -> {
                    DMatrix a = spd(n, 7);
                    return k -> Linalg.lu(k, a);
                }),
                Probe.of(KernelFamilies.QR, Probe.geometric(4, 2, 6), n -> {
                    DMatrix a = DMatrix.random(n, n, 8);
                    return k -> Linalg.qr(k, a, false);
                }),
                Probe.of(KernelFamilies.SVD, Probe.geometric(4, 2, 6), n -> {
                    DMatrix a = DMatrix.random(n, n, 9);
                    return k -> Linalg.svd(k, a, true);
                }),
                Probe.of(KernelFamilies.CHOLESKY, Probe.geometric(8, 2, 7), n -> {
                    DMatrix a = spd(n, 10);
                    return k -> Linalg.cholesky(k, a);
                }),
                Probe.of(KernelFamilies.EIG_SYMMETRIC, Probe.geometric(4, 2, 6), n -> {
                    DMatrix a = spd(n, 11);
                    return k -> Linalg.eigSymmetric(k, a);
                }));
    }

    /** {@code n} values uniform in [-1, 1), the same for a seed on every JVM. */
    static double[] vector(int n, long seed) {
        return DMatrix.random(1, n, seed).data();
    }

    /** A random symmetric matrix with n on the diagonal: strictly diagonally dominant, so positive definite. */
    private static DMatrix spd(int n, long seed) {
        DMatrix a = DMatrix.random(n, n, seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) a.set(j, i, a.get(i, j));
            a.set(i, i, n);
        }
        return a;
    }
}
