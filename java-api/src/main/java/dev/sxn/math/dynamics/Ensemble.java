package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * N particles (members) of unit mass in d dimensions: positions q and momenta p, stored
 * structure-of-arrays by dimension so that kernels vectorise across particles.
 *
 * <p>Layout: {@code positions()[k * n + i]} is coordinate k of particle i (and likewise for
 * {@code momenta()}): each dimension is one contiguous run of n doubles, so a SIMD vector holds the
 * same coordinate of consecutive particles and an OpenCL work-item reads its coordinates with a
 * stride of n (coalesced across work-items). The arrays are live: writes through them change the
 * ensemble.
 *
 * <p>A member whose state turns non-finite during {@link Dynamics#integrate} is flagged with the step
 * at which that was seen ({@link #nonFiniteStep(int)}); other members are unaffected.
 *
 * <p>Not thread-safe: one integration at a time per ensemble. Memory: 16 n d bytes; 32 n d once a user-written
 * potential has run on an accelerated kind (the start of each chunk is kept, so that a failed chunk can be undone).
 */
public final class Ensemble {
    private final int n;
    private final int d;
    private final double[] q;
    private final double[] p;
    private long[] nonFiniteAt; // null until a member fails
    private long steps;
    // Dynamics' copy of q and p at the start of a chunk that a user-written potential integrates on an accelerated
    // kind (its kernel writes back block by block): allocated on first use, so only such ensembles pay for it.
    private double[] chunkQ;
    private double[] chunkP;

    /**
     * An ensemble of {@code n} particles in {@code d} dimensions at rest at the origin.
     *
     * @param n particles, in [1, 2^31 - 1) with n d <= 2^31 - 16
     * @param d dimensions, >= 1
     */
    public Ensemble(int n, int d) {
        Checks.atLeast(n, "n (particles)", 1);
        Checks.atLeast(d, "d (dimensions)", 1);
        if ((long) n * d > Integer.MAX_VALUE - 16) {
            throw Checks.invalid("n * d", n + " * " + d + " = " + (long) n * d, "be <= " + (Integer.MAX_VALUE - 16) + " (one Java array)");
        }
        this.n = n;
        this.d = d;
        this.q = new double[n * d];
        this.p = new double[n * d];
    }

    /** The number of particles n. */
    public int size() {
        return n;
    }

    /** The dimension d. */
    public int dimension() {
        return d;
    }

    /** The positions, live, in the layout of the class comment ({@code [k * n + i]}). */
    public double[] positions() {
        return q;
    }

    /** The momenta (= velocities, unit mass), live, layout {@code [k * n + i]}. */
    public double[] momenta() {
        return p;
    }

    /** Coordinate k of particle i's position. */
    public double position(int i, int k) {
        return q[index(i, k)];
    }

    /** Coordinate k of particle i's momentum. */
    public double momentum(int i, int k) {
        return p[index(i, k)];
    }

    /** Sets coordinate k of particle i's position. */
    public void setPosition(int i, int k, double v) {
        q[index(i, k)] = v;
    }

    /** Sets coordinate k of particle i's momentum. */
    public void setMomentum(int i, int k, double v) {
        p[index(i, k)] = v;
    }

    /** Particle i's position as a new array of length d. */
    public double[] position(int i) {
        double[] out = new double[d];
        for (int k = 0; k < d; k++) out[k] = q[index(i, k)];
        return out;
    }

    /** Particle i's momentum as a new array of length d. */
    public double[] momentum(int i) {
        double[] out = new double[d];
        for (int k = 0; k < d; k++) out[k] = p[index(i, k)];
        return out;
    }

    /** Sets particle i's position and momentum (arrays of length d). */
    public void set(int i, double[] position, double[] momentum) {
        Checks.length(position, "position", d, "d");
        Checks.length(momentum, "momentum", d, "d");
        for (int k = 0; k < d; k++) {
            q[index(i, k)] = position[k];
            p[index(i, k)] = momentum[k];
        }
    }

    /** Keeps the current positions and momenta, for {@link #restoreChunkStart()} (Dynamics: the start of a chunk). */
    void saveChunkStart() {
        if (chunkQ == null) {
            chunkQ = new double[q.length];
            chunkP = new double[p.length];
        }
        System.arraycopy(q, 0, chunkQ, 0, q.length);
        System.arraycopy(p, 0, chunkP, 0, p.length);
    }

    /** Puts back the positions and momenta kept by {@link #saveChunkStart()}. */
    void restoreChunkStart() {
        System.arraycopy(chunkQ, 0, q, 0, q.length);
        System.arraycopy(chunkP, 0, p, 0, p.length);
    }

    /** Steps integrated so far (sum over {@link Dynamics#integrate} calls). */
    public long stepsTaken() {
        return steps;
    }

    /** The step after which member i was first seen non-finite, or -1 if it is finite. */
    public long nonFiniteStep(int i) {
        index(i, 0);
        return nonFiniteAt == null ? -1 : nonFiniteAt[i];
    }

    /** How many members have been flagged non-finite. */
    public int nonFiniteCount() {
        if (nonFiniteAt == null) return 0;
        int c = 0;
        for (long s : nonFiniteAt) if (s >= 0) c++;
        return c;
    }

    /** The total energy sum_i (|p_i|^2 / 2 + V(q_i)); O(n d) plus n evaluations of V. */
    public double energy(Potential v) {
        Dynamics.checkDimension(v, d, "the ensemble");
        double[] qi = new double[d];
        double e = 0;
        for (int i = 0; i < n; i++) e += memberEnergy(v, i, qi);
        return e;
    }

    /** Particle i's energy |p_i|^2 / 2 + V(q_i). */
    public double energy(Potential v, int i) {
        Dynamics.checkDimension(v, d, "the ensemble");
        return memberEnergy(v, i, new double[d]);
    }

    double memberEnergy(Potential v, int i, double[] scratch) {
        double kin = 0;
        for (int k = 0; k < d; k++) {
            scratch[k] = q[k * n + i];
            double pk = p[k * n + i];
            kin += pk * pk;
        }
        return 0.5 * kin + v.value(scratch);
    }

    /** A deep copy (state, flags and step count). */
    public Ensemble copy() {
        Ensemble c = new Ensemble(n, d);
        System.arraycopy(q, 0, c.q, 0, q.length);
        System.arraycopy(p, 0, c.p, 0, p.length);
        c.nonFiniteAt = nonFiniteAt == null ? null : nonFiniteAt.clone();
        c.steps = steps;
        return c;
    }

    void addSteps(long s) {
        steps += s;
    }

    /** Flags members with a non-finite coordinate not flagged before; returns how many are newly flagged. */
    int flagNonFinite(long atStep) {
        int fresh = 0;
        for (int k = 0; k < d; k++) {
            int base = k * n;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(q[base + i]) || !Double.isFinite(p[base + i])) {
                    if (nonFiniteAt == null) {
                        nonFiniteAt = new long[n];
                        Arrays.fill(nonFiniteAt, -1);
                    }
                    if (nonFiniteAt[i] < 0) {
                        nonFiniteAt[i] = atStep;
                        fresh++;
                    }
                }
            }
        }
        return fresh;
    }

    private int index(int i, int k) {
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("particle index must be in [0, " + (n - 1) + "], was " + i);
        if (k < 0 || k >= d) throw new IndexOutOfBoundsException("dimension index must be in [0, " + (d - 1) + "], was " + k);
        return k * n + i;
    }
}
