package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * A quadratic well V = k[r] |q - centre[r] 1|^2 / 2 whose stiffness and centre switch with a regime
 * index r (for example a market regime: trending, mean-reverting, crisis). Immutable: a switch is
 * {@link #withRegime(int)}, which returns another instance sharing the tables. Built in, so it runs
 * on every backend. Thread-safe.
 */
public final class RegimeQuadratic implements Potential {
    private final double[] k;
    private final double[] centre;
    private final int regime;
    private final RadialPotential current;

    RegimeQuadratic(double[] k, double[] centre, int regime) {
        Checks.minLength(k, "k", 1, "one stiffness per regime");
        Checks.sameLength(k, "k", centre, "centre");
        for (int i = 0; i < k.length; i++) {
            Checks.positive(k[i], "k[" + i + "]");
            Checks.finite(centre[i], "centre[" + i + "]");
        }
        this.k = k.clone();
        this.centre = centre.clone();
        this.regime = regime;
        this.current = new RadialPotential("regimeQuadratic(regime " + regime + ": k=" + k[regime] + ", centre="
                + centre[regime] + ")", k[regime], 0, centre[regime], 0);
    }

    private RegimeQuadratic(RegimeQuadratic from, int regime) {
        this.k = from.k;
        this.centre = from.centre;
        this.regime = regime;
        this.current = new RadialPotential("regimeQuadratic(regime " + regime + ": k=" + k[regime] + ", centre="
                + centre[regime] + ")", k[regime], 0, centre[regime], 0);
    }

    /** This well in regime {@code r}, which must be in [0, regimes()). */
    public RegimeQuadratic withRegime(int r) {
        Checks.inRange(r, "regime", 0, k.length - 1, "the number of regimes - 1");
        return r == regime ? this : new RegimeQuadratic(this, r);
    }

    /** The current regime index. */
    public int regime() {
        return regime;
    }

    /** The number of regimes. */
    public int regimes() {
        return k.length;
    }

    /** The stiffness of the current regime. */
    public double stiffness() {
        return k[regime];
    }

    /** The centre (on every axis) of the current regime. */
    public double centre() {
        return centre[regime];
    }

    RadialPotential current() {
        return current;
    }

    @Override
    public double value(double[] q) {
        return current.value(q);
    }

    @Override
    public void gradient(double[] q, double[] out) {
        current.gradient(q, out);
    }

    @Override
    public String toString() {
        return "regimeQuadratic(k=" + Arrays.toString(k) + ", centre=" + Arrays.toString(centre) + ", regime=" + regime + ")";
    }
}
