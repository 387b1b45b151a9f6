package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.series.MatrixProfile;
import java.util.Random;
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
 * Self-join matrix profile of a seeded Gaussian random walk, m = 64, per backend (pinned), one
 * thread. Reported as seconds per profile; pairs per second = (n^2 / 2) / time, the unit
 * (bench/results/history/matrixprofile.md converts). There is no JVM peer library for the matrix profile
 * (STUMPY, the usual reference, is Python and not installable here), so the ratios are between
 * backends, JAVA being the plain-Java baseline.
 *
 * <p>Quick run: {@code -f 1 -wi 1 -i 2} (one call at n = 2^16 takes seconds, so each iteration is
 * one call); the 2^16 size dominates the run time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Quick({"n=4096,16384", "backend=JAVA,VECTOR,NATIVE"})
public class MatrixProfileBench {
    @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
    public String backend;

    @Param({"16384", "65536"})
    public int n;

    @Param({"64"})
    public int m;

    private Backend kind;
    private double[] series;

    @Setup
    public void setup() {
        kind = Backend.valueOf(backend);
        JitWarmUp.trial(backend, "series.MatrixProfile");
        Random r = new Random(20261123L);
        series = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            series[i] = v;
        }
    }

    @Benchmark
    public MatrixProfile selfJoin() {
        return MatrixProfile.compute(kind, series, m);
    }
}
