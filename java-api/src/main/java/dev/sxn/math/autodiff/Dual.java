package dev.sxn.math.autodiff;

import dev.sxn.math.internal.Checks;

/**
 * A dual number: a value and a fixed-length tangent (its partial derivatives with respect to P inputs), for
 * forward-mode differentiation outside hot loops (each operation returns a new Dual; hot loops use {@link Duals} on
 * primitive arrays instead). Immutable. Operands must have the same number of tangents.
 */
public final class Dual {
    private final double[] slot;

    private Dual(double[] slot) {
        this.slot = slot;
    }

    /**
     * The constant c with P zero tangents.
     *
     * @throws IllegalArgumentException if P is negative
     */
    public static Dual constant(double c, int tangents) {
        Checks.atLeast(tangents, "tangents", 0);
        double[] s = new double[tangents + 1];
        s[0] = c;
        return new Dual(s);
    }

    /**
     * Input number {@code index} of P with value c (tangent 1 at index).
     *
     * @throws IllegalArgumentException if index is not in [0, P)
     */
    public static Dual variable(double c, int index, int tangents) {
        Checks.inRange(index, "index", 0, tangents - 1, "one of the tangents");
        Dual d = constant(c, tangents);
        d.slot[index + 1] = 1.0;
        return d;
    }

    /** The value. */
    public double value() {
        return slot[0];
    }

    /** The partial derivative with respect to input i. */
    public double tangent(int i) {
        Checks.inRange(i, "i", 0, slot.length - 2, "one of the tangents");
        return slot[i + 1];
    }

    /** The number of tangents P. */
    public int tangents() {
        return slot.length - 1;
    }

    private Dual same(Dual o) {
        Checks.notNull(o, "other");
        if (o.slot.length != slot.length) throw Checks.invalid("other.tangents()", o.tangents(), "equal " + tangents());
        return new Dual(new double[slot.length]);
    }

    /** this + o. */
    public Dual add(Dual o) {
        Dual r = same(o);
        Duals.add(slot, 0, o.slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** this - o. */
    public Dual sub(Dual o) {
        Dual r = same(o);
        Duals.sub(slot, 0, o.slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** this * o. */
    public Dual mul(Dual o) {
        Dual r = same(o);
        Duals.mul(slot, 0, o.slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** this / o. */
    public Dual div(Dual o) {
        Dual r = same(o);
        Duals.div(slot, 0, o.slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** this^o (this {@code > 0}). */
    public Dual pow(Dual o) {
        Dual r = same(o);
        Duals.pow(slot, 0, o.slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** c * this. */
    public Dual scale(double c) {
        Dual r = new Dual(new double[slot.length]);
        Duals.scale(slot, 0, c, r.slot, 0, slot.length);
        return r;
    }

    /** exp(this). */
    public Dual exp() {
        Dual r = new Dual(new double[slot.length]);
        Duals.exp(slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** ln(this). */
    public Dual log() {
        Dual r = new Dual(new double[slot.length]);
        Duals.log(slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** sqrt(this). */
    public Dual sqrt() {
        Dual r = new Dual(new double[slot.length]);
        Duals.sqrt(slot, 0, r.slot, 0, slot.length);
        return r;
    }

    /** this^c for a constant c. */
    public Dual pow(double c) {
        Dual r = new Dual(new double[slot.length]);
        Duals.powConstant(slot, 0, c, r.slot, 0, slot.length);
        return r;
    }
}
