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
 * (the nearest a Java user has). The core's peak FMA rate the GFLOP/s are compared with is
 * {@link PeakFlopsBench#vectorFma} (run it beside this class: {@code 'DynamicsBench|PeakFlopsBench'}).
 *
 * <p>Units: one operation = N x {@value #STEPS} particle-steps (simulated time 2.56 per particle).
 * Flops per particle-step (leapfrog, d = 3, kicks joined, no friction): drift 3 FMA (6), gradient
 * r^2 = 1 mul + 2 FMA (5), s = k2 + k4 r^2 1 FMA (2), g = s q 3 mul (3), kick 3 FMA (6): 22 flops.
 * Single-threaded except OPENCL on PoCL, which uses every core (the results say so).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
@Quick({"leapfrog:n=1000,100000", "leapfrog:backend=JAVA,VECTOR,NATIVE", "yoshida4|hipparchus.*:n=1000"})
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
     * accuracy of Yoshida4 at dt = 0.01 on this problem (see bench/results/history/dynamics.md).
     */
    @Benchmark
    public Object hipparchusDormandPrince(Peer s) {
        return new DormandPrince54Integrator(1e-6, 1.0, 1e-8, 1e-8).integrate(s.ode, new ODEState(0, s.y0), STEPS * DT);
    }
}
