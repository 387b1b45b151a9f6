package dev.sxn.math.stochastic;

/**
 * A discretely monitored barrier: the barrier is watched at the simulation dates {@code t_1 .. t_n} (not at
 * {@code t_0}); up barriers are hit when some {@code S_t >= B}, down barriers when some {@code S_t <= B}.
 * A knock-out option pays its vanilla payoff when the barrier was not hit, a knock-in one when it was, so
 * knock-in + knock-out = the vanilla option, path by path.
 */
public enum PayoffBarrier {
    /** Pays unless some monitored value is {@code >= B}. */
    UP_AND_OUT(true, true),
    /** Pays only if some monitored value is {@code >= B}. */
    UP_AND_IN(true, false),
    /** Pays unless some monitored value is {@code <= B}. */
    DOWN_AND_OUT(false, true),
    /** Pays only if some monitored value is {@code <= B}. */
    DOWN_AND_IN(false, false);

    private final boolean up, out;

    PayoffBarrier(boolean up, boolean out) {
        this.up = up;
        this.out = out;
    }

    /** True for an up barrier (watched through the running maximum), false for a down one (the minimum). */
    public boolean up() {
        return up;
    }

    /** True for knock-out, false for knock-in. */
    public boolean knockOut() {
        return out;
    }

    /** Whether the option pays, given the path's running extreme (maximum for up, minimum for down) and the barrier. */
    public boolean pays(double extreme, double barrier) {
        boolean hit = up ? extreme >= barrier : extreme <= barrier;
        return hit != out;
    }
}
