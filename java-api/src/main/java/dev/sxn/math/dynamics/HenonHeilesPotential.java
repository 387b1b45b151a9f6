package dev.sxn.math.dynamics;

/** V(x, y) = (x^2 + y^2) / 2 + x^2 y - y^3 / 3 (Henon and Heiles 1964); escape energy 1/6. */
final class HenonHeilesPotential implements Potential {
    static final HenonHeilesPotential INSTANCE = new HenonHeilesPotential();

    private HenonHeilesPotential() {}

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] q) {
        double x = q[0], y = q[1];
        return 0.5 * (x * x + y * y) + x * x * y - y * y * y / 3.0;
    }

    @Override
    public void gradient(double[] q, double[] out) {
        double x = q[0], y = q[1];
        out[0] = x + 2.0 * x * y;
        out[1] = y + x * x - y * y;
    }

    @Override
    public String toString() {
        return "henonHeiles";
    }
}
