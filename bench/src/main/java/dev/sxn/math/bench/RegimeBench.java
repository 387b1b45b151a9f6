package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.regime.BatchHmm;
import dev.sxn.math.regime.BaumWelch;
import dev.sxn.math.regime.GaussianEmissions;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.HmmFilter;
import dev.sxn.math.regime.TransitionMatrix;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hidden Markov models, single-threaded, time per operation:
 *
 * <ul>
 *   <li>{@code forwardAssets}: the batched forward filter's log-likelihoods of one 3-state univariate Gaussian model over
 *       {@code assets} x {@code steps} ({@code regime.forward}, assets in lanes) per backend; {@code perAssetLoop}: the same
 *       through {@code HiddenMarkovModel.logLikelihood} asset by asset (each asset's series contiguous). ns per
 *       (asset, step) = time / (assets x steps).
 *   <li>{@code baumWelch}: 10 iterations of {@code BaumWelch.fit} on 2,500 x 2 observations, 2 states, full covariance;
 *       {@code baumWelchPlain}: 10 iterations of {@link PlainBaumWelch}, a straightforward textbook implementation
 *       (Rabiner's scaled forward-backward on {@code double[][]}, fresh arrays every iteration). Time per iteration =
 *       time / 10.
 *   <li>{@code streamingUpdate}: one {@code HmmFilter.update}, 4 states, 5 dimensions, full covariances, in ns.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
@Quick({"assets=1000", "steps=250", "backend=JAVA,VECTOR,NATIVE", "perAssetLoop:backend=JAVA"})
public class RegimeBench {
    static final int ITERATIONS = 10;

    static HiddenMarkovModel threeStates() {
        return HiddenMarkovModel.of(new double[] {0.2, 0.5, 0.3},
                TransitionMatrix.of(new double[][] {{0.90, 0.08, 0.02}, {0.03, 0.95, 0.02}, {0.01, 0.04, 0.95}}),
                GaussianEmissions.univariate(new double[] {-0.5, 0.05, 0.2}, new double[] {4, 1, 0.3}));
    }

    static HiddenMarkovModel fourStatesFiveDims() {
        int k = 4, d = 5;
        double[][] means = new double[k][d];
        double[][][] covs = new double[k][d][d];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < d; i++) {
                means[s][i] = (s - 1.5) * (1 + 0.1 * i);
                for (int j = 0; j < d; j++) covs[s][i][j] = i == j ? 1.0 + 0.2 * s : 0.3 / (1 + Math.abs(i - j));
            }
        }
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = i == j ? 0.94 : 0.02;
        return HiddenMarkovModel.of(new double[] {0.25, 0.25, 0.25, 0.25}, TransitionMatrix.of(a), GaussianEmissions.full(means, covs));
    }

    /** The batch: one model, assets x steps observations, asset fastest, and the same series asset by asset. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        @Param({"10000"})
        public int assets;

        @Param({"2500"})
        public int steps;

        Backend kind;
        HiddenMarkovModel model;
        double[] x;
        double[][] perAsset;
        double[] ll;

        @Setup(Level.Trial)
        public void setup() {
            kind = Backend.valueOf(backend);
            model = threeStates();
            x = new double[assets * steps];
            perAsset = new double[assets][];
            for (int a = 0; a < assets; a++) {
                perAsset[a] = model.sample(steps, a).observations();
                for (int t = 0; t < steps; t++) x[t * assets + a] = perAsset[a][t];
            }
            ll = new double[assets];
            JitWarmUp.trial(backend, "regime.forward");
        }
    }

    /** Baum-Welch's data: 2,500 draws of a 2-state bivariate model and a start away from it. */
    @State(Scope.Thread)
    public static class Fit {
        double[] x;
        HiddenMarkovModel start;
        BaumWelch.Options options;

        @Setup(Level.Trial)
        public void setup() {
            HiddenMarkovModel truth = HiddenMarkovModel.of(new double[] {0.5, 0.5}, TransitionMatrix.of(new double[][] {{0.95, 0.05}, {0.1, 0.9}}),
                    GaussianEmissions.full(new double[][] {{-0.5, -0.3}, {0.4, 0.2}},
                            new double[][][] {{{2, 1.2}, {1.2, 1.5}}, {{0.6, 0.3}, {0.3, 0.5}}}));
            x = truth.sample(2500, 9).observations();
            start = HiddenMarkovModel.of(new double[] {0.5, 0.5}, TransitionMatrix.of(new double[][] {{0.8, 0.2}, {0.2, 0.8}}),
                    GaussianEmissions.full(new double[][] {{-1, -1}, {1, 1}}, new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}}));
            // tolerance 0: from this start EM still gains in every one of the ITERATIONS iterations, so each call runs them all
            options = BaumWelch.Options.defaults().withStop(0, ITERATIONS).withRestarts(1, 0);
        }
    }

    /** The streaming filter and a cycle of 4,096 ticks of 5 values. */
    @State(Scope.Thread)
    public static class Stream {
        HmmFilter filter;
        double[] x;
        int t;

        @Setup(Level.Trial)
        public void setup() {
            HiddenMarkovModel m = fourStatesFiveDims();
            x = m.sample(4096, 3).observations();
            filter = m.filter();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] forwardAssets(Batch s) {
        BatchHmm.logLikelihoodAssets(s.model, s.x, s.assets, s.ll, s.kind);
        return s.ll;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] perAssetLoop(Batch s) {
        for (int a = 0; a < s.assets; a++) s.ll[a] = s.model.logLikelihood(s.perAsset[a]);
        return s.ll;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double baumWelch(Fit f) {
        return BaumWelch.fit(f.start, f.x, f.options).logLikelihood();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double baumWelchPlain(Fit f) {
        return PlainBaumWelch.fit(f.start, f.x, 2, ITERATIONS);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double streamingUpdate(Stream s) {
        int t = s.t;
        s.t = (t + 1) & 4095;
        return s.filter.update(s.x, t * 5);
    }
}
