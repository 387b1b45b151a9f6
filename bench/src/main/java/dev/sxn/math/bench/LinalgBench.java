package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dense linear algebra: GEMM (n x n) per backend beside EJML and netlib, QR / SVD / symmetric eigen
 * beside EJML, all single-threaded, in one run. The peak FLOP rate GEMM is compared with is
 * {@link PeakFlopsBench#vectorFma} (run it beside this class: {@code 'LinalgBench|PeakFlopsBench'}).
 *
 * <p>Times are per call, including the copy of the input that every decomposition makes (EJML's
 * decompositions that overwrite their input get a fresh copy too, so both sides pay it). QR is the
 * factorisation only (Q not formed, on either side); SVD is thin with U and V; eigen computes vectors.
 * The eigen case "2000x200" is the 200 x 200 Gram matrix A^T A of the 2000 x 200 matrix.
 *
 * <p>Run with {@code OPENBLAS_NUM_THREADS=1} in the environment (JMH's forks inherit it): netlib's
 * JNI instance loads the system libblas.so.3, which on Debian is a second OpenBLAS build that would
 * otherwise start one thread per core; ours is set to one thread by {@code sxn.blas.threads}.
 *
 * <p>Run: {@code OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main LinalgBench -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Quick(value = {"gemm:n=64,1024", "gemm:impl=JAVA,NATIVE,EJML", "svd:shape=256x256,1000x1000",
        "qr|eigSymmetric:shape=256x256", "qr|eigSymmetric:impl=NATIVE,EJML", "small.*:n=16"},
        skip = "smallCholesky|smallEig|smallQr|smallSvd")
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LinalgBench {

    /** GEMM C = A B, n x n. */
    @State(Scope.Thread)
    public static class Gemm {
        /** NETLIB: dev.ludovic.netlib's default instance (JNI into the system BLAS); NETLIB_JAVA: its pure-Java one. */
        @Param({"JAVA", "NATIVE", "EJML", "NETLIB", "NETLIB_JAVA"})
        public String impl;

        @Param({"64", "256", "1024", "2048"})
        public int n;

        DMatrix a, b, c;
        DMatrixRMaj ea, eb, ec;
        dev.ludovic.netlib.blas.BLAS netlib;

        @Setup(Level.Trial)
        public void setup() {
            a = DMatrix.random(n, n, 1);
            b = DMatrix.random(n, n, 2);
            c = DMatrix.zeros(n, n);
            ea = new DMatrixRMaj(a.toArray2D());
            eb = new DMatrixRMaj(b.toArray2D());
            ec = new DMatrixRMaj(n, n);
            netlib = impl.equals("NETLIB_JAVA") ? dev.ludovic.netlib.blas.JavaBLAS.getInstance() : dev.ludovic.netlib.blas.BLAS.getInstance();
            if (impl.startsWith("NETLIB")) System.out.println("netlib BLAS instance: " + netlib.getClass().getName());
            JitWarmUp.trial(impl, "linalg.gemm");
        }
    }

    /** GEMM throughput; GFLOP/s = 2 n^3 / time. */
    @Benchmark
    public Object gemm(Gemm s) {
        switch (s.impl) {
            case "EJML" -> {
                CommonOps_DDRM.mult(s.ea, s.eb, s.ec);
                return s.ec;
            }
            case "NETLIB", "NETLIB_JAVA" -> {
                s.netlib.dgemm("N", "N", s.n, s.n, s.n, 1.0, s.a.data(), s.n, s.b.data(), s.n, 0.0, s.c.data(), s.n);
                return s.c;
            }
            default -> {
                return Linalg.gemm(Backend.valueOf(s.impl), 1.0, s.a, false, s.b, false, 0.0, s.c);
            }
        }
    }

    /** The decompositions' inputs. */
    @State(Scope.Thread)
    public static class Decomp {
        @Param({"JAVA", "NATIVE", "EJML"})
        public String impl;

        @Param({"256x256", "1000x1000", "2000x200"})
        public String shape;

        DMatrix a, sym;
        DMatrixRMaj ea, esym;

        @Setup(Level.Trial)
        public void setup() {
            String[] p = shape.split("x");
            int m = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
            a = DMatrix.random(m, n, 3);
            sym = m == n ? symmetric(a) : Linalg.gemm(1.0, a, true, a, false, 0.0, DMatrix.zeros(n, n));
            ea = new DMatrixRMaj(a.toArray2D());
            esym = new DMatrixRMaj(sym.toArray2D());
            JitWarmUp.trial(impl, "linalg");
        }

        private static DMatrix symmetric(DMatrix x) {
            int n = x.rows();
            DMatrix s = DMatrix.zeros(n, n);
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) s.set(i, j, 0.5 * (x.get(i, j) + x.get(j, i)));
            return s;
        }
    }

    /** Householder QR factorisation (no pivoting, Q not formed). */
    @Benchmark
    public Object qr(Decomp s) {
        if (s.impl.equals("EJML")) {
            QRDecomposition<DMatrixRMaj> d = DecompositionFactory_DDRM.qr(s.ea.numRows, s.ea.numCols);
            if (!d.decompose(d.inputModified() ? s.ea.copy() : s.ea)) throw new IllegalStateException("EJML QR failed");
            return d;
        }
        return Linalg.qr(Backend.valueOf(s.impl), s.a, false);
    }

    /** Thin SVD with U and V. */
    @Benchmark
    public Object svd(Decomp s) {
        if (s.impl.equals("EJML")) {
            SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(s.ea.numRows, s.ea.numCols, true, true, true);
            if (!d.decompose(d.inputModified() ? s.ea.copy() : s.ea)) throw new IllegalStateException("EJML SVD failed");
            return d.getU(null, false);
        }
        return Linalg.svd(Backend.valueOf(s.impl), s.a, true);
    }

    /** Symmetric eigen-decomposition with vectors. */
    @Benchmark
    public Object eigSymmetric(Decomp s) {
        if (s.impl.equals("EJML")) {
            EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(s.esym.numRows, true, true);
            if (!d.decompose(d.inputModified() ? s.esym.copy() : s.esym)) throw new IllegalStateException("EJML eig failed");
            return d.getEigenVector(0);
        }
        return Linalg.eigSymmetric(Backend.valueOf(s.impl), s.sym);
    }

    /** Small square problems, JAVA against NATIVE: where the downcall starts to pay (the KernelSet crossovers). */
    @State(Scope.Thread)
    public static class Small {
        @Param({"JAVA", "NATIVE"})
        public String impl;

        @Param({"4", "8", "16", "32", "64"})
        public int n;

        Backend kind;
        DMatrix a, spd, sym, b, c;

        @Setup(Level.Trial)
        public void setup() {
            kind = Backend.valueOf(impl);
            a = DMatrix.random(n, n, 5);
            b = DMatrix.random(n, n, 6);
            c = DMatrix.zeros(n, n);
            spd = Linalg.gemm(Backend.JAVA, 1.0, a, false, a, true, 0.0, DMatrix.zeros(n, n));
            for (int i = 0; i < n; i++) spd.set(i, i, spd.get(i, i) + n);
            sym = spd;
            JitWarmUp.trial(impl, "linalg");
        }
    }

    /** Small GEMM, for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallGemm(Small s) {
        return Linalg.gemm(s.kind, 1.0, s.a, false, s.b, false, 0.0, s.c);
    }

    /** Small LU solve with n right-hand sides, for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallSolve(Small s) {
        return Linalg.solve(s.kind, s.a, s.b);
    }

    /** Small QR (factorisation and thin Q), for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallQr(Small s) {
        return Linalg.qr(s.kind, s.a, false).q();
    }

    /** Small thin SVD, for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallSvd(Small s) {
        return Linalg.svd(s.kind, s.a, true);
    }

    /** Small Cholesky, for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallCholesky(Small s) {
        return Linalg.cholesky(s.kind, s.spd);
    }

    /** Small symmetric eigen-decomposition, for the crossover. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object smallEig(Small s) {
        return Linalg.eigSymmetric(s.kind, s.sym);
    }
}
