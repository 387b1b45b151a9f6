package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Milstein scheme for {@code dX = a(t, X) dt + b(t, X) dW} on a uniform grid {@code t_k = t0 + k dt}:
 * {@code X' = X + a(t, X) dt + b(t, X) dW + 1/2 b(t, X) b_x(t, X) (dW^2 - dt)}; strong order 1.0 and weak order 1.0 (for diagonal, hence commutative, noise) (Kloeden and Platen, "Numerical Solution of Stochastic Differential
 * Equations", 1992; G. N. Milstein, "Approximate integration of stochastic differential equations", Theory Probab. Appl. 19 (1974); tested by step halving). Scalar, or d-dimensional with diagonal noise
 * ({@code dX_i = a_i(t, X) dt + b_i(t, X_i) dW_i}, independent {@code W_i}), the drift of every component
 * evaluated on the state before the step.
 * {@code bx} is {@code db/dx} (diagonal: {@code db_i/dx_i}).
 *
 * <p>Increments: the caller's ({@code dW[dwOffset + (t d + i) dwRowStride + p]}: step t, component i, path p,
 * variance dt each), or from a {@link RandomStream}: {@code dW_i = sqrt(dt) z}, z the AS241 normal of slot
 * (lane(p), t d + i) ({@link Antithetic} maps paths to lanes), so a path is the same whatever the block or
 * thread split. Outputs step-major: the path, {@code out[offset + (t d + i) rowStride + p]} = component i after
 * step t; or the terminal state, {@code out[offset + i rowStride + p]}.
 *
 * <p>Plain Java (the coefficients are the caller's code). Cost O(paths x steps x d) coefficient calls; O(1)
 * allocation per call. Dimensions up to {@value SdeIntegrator#MAX_DIMENSION}.
 */
public final class Milstein {
    private Milstein() {}

    /**
     * Scalar paths from the stream: {@code out[offset + t rowStride + i]} = X after step t of path firstPath + i.
     *
     * @throws IllegalArgumentException if x0, t0 or dt is not finite (dt {@code > 0}), steps {@code < 1}, a lane or step
     *     is beyond the generator's limits, or the output does not fit in out
     */
    public static void paths(SdeFunction a, SdeFunction b, SdeFunction bx, double x0, double t0, double dt, RandomStream stream, long firstPath,
                             int paths, int steps, Antithetic antithetic, double[] out, int offset, int rowStride) {
        SdeIntegrator.Coefficients c = coefficients(a, b, bx);
        double[] x = {x0};
        SdeIntegrator.checkStream(c, 1, x, t0, dt, stream, firstPath, paths, steps, antithetic, out, offset, rowStride, steps);
        SdeIntegrator.fromStream(c, 1, x, t0, dt, stream, firstPath, paths, steps, antithetic == Antithetic.PAIRED, true, out, offset, rowStride);
    }

    /**
     * Scalar terminal values from the stream: {@code out[offset + i]} = X after {@code steps} steps of path firstPath + i.
     *
     * @throws IllegalArgumentException as the scalar paths form
     */
    public static void terminal(SdeFunction a, SdeFunction b, SdeFunction bx, double x0, double t0, double dt, RandomStream stream, long firstPath,
                                int paths, int steps, Antithetic antithetic, double[] out, int offset) {
        SdeIntegrator.Coefficients c = coefficients(a, b, bx);
        double[] x = {x0};
        SdeIntegrator.checkStream(c, 1, x, t0, dt, stream, firstPath, paths, steps, antithetic, out, offset, paths, 1);
        SdeIntegrator.fromStream(c, 1, x, t0, dt, stream, firstPath, paths, steps, antithetic == Antithetic.PAIRED, false, out, offset, paths);
    }

    /**
     * Scalar terminal values driven by the caller's increments {@code dW[dwOffset + t dwRowStride + p]}.
     *
     * @throws IllegalArgumentException as the stream form, or if the increments do not fit in dW
     */
    public static void terminal(SdeFunction a, SdeFunction b, SdeFunction bx, double x0, double t0, double dt, double[] dW, int dwOffset,
                                int dwRowStride, int paths, int steps, double[] out, int offset) {
        SdeIntegrator.Coefficients c = coefficients(a, b, bx);
        double[] x = {x0};
        SdeIntegrator.checkIncrements(c, 1, x, t0, dt, dW, dwOffset, dwRowStride, paths, steps, out, offset, paths, 1);
        SdeIntegrator.fromIncrements(c, 1, x, t0, dt, dW, dwOffset, dwRowStride, paths, steps, false, out, offset, paths);
    }

    /**
     * Diagonal-noise paths from the stream: {@code out[offset + (t d + i) rowStride + p]}, d = x0.length.
     *
     * @throws IllegalArgumentException as the scalar form, or if x0 has a non-finite entry or more than
     *     {@value SdeIntegrator#MAX_DIMENSION} components
     */
    public static void paths(SdeField a, SdeDiagonal b, SdeDiagonal bx, double[] x0, double t0, double dt, RandomStream stream, long firstPath,
                             int paths, int steps, Antithetic antithetic, double[] out, int offset, int rowStride) {
        SdeIntegrator.Coefficients c = new SdeIntegrator.Coefficients(a, b, Checks.notNull(bx, "bx"));
        int d = Checks.notNull(x0, "x0").length;
        SdeIntegrator.checkStream(c, d, x0, t0, dt, stream, firstPath, paths, steps, antithetic, out, offset, rowStride, steps * d);
        SdeIntegrator.fromStream(c, d, x0.clone(), t0, dt, stream, firstPath, paths, steps, antithetic == Antithetic.PAIRED, true, out, offset,
                rowStride);
    }

    /**
     * Diagonal-noise terminal states from the stream: {@code out[offset + i rowStride + p]}.
     *
     * @throws IllegalArgumentException as the diagonal paths form
     */
    public static void terminal(SdeField a, SdeDiagonal b, SdeDiagonal bx, double[] x0, double t0, double dt, RandomStream stream, long firstPath,
                                int paths, int steps, Antithetic antithetic, double[] out, int offset, int rowStride) {
        SdeIntegrator.Coefficients c = new SdeIntegrator.Coefficients(a, b, Checks.notNull(bx, "bx"));
        int d = Checks.notNull(x0, "x0").length;
        SdeIntegrator.checkStream(c, d, x0, t0, dt, stream, firstPath, paths, steps, antithetic, out, offset, rowStride, d);
        SdeIntegrator.fromStream(c, d, x0.clone(), t0, dt, stream, firstPath, paths, steps, antithetic == Antithetic.PAIRED, false, out, offset,
                rowStride);
    }

    /**
     * Diagonal-noise terminal states driven by the caller's increments {@code dW[dwOffset + (t d + i) dwRowStride + p]}.
     *
     * @throws IllegalArgumentException as the diagonal stream form, or if the increments do not fit in dW
     */
    public static void terminal(SdeField a, SdeDiagonal b, SdeDiagonal bx, double[] x0, double t0, double dt, double[] dW, int dwOffset,
                                int dwRowStride, int paths, int steps, double[] out, int offset, int rowStride) {
        SdeIntegrator.Coefficients c = new SdeIntegrator.Coefficients(a, b, Checks.notNull(bx, "bx"));
        int d = Checks.notNull(x0, "x0").length;
        SdeIntegrator.checkIncrements(c, d, x0, t0, dt, dW, dwOffset, dwRowStride, paths, steps, out, offset, rowStride, d);
        SdeIntegrator.fromIncrements(c, d, x0.clone(), t0, dt, dW, dwOffset, dwRowStride, paths, steps, false, out, offset, rowStride);
    }

    private static SdeIntegrator.Coefficients coefficients(SdeFunction a, SdeFunction b, SdeFunction bx) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        Checks.notNull(bx, "bx");
        return new SdeIntegrator.Coefficients((t, x, i) -> a.value(t, x[0]), (t, x, i) -> b.value(t, x), (t, x, i) -> bx.value(t, x));
    }
}
