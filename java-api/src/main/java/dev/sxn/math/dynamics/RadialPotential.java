package dev.sxn.math.dynamics;

/**
 * The built-in radial family V(q) = a r^2 / 2 + b r^4 / 4 + v0 with r = |q - c 1| (the centre c on
 * every axis); gradient (a + b r^2) (q - c 1). Quadratic, anharmonic, double-well and the regimes
 * of the regime-dependent quadratic are all members, so the accelerated kernels need one formula.
 */
final class RadialPotential implements Potential {
    final String name;
    final double a;
    final double b;
    final double c;
    final double v0;

    RadialPotential(String name, double a, double b, double c, double v0) {
        this.name = name;
        this.a = a;
        this.b = b;
        this.c = c;
        this.v0 = v0;
    }

    @Override
    public double value(double[] q) {
        double r2 = 0;
        for (double x : q) {
            double y = x - c;
            r2 += y * y;
        }
        return 0.5 * a * r2 + 0.25 * b * r2 * r2 + v0;
    }

    @Override
    public void gradient(double[] q, double[] out) {
        double r2 = 0;
        for (double x : q) {
            double y = x - c;
            r2 += y * y;
        }
        double s = a + b * r2;
        for (int k = 0; k < q.length; k++) out[k] = s * (q[k] - c);
    }

    @Override
    public String toString() {
        return name;
    }
}
