package dev.sxn.math.bench;

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
 * The memory baseline for memory-bound kernels: {@code System.arraycopy} of {@code size} doubles
 * (reads 8 size bytes, writes 8 size bytes), in calls per
 * second. A memory-bound kernel's bytes/s divided by these gives its fraction of what the machine
 * moves at that size (L1/L2 for small sizes, DRAM for 10^7).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Quick({"size=1000,1000000"})
public class BandwidthBench {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int size;

    double[] src;
    double[] dst;

    @Setup
    public void setup() {
        src = new double[size];
        dst = new double[size];
        java.util.Arrays.fill(src, 1.5);
    }

    @Benchmark
    public double[] copy() {
        System.arraycopy(src, 0, dst, 0, size);
        return dst;
    }
}
