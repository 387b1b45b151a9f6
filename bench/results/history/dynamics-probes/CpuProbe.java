// Probe for bench/results/dynamics.md: leapfrog throughput through the public API per backend, by thread CPU
// time (robust to the shared machine's load), beside a Vector API FMA-peak loop. Only the last of the 3 rounds
// is warm (the first rounds run the peak loop before C2 has compiled it, so their "peak" is meaningless).
import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.*;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import jdk.incubator.vector.*;
public class CpuProbe {
  static long cpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static double peak(int iters) {
    DoubleVector m = DoubleVector.broadcast(S, 0.9999999), c = DoubleVector.broadcast(S, 1e-9);
    DoubleVector v0 = DoubleVector.broadcast(S, 1.0), v1 = v0.add(1), v2 = v0.add(2), v3 = v0.add(3), v4 = v0.add(4), v5 = v0.add(5), v6 = v0.add(6), v7 = v0.add(7), v8 = v0.add(8), v9 = v0.add(9), v10 = v0.add(10), v11 = v0.add(11);
    for (int i = 0; i < iters; i++) { v0 = v0.fma(m, c); v1 = v1.fma(m, c); v2 = v2.fma(m, c); v3 = v3.fma(m, c); v4 = v4.fma(m, c); v5 = v5.fma(m, c); v6 = v6.fma(m, c); v7 = v7.fma(m, c); v8 = v8.fma(m, c); v9 = v9.fma(m, c); v10 = v10.fma(m, c); v11 = v11.fma(m, c); }
    return v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11).reduceLanes(VectorOperators.ADD);
  }
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]); int reps = Integer.parseInt(a[1]);
    Potential v = Potentials.anharmonic(1, 1);
    for (int round = 0; round < 3; round++) {
      int it = 20_000_000; long t0 = cpu(); double x = peak(it); long t1 = cpu();
      double peakG = 2.0 * 12 * it * S.length() / (t1 - t0);
      StringBuilder sb = new StringBuilder(String.format("peak %.1f GFLOP/s (cpu time)", peakG));
      for (String b : a[2].split(",")) {
        SplittableRandom r = new SplittableRandom(1); Ensemble e = new Ensemble(n, 3);
        for (int j = 0; j < 3*n; j++) { e.positions()[j] = r.nextDouble(-1,1); e.momenta()[j] = r.nextDouble(-.5,.5);} 
        IntegrationOptions o = IntegrationOptions.DEFAULT.withBackend(Backend.valueOf(b));
        Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, 256, o);
        long s0 = cpu(); for (int k = 0; k < reps; k++) Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, 256, o); long s1 = cpu();
        double ps = (double) n * 256 * reps / ((s1 - s0) * 1e-9);
        sb.append(String.format(" | %s %.3g p-steps/s %.1f GFLOP/s (%.0f%%)", b, ps, ps * 22 / 1e9, 100 * ps * 22 / 1e9 / peakG));
      }
      System.out.println(sb + " " + x);
    }
  }
}
