package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * The LinalgVectorBench cases timed by the calling thread's CPU time (ThreadMXBean) rather than wall
 * clock: on a machine shared with other jobs, wall-clock time counts the time the thread waits for a
 * core, and cases measured minutes apart are not comparable. CPU time still includes cache and memory
 * contention, so it is an upper bound of a quiet machine's time. Single-threaded (OpenBLAS at 1 thread).
 * Also times the small sizes that set the VECTOR crossovers in {@code Linalg} (VECTOR against JAVA).
 *
 * <p>Sections: gemm, decomp, rsvd (5000 x 500), small (all four when no argument), rsvd-big (20000 x 2000,
 * only when named). Run: {@code OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector
 * --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.sxn.math.bench.LinalgVectorCpuTimes}.
 * Prints Markdown tables of the best CPU time of several calls after a warm-up long enough for C2.
 */
public final class LinalgVectorCpuTimes {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static Object sink;

    private LinalgVectorCpuTimes() {}

    /** Best CPU seconds of {@code reps} calls after {@code warm} warm-up calls. */
    private static double best(int warm, int reps, Supplier<Object> f) {
        for (int i = 0; i < warm; i++) sink = f.get();
        double b = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long c0 = MX.getCurrentThreadCpuTime();
            sink = f.get();
            b = Math.min(b, (MX.getCurrentThreadCpuTime() - c0) * 1e-9);
        }
        return b;
    }

    private static DMatrix spd(int n) {
        DMatrix x = DMatrix.random(n, n, 5);
        DMatrix s = Linalg.gemm(1.0, x, false, x, true, 0.0, DMatrix.zeros(n, n));
        for (int i = 0; i < n; i++) s.set(i, i, s.get(i, i) + n);
        for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) s.set(i, j, s.get(j, i));
        return s;
    }

    /** Main: the sections named in args (gemm, decomp, rsvd, small), all when none. */
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        java.util.Set<String> what = new java.util.HashSet<>(Arrays.asList(args));
        boolean all = what.isEmpty();
        if (all || what.contains("gemm")) {
            System.out.println("| n | VECTOR GFLOP/s | NATIVE GFLOP/s | EJML GFLOP/s | JAVA GFLOP/s | VECTOR / EJML | VECTOR % of 58 GFLOP/s peak |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int n : new int[] {64, 256, 1024, 2048}) {
                DMatrix a = DMatrix.random(n, n, 1), b = DMatrix.random(n, n, 2), c = DMatrix.zeros(n, n);
                int reps = n <= 256 ? 21 : n == 1024 ? 3 : 1;
                int warm = n <= 256 ? 400 : 3;
                double flops = 2.0 * n * n * n;
                double v = flops / best(warm, reps, () -> Linalg.gemm(Backend.VECTOR, 1.0, a, false, b, false, 0.0, c)) / 1e9;
                double nat = flops / best(Math.min(warm, 20), reps, () -> Linalg.gemm(Backend.NATIVE, 1.0, a, false, b, false, 0.0, c)) / 1e9;
                double ej = Double.NaN, jv = Double.NaN;
                if (n <= 1024) {
                    DMatrixRMaj ea = new DMatrixRMaj(a.toArray2D()), eb = new DMatrixRMaj(b.toArray2D()), ec = new DMatrixRMaj(n, n);
                    ej = flops / best(Math.min(warm, 20), reps, () -> {
                        CommonOps_DDRM.mult(ea, eb, ec);
                        return ec;
                    }) / 1e9;
                    jv = flops / best(Math.min(warm, 20), n == 1024 ? 1 : reps, () -> Linalg.gemm(Backend.JAVA, 1.0, a, false, b, false, 0.0, c)) / 1e9;
                }
                System.out.printf("| %d | %.2f | %.2f | %.2f | %.2f | %.1fx | %.0f%% |%n", n, v, nat, ej, jv, v / ej, 100 * v / 58);
            }
            System.out.println();
        }
        if (all || what.contains("decomp")) {
            int n = 1000;
            DMatrix a = DMatrix.random(n, n, 3);
            DMatrixRMaj ea = new DMatrixRMaj(a.toArray2D());
            System.out.println("| op 1000x1000 | VECTOR ms | NATIVE ms | EJML ms | JAVA ms | EJML time / VECTOR time |");
            System.out.println("|---|---|---|---|---|---|");
            double qv = best(3, 3, () -> Linalg.qr(Backend.VECTOR, a, false)) * 1e3;
            double qn = best(2, 3, () -> Linalg.qr(Backend.NATIVE, a, false)) * 1e3;
            double qe = best(1, 2, () -> {
                var d = DecompositionFactory_DDRM.qr(n, n);
                d.decompose(ea.copy());
                return d;
            }) * 1e3;
            double qj = best(1, 1, () -> Linalg.qr(Backend.JAVA, a, false)) * 1e3;
            System.out.printf("| qr | %.0f | %.0f | %.0f | %.0f | %.2f |%n", qv, qn, qe, qj, qe / qv);
            double sv = best(1, 1, () -> Linalg.svd(Backend.VECTOR, a, true)) * 1e3;
            double sn = best(1, 1, () -> Linalg.svd(Backend.NATIVE, a, true)) * 1e3;
            double se = best(1, 1, () -> {
                var d = DecompositionFactory_DDRM.svd(n, n, true, true, true);
                d.decompose(ea.copy());
                return d.getU(null, false);
            }) * 1e3;
            double sj = best(0, 1, () -> Linalg.svd(Backend.JAVA, a, true)) * 1e3;
            System.out.printf("| svd (thin, U and V) | %.0f | %.0f | %.0f | %.0f | %.2f |%n", sv, sn, se, sj, se / sv);
            DMatrix s = spd(n);
            double cv = best(3, 3, () -> Linalg.cholesky(Backend.VECTOR, s)) * 1e3;
            double cn = best(3, 3, () -> Linalg.cholesky(Backend.NATIVE, s)) * 1e3;
            double cj = best(1, 2, () -> Linalg.cholesky(Backend.JAVA, s)) * 1e3;
            System.out.printf("| cholesky | %.0f | %.0f | - | %.0f | - |%n", cv, cn, cj);
            double lv = best(3, 3, () -> Linalg.lu(Backend.VECTOR, a)) * 1e3;
            double ln = best(3, 3, () -> Linalg.lu(Backend.NATIVE, a)) * 1e3;
            double lj = best(1, 2, () -> Linalg.lu(Backend.JAVA, a)) * 1e3;
            System.out.printf("| lu | %.0f | %.0f | - | %.0f | - |%n", lv, ln, lj);
            double ev = best(1, 1, () -> Linalg.eigSymmetric(Backend.VECTOR, s)) * 1e3;
            double ej = best(1, 1, () -> Linalg.eigSymmetric(Backend.JAVA, s)) * 1e3;
            System.out.printf("| eigSymmetric | %.0f | - | - | %.0f | - |%n%n", ev, ej);
        }
        if (all || what.contains("rsvd")) {
            int m = 5000, n = 500;
            DMatrix a = Linalg.multiply(DMatrix.random(m, 50, 4), DMatrix.random(50, n, 5));
            System.out.println("| " + m + "x" + n + " rank 50 | randomized SVD ms (k 50, p 10, q 1) | full thin SVD ms | ratio |");
            System.out.println("|---|---|---|---|");
            for (Backend b : new Backend[] {Backend.VECTOR, Backend.NATIVE, Backend.JAVA}) {
                double r = best(2, 3, () -> Linalg.randomizedSvd(b, a, 50, 10, 1, 42)) * 1e3;
                double f = best(1, 1, () -> Linalg.svd(b, a, true)) * 1e3;
                System.out.printf("| %s | %.0f | %.0f | %.1fx |%n", b, r, f, f / r);
            }
            System.out.println();
        }
        if (what.contains("rsvd-big")) { // the size: one call each (minutes of CPU on JAVA, so not JAVA)
            int m = 20000, n = 2000;
            DMatrix a = Linalg.multiply(DMatrix.random(m, 50, 4), DMatrix.random(50, n, 5));
            System.out.println("| " + m + "x" + n + " rank 50 | randomized SVD ms (k 50, p 10, q 1) | full thin SVD ms | ratio |");
            System.out.println("|---|---|---|---|");
            for (Backend b : new Backend[] {Backend.VECTOR, Backend.NATIVE}) {
                double r = best(1, 2, () -> Linalg.randomizedSvd(b, a, 50, 10, 1, 42)) * 1e3;
                double f = best(0, 1, () -> Linalg.svd(b, a, true)) * 1e3;
                System.out.printf("| %s | %.0f | %.0f | %.1fx |%n", b, r, f, f / r);
            }
            System.out.println();
        }
        if (all || what.contains("small")) {
            System.out.println("| op | n | JAVA us | VECTOR us | VECTOR / JAVA time |");
            System.out.println("|---|---|---|---|---|");
            for (String op : new String[] {"gemm", "qr", "lu", "cholesky", "svd", "eigSymmetric"}) {
                for (int n : new int[] {8, 16, 32, 64, 128, 256}) {
                    DMatrix a = DMatrix.random(n, n, 7), b = DMatrix.random(n, n, 8), c = DMatrix.zeros(n, n), s = spd(n);
                    java.util.function.Function<Backend, Object> f = switch (op) {
                        case "gemm" -> k -> Linalg.gemm(k, 1.0, a, false, b, false, 0.0, c);
                        case "qr" -> k -> Linalg.qr(k, a, false);
                        case "lu" -> k -> Linalg.lu(k, a);
                        case "cholesky" -> k -> Linalg.cholesky(k, s);
                        case "svd" -> k -> Linalg.svd(k, a, true);
                        default -> k -> Linalg.eigSymmetric(k, s);
                    };
                    int reps = n <= 64 ? 200 : n == 128 ? 20 : 5;
                    int warm = Math.max(2, (int) Math.min(2000, 2e8 / ((double) n * n * n)));
                    double tj = best(warm, reps, () -> f.apply(Backend.JAVA)) * 1e6;
                    double tv = best(warm, reps, () -> f.apply(Backend.VECTOR)) * 1e6;
                    System.out.printf("| %s | %d | %.1f | %.1f | %.2f |%n", op, n, tj, tv, tv / tj);
                }
            }
        }
    }
}
