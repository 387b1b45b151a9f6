package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import java.util.SplittableRandom;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GARCH(1,1) with standardized Student-t innovations: one fit on {@code n} returns ({@code fitT}, the issue's
 * 2,500-return case), {@code assets} fits of {@code n} returns through {@code Garch.fitBatch} ({@code batchT},
 * the 1,000 x 2,500 case), and one log-likelihood evaluation ({@code likelihoodT}: the cost unit of a
 * fit, so a fit's time over it is the number of evaluations the optimiser spent). Data: simulated GARCH-t
 * returns (omega 0.02, alpha 0.08, beta 0.9, nu 6), per asset from its own seed.
 *
 * <p>{@code batchT} runs per kind of the {@code risk.garch} kernels ({@code backend}); the optimiser is Java on every
 * kind. The plain reference a user would otherwise write is {@code hipparchusFitT}: Hipparchus 4.1's BOBYQA (bounded,
 * derivative-free, 2p + 1 interpolation points) minimising our own negative log-likelihood
 * ({@code Garch.logLikelihood}) over the series scaled by its sd, from fGarch's start values within its box bounds, to
 * BOBYQA's default stopping radius; so the ratio to {@code fitT} is the optimiser's and the exact gradient's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Quick({"assets=100", "backend=JAVA,VECTOR,NATIVE"})
public class GarchBench {
    static final GarchSpec SPEC = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);

    /** Simulated GARCH(1,1)-t returns in percent. */
    static double[] simulate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double omega = 0.02, alpha = 0.08, beta = 0.9, h = omega / (1 - alpha - beta);
        int nu = 6;
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double chi2 = 0;
            for (int k = 0; k < nu; k++) {
                double g = rnd.nextGaussian();
                chi2 += g * g;
            }
            double e = rnd.nextGaussian() * Math.sqrt((nu - 2) / chi2);
            r[t] = 0.05 + Math.sqrt(h) * e;
            h = omega + alpha * (r[t] - 0.05) * (r[t] - 0.05) + beta * h;
        }
        return r;
    }

    /** One series of n returns. */
    @State(Scope.Thread)
    public static class Single {
        @Param({"2500"})
        public int n;

        double[] returns;
        double[] params;

        @Setup(Level.Trial)
        public void setup() {
            returns = simulate(n, 7);
            params = new double[] {0.05, 0.02, 0.08, 0.9, 6};
        }
    }

    /** assets series of n returns each, in the SeriesBatch layout, fitted on one kind. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        Backend kind;

        @Param({"1000"})
        public int assets;

        @Param({"2500"})
        public int n;

        SeriesBatch returns;

        @Setup(Level.Trial)
        public void setup() {
            double[][] s = new double[assets][];
            for (int a = 0; a < assets; a++) s[a] = simulate(n, 1000 + a);
            returns = SeriesBatch.of(s);
            kind = Backend.valueOf(backend);
            JitWarmUp.trial(backend, "risk.garch");
        }
    }

    @Benchmark
    public GarchFit fitT(Single s) {
        return Garch.fit(s.returns, SPEC);
    }

    @Benchmark
    public double likelihoodT(Single s) {
        return Garch.logLikelihood(s.returns, SPEC, s.params);
    }

    @Benchmark
    public GarchFit[] batchT(Batch b) {
        return Garch.fitBatch(b.returns, SPEC, b.kind);
    }

    /** The scaled series and fGarch's start and bounds, for the Hipparchus reference. */
    @State(Scope.Thread)
    public static class Peer {
        @Param({"2500"})
        public int n;

        double[] scaled;
        double[] start, lo, hi;

        @Setup(Level.Trial)
        public void setup() {
            double[] r = simulate(n, 7);
            double m = 0, ss = 0;
            for (double v : r) m += v;
            m /= n;
            for (double v : r) ss += (v - m) * (v - m);
            double sd = Math.sqrt(ss / (n - 1));
            scaled = new double[n];
            for (int t = 0; t < n; t++) scaled[t] = r[t] / sd;
            double ms = m / sd, v = 1.0;
            start = new double[] {ms, 0.1 * v, 0.1, 0.8, 4};
            // fGarch's bounds, except the shape's lower one: the t density needs nu > 2 (fGarch's 1 is never reached)
            lo = new double[] {-10 * Math.abs(ms), 1e-6 * v, 1e-8, 1e-8, 2.0001};
            hi = new double[] {10 * Math.abs(ms), 100 * v, 1 - 1e-8, 1 - 1e-8, 10};
        }
    }

    @Benchmark
    public PointValuePair hipparchusFitT(Peer p) {
        MultivariateFunction nll = x -> {
            double ll = Garch.logLikelihood(p.scaled, SPEC, x);
            return Double.isFinite(ll) ? -ll : 1e300;
        };
        return new BOBYQAOptimizer(2 * p.start.length + 1).optimize(new MaxEval(100_000), new ObjectiveFunction(nll),
                GoalType.MINIMIZE, new InitialGuess(p.start.clone()), new SimpleBounds(p.lo, p.hi));
    }
}
