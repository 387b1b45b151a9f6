package dev.sxn.math.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The measured single-thread peak the compute-bound targets refer to, the one peak benchmark of the
 * suite (DynamicsBench and LinalgBench compare with it): twelve independent FMA chains on the widest
 * vector species (enough chains to cover FMA latency x throughput on current x86 cores: 4 cycles x 2
 * pipes), reported in FLOP per second (ops/s here = flops/s: each invocation counts its flops through
 * {@link OperationsPerInvocation}). A scalar variant gives the non-SIMD peak, and a dependent add chain
 * gives the core clock (one integer add per cycle), so flop/cycle = the ratio.
 *
 * <p>The FMA operands come from fields, not literals, on purpose. With literal operands C2, once JMH has
 * inlined the benchmark into its measurement loop, rematerialises the broadcast constants from the
 * constant table before every FMA (two {@code vbroadcastsd} loads per {@code vfmadd231pd}): the loop is
 * then bound by the two load ports, at one FMA per cycle, half the peak. The copies DynamicsBench and
 * LinalgBench had were written so and read half of this one in the same run; they are gone
 * (bench/results/history/foundation.md, "One peak benchmark").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Quick(value = {}, skip = "clockChain|scalarFma")
public class PeakFlopsBench {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int ITER = 1 << 14;
    private static final int CHAINS = 12;

    // Fields, not literals: see the class comment.
    double a = 1.0000001, b = 0.9999999;
    long seed = 12345;

    /** Flops per invocation: ITER x CHAINS FMAs x lanes x 2 flops. */
    @Benchmark
    @OperationsPerInvocation(ITER * CHAINS * 2 * 8)
    public double vectorFma() {
        // The annotation assumes 8 lanes (AVX-512); the report (report.Limits) scales the figure to the run's lane count.
        DoubleVector va = DoubleVector.broadcast(S, a), vb = DoubleVector.broadcast(S, b);
        DoubleVector c0 = va, c1 = vb, c2 = va, c3 = vb, c4 = va, c5 = vb, c6 = va, c7 = vb, c8 = va, c9 = vb, c10 = va, c11 = vb;
        for (int i = 0; i < ITER; i++) {
            c0 = c0.fma(va, vb); c1 = c1.fma(va, vb); c2 = c2.fma(va, vb); c3 = c3.fma(va, vb);
            c4 = c4.fma(va, vb); c5 = c5.fma(va, vb); c6 = c6.fma(va, vb); c7 = c7.fma(va, vb);
            c8 = c8.fma(va, vb); c9 = c9.fma(va, vb); c10 = c10.fma(va, vb); c11 = c11.fma(va, vb);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Scalar FMA peak: flops per invocation ITER x CHAINS x 2. */
    @Benchmark
    @OperationsPerInvocation(ITER * CHAINS * 2)
    public double scalarFma() {
        double c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        for (int i = 0; i < ITER; i++) {
            c0 = Math.fma(c0, a, b); c1 = Math.fma(c1, a, b); c2 = Math.fma(c2, a, b); c3 = Math.fma(c3, a, b);
            c4 = Math.fma(c4, a, b); c5 = Math.fma(c5, a, b); c6 = Math.fma(c6, a, b); c7 = Math.fma(c7, a, b);
            c8 = Math.fma(c8, a, b); c9 = Math.fma(c9, a, b); c10 = Math.fma(c10, a, b); c11 = Math.fma(c11, a, b);
        }
        return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
    }

    /**
     * Core clock estimate: a chain of dependent 64-bit xorshift steps; each step is three
     * shift-xor pairs = 6 single-cycle dependent ops, so cycles/s = 6 x ops/s.
     */
    @Benchmark
    @OperationsPerInvocation(ITER)
    public long clockChain() {
        long x = seed;
        for (int i = 0; i < ITER; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
