package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.Gbm;
import dev.sxn.math.stochastic.Heston;
import dev.sxn.math.stochastic.HestonQe;
import dev.sxn.math.stochastic.MonteCarlo;
import dev.sxn.math.stochastic.MonteCarloEstimate;
import dev.sxn.math.stochastic.PathReduction;
import dev.sxn.math.stochastic.Payoff;
import dev.sxn.math.stochastic.RandomStream;
import dev.sxn.math.stochastic.Randoms;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Path simulation per backend ({@code stochastic.paths}), single-threaded: GBM terminal values of {@code paths}
 * paths x 252 steps (the 10^6 x 252, reduction only, no path stored), beside the normal generator
 * filling the same number of normals ({@code Randoms.normals}, 1024 lanes per row, in blocks of 252 rows:
 * the rate the paths are measured against); Heston QE terminal values of a tenth as many paths; and a European
 * call by 10^7 paths (one exact step each), whose
 * standard error is printed at the end of each trial. Time per operation; the GBM rate is paths x 252 / time.
 * The crossover of {@code stochastic.paths} comes from a sweep of smaller sizes (the calibration probe).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Quick({"paths=100000", "backend=JAVA,VECTOR,NATIVE"})
public class PathBench {
    private static final int STEPS = 252;
    private static final Set<PathReduction> TERMINAL = EnumSet.of(PathReduction.TERMINAL);

    /** The simulation's state. */
    @State(Scope.Thread)
    public static class Paths {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        @Param({"1000000"})
        public int paths;

        Backend kind;
        Gbm model;
        Heston heston;
        RandomStream stream;
        double[] terminal;
        double[] normals;
        MonteCarloEstimate last;

        @Setup(Level.Trial)
        public void setup() {
            kind = Backend.valueOf(backend);
            model = new Gbm(100, 0.03, 0.2);
            heston = new Heston(100, 0.04, 1.5, 0.04, 0.5, -0.7, 0.03);
            stream = RandomStream.philox4x64(42, 1);
            terminal = new double[paths];
            normals = new double[1024 * STEPS];
            JitWarmUp.trial(backend, "stochastic.paths", "stochastic.normal");
        }

        @TearDown(Level.Trial)
        public void report() {
            if (last != null) System.out.println("# European call, " + backend + ": " + last);
        }
    }

    /** GBM terminal values, paths x 252 steps. */
    @Benchmark
    public double[] gbmTerminal(Paths s) {
        s.model.reduce(s.stream, 1.0 / STEPS, 0, s.paths, STEPS, Antithetic.NONE, PathReduction.TERMINAL, s.terminal, 0, s.kind);
        return s.terminal;
    }

    /** The same number of normals (paths x 252), in blocks of 1024 lanes x 252 steps. */
    @Benchmark
    public double[] normalsSameCount(Paths s) {
        for (int first = 0; first < s.paths; first += 1024) {
            int lanes = Math.min(1024, s.paths - first);
            Randoms.normals(s.stream, first, lanes, 0, STEPS, s.normals, 0, 1024, s.kind);
        }
        return s.normals;
    }

    /** Heston by QE (martingale correction on), terminal values of paths / 10 paths x 252 steps (two slots per step). */
    @Benchmark
    public double[] hestonTerminal(Paths s) {
        HestonQe.reduce(s.heston, s.stream, 1.0 / STEPS, 0, s.paths / 10, STEPS, Antithetic.NONE, true, TERMINAL, s.terminal, 0, s.paths / 10,
                s.kind);
        return s.terminal;
    }

    /** A European call by 10^7 paths (one exact step each). */
    @Benchmark
    public MonteCarloEstimate europeanCall(Paths s) {
        s.last = MonteCarlo.european(s.model, Payoff.CALL, 100, 0.03, 1.0, s.stream, 10_000_000L, Antithetic.NONE, s.kind);
        return s.last;
    }
}
