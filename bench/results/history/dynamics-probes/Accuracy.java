// Probe for bench/results/dynamics.md: accuracy of leapfrog / Yoshida4 (dt = 0.01) and Hipparchus RK4 / DP54 on
// the DynamicsBench problem (N = 1000, t = 2.56) against Yoshida4 at dt = 1e-4.
import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.*;
import java.util.SplittableRandom;
import org.hipparchus.ode.*;
import org.hipparchus.ode.nonstiff.*;
public class Accuracy {
  static final int n = 1000, len = 3 * n; static final double T = 2.56;
  static Ensemble ens() { SplittableRandom r = new SplittableRandom(42); Ensemble e = new Ensemble(n, 3);
    for (int j = 0; j < 3 * n; j++) { e.positions()[j] = r.nextDouble(-1, 1); e.momenta()[j] = r.nextDouble(-0.5, 0.5); } return e; }
  static double[] y(Ensemble e) { double[] y = new double[2*len]; System.arraycopy(e.positions(),0,y,0,len); System.arraycopy(e.momenta(),0,y,len,len); return y; }
  static double energyErr(double[] y, double[] y0) { double w = 0; for (int i = 0; i < n; i++) { double e1 = en(y,i), e0 = en(y0,i); w = Math.max(w, Math.abs(e1-e0)/e0);} return w; }
  static double en(double[] y, int i) { double r2=0,k=0; for (int c=0;c<3;c++){ r2+=y[c*n+i]*y[c*n+i]; k+=y[len+c*n+i]*y[len+c*n+i]; } return 0.5*k+0.5*r2+0.25*r2*r2; }
  static double err(double[] y, double[] ref) { double w=0; for (int j=0;j<2*len;j++) w=Math.max(w,Math.abs(y[j]-ref[j])); return w; }
  public static void main(String[] a) {
    Potential v = Potentials.anharmonic(1,1);
    double[] y0 = y(ens());
    Ensemble r = ens(); Dynamics.integrate(r, v, Integrator.YOSHIDA4, 0.0001, 25600); double[] ref = y(r);
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      public int getDimension() { return 2*len; }
      public double[] computeDerivatives(double t, double[] y) { double[] dy = new double[2*len]; System.arraycopy(y,len,dy,0,len);
        for (int i=0;i<n;i++){ double x=y[i],yy=y[n+i],z=y[2*n+i]; double s=1+(x*x+yy*yy+z*z); dy[len+i]=-s*x; dy[len+n+i]=-s*yy; dy[len+2*n+i]=-s*z;} return dy; } };
    for (Integrator in : new Integrator[]{Integrator.LEAPFROG, Integrator.YOSHIDA4}) {
      Ensemble e = ens(); Dynamics.integrate(e, v, in, 0.01, 256, IntegrationOptions.DEFAULT.withBackend(Backend.JAVA)); double[] y = y(e);
      System.out.printf("%s dt=0.01: max state error %.2e, max |dE|/E %.2e%n", in, err(y, ref), energyErr(y, y0));
    }
    double[] rk = new ClassicalRungeKuttaIntegrator(0.01).integrate(ode, new ODEState(0, y0), T).getPrimaryState();
    System.out.printf("RK4 dt=0.01: max state error %.2e, max |dE|/E %.2e%n", err(rk, ref), energyErr(rk, y0));
    for (double tol : new double[]{1e-6, 1e-8, 1e-10}) {
      DormandPrince54Integrator dp = new DormandPrince54Integrator(1e-6, 1.0, tol, tol);
      double[] d = dp.integrate(ode, new ODEState(0, y0), T).getPrimaryState();
      System.out.printf("DP54 tol=%.0e: max state error %.2e, max |dE|/E %.2e, evaluations %d%n", tol, err(d, ref), energyErr(d, y0), dp.getEvaluations());
    }
  }
}
