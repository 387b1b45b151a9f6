package dev.sxn.math.linalg;

import dev.sxn.math.testing.FaultCase.Call;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The linear-algebra calls of the fault-injection suite ({@code FaultInjectionTest}): one or more public calls
 * per family, each on its own seeded data. axpy, scale and gemm with beta != 0 update the caller's array in
 * place and rely on the kernel contract (in place only after success); every other call works on copies.
 */
public final class LinalgFaultCases {
    private LinalgFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                FaultCase.of("VectorOps.dot", KernelFamilies.VECTOR_OPS_REDUCE, k -> {
                    double[] x = vector(300, 1), y = vector(300, 2);
                    double[] r = new double[1];
                    return Call.of(() -> r[0] = VectorOps.dot(k, x, 3, y, 0, 290), () -> r, new Object[] {x, y});
                }),
                FaultCase.of("VectorOps.sum and sumOfSquares", KernelFamilies.VECTOR_OPS_REDUCE, k -> {
                    double[] x = vector(257, 3);
                    double[] r = new double[2];
                    return Call.of(() -> {
                        r[0] = VectorOps.sum(k, x, 1, 250);
                        r[1] = VectorOps.sumOfSquares(k, x, 0, 257);
                    }, () -> r, x);
                }),
                FaultCase.of("VectorOps.axpy", KernelFamilies.VECTOR_OPS_ELEMENTWISE, k -> {
                    double[] x = vector(300, 4), y = vector(300, 5);
                    return Call.of(() -> VectorOps.axpy(k, -0.75, x, 0, y, 10, 290), () -> y, x, () -> y);
                }).inPlaceOnCallersData(),
                FaultCase.of("VectorOps.scale", KernelFamilies.VECTOR_OPS_ELEMENTWISE, k -> {
                    double[] x = vector(300, 6);
                    return Call.of(() -> VectorOps.scale(k, 1.5, x, 7, 280), () -> x, null, () -> x);
                }).inPlaceOnCallersData(),
                FaultCase.of("Linalg.gemm, beta 0", KernelFamilies.GEMM, k -> {
                    DMatrix a = DMatrix.random(23, 17, 7), b = DMatrix.random(23, 19, 8), c = DMatrix.random(17, 19, 9);
                    return Call.of(() -> Linalg.gemm(k, 1.25, a, true, b, false, 0.0, c), c::data, new Object[] {a.data(), b.data()});
                }),
                FaultCase.of("Linalg.gemm, beta 0.5", KernelFamilies.GEMM, k -> {
                    DMatrix a = DMatrix.random(20, 16, 10), b = DMatrix.random(18, 16, 11), c = DMatrix.random(20, 18, 12);
                    return Call.of(() -> Linalg.gemm(k, -1.0, a, false, b, true, 0.5, c), c::data, new Object[] {a.data(), b.data()}, c::data);
                }).inPlaceOnCallersData(),
                FaultCase.of("Linalg.randomizedSvd (its products)", KernelFamilies.GEMM, k -> {
                    DMatrix a = DMatrix.random(40, 30, 13);
                    SVD[] r = new SVD[1];
                    return Call.of(() -> r[0] = Linalg.randomizedSvd(k, a, 5, 4, 1, 99), () -> svd(r[0]), a.data());
                }),
                FaultCase.of("Linalg.lu", KernelFamilies.LU, k -> {
                    DMatrix a = DMatrix.random(21, 18, 14);
                    LU[] r = new LU[1];
                    return Call.of(() -> r[0] = Linalg.lu(k, a), () -> new Object[] {r[0].packed().data(), r[0].pivots()}, a.data());
                }),
                FaultCase.of("Linalg.solve", KernelFamilies.LU, k -> {
                    DMatrix a = DMatrix.random(19, 19, 15), b = DMatrix.random(19, 3, 16);
                    DMatrix[] r = new DMatrix[1];
                    return Call.of(() -> r[0] = Linalg.solve(k, a, b), () -> r[0].data(), new Object[] {a.data(), b.data()});
                }),
                FaultCase.of("Linalg.inverse", KernelFamilies.LU, k -> {
                    DMatrix a = DMatrix.random(12, 12, 17);
                    DMatrix[] r = new DMatrix[1];
                    return Call.of(() -> r[0] = Linalg.inverse(k, a), () -> r[0].data(), a.data());
                }),
                FaultCase.of("Linalg.qr, R and thin Q", KernelFamilies.QR, k -> {
                    DMatrix a = DMatrix.random(25, 14, 18);
                    Object[] r = new Object[2];
                    return Call.of(() -> {
                        QR qr = Linalg.qr(k, a, false);
                        r[0] = qr.r().data();
                        r[1] = qr.q().data(); // forms Q: a second dispatch, after the factorisation
                    }, () -> r, a.data());
                }),
                FaultCase.of("Linalg.qr pivoted, full Q", KernelFamilies.QR, k -> {
                    DMatrix a = DMatrix.random(16, 22, 19);
                    Object[] r = new Object[3];
                    return Call.of(() -> {
                        QR qr = Linalg.qr(k, a, true);
                        r[0] = qr.r(true).data();
                        r[1] = qr.permutation();
                        r[2] = qr.q(true).data();
                    }, () -> r, a.data());
                }),
                FaultCase.of("Linalg.svd, thin", KernelFamilies.SVD, k -> {
                    DMatrix a = DMatrix.random(22, 15, 20);
                    SVD[] r = new SVD[1];
                    return Call.of(() -> r[0] = Linalg.svd(k, a, true), () -> svd(r[0]), a.data());
                }),
                FaultCase.of("Linalg.svd, full", KernelFamilies.SVD, k -> {
                    DMatrix a = DMatrix.random(13, 17, 21);
                    SVD[] r = new SVD[1];
                    return Call.of(() -> r[0] = Linalg.svd(k, a, false), () -> svd(r[0]), a.data());
                }),
                FaultCase.of("Linalg.cholesky", KernelFamilies.CHOLESKY, k -> {
                    DMatrix a = spd(20, 22);
                    Cholesky[] r = new Cholesky[1];
                    return Call.of(() -> r[0] = Linalg.cholesky(k, a), () -> r[0].l().data(), a.data());
                }),
                FaultCase.of("Linalg.eigSymmetric", KernelFamilies.EIG_SYMMETRIC, k -> {
                    DMatrix a = spd(18, 23);
                    SymmetricEigen[] r = new SymmetricEigen[1];
                    return Call.of(() -> r[0] = Linalg.eigSymmetric(k, a), () -> new Object[] {r[0].values(), r[0].vectors().data()},
                            a.data());
                }));
    }

    private static Object svd(SVD r) {
        return new Object[] {r.u().data(), r.s(), r.vt().data()};
    }

    private static double[] vector(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    /** G G^T + n I: symmetric positive definite. */
    private static DMatrix spd(int n, long seed) {
        DMatrix g = DMatrix.random(n, n, seed);
        DMatrix a = Linalg.gemm(Backend.JAVA, 1.0, g, false, g, true, 0.0, DMatrix.zeros(n, n));
        for (int i = 0; i < n; i++) a.set(i, i, a.get(i, i) + n);
        return a;
    }
}
