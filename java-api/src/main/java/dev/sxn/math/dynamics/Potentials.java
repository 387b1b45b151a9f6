package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Checks;

/**
 * The built-in potentials. These run on every backend (JAVA, VECTOR, NATIVE, OPENCL); any other
 * {@link Potential} (user-written Java) runs on JAVA and VECTOR only. All are immutable and thread-safe; r = |q| below.
 */
public final class Potentials {
    private Potentials() {}

    /** The harmonic well V = k r^2 / 2 (angular frequency sqrt(k) per axis); k must be finite and > 0. */
    public static Potential quadratic(double k) {
        Checks.positive(k, "k");
        return new RadialPotential("quadratic(k=" + k + ")", k, 0, 0, 0);
    }

    /**
     * The anharmonic well V = k2 r^2 / 2 + k4 r^4 / 4; k2 and k4 finite, k4 >= 0 (so V is bounded below),
     * and not both 0.
     */
    public static Potential anharmonic(double k2, double k4) {
        Checks.finite(k2, "k2");
        Checks.finite(k4, "k4");
        if (k4 < 0) throw Checks.invalid("k4", k4, "be >= 0 (V bounded below)");
        if (k2 == 0 && k4 == 0) throw Checks.invalid("k2 and k4", "0 and 0", "not both be 0");
        return new RadialPotential("anharmonic(k2=" + k2 + ", k4=" + k4 + ")", k2, k4, 0, 0);
    }

    /**
     * The radial double well V = h (r^2 / w^2 - 1)^2: minima on the sphere r = w, a barrier of height h
     * at r = 0. It is the anharmonic family with k2 = -4 h / w^2, k4 = 4 h / w^4 and the constant h.
     * h and w must be finite and > 0.
     */
    public static Potential doubleWell(double h, double w) {
        Checks.positive(h, "h");
        Checks.positive(w, "w");
        double w2 = w * w;
        return new RadialPotential("doubleWell(h=" + h + ", w=" + w + ")", -4 * h / w2, 4 * h / (w2 * w2), 0, h);
    }

    /** The Henon-Heiles potential in d = 2: V = (x^2 + y^2) / 2 + x^2 y - y^3 / 3 (bound for E < 1/6). */
    public static Potential henonHeiles() {
        return HenonHeilesPotential.INSTANCE;
    }

    /**
     * A quadratic well whose stiffness and centre depend on a regime index:
     * V = k[r] |q - centre[r] 1|^2 / 2 in regime r (the centre lies on the diagonal). Starts in regime 0;
     * {@link RegimeQuadratic#withRegime(int)} switches.
     *
     * @param k stiffness per regime, finite and > 0
     * @param centre centre per regime, finite; same length as k
     */
    public static RegimeQuadratic regimeQuadratic(double[] k, double[] centre) {
        return new RegimeQuadratic(k, centre, 0);
    }
}
