package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.Dynamics;
import dev.sxn.math.dynamics.Ensemble;
import dev.sxn.math.dynamics.IntegrationOptions;
import dev.sxn.math.dynamics.Integrator;
import dev.sxn.math.dynamics.Potential;
import dev.sxn.math.dynamics.Potentials;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
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
 * Ensemble integration throughput: N particles in d = 3 under the anharmonic potential
 * V = r^2 / 2 + r^4 / 4, dt = 0.01, {@value #STEPS} steps per operation (one time block), per backend,
 * beside Hipparchus' classical RK4 and Dormand-Prince 5(4) on the same ensemble as one ODE system
 * (the nearest a Java user has), and the core's peak FMA rate measured in the same run.
 *
 * <p>Units: one operation = N x {@value #STEPS} particle-steps (simulated time 2.56 per particle).
 * Flops per particle-step (leapfrog, d = 3, kicks joined, no friction): drift 3 FMA (6), gradient
 * r^2 = 1 mul + 2 FMA (5), s = k2 + k4 r^2 1 FMA (2), g = s q 3 mul (3), kick 3 FMA (6): 22 flops.
 * Single-threaded except OPENCL on PoCL, which uses every core (the results say so).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
@Quick({"n=100000"})
public class DynamicsBench {
    /** Steps per operation. */
    public static final int STEPS = 256;
    /** Step size. */
    public static final double DT = 0.01;
    static final Potential V = Potentials.anharmonic(1.0, 1.0);

    static Ensemble ensemble(int n) {
        SplittableRandom r = new SplittableRandom(42);
        Ensemble e = new Ensemble(n, 3);
        for (int j = 0; j < 3 * n; j++) {
            e.positions()[j] = r.nextDouble(-1, 1);
            e.momenta()[j] = r.nextDouble(-0.5, 0.5);
        }
        return e;
    }

    /** Our kernels. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"JAVA", "VECTOR", "NATIVE", "OPENCL"})
        public String backend;

        @Param({"1000", "100000", "1000000"})
        public int n;

        Ensemble e;
        IntegrationOptions opt;

        @Setup(Level.Trial)
        public void setup() {
            e = ensemble(n);
            opt = IntegrationOptions.DEFAULT.withBackend(Backend.valueOf(backend));
            JitWarmUp.trial(backend, "dynamics.integrate");
        }
    }

    /** Leapfrog, N particles, {@value #STEPS} steps. */
    @Benchmark
    public Object leapfrog(Ours s) {
        return Dynamics.integrate(s.e, V, Integrator.LEAPFROG, DT, STEPS, s.opt);
    }

    /** Fourth order at equal order with RK4: Yoshida, 3 gradients per step. */
    @Benchmark
    public Object yoshida4(Peer s) {
        return Dynamics.integrate(s.e, V, Integrator.YOSHIDA4, DT, STEPS, s.opt);
    }

    /** The peers' state: the ensemble as one ODE y = (q, p) of dimension 6 N. */
    @State(Scope.Thread)
    public static class Peer {
        @Param({"1000", "100000"})
        public int n;

        Ensemble e;
        IntegrationOptions opt;
        double[] y0;
        OrdinaryDifferentialEquation ode;

        @Setup(Level.Trial)
        public void setup() {
            e = ensemble(n);
            opt = IntegrationOptions.DEFAULT.withBackend(Backend.NATIVE);
            int len = 3 * n;
            y0 = new double[2 * len];
            System.arraycopy(e.positions(), 0, y0, 0, len);
            System.arraycopy(e.momenta(), 0, y0, len, len);
            ode = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return 2 * len;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    // dq/dt = p, dp/dt = -(k2 + k4 r^2) q, same layout as the Ensemble.
                    double[] dy = new double[2 * len];
                    System.arraycopy(y, len, dy, 0, len);
                    for (int i = 0; i < n; i++) {
                        double x = y[i], yy = y[n + i], z = y[2 * n + i];
                        double s = 1.0 + (x * x + yy * yy + z * z);
                        dy[len + i] = -s * x;
                        dy[len + n + i] = -s * yy;
                        dy[len + 2 * n + i] = -s * z;
                    }
                    return dy;
                }
            };
        }
    }

    /** Hipparchus classical RK4 at the same dt = 0.01 (4 derivative evaluations per step). */
    @Benchmark
    public Object hipparchusRk4(Peer s) {
        return new ClassicalRungeKuttaIntegrator(DT).integrate(s.ode, new ODEState(0, s.y0), STEPS * DT);
    }

    /**
     * Hipparchus Dormand-Prince 5(4), adaptive, tolerances 1e-8 (absolute and relative): about the energy
     * accuracy of Yoshida4 at dt = 0.01 on this problem (see bench/results/dynamics.md).
     */
    @Benchmark
    public Object hipparchusDormandPrince(Peer s) {
        return new DormandPrince54Integrator(1e-6, 1.0, 1e-8, 1e-8).integrate(s.ode, new ODEState(0, s.y0), STEPS * DT);
    }

    // ---- the core's peak ----

    /** State for the peak measurement. */
    @State(Scope.Thread)
    public static class Peak {
        double seed = 1.0000001;
    }

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Iterations of {@link #peakFma}; flops per call = 2 x 12 x PEAK_STEPS x lanes. */
    public static final int PEAK_STEPS = 1000;

    /** Peak double-precision FMA rate: 12 independent chains of the widest vectors (Vector API). */
    @Benchmark
    public double peakFma(Peak p) {
        DoubleVector m = DoubleVector.broadcast(SPECIES, 0.9999999);
        DoubleVector c = DoubleVector.broadcast(SPECIES, 1e-9);
        DoubleVector v0 = DoubleVector.broadcast(SPECIES, p.seed), v1 = v0.add(1), v2 = v0.add(2), v3 = v0.add(3);
        DoubleVector v4 = v0.add(4), v5 = v0.add(5), v6 = v0.add(6), v7 = v0.add(7);
        DoubleVector v8 = v0.add(8), v9 = v0.add(9), v10 = v0.add(10), v11 = v0.add(11);
        for (int i = 0; i < PEAK_STEPS; i++) {
            v0 = v0.fma(m, c); v1 = v1.fma(m, c); v2 = v2.fma(m, c); v3 = v3.fma(m, c);
            v4 = v4.fma(m, c); v5 = v5.fma(m, c); v6 = v6.fma(m, c); v7 = v7.fma(m, c);
            v8 = v8.fma(m, c); v9 = v9.fma(m, c); v10 = v10.fma(m, c); v11 = v11.fma(m, c);
        }
        return v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11)
                .reduceLanes(VectorOperators.ADD);
    }
}
