package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * A Gyroscope elliptic concentrated liquidity pool (E-CLP) of two assets under arbitrage, quantammsim's
 * {@code GyroscopePool} forward pass in float64. Prices are those of asset 0 in units of asset 1,
 * {@code p = P_0 / P_1}; liquidity sits on the price range {@code [alpha, beta]}.
 *
 * <p>Definitions (Gyroscope, "The Elliptic Concentrated Liquidity Pool (E-CLP)", Definitions 1-3 and Propositions 8,
 * 9 and 12; the same formulas as quantammsim's {@code gyroscope_reserves}): with
 * {@code A = [[c/lambda, -s/lambda], [s, c]]}, {@code zeta(p) = (A(-1, p))_y / -(A(-1, p))_x
 * = lambda (c p - s) / (c + s p)} and {@code tau(p) = (zeta, 1) / sqrt(1 + zeta^2)}, the virtual offsets per unit
 * invariant are {@code chi = ((A^-1 tau(beta))_x, (A^-1 tau(alpha))_y)}; the curve is
 * {@code |A (t - r chi)| = r} for reserves {@code t = (x, y)} and invariant r, whose positive root is
 * {@code r = (At.Achi + sqrt((At.Achi)^2 - (|Achi|^2 - 1)|At|^2)) / (|Achi|^2 - 1)}; the reserves at price p are
 * {@code t(p) = r (chi - A^-1 tau(p))} (zero x at beta, zero y at alpha); the marginal price of reserves t is
 * {@code (pc . A e_x) / (pc . A e_y)} with {@code t'' = A (t - r chi)} and {@code pc = (t''_x / t''_y, 1)}.
 *
 * <p>The pass over minutes {@code [start, start + boutLength - 1)}: the initial reserves hold
 * {@code initialPoolValue} at the first minute's prices, {@code R_0 = V_0 u(p_0) / (u(p_0) . P_0)} with
 * {@code u = chi - A^-1 tau} (quantammsim's {@code initialise_gyroscope_reserves_given_value}). With no trading costs,
 * arbitrage keeps the invariant, so {@code R_t = r_0 u(p_t)} in closed form. With costs ({@code gamma = 1 - fees}),
 * each minute: the invariant r and marginal price q of the current reserves; if {@code q <= gamma p} the pool is moved
 * to price {@code gamma p}, if {@code q >= p / gamma} to {@code p / gamma} (the fee band, Remark 5 of the paper's
 * Appendix A); the move {@code r u(target) - R} has its inbound side divided by gamma (the fee stays in the pool) and
 * is executed when the arbitrageur's profit {@code -sum_i dR_i P_i - gasCost >= arbFees/2 sum_i |dR_i| P_i}; a move that
 * would leave a reserve negative is refused. Fee revenue is {@code (1 - gamma)} times the inbound amount, in the
 * numeraire.
 *
 * <p>Named differences from quantammsim's code: (1) its fee pass gates on the reserve ratio {@code y / x} in place of
 * the marginal price it computes just before (a line overwrites it); an E-CLP's reserve ratio is not its price (at
 * alpha it holds no y), so this pass uses the marginal price, the E-CLP paper's definition. (2) A market price outside
 * {@code [alpha, beta]} moves the pool to the nearest end of its range (all in one asset), where quantammsim's closed
 * form gives a negative reserve and keeps the previous minute's reserves. (3) The zero-fee pass holds the invariant of
 * the first minute rather than recomputing it from rounded reserves each minute (the same in exact arithmetic).
 *
 * <p>O(rows); {@link #metric} allocates nothing on a warm call (per-thread scratch). Immutable and thread-safe.
 */
public final class EclpPool {
    /** The largest accepted {@code |c^2 + s^2 - 1|}. */
    public static final double ROTATION_NORM_TOLERANCE = 1e-9;

    private final double alpha, beta, c, s, lambda;
    // A, A^-1 and the virtual offsets per unit invariant
    private final double a00, a01, a10, a11, i00, i01, i10, i11;
    private final double chiX, chiY, achiX, achiY, achiNormSqMinus1;

    private EclpPool(double alpha, double beta, double c, double s, double lambda) {
        this.alpha = alpha;
        this.beta = beta;
        this.c = c;
        this.s = s;
        this.lambda = lambda;
        a00 = c / lambda;
        a01 = -s / lambda;
        a10 = s;
        a11 = c;
        i00 = c * lambda;
        i01 = s;
        i10 = -s * lambda;
        i11 = c;
        double zb = zeta(beta), nb = Math.sqrt(1 + zb * zb);
        double za = zeta(alpha), na = Math.sqrt(1 + za * za);
        chiX = i00 * (zb / nb) + i01 * (1 / nb);
        chiY = i10 * (za / na) + i11 * (1 / na);
        achiX = a00 * chiX + a01 * chiY;
        achiY = a10 * chiX + a11 * chiY;
        achiNormSqMinus1 = achiX * achiX + achiY * achiY - 1.0;
    }

    /**
     * An E-CLP with price range {@code [alpha, beta]} (asset 0 in units of asset 1), rotation {@code (c, s) =
     * (cos phi, sin phi)} and stretch lambda.
     *
     * @throws IllegalArgumentException if alpha is not positive and finite, beta not finite or not above alpha, c or s
     *     outside [0, 1] (so that {@code c + s p > 0} for every positive price and zeta stays finite), {@code c^2 + s^2}
     *     off 1 by more than {@link #ROTATION_NORM_TOLERANCE}, or lambda below 1 or not finite
     */
    public static EclpPool of(double alpha, double beta, double c, double s, double lambda) {
        Checks.positive(alpha, "alpha");
        Checks.finite(alpha, "alpha");
        Checks.finite(beta, "beta");
        if (!(beta > alpha)) throw Checks.invalid("beta", beta, "be above alpha (" + alpha + ")");
        Checks.inClosed(c, "c", 0, 1);
        Checks.inClosed(s, "s", 0, 1);
        double norm = c * c + s * s;
        if (!(Math.abs(norm - 1) <= ROTATION_NORM_TOLERANCE)) {
            throw Checks.invalid("c^2 + s^2", norm, "be 1 within " + ROTATION_NORM_TOLERANCE);
        }
        Checks.finite(lambda, "lambda");
        if (!(lambda >= 1)) throw Checks.invalid("lambda", lambda, "be >= 1");
        return new EclpPool(alpha, beta, c, s, lambda);
    }

    /** The lower end of the price range. */
    public double alpha() {
        return alpha;
    }

    /** The upper end of the price range. */
    public double beta() {
        return beta;
    }

    /** cos phi. */
    public double c() {
        return c;
    }

    /** sin phi. */
    public double s() {
        return s;
    }

    /** The stretch lambda. */
    public double lambda() {
        return lambda;
    }

    /** The virtual offsets per unit invariant, {@code (chi_x, chi_y)} (Proposition 8). */
    public double[] chi() {
        return new double[] {chiX, chiY};
    }

    private double zeta(double p) {
        // A (-1, p) = (-(c + s p)/lambda, c p - s)
        double apx = a00 * -1.0 + a01 * p, apy = a10 * -1.0 + a11 * p;
        return apy / -apx;
    }

    /** x of the reserves per unit invariant at price p (p clipped to the range), {@code (chi - A^-1 tau(p))_x}. */
    private double unitX(double p) {
        if (p >= beta) return 0.0;
        double z = zeta(Math.max(p, alpha)), n = Math.sqrt(1 + z * z);
        return chiX - (i00 * (z / n) + i01 * (1 / n));
    }

    /** y of the reserves per unit invariant at price p (p clipped to the range), {@code (chi - A^-1 tau(p))_y}. */
    private double unitY(double p) {
        if (p <= alpha) return 0.0;
        double z = zeta(Math.min(p, beta)), n = Math.sqrt(1 + z * z);
        return chiY - (i10 * (z / n) + i11 * (1 / n));
    }

    /**
     * The reserves {@code r (chi - A^-1 tau(p))} holding invariant r at price p; a price outside the range gives the
     * reserves at its nearest end.
     *
     * @throws IllegalArgumentException if the price is not positive and finite or the invariant negative or not finite
     */
    public double[] reservesAt(double price, double invariant) {
        Checks.positive(price, "price");
        Checks.finite(price, "price");
        Checks.nonNegative(invariant, "invariant");
        Checks.finite(invariant, "invariant");
        return new double[] {invariant * unitX(price), invariant * unitY(price)};
    }

    /**
     * The invariant r of reserves (x, y), the positive root of {@code |A (t - r chi)|^2 = r^2} (Proposition 8).
     *
     * @throws IllegalArgumentException if a reserve is negative or not finite
     */
    public double invariant(double x, double y) {
        Checks.nonNegative(x, "x");
        Checks.finite(x, "x");
        Checks.nonNegative(y, "y");
        Checks.finite(y, "y");
        return invariantOf(x, y);
    }

    private double invariantOf(double x, double y) {
        double atx = a00 * x + a01 * y, aty = a10 * x + a11 * y;
        double dot = atx * achiX + aty * achiY;
        // Rounding can push the discriminant of a pool at the end of its range a hair below zero.
        double disc = Math.max(0.0, dot * dot - achiNormSqMinus1 * (atx * atx + aty * aty));
        return (dot + Math.sqrt(disc)) / achiNormSqMinus1;
    }

    /**
     * The marginal price of asset 0 in units of asset 1 quoted by reserves (x, y) (Proposition 12).
     *
     * @throws IllegalArgumentException if a reserve is negative or not finite, or both are zero
     */
    public double price(double x, double y) {
        invariant(x, y);
        if (x == 0 && y == 0) throw Checks.invalid("x + y", 0.0, "be positive (an empty pool quotes no price)");
        return priceOf(x, y, invariantOf(x, y));
    }

    private double priceOf(double x, double y, double r) {
        double dx = x - r * chiX, dy = y - r * chiY;
        double tx = a00 * dx + a01 * dy, ty = a10 * dx + a11 * dy;
        double ratio = tx / ty;
        return (ratio * a00 + a10) / (ratio * a01 + a11);
    }

    /**
     * The whole pass with every row kept (weights are each asset's share of the value).
     *
     * @throws IllegalArgumentException if the prices are not two assets or not positive and finite, start is negative,
     *     boutLength {@code < 2}, or the bout runs past the data
     */
    public PoolRun run(MinutePrices prices, int start, int boutLength, AmmConfig config) {
        check(prices, start, boutLength, config);
        int rows = boutLength - 1;
        double[] w = new double[2 * rows], r = new double[2 * rows], v = new double[rows], fee = new double[rows];
        double[] r0 = new double[2];
        double[] p = prices.values();
        simulate(p, start, rows, config, v, r, fee, r0);
        for (int t = 0; t < rows; t++) {
            w[2 * t] = r[2 * t] * p[2 * (start + t)] / v[t];
            w[2 * t + 1] = 1.0 - w[2 * t];
        }
        return new PoolRun(2, start, w, r, v, fee, r0);
    }

    /**
     * One metric of the pass ({@link AmmMetrics}' definitions), from per-thread scratch.
     *
     * @throws IllegalArgumentException as {@link #run}, or if the bout is too short for the metric
     */
    public double metric(MinutePrices prices, int start, int boutLength, AmmConfig config, AmmMetric metric) {
        Checks.notNull(metric, "metric");
        check(prices, start, boutLength, config);
        int rows = boutLength - 1;
        AmmMetrics.checkLength(metric, rows);
        PoolScratch sc = PoolScratch.get();
        sc.assets(2);
        double[] v = sc.values(rows);
        double[] p = prices.values();
        double feeTotal = simulate(p, start, rows, config, v, null, null, sc.r0);
        System.arraycopy(p, 2 * start, sc.pFirst, 0, 2);
        System.arraycopy(p, 2 * (start + rows - 1), sc.pLast, 0, 2);
        return AmmMetrics.compute(metric, v, rows, 2, sc.r0, sc.pFirst, sc.pLast, feeTotal, sc);
    }

    private static void check(MinutePrices prices, int start, int boutLength, AmmConfig config) {
        Checks.notNull(prices, "prices");
        Checks.notNull(config, "config");
        if (prices.assets() != 2) throw Checks.invalid("prices.assets()", prices.assets(), "be 2 (an E-CLP holds two assets)");
        Checks.atLeast(start, "start", 0);
        Checks.atLeast(boutLength, "boutLength", 2);
        if ((long) start + boutLength - 1 > prices.steps()) {
            throw Checks.invalid("boutLength", boutLength, "fit the data: start + boutLength - 1 <= " + prices.steps());
        }
        prices.checkPositive();
    }

    /** The pass; writes values (and reserves, fees when non-null) per row and R_0 into r0. Returns the fee total. */
    private double simulate(double[] p, int start, int rows, AmmConfig config, double[] values, double[] reservesOut, double[] feeOut,
                            double[] r0) {
        int o = 2 * start;
        double p0 = p[o] / p[o + 1];
        double ux = unitX(p0), uy = unitY(p0);
        double scale = config.initialPoolValue() / (ux * p[o] + uy * p[o + 1]);
        double x = ux * scale, y = uy * scale;
        r0[0] = x;
        r0[1] = y;
        double feeTotal = 0;
        if (config.zeroFees()) {
            for (int t = 0; t < rows; t++) {
                int k = o + 2 * t;
                double pa = p[k], pb = p[k + 1], q = pa / pb;
                if (t > 0) {
                    x = scale * unitX(q);
                    y = scale * unitY(q);
                }
                values[t] = x * pa + y * pb;
                if (reservesOut != null) {
                    reservesOut[2 * t] = x;
                    reservesOut[2 * t + 1] = y;
                }
            }
            return 0.0;
        }
        double gamma = 1.0 - config.fees(), gas = config.gasCost(), arbFees = config.arbFees();
        for (int t = 0; t < rows; t++) {
            int k = o + 2 * t;
            double pa = p[k], pb = p[k + 1], mkt = pa / pb;
            double r = invariantOf(x, y);
            double q = priceOf(x, y, r);
            double lo = mkt * gamma, hi = mkt / gamma;
            double fee = 0;
            boolean below = q <= lo, above = hi <= q;
            if (below || above) {
                double target = below ? lo : hi;
                double dx = r * unitX(target) - x, dy = r * unitY(target) - y;
                // the inbound side pays the fee, which stays in the pool
                double inbound;
                if (below) {
                    dy /= gamma;
                    inbound = Math.max(0, dy) * pb;
                } else {
                    dx /= gamma;
                    inbound = Math.max(0, dx) * pa;
                }
                double profit = -(dx * pa + dy * pb) - gas;
                double nx = x + dx, ny = y + dy;
                if (profit >= 0.5 * arbFees * (Math.abs(dx) * pa + Math.abs(dy) * pb) && nx >= 0 && ny >= 0) {
                    x = nx;
                    y = ny;
                    fee = (1.0 - gamma) * inbound;
                }
            }
            values[t] = x * pa + y * pb;
            feeTotal += fee;
            if (reservesOut != null) {
                reservesOut[2 * t] = x;
                reservesOut[2 * t + 1] = y;
            }
            if (feeOut != null) feeOut[t] = fee;
        }
        return feeTotal;
    }
}
