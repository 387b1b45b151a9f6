package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * The LinalgBench cases timed by the calling thread's CPU time (ThreadMXBean) instead of wall-clock
 * time: a companion to the JMH run for a machine shared with other jobs, where wall-clock time counts
 * the time this thread waits for a core (several times its running time at a load of ~10 on 2 cores)
 * and ratios between cases measured minutes apart are not comparable. CPU time still includes cache
 * and memory contention, so it is an upper bound of a quiet machine's time. All single-threaded
 * (OpenBLAS at 1 thread; run with OPENBLAS_NUM_THREADS=1 so netlib's JNI BLAS is too).
 *
 * <p>Run: {@code OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector
 * --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.sxn.math.bench.LinalgCpuTimes}.
 * Prints Markdown tables: the best (minimum) and median CPU time of several calls after warm-up.
 */
public final class LinalgCpuTimes {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static Object sink;

    private LinalgCpuTimes() {}

    /** Best and median CPU seconds of {@code reps} calls after {@code warm} warm-up calls. */
    private static double[] time(int warm, int reps, Supplier<Object> f) {
        for (int i = 0; i < warm; i++) sink = f.get();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = MX.getCurrentThreadCpuTime();
            sink = f.get();
            t[i] = (MX.getCurrentThreadCpuTime() - c0) * 1e-9;
        }
        Arrays.sort(t);
        return new double[] {t[0], t[reps / 2]};
    }

    private static double peakOnce() {
        DoubleVector m = DoubleVector.broadcast(SPECIES, 0.9999999);
        DoubleVector c = DoubleVector.broadcast(SPECIES, 1e-9);
        DoubleVector v0 = DoubleVector.broadcast(SPECIES, 1.0), v1 = v0.add(1), v2 = v0.add(2), v3 = v0.add(3);
        DoubleVector v4 = v0.add(4), v5 = v0.add(5), v6 = v0.add(6), v7 = v0.add(7);
        DoubleVector v8 = v0.add(8), v9 = v0.add(9), v10 = v0.add(10), v11 = v0.add(11);
        for (int i = 0; i < 1_000_000; i++) {
            v0 = v0.fma(m, c); v1 = v1.fma(m, c); v2 = v2.fma(m, c); v3 = v3.fma(m, c);
            v4 = v4.fma(m, c); v5 = v5.fma(m, c); v6 = v6.fma(m, c); v7 = v7.fma(m, c);
            v8 = v8.fma(m, c); v9 = v9.fma(m, c); v10 = v10.fma(m, c); v11 = v11.fma(m, c);
        }
        return v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11)
                .reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        boolean quick = args.length > 0 && args[0].equals("--quick");
        double[] pk = time(3, 7, LinalgCpuTimes::peakOnce);
        double flopsPeak = 2.0 * 12 * 1_000_000 * SPECIES.length();
        double peak = flopsPeak / pk[0] / 1e9;
        System.out.printf("peak: %d-lane FMA chains, best %.1f GFLOP/s, median %.1f GFLOP/s%n%n", SPECIES.length(), peak,
                flopsPeak / pk[1] / 1e9);

        System.out.println("| n | JAVA | NATIVE | EJML | NETLIB (JNI) | NETLIB_JAVA | NATIVE % of peak | NATIVE / EJML | JAVA / EJML |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        var jni = dev.ludovic.netlib.blas.BLAS.getInstance();
        var jblas = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
        for (int n : quick ? new int[] {64, 256} : new int[] {64, 256, 1024, 2048}) {
            DMatrix a = DMatrix.random(n, n, 1), b = DMatrix.random(n, n, 2), c = DMatrix.zeros(n, n);
            DMatrixRMaj ea = new DMatrixRMaj(a.toArray2D()), eb = new DMatrixRMaj(b.toArray2D()), ec = new DMatrixRMaj(n, n);
            int reps = n <= 256 ? 21 : n <= 1024 ? 3 : 1;
            int warm = n <= 64 ? 2000 : n <= 256 ? 40 : 1; // enough calls for C2 to compile the small case
            double fl = 2.0 * n * n * n / 1e9;
            double jv = fl / time(warm, reps, () -> Linalg.gemm(Backend.JAVA, 1, a, false, b, false, 0, c))[0];
            double nt = fl / time(warm, reps, () -> Linalg.gemm(Backend.NATIVE, 1, a, false, b, false, 0, c))[0];
            double ej = n > 1024 ? Double.NaN : fl / time(warm, reps, () -> { CommonOps_DDRM.mult(ea, eb, ec); return ec; })[0];
            double nj = fl / time(warm, reps, () -> { jni.dgemm("N", "N", n, n, n, 1, a.data(), n, b.data(), n, 0, c.data(), n); return c; })[0];
            double nv = n > 1024 ? Double.NaN : fl / time(warm, reps, () -> { jblas.dgemm("N", "N", n, n, n, 1, a.data(), n, b.data(), n, 0, c.data(), n); return c; })[0];
            System.out.printf("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f%% | %.1fx | %.2fx |%n", n, jv, nt, ej, nj, nv, 100 * nt / peak,
                    nt / ej, jv / ej);
        }
        System.out.println("\n(GFLOP/s from the best CPU time; EJML and netlib's Java BLAS skipped at 2048 to bound the run)");

        System.out.println("\n| op | shape | JAVA ms | NATIVE ms | EJML ms | EJML / NATIVE | JAVA / EJML |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String shape : quick ? new String[] {"256x256", "2000x200"} : new String[] {"256x256", "2000x200", "1000x1000"}) {
            String[] p = shape.split("x");
            int m = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
            DMatrix a = DMatrix.random(m, n, 3);
            DMatrix sym = Linalg.gemm(1.0, a, true, a, false, 0.0, DMatrix.zeros(n, n));
            DMatrixRMaj ea = new DMatrixRMaj(a.toArray2D()), esym = new DMatrixRMaj(sym.toArray2D());
            boolean big = m * n >= 1_000_000;
            int warm = big ? 1 : 10, reps = big ? 1 : 5; // 10 warm-up calls: C2 has compiled the kernels
            List<String> rows = new ArrayList<>();
            for (String op : new String[] {"qr", "svd", "eigSymmetric"}) {
                double[] t = new double[3];
                for (int i = 0; i < 3; i++) {
                    Backend kind = i == 0 ? Backend.JAVA : Backend.NATIVE;
                    Supplier<Object> f = switch (op) {
                        case "qr" -> i < 2 ? () -> Linalg.qr(kind, a, false) : () -> {
                            var d = DecompositionFactory_DDRM.qr(m, n);
                            d.decompose(d.inputModified() ? ea.copy() : ea);
                            return d;
                        };
                        case "svd" -> i < 2 ? () -> Linalg.svd(kind, a, true) : () -> {
                            var d = DecompositionFactory_DDRM.svd(m, n, true, true, true);
                            d.decompose(d.inputModified() ? ea.copy() : ea);
                            return d.getU(null, false);
                        };
                        default -> i < 2 ? () -> Linalg.eigSymmetric(kind, sym) : () -> {
                            var d = DecompositionFactory_DDRM.eig(n, true, true);
                            d.decompose(d.inputModified() ? esym.copy() : esym);
                            return d.getEigenVector(0);
                        };
                    };
                    t[i] = 1e3 * time(warm, reps, f)[0];
                }
                rows.add(String.format("| %s | %s | %.1f | %.1f | %.1f | %.1fx | %.2f |", op,
                        op.equals("eigSymmetric") ? n + "x" + n + (m != n ? " (A^T A)" : "") : shape, t[0], t[1], t[2], t[2] / t[1], t[0] / t[2]));
            }
            rows.forEach(System.out::println);
        }

        System.out.println("\n| op | n | JAVA us | NATIVE us | JAVA / NATIVE |");
        System.out.println("|---|---|---|---|---|");
        for (String op : new String[] {"gemm", "solve", "qr+Q", "svd", "cholesky", "eigSymmetric"}) {
            for (int n : new int[] {4, 8, 16, 32, 64}) {
                DMatrix a = DMatrix.random(n, n, 5), b = DMatrix.random(n, n, 6), c = DMatrix.zeros(n, n);
                DMatrix spd = Linalg.gemm(Backend.JAVA, 1.0, a, false, a, true, 0.0, DMatrix.zeros(n, n));
                for (int i = 0; i < n; i++) spd.set(i, i, spd.get(i, i) + n);
                double[] t = new double[2];
                for (int i = 0; i < 2; i++) {
                    Backend kind = i == 0 ? Backend.JAVA : Backend.NATIVE;
                    Supplier<Object> f = switch (op) {
                        case "gemm" -> () -> Linalg.gemm(kind, 1, a, false, b, false, 0, c);
                        case "solve" -> () -> Linalg.solve(kind, a, b);
                        case "qr+Q" -> () -> Linalg.qr(kind, a, false).q();
                        case "svd" -> () -> Linalg.svd(kind, a, true);
                        case "cholesky" -> () -> Linalg.cholesky(kind, spd);
                        default -> () -> Linalg.eigSymmetric(kind, spd);
                    };
                    // Many calls per sample: a thread's CPU clock ticks in microseconds at best.
                    int inner = Math.max(1, 200_000 / (n * n * n));
                    t[i] = 1e6 / inner * time(2000 / inner + 5, 15, () -> {
                        Object o = null;
                        for (int r = 0; r < inner; r++) o = f.get();
                        return o;
                    })[0];
                }
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", op, n, t[0], t[1], t[0] / t[1]);
            }
        }
        if (sink == null) System.out.println();
    }
}
