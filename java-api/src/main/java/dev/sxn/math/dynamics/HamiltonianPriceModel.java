package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Checks;
import java.util.SplittableRandom;

/**
 * The market maker's Hamiltonian price model: a hidden mechanical system in phase space (position q
 * = displacement from fair value, momentum p = trend, unit mass, potential V) drives a quote, and a
 * mean-reverting price path carries noise whose volatility grows with the system's energy.
 *
 * <p>Per step of size dt:
 * <ol>
 *   <li>Phase space: exact friction p *= exp(-gamma dt / 2), a leapfrog step of the conservative
 *       dynamics, exact friction again (Strang splitting), then the Euler-Maruyama kick
 *       p += sigmaP sqrt(dt) Z per coordinate (Z standard normal, once).
 *   <li>Price: m += kappa (anchor - price) dt + sigma tanh(E / E_scale) sqrt(dt) Z;
 *       m *= exp(-0.1 dt); price += m dt, floored at 0.01. E = |p|^2 / 2 + V(q).
 * </ol>
 * The quote is the product's definition, unchanged:
 * quote = anchor (1 + 0.1 |q|) (1 + 0.05 mean(p)) (1 + 0.2 tanh(E / E_scale)), floored at 0;
 * cost per unit = quote / 1e6. The anchor is {@link Config#basePrice()} until
 * {@link #step(double)} sets it to an observed reference price.
 *
 * <p>What changed from the reference design, and why:
 * <ul>
 *   <li>Its main step was explicit Euler (q and p from the old state) with a -gamma p dt term: not
 *       symplectic, so the energy drifted even with gamma = 0. Here the core is leapfrog; with gamma = 0
 *       and sigmaP = 0 the energy error stays bounded (see {@link #energyDrift(long)}).
 *   <li>Its friction was the first-order factor (1 - gamma dt / 2) after each half kick. Here friction is
 *       the exact flow exp(-gamma t), split around the symplectic step, so gamma = 0 leaves the scheme
 *       exactly symplectic and gamma > 0 damps at exactly the rate gamma.
 *   <li>Every draw (initial state, kicks, price noise) came from an unseeded thread-local generator, so no
 *       run could be repeated. Here all draws come from one {@link SplittableRandom} seeded by
 *       {@link Config#seed()}: equal seeds give identical paths.
 *   <li>The price noise was N(0, sigma sqrt(dt)) multiplied again by dt (variance of order dt^3 per step,
 *       vanishing as dt shrinks). Euler-Maruyama adds sigma sqrt(dt) Z to the momentum once, so the price's
 *       variance over a fixed time no longer depends on dt. A reference configuration's noise level at
 *       step dt is reproduced by sigma = sigma_ref dt.
 *   <li>The price momentum's damping (1 - 0.1 dt) is the exact exp(-0.1 dt).
 *   <li>Its Lyapunov estimate measured positions only and kept friction on; {@link #lyapunovExponent(long)}
 *       uses the full phase-space separation of the conservative flow ({@link Lyapunov}).
 * </ul>
 *
 * <p>Stateful and not thread-safe: one model per thread. A step costs two gradient evaluations plus O(d).
 */
public final class HamiltonianPriceModel {
    /**
     * The model's parameters.
     *
     * @param potential the phase-space potential (built-in or user-written; a {@link RegimeQuadratic}
     *     can be switched with {@link #setRegime(int)}); its dimension, if fixed, must equal {@code dimension}
     * @param dimension phase-space dimension d, >= 1
     * @param gamma friction rate, finite, >= 0 (reference default 0.1)
     * @param dt step, finite, > 0
     * @param basePrice initial price and anchor, finite, > 0
     * @param kappa mean-reversion rate of the price, finite, >= 0
     * @param sigma price volatility, finite, >= 0
     * @param phaseNoise sigmaP, the phase-space momentum noise, finite, >= 0
     * @param energyScale E_scale, finite, > 0
     * @param initialSpread standard deviation of the initial q and p, finite, >= 0
     * @param seed the generator's seed
     */
    public record Config(Potential potential, int dimension, double gamma, double dt, double basePrice, double kappa, double sigma,
            double phaseNoise, double energyScale, double initialSpread, long seed) {
        /** Validates every field (the message names the field, its value and the rule). */
        public Config {
            Checks.notNull(potential, "potential");
            Checks.atLeast(dimension, "dimension", 1);
            Dynamics.checkDimension(potential, dimension, "the model");
            Checks.nonNegative(gamma, "gamma");
            Dynamics.checkDt(dt);
            Checks.positive(basePrice, "basePrice");
            Checks.nonNegative(kappa, "kappa");
            Checks.nonNegative(sigma, "sigma");
            Checks.nonNegative(phaseNoise, "phaseNoise");
            Checks.positive(energyScale, "energyScale");
            Checks.nonNegative(initialSpread, "initialSpread");
        }

        /**
         * The reference design's defaults: quadratic potential with k = 1 in d = 3, gamma = 0.1, dt = 0.01,
         * kappa = 0.5, sigma = 0.02 basePrice, sigmaP = 0.1, E_scale = 1, initial spread 0.5.
         */
        public static Config defaults(double basePrice, long seed) {
            return new Config(Potentials.quadratic(1.0), 3, 0.1, 0.01, basePrice, 0.5, 0.02 * basePrice, 0.1, 1.0, 0.5, seed);
        }

        /** This config with another potential and dimension. */
        public Config withPotential(Potential v, int d) {
            return new Config(v, d, gamma, dt, basePrice, kappa, sigma, phaseNoise, energyScale, initialSpread, seed);
        }

        /** This config with friction rate gamma. */
        public Config withGamma(double g) {
            return new Config(potential, dimension, g, dt, basePrice, kappa, sigma, phaseNoise, energyScale, initialSpread, seed);
        }

        /** This config with phase-space noise sigmaP. */
        public Config withPhaseNoise(double s) {
            return new Config(potential, dimension, gamma, dt, basePrice, kappa, sigma, s, energyScale, initialSpread, seed);
        }

        /** This config with price volatility sigma. */
        public Config withSigma(double s) {
            return new Config(potential, dimension, gamma, dt, basePrice, kappa, s, phaseNoise, energyScale, initialSpread, seed);
        }
    }

    /**
     * A quote.
     *
     * @param price the quoted price, >= 0
     * @param costPerUnit price / 1e6
     * @param energy E = |p|^2 / 2 + V(q)
     * @param volatilityFactor tanh(E / E_scale)
     */
    public record Quote(double price, double costPerUnit, double energy, double volatilityFactor) {}

    private final Config config;
    private final SplittableRandom rng;
    private final Scheme core;
    private final double[] q;
    private final double[] p;
    private final double priceDamping;
    private Potential potential;
    private double anchor;
    private double price;
    private double priceMomentum;
    private long steps;

    /** A model in its seeded initial state: q, p ~ N(0, initialSpread^2), price = basePrice, m = 0. */
    public HamiltonianPriceModel(Config config) {
        this.config = Checks.notNull(config, "config");
        this.rng = new SplittableRandom(config.seed());
        int d = config.dimension();
        this.q = new double[d];
        this.p = new double[d];
        for (int k = 0; k < d; k++) q[k] = config.initialSpread() * rng.nextGaussian();
        for (int k = 0; k < d; k++) p[k] = config.initialSpread() * rng.nextGaussian();
        this.core = Scheme.of(Integrator.LEAPFROG, config.dt(), config.gamma());
        this.priceDamping = Math.exp(-0.1 * config.dt());
        this.potential = config.potential();
        this.anchor = config.basePrice();
        this.price = config.basePrice();
    }

    /** One step with the current anchor. */
    public void step() {
        double dt = config.dt(), sqdt = Math.sqrt(dt);
        Dynamics.advanceTrajectory(potential, q, p, core, 1, steps);
        if (config.phaseNoise() > 0) {
            for (int k = 0; k < p.length; k++) p[k] += config.phaseNoise() * sqdt * rng.nextGaussian();
        }
        double vol = Math.tanh(energy() / config.energyScale());
        double z = rng.nextGaussian();
        priceMomentum += config.kappa() * (anchor - price) * dt + config.sigma() * vol * sqdt * z;
        priceMomentum *= priceDamping;
        price = Math.max(0.01, price + priceMomentum * dt);
        steps++;
        if (!Double.isFinite(price) || !Double.isFinite(priceMomentum)) {
            throw new ArithmeticException("price became non-finite at step " + steps);
        }
    }

    /** Sets the anchor to an observed reference price (finite, > 0), then steps. */
    public void step(double referencePrice) {
        Checks.positive(referencePrice, "referencePrice");
        anchor = referencePrice;
        step();
    }

    /** Switches the regime of a {@link RegimeQuadratic} potential. */
    public void setRegime(int regime) {
        if (!(potential instanceof RegimeQuadratic r)) {
            throw new IllegalStateException("setRegime needs a RegimeQuadratic potential, the model has " + potential);
        }
        potential = r.withRegime(regime);
    }

    /** The product's quote from the current phase-space state (formula in the class comment). */
    public Quote quote() {
        double e = energy();
        double vol = Math.tanh(e / config.energyScale());
        double r2 = 0, sp = 0;
        for (int k = 0; k < q.length; k++) {
            r2 += q[k] * q[k];
            sp += p[k];
        }
        double meanP = sp / p.length;
        double px = anchor * (1 + 0.1 * Math.sqrt(r2)) * (1 + 0.05 * meanP) * (1 + 0.2 * vol);
        px = Math.max(0, px);
        return new Quote(px, px / 1e6, e, vol);
    }

    /** The energy E = |p|^2 / 2 + V(q) of the phase-space state. */
    public double energy() {
        return Dynamics.hamiltonian(potential, q, p);
    }

    /** The simulated price. */
    public double price() {
        return price;
    }

    /** The price momentum m. */
    public double priceMomentum() {
        return priceMomentum;
    }

    /** Steps taken. */
    public long steps() {
        return steps;
    }

    /** The phase-space position (a copy). */
    public double[] position() {
        return q.clone();
    }

    /** The phase-space momentum (a copy). */
    public double[] momentum() {
        return p.clone();
    }

    /** The current potential (a RegimeQuadratic's current regime included). */
    public Potential potential() {
        return potential;
    }

    /**
     * Energy drift of the conservative core (gamma = 0, no noise) over {@code steps} leapfrog steps from
     * the current state; the model is not changed.
     */
    public EnergyDrift energyDrift(long steps) {
        return Dynamics.energyDrift(potential, q, p, Integrator.LEAPFROG, config.dt(), steps, Math.max(1, steps / 1000));
    }

    /** The largest Lyapunov exponent of the conservative core from the current state (see {@link Lyapunov}). */
    public Lyapunov.Estimate lyapunovExponent(long steps) {
        return Lyapunov.maxExponent(potential, q, p, Integrator.LEAPFROG, config.dt(), steps);
    }

    /** The configuration. */
    public Config config() {
        return config;
    }
}
