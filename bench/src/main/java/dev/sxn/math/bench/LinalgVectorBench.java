package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
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
 * Dense linear algebra, part 2: the VECTOR (Vector API) kernels beside EJML, netlib (dev.ludovic.netlib,
 * its Java or native BLAS as it finds) and NATIVE (OpenBLAS), single-threaded, in one run: GEMM n x n
 * (GFLOP/s = 2n^3 / time), QR (factorisation only) and thin SVD (with U and V) of 1000 x 1000, and the
 * randomized SVD (k = 50, oversample 10, 1 power iteration) of an m x n matrix of rank 50 beside the
 * full thin SVD of the same matrix.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main LinalgVectorBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 * (add {@code -p n=64,256,1024} for the quick GEMM set).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
@Quick(value = {"n=256,1024", "gemm:impl=VECTOR,NATIVE,EJML", "size=1000"}, skip = "fullSvd")
public class LinalgVectorBench {

    /** GEMM C = A B, n x n. */
    @State(Scope.Thread)
    public static class Gemm {
        @Param({"VECTOR", "NATIVE", "EJML", "NETLIB"})
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
            netlib = dev.ludovic.netlib.blas.BLAS.getInstance();
            if (impl.equals("NETLIB")) System.out.println("netlib BLAS instance: " + netlib.getClass().getName());
            JitWarmUp.trial(impl, "linalg.gemm");
        }
    }

    /** GEMM. */
    @Benchmark
    public Object gemm(Gemm s) {
        switch (s.impl) {
            case "EJML" -> {
                CommonOps_DDRM.mult(s.ea, s.eb, s.ec);
                return s.ec;
            }
            case "NETLIB" -> {
                s.netlib.dgemm("N", "N", s.n, s.n, s.n, 1.0, s.a.data(), s.n, s.b.data(), s.n, 0.0, s.c.data(), s.n);
                return s.c;
            }
            default -> {
                return Linalg.gemm(Backend.valueOf(s.impl), 1.0, s.a, false, s.b, false, 0.0, s.c);
            }
        }
    }

    /** The 1000 x 1000 input of QR and SVD. */
    @State(Scope.Thread)
    public static class Decomp {
        @Param({"VECTOR", "EJML", "NATIVE"})
        public String impl;

        @Param({"1000"})
        public int size;

        DMatrix a;
        DMatrixRMaj ea;

        @Setup(Level.Trial)
        public void setup() {
            a = DMatrix.random(size, size, 3);
            ea = new DMatrixRMaj(a.toArray2D());
            JitWarmUp.trial(impl, "linalg");
        }
    }

    /** Householder QR factorisation (Q not formed, on either side). */
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

    /** A rank-50 m x n matrix (product of random m x 50 and 50 x n factors). */
    @State(Scope.Thread)
    public static class LowRank {
        @Param({"VECTOR", "NATIVE"})
        public String impl;

        @Param({"5000x500"})
        public String shape;

        DMatrix a;

        @Setup(Level.Trial)
        public void setup() {
            String[] p = shape.split("x");
            int m = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
            a = Linalg.multiply(DMatrix.random(m, 50, 4), DMatrix.random(50, n, 5));
            JitWarmUp.trial(impl, "linalg");
        }
    }

    /** Randomized SVD, k = 50, oversample 10, one power iteration. */
    @Benchmark
    public Object randomizedSvd(LowRank s) {
        return Linalg.randomizedSvd(Backend.valueOf(s.impl), s.a, 50, 10, 1, 42);
    }

    /** The full thin SVD of the same matrix, for comparison. */
    @Benchmark
    public Object fullSvd(LowRank s) {
        return Linalg.svd(Backend.valueOf(s.impl), s.a, true);
    }
}
