package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import java.util.Arrays;

/**
 * The randomized SVD of Halko, Martinsson and Tropp ("Finding structure with randomness", SIAM Review
 * 53, 2011; Algorithms 4.4 and 5.1), behind {@link Linalg#randomizedSvd}.
 *
 * <p>With l = k + p columns: Y = A Omega for a Gaussian n x l test matrix Omega; Q = orth(Y) by
 * Householder QR; q power iterations Q = orth(A orth(A^T Q)), re-orthonormalised after every product
 * so the small singular directions are not lost to rounding; B = Q^T A (l x n); B = U_B S Vt by the
 * full SVD; U = Q U_B; the leading k triplets are returned. All the O(mnl) work is GEMM and QR, so
 * it runs on whichever backend those families pick (or the one pinned).
 *
 * <p>The test matrix comes from a counter-based generator: entry i (column-major) is a Box-Muller
 * normal of two uniforms, each the SplitMix64 finaliser of seed + c * 0x9E3779B97F4A7C15 for counter
 * c = 2i, 2i + 1. It depends on (seed, i) alone, not on the JDK's Random implementations or the
 * backend, so every backend multiplies by the same Omega.
 */
final class RandomizedSvd {
    private RandomizedSvd() {}

    /** Checks the arguments of {@link Linalg#randomizedSvd(Backend, DMatrix, int, int, int, long)} and computes it. */
    static SVD compute(Backend pinned, DMatrix a, int k, int oversample, int powerIters, long seed) {
        Checks.notNull(a, "A");
        Checks.inRange(k, "k", 1, Math.min(a.rows(), a.cols()), "min(m, n) of A, which is " + a.shape());
        Checks.atLeast(oversample, "oversample", 0);
        Checks.atLeast(powerIters, "powerIters", 0);
        MatrixChecks.allFinite(a, "A");
        int m = a.rows(), n = a.cols();
        int l = Math.min(Math.min(m, n), k + oversample);
        // A pinned kind runs the products; the QRs and the small SVD run on it where their family has it
        // (OPENCL has only a GEMM kernel), and are chosen per call otherwise.
        Backend qrKind = ifFamilyHas(KernelFamilies.QR, pinned), svdKind = ifFamilyHas(KernelFamilies.SVD, pinned);
        DMatrix omega = gaussian(n, l, seed);
        DMatrix q = orth(qrKind, product(pinned, a, false, omega, m, l));
        for (int it = 0; it < powerIters; it++) {
            DMatrix z = orth(qrKind, product(pinned, a, true, q, n, l));
            q = orth(qrKind, product(pinned, a, false, z, m, l));
        }
        DMatrix b = Linalg.gemm(pinned, 1.0, q, true, a, false, 0.0, DMatrix.zeros(l, n));
        SVD small = Linalg.svd(svdKind, b, true);
        // U = Q U_B restricted to the first k columns: Q (m x l) times the first k columns of U_B (l x l).
        DMatrix ubk = DMatrix.wrap(l, k, Arrays.copyOf(small.u().data(), l * k));
        DMatrix u = product(pinned, q, false, ubk, m, k);
        double[] s = Arrays.copyOf(small.s(), k);
        DMatrix vtk = DMatrix.zeros(k, n);
        double[] vt = small.vt().data();
        for (int j = 0; j < n; j++) System.arraycopy(vt, j * l, vtk.data(), j * k, k);
        return new SVD(u, s, vtk);
    }

    /** {@code kind} if {@code family} has a kernel of it, else null (choose per call). */
    private static Backend ifFamilyHas(KernelFamily family, Backend kind) {
        return kind != null && family.kinds().contains(kind) ? kind : null;
    }

    /** op(A) B as a new rows x cols matrix. */
    private static DMatrix product(Backend pinned, DMatrix a, boolean transA, DMatrix b, int rows, int cols) {
        return Linalg.gemm(pinned, 1.0, a, transA, b, false, 0.0, DMatrix.zeros(rows, cols));
    }

    /** The thin Q of Householder QR: orthonormal columns spanning those of y (y has at least as many rows as columns). */
    private static DMatrix orth(Backend kind, DMatrix y) {
        return Linalg.qr(kind, y, false).q();
    }

    /** The rows x cols test matrix: entry i (column-major) is {@link #normal(long, long) normal(seed, i)}. */
    static DMatrix gaussian(int rows, int cols, long seed) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) d[i] = normal(seed, i);
        return DMatrix.wrap(rows, cols, d);
    }

    /** A standard normal variate that depends only on (seed, index): Box-Muller on two counter-based uniforms. */
    static double normal(long seed, long index) {
        double u1 = uniform(seed, 2 * index);
        double u2 = uniform(seed, 2 * index + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A uniform in (0, 1]: the top 53 bits of SplitMix64's finaliser of seed + counter * golden gamma. */
    private static double uniform(long seed, long counter) {
        long z = seed + (counter + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return ((z >>> 11) + 1) * 0x1.0p-53;
    }
}
