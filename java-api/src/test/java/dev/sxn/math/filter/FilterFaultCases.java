package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The filter calls of the fault-injection suite ({@code FaultInjectionTest}). A Kalman step computes into
 * scratch and commits x and P at its end; a particle update reads its weights through the kernels and commits
 * them after the last kernel call; a batch of Kalman filters hands its state to the kernel in place (the kernel
 * contract: written only after success). Single-step calls check that a failed pinned step leaves the whole
 * state as it was.
 */
public final class FilterFaultCases {
    private FilterFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                FaultCase.of("KalmanFilter.filter", KernelFamilies.KALMAN, k -> {
                    SplittableRandom rnd = new SplittableRandom(21);
                    KalmanModel model = KalmanFilterVectorTest.randomModel(5, 2, rnd);
                    double[] x0 = gaussian(5, rnd);
                    double[][] p0 = KalmanFilterVectorTest.spd(5, 1.0, rnd);
                    double[][] zs = KalmanFilterVectorTest.observations(30, 2, rnd);
                    KalmanFilter f = new KalmanFilter(model, x0, p0, k);
                    KalmanResult[] r = new KalmanResult[1];
                    return Call.of(() -> r[0] = f.filter(zs), () -> result(r[0]), new Object[] {x0, p0, zs});
                }),
                FaultCase.of("KalmanFilter.predict", KernelFamilies.KALMAN, k -> {
                    KalmanFilter f = filter(22, k);
                    return Call.of(f::predict, () -> state(f), null, () -> state(f));
                }),
                FaultCase.of("KalmanFilter.update", KernelFamilies.KALMAN, k -> {
                    KalmanFilter f = filter(23, k);
                    double[] z = {0.7, Double.NaN, -1.1};
                    KalmanUpdate[] u = new KalmanUpdate[1];
                    return Call.of(() -> u[0] = f.update(z), () -> new Object[] {state(f), u[0].innovation(), u[0].standardized(),
                            u[0].logLikelihood()}, z, () -> state(f));
                }),
                FaultCase.of("KalmanFilter.rtsSmooth", KernelFamilies.KALMAN, k -> {
                    SplittableRandom rnd = new SplittableRandom(24);
                    KalmanModel model = KalmanFilterVectorTest.randomModel(4, 2, rnd);
                    KalmanResult r = new KalmanFilter(model, new double[4], KalmanFilterVectorTest.spd(4, 1.0, rnd), Backend.JAVA)
                            .filter(KalmanFilterVectorTest.observations(25, 2, rnd));
                    SmoothedStates[] s = new SmoothedStates[1];
                    return Call.of(() -> s[0] = KalmanFilter.rtsSmooth(r, k), () -> new Object[] {s[0].means(), s[0].covariances()},
                            result(r));
                }),
                FaultCase.of("ParticleFilter.update", KernelFamilies.PARTICLE, k -> {
                    ParticleFilter f = particles(k);
                    double[] z = {0.4};
                    double[] r = new double[1];
                    return Call.of(() -> r[0] = f.update(z), () -> new Object[] {r, state(f)}, z, () -> state(f));
                }),
                FaultCase.of("ParticleFilter.step, 25 steps", KernelFamilies.PARTICLE, k -> {
                    ParticleFilter f = particles(k);
                    double[] r = new double[25];
                    return Call.of(() -> {
                        for (int t = 0; t < r.length; t++) r[t] = f.step(new double[] {t == 6 ? Double.NaN : Math.sin(0.4 * t)});
                    }, () -> new Object[] {r, state(f)}, null);
                }),
                FaultCase.of("BatchKalman.run", KernelFamilies.BATCH_KALMAN, k -> {
                    SplittableRandom rnd = new SplittableRandom(25);
                    BatchKalman b = new BatchKalman(KalmanFilterVectorTest.randomModel(3, 2, rnd), 37, gaussian(3, rnd),
                            KalmanFilterVectorTest.spd(3, 1.0, rnd));
                    int ticks = 9;
                    double[] zs = observations(ticks * 2 * 37, rnd);
                    double[] out = new double[ticks * 37];
                    return Call.of(() -> b.run(k, zs, 0, ticks, out), () -> new Object[] {out, state(b)}, zs, () -> state(b));
                }).inPlaceOnCallersData(),
                FaultCase.of("BatchKalman.run with step lengths", KernelFamilies.BATCH_KALMAN, k -> {
                    SplittableRandom rnd = new SplittableRandom(26);
                    BatchKalman b = new BatchKalman(KalmanModel.constantVelocity(0.3, 0.5), 29, new double[] {1, 0},
                            new double[][] {{1, 0}, {0, 1}});
                    int ticks = 7;
                    double[] zs = observations(ticks * 29, rnd);
                    double[] dts = new double[ticks * 29];
                    for (int i = 0; i < dts.length; i++) dts[i] = 0.5 + rnd.nextDouble();
                    double[] out = new double[ticks * 29];
                    return Call.of(() -> b.run(k, zs, 0, dts, 0, ticks, out), () -> new Object[] {out, state(b)}, new Object[] {zs, dts},
                            () -> state(b));
                }).inPlaceOnCallersData());
    }

    private static KalmanFilter filter(long seed, Backend k) {
        SplittableRandom rnd = new SplittableRandom(seed);
        KalmanModel model = KalmanFilterVectorTest.randomModel(4, 3, rnd);
        return new KalmanFilter(model, gaussian(4, rnd), KalmanFilterVectorTest.spd(4, 1.0, rnd), k);
    }

    private static Object state(KalmanFilter f) {
        return new Object[] {f.state(), f.covariance(), f.steps()};
    }

    private static Object result(KalmanResult r) {
        return new Object[] {r.means(), r.covariances(), r.predictedMeans(), r.predictedCovariances(), r.innovations(), r.standardized(),
                r.logLikelihood()};
    }

    private static ParticleFilter particles(Backend k) {
        ParticleFilter.Initializer init = (x, g) -> x[0] = g.nextGaussian();
        ParticleFilter.Transition move = (x, g) -> x[0] += 0.6 * g.nextGaussian();
        ParticleFilter.LogLikelihood like = (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]);
        // A high ESS threshold, so that updates resample too.
        return new ParticleFilter(300, 1, init, move, like, 0.9, 13, k);
    }

    private static Object state(ParticleFilter f) {
        return new Object[] {f.logWeights(), f.particles(), f.logLikelihood(), f.resamplings()};
    }

    private static Object state(BatchKalman b) {
        Object[] s = new Object[2 * b.filters()];
        for (int f = 0; f < b.filters(); f++) {
            s[2 * f] = b.state(f);
            s[2 * f + 1] = b.covariance(f);
        }
        return s;
    }

    private static double[] gaussian(int n, SplittableRandom rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        return x;
    }

    private static double[] observations(int n, SplittableRandom rnd) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = rnd.nextDouble() < 0.1 ? Double.NaN : 2 * rnd.nextGaussian();
        return z;
    }
}
