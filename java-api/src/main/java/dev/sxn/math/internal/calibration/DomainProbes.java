package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.Dynamics;
import dev.sxn.math.dynamics.Ensemble;
import dev.sxn.math.dynamics.IntegrationOptions;
import dev.sxn.math.dynamics.Integrator;
import dev.sxn.math.dynamics.Potential;
import dev.sxn.math.dynamics.Potentials;
import dev.sxn.math.filter.BatchKalman;
import dev.sxn.math.filter.KalmanFilter;
import dev.sxn.math.filter.KalmanModel;
import dev.sxn.math.filter.ParticleFilter;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.series.MatrixProfile;
import dev.sxn.math.spectral.FFT;
import dev.sxn.math.spectral.SpectralEntropy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The probes of the matrix profile (size: window pairs), the ensemble integrations (particles), the filters
 * (filters, states, particles) and the spectral families (transform length; windows x window). Calls that
 * advance a state (an ensemble, a filter) keep advancing it: each is stable over any number of calls.
 */
final class DomainProbes {
    /** Matrix-profile window; its self-join skips ceil(m / 4) diagonals, so the dispatch sees the pairs below. */
    private static final int MP_WINDOW = 32;
    /** Steps per integration call (one chunk). */
    private static final int STEPS = 16;
    /** Ticks per BatchKalman call. */
    private static final int TICKS = 8;
    /** Rolling-entropy window. */
    private static final int ENTROPY_WINDOW = 64;
    /**
     * Rolling-entropy step: 2, because the crossovers decide among kernels that transform every window; at
     * step 1 a kernel that slides the DFT is taken whatever they say (SpectralEntropy.eligibility).
     */
    private static final int ENTROPY_STEP = 2;

    private DomainProbes() {}

    static List<Probe> all() {
        int[] mpLengths = Probe.geometric(64, 2, 6);
        long[] mpPairs = new long[mpLengths.length];
        for (int i = 0; i < mpLengths.length; i++) mpPairs[i] = selfJoinPairs(mpLengths[i], MP_WINDOW);
        int[] windows = Probe.geometric(1, 4, 7);
        long[] entropySizes = new long[windows.length];
        for (int i = 0; i < windows.length; i++) entropySizes[i] = (long) windows[i] * ENTROPY_WINDOW;
        Potential anharmonic = Potentials.anharmonic(1.0, 1.0);
        return List.of(
                new Probe(KernelFamilies.MATRIX_PROFILE, mpPairs, i -> {
                    double[] x = IndicatorProbes.prices(mpLengths[i], 5);
                    return k -> MatrixProfile.compute(k, x, MP_WINDOW);
                }),
                Probe.of(KernelFamilies.DYNAMICS, Probe.geometric(4, 4, 7), n -> integrate(n, anharmonic)),
                Probe.of(KernelFamilies.DYNAMICS_USER, Probe.geometric(4, 4, 6), n -> integrate(n, UserQuartic.INSTANCE)),
                Probe.of(KernelFamilies.BATCH_KALMAN, Probe.geometric(4, 4, 6), n -> {
                    BatchKalman b = new BatchKalman(KalmanModel.constantVelocity(0.3, 0.5), n, new double[] {1, 0},
                            new double[][] {{1, 0}, {0, 1}});
                    double[] zs = LinalgProbes.vector(TICKS * n, 6), out = new double[TICKS * n];
                    return k -> b.run(k, zs, 0, TICKS, out);
                }),
                Probe.of(KernelFamilies.KALMAN, Probe.geometric(2, 2, 6), n -> {
                    KalmanModel model = kalmanModel(n);
                    double[] z = LinalgProbes.vector(2, 7);
                    Function<Backend, KalmanFilter> filters = perKind(k -> new KalmanFilter(model, new double[n], identity(n), k));
                    return k -> {
                        KalmanFilter f = filters.apply(k);
                        f.predict();
                        f.update(z);
                    };
                }),
                Probe.of(KernelFamilies.PARTICLE, Probe.geometric(16, 4, 6), n -> {
                    double[] z = {0.25};
                    Function<Backend, ParticleFilter> filters = perKind(k -> new ParticleFilter(n, 1, (x, g) -> x[0] = g.nextGaussian(),
                            (x, g) -> x[0] += 0.1 * g.nextGaussian(), (x, obs) -> -0.5 * (obs[0] - x[0]) * (obs[0] - x[0]), 0.5, 8, k));
                    return k -> filters.apply(k).update(z);
                }),
                Probe.of(KernelFamilies.FFT, Probe.geometric(8, 4, 7), n -> {
                    // Unitary, so repeated transforms keep the data's scale.
                    double[] re = LinalgProbes.vector(n, 9), im = LinalgProbes.vector(n, 10);
                    return k -> FFT.forward(k, re, im, FFT.Norm.ORTHO);
                }),
                new Probe(KernelFamilies.ROLLING_ENTROPY, entropySizes, i -> {
                    double[] x = LinalgProbes.vector(ENTROPY_WINDOW + ENTROPY_STEP * (windows[i] - 1), 11);
                    return k -> SpectralEntropy.rollingEntropy(k, x, ENTROPY_WINDOW, ENTROPY_STEP, Math.E, true, false);
                }));
    }

    /** The window pairs a self-join of {@code length} points with window {@code m} hands its kernel. */
    static long selfJoinPairs(int length, int m) {
        long windows = length - m + 1;
        long first = Math.min((m + 3) / 4 + 1, windows);
        long diagonals = windows - first;
        return diagonals * (diagonals + 1) / 2;
    }

    private static Probe.Call integrate(int n, Potential v) {
        Ensemble e = new Ensemble(n, 3);
        SplittableRandom rnd = new SplittableRandom(12);
        for (int j = 0; j < 3 * n; j++) {
            e.positions()[j] = rnd.nextDouble(-1, 1);
            e.momenta()[j] = rnd.nextDouble(-0.5, 0.5);
        }
        Function<Backend, IntegrationOptions> options = perKind(IntegrationOptions.DEFAULT::withBackend);
        return k -> Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, STEPS, options.apply(k));
    }

    /** A random-walk-like model of {@code n} states seen through 2 observations: stable over any number of steps. */
    private static KalmanModel kalmanModel(int n) {
        double[][] f = identity(n), h = new double[2][n], q = identity(n);
        for (int i = 0; i < n; i++) {
            f[i][i] = 0.95;
            if (i + 1 < n) f[i][i + 1] = 0.04;
            q[i][i] = 0.01;
        }
        h[0][0] = 1;
        h[1][n - 1] += 1;
        return KalmanModel.builder(n, 2).transition(f).observation(h).processNoise(q).observationNoise(identity(2)).build();
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    /** One object per kind, made on the kind's first call (a filter pinned to a kind it lacks would throw). */
    private static <T> Function<Backend, T> perKind(Function<Backend, T> make) {
        Map<Backend, T> m = new EnumMap<>(Backend.class);
        return k -> m.computeIfAbsent(k, make);
    }

    /**
     * A user-written potential (not one of {@link Potentials}, so it runs on JAVA and VECTOR only): radial,
     * V = |q|^2 / 2 + |q|^4 / 10, gradient q (1 + 0.4 |q|^2).
     */
    private static final class UserQuartic implements Potential {
        static final UserQuartic INSTANCE = new UserQuartic();

        private static double squaredNorm(double[] q) {
            double r2 = 0;
            for (double v : q) r2 += v * v;
            return r2;
        }

        @Override
        public double value(double[] q) {
            double r2 = squaredNorm(q);
            return 0.5 * r2 + 0.1 * r2 * r2;
        }

        @Override
        public void gradient(double[] q, double[] out) {
            double s = 1 + 0.4 * squaredNorm(q);
            for (int i = 0; i < q.length; i++) out[i] = s * q[i];
        }
    }
}
