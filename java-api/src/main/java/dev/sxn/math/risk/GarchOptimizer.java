package dev.sxn.math.risk;

/**
 * A box-constrained quasi-Newton minimiser: projected BFGS with an Armijo backtracking line search along the
 * projected path (Bertsekas' projected Newton idea with a BFGS inverse Hessian, in the spirit of L-BFGS-B
 * for the small dense problems of a GARCH fit).
 *
 * <p>Each iteration: variables at a bound whose gradient pushes outward are held (the active set); the
 * direction is {@code d = -H g} on the free variables; the step {@code x(t) = P(x + t d)} (P the projection
 * onto the box) is halved from {@code t = 1} until {@code f(x(t)) <= f(x) + 1e-4 g.(x(t) - x)}; H gets the
 * BFGS update when {@code s.y > 0}. The start H is diagonal, from finite differences of the gradient
 * (curvature per coordinate), so parameters of very different size need no user scaling. When the direction
 * is not a descent direction or the line search fails, H is reset to that diagonal once before giving up.
 *
 * <p>Stops when the projected gradient's largest component is at most {@code gtol * max(1, |f|)}
 * ({@link GarchStatus#CONVERGED}; also when {@code f} stops decreasing with the gradient within 1000 times
 * that), when {@code f} stops decreasing otherwise ({@link GarchStatus#STALLED}) or after
 * {@code maxIterations} ({@link GarchStatus#MAX_ITERATIONS}); the point returned is always the best one seen.
 * O(iterations (cost(f) + p^2)) time for p parameters; O(p^2) scratch per call; never throws on a hard
 * objective.
 */
final class GarchOptimizer {
    /** An objective with its gradient; returns +Infinity (or NaN) where undefined. */
    interface Objective {
        /** f(x), writing the gradient into {@code grad} when it is not null. */
        double evaluate(double[] x, double[] grad);
    }

    /** The outcome: the status, the minimum found and the iterations used ({@code x} is updated in place). */
    record Result(GarchStatus status, double value, int iterations) {}

    private GarchOptimizer() {}

    /**
     * Minimises {@code f} over {@code lo <= x <= hi} from {@code x} (clamped into the box first), in place: the
     * {@link GarchMinimizer} state machine driven by {@code f}, one evaluation at a time.
     */
    static Result minimize(Objective f, double[] x, double[] lo, double[] hi, double gtol, int maxIterations) {
        GarchMinimizer m = new GarchMinimizer(x.length);
        m.start(x, lo, hi, gtol, maxIterations);
        while (m.wantsEvaluation()) m.accept(f.evaluate(m.point(), m.gradient()));
        System.arraycopy(m.x(), 0, x, 0, x.length);
        return m.result();
    }
}
