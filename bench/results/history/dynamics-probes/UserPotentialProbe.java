// Throwaway JUnit probe for the user-potential VECTOR numbers in notes/dynamics.md ("User potentials on VECTOR")
// and Dynamics.USER_VECTOR_CROSSOVER. Run by copying it into java-api/src/test/java/dev/sxn/math/dynamics/ and
// ./mvnw -o -q -B -pl java-api test -Dtest='DynamicsZProbe*'  (not part of the suite). Output:
// PROBE user quartic n=16  JAVA 6.600e+07 ps/s  VECTOR 8.561e+07 ps/s
// PROBE user quartic n=64  JAVA 6.604e+07 ps/s  VECTOR 9.127e+07 ps/s
// PROBE user quartic n=256  JAVA 6.568e+07 ps/s  VECTOR 9.160e+07 ps/s
// PROBE user quartic n=4096  JAVA 6.588e+07 ps/s  VECTOR 8.429e+07 ps/s
// PROBE user quartic n=100000  JAVA 6.579e+07 ps/s  VECTOR 8.389e+07 ps/s
// PROBE user Morse (vectorised gradients) n=16  JAVA 2.596e+07 ps/s  VECTOR 2.121e+08 ps/s
// PROBE user Morse (vectorised gradients) n=64  JAVA 2.413e+07 ps/s  VECTOR 2.353e+08 ps/s
// PROBE user Morse (vectorised gradients) n=256  JAVA 3.013e+07 ps/s  VECTOR 2.328e+08 ps/s
// PROBE user Morse (vectorised gradients) n=4096  JAVA 3.513e+07 ps/s  VECTOR 1.687e+08 ps/s
// PROBE user Morse (vectorised gradients) n=100000  JAVA 3.581e+07 ps/s  VECTOR 2.513e+08 ps/s
// PROBE anharmonic(k2=1.0, k4=0.5) n=16  JAVA 5.575e+07 ps/s  VECTOR 1.213e+09 ps/s
// PROBE anharmonic(k2=1.0, k4=0.5) n=64  JAVA 5.492e+07 ps/s  VECTOR 1.206e+09 ps/s
// PROBE anharmonic(k2=1.0, k4=0.5) n=256  JAVA 5.440e+07 ps/s  VECTOR 1.202e+09 ps/s
// PROBE anharmonic(k2=1.0, k4=0.5) n=4096  JAVA 5.384e+07 ps/s  VECTOR 1.221e+09 ps/s
// PROBE anharmonic(k2=1.0, k4=0.5) n=100000  JAVA 5.379e+07 ps/s  VECTOR 1.314e+09 ps/s
package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class DynamicsZProbeTest {
    @Test
    void probe() {
        var tb = ManagementFactory.getThreadMXBean();
        int steps = 512;
        for (Potential v : new Potential[] {DynamicsUserPotentialTest.quartic(), DynamicsUserPotentialTest.morse(), Potentials.anharmonic(1, 0.5)}) {
            for (int n : new int[] {16, 64, 256, 4096, 100_000}) {
                int reps = Math.max(1, 100_000 / n);
                if (n >= 100_000) reps = 1;
                StringBuilder sb = new StringBuilder(v + " n=" + n);
                for (Backend kind : new Backend[] {Backend.JAVA, Backend.VECTOR}) {
                    double best = Double.MAX_VALUE;
                    for (int round = 0; round < 4; round++) {
                        Ensemble e = DynamicsTest.randomEnsemble(n, 3, 1);
                        long t0 = tb.getCurrentThreadCpuTime();
                        int r = round == 0 ? 1 : reps;
                        for (int k = 0; k < r; k++) Dynamics.integrate(e, v, Integrator.LEAPFROG, 1e-3, steps, IntegrationOptions.DEFAULT.withBackend(kind));
                        long t1 = tb.getCurrentThreadCpuTime();
                        if (round > 0) best = Math.min(best, (t1 - t0) / 1e9 / r);
                    }
                    sb.append(String.format("  %s %.3e ps/s", kind, (double) n * steps / best));
                }
                System.out.println("PROBE " + sb);
            }
        }
    }
}
