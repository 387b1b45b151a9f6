package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.stochastic.Generator;
import dev.sxn.math.stochastic.RandomStream;
import dev.sxn.math.stochastic.Randoms;
import dev.sxn.math.stochastic.UniformInterval;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.core.source32.Philox4x32;
import org.apache.commons.rng.core.source64.Philox4x64;
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
 * Uniform doubles and standard normals per second: {@code Randoms} per backend and generator, filling a
 * caller-owned block of n values (1024 lanes per step row, or n lanes when smaller), beside the peers a
 * Java user would pick for uniforms: Apache Commons RNG 1.7's Philox4x64 and Philox4x32
 * ({@code nextDouble()}, 53 bits) and {@code java.util.SplittableRandom}, single-threaded, filling the same
 * array. One operation fills n values: values per second = operations per second x n. Single-threaded
 * except OPENCL on PoCL, which uses every core. The crossovers of {@code stochastic.uniform} and
 * {@code stochastic.normal} come from the smaller sizes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Quick(value = {"n=4096,1048576", "generator=PHILOX_4X32", "backend=JAVA,VECTOR,NATIVE"}, skip = "commonsPhilox4x64|splittableRandom")
public class RandomBench {
    /** Our kernels. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        @Param({"PHILOX_4X64", "PHILOX_4X32"})
        public String generator;

        @Param({"256", "4096", "65536", "1048576"})
        public int n;

        Backend kind;
        RandomStream stream;
        double[] out;
        int lanes, steps;

        @Setup(Level.Trial)
        public void setup() {
            kind = Backend.valueOf(backend);
            stream = RandomStream.of(Generator.valueOf(generator), 42, 1);
            lanes = Math.min(n, 1024);
            steps = n / lanes;
            out = new double[n];
        }
    }

    /** The peers. */
    @State(Scope.Thread)
    public static class Peer {
        @Param({"256", "4096", "65536", "1048576"})
        public int n;

        double[] out;
        Philox4x64 philox64;
        Philox4x32 philox32;
        SplittableRandom splittable;

        @Setup(Level.Trial)
        public void setup() {
            out = new double[n];
            philox64 = new Philox4x64(new long[] {42, 1});
            philox32 = new Philox4x32(new int[] {42, 1});
            splittable = new SplittableRandom(42);
        }
    }

    /** Open uniforms in (0, 1). */
    @Benchmark
    public double[] uniforms(Ours s) {
        Randoms.uniforms(s.stream, UniformInterval.OPEN, 0, s.lanes, 0, s.steps, s.out, 0, s.lanes, s.kind);
        return s.out;
    }

    /** AS241 normals. */
    @Benchmark
    public double[] normals(Ours s) {
        Randoms.normals(s.stream, 0, s.lanes, 0, s.steps, s.out, 0, s.lanes, s.kind);
        return s.out;
    }

    /** Commons RNG Philox4x64, 53-bit doubles in [0, 1). */
    @Benchmark
    public double[] commonsPhilox4x64(Peer p) {
        double[] out = p.out;
        for (int i = 0; i < out.length; i++) out[i] = p.philox64.nextDouble();
        return out;
    }

    /** Commons RNG Philox4x32, 53-bit doubles in [0, 1) (two outputs each). */
    @Benchmark
    public double[] commonsPhilox4x32(Peer p) {
        double[] out = p.out;
        for (int i = 0; i < out.length; i++) out[i] = p.philox32.nextDouble();
        return out;
    }

    /** java.util.SplittableRandom, 53-bit doubles in [0, 1). */
    @Benchmark
    public double[] splittableRandom(Peer p) {
        double[] out = p.out;
        for (int i = 0; i < out.length; i++) out[i] = p.splittable.nextDouble();
        return out;
    }
}
