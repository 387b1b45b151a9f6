package dev.sxn.math.bench;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import java.util.SplittableRandom;
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
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Quick({"assets=100"})
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

    /** assets series of n returns each, in the SeriesBatch layout. */
    @State(Scope.Thread)
    public static class Batch {
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
        return Garch.fitBatch(b.returns, SPEC);
    }
}
