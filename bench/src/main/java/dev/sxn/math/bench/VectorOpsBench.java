package dev.sxn.math.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.linalg.VectorOps;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * dot and axpy per backend and length, beside netlib: {@code NETLIB} is
 * {@code BLAS.getInstance()} (its best: JNI to the system BLAS when present, else its Vector API
 * or Java code; the setup prints which) and {@code NETLIB_JAVA} its plain-Java implementation.
 * Scores are calls per second; the crossover lengths of {@code VectorOps} come from this table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Quick({"impl=JAVA,VECTOR,NETLIB", "size=100,1000000"})
public class VectorOpsBench {
    @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL", "NETLIB", "NETLIB_JAVA"})
    public String impl;

    @Param({"16", "64", "100", "256", "1000", "4096", "10000", "100000", "1000000", "10000000"})
    public int size;

    double[] x;
    double[] y;
    Backend backend;
    BLAS blas;

    @Setup
    public void setup() {
        JitWarmUp.trial(impl, "linalg.VectorOps");
        SplittableRandom r = new SplittableRandom(42);
        x = r.doubles(size, -1, 1).toArray();
        y = r.doubles(size, -1, 1).toArray();
        switch (impl) {
            case "NETLIB" -> blas = BLAS.getInstance();
            case "NETLIB_JAVA" -> blas = JavaBLAS.getInstance();
            default -> {
                backend = Backend.valueOf(impl);
                if (!Backends.isAvailable(backend)) throw new IllegalStateException(Backends.status(backend).toString());
            }
        }
        if (blas != null) System.err.println("netlib implementation: " + blas.getClass().getName());
    }

    @Benchmark
    public double dot() {
        return blas != null ? blas.ddot(size, x, 1, y, 1) : VectorOps.dot(backend, x, 0, y, 0, size);
    }

    @Benchmark
    public double[] axpy() {
        // a = 1e-9 keeps y bounded over the many iterations of a measurement.
        if (blas != null) blas.daxpy(size, 1e-9, x, 1, y, 1);
        else VectorOps.axpy(backend, 1e-9, x, 0, y, 0, size);
        return y;
    }
}
