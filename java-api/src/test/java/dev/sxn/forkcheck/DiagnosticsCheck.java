package dev.sxn.forkcheck;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.VectorOps;

/**
 * Main class run in forked JVMs by {@code DiagnosticsForkedJvmTest}: prints {@code Backends.describe()}, then
 * the outcome of a pinned NATIVE SVD (OpenBLAS only) and of an unpinned call through each kind's path, so the
 * test sees what a host sees. Lives outside dev.sxn.math so it can sit on the class path while the library is
 * on the module path.
 */
public final class DiagnosticsCheck {
    private DiagnosticsCheck() {}

    public static void main(String[] args) {
        System.out.println("module: " + Backends.class.getModule());
        System.out.print(Backends.describe());
        try {
            double[] s = Linalg.svd(Backend.NATIVE, DMatrix.of(new double[][] {{3, 0}, {0, 4}})).s();
            System.out.println("pinned NATIVE svd: s = " + s[0] + ", " + s[1]);
        } catch (RuntimeException e) {
            System.out.println("pinned NATIVE svd: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7) - 3;
        System.out.println("dot=" + VectorOps.dot(x, x));
    }
}
