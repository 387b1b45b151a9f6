/**
 * Stochastic simulation, its foundation: counter-based random numbers that are the same on every backend
 * and for every partition of the work.
 *
 * <ul>
 *   <li>{@link dev.sxn.math.stochastic.Philox4x32} and {@link dev.sxn.math.stochastic.Philox4x64}:
 *       Random123's Philox4x32-10 and Philox4x64-10 (Salmon, Moraes, Dror, Shaw, "Parallel Random Numbers:
 *       As Easy as 1, 2, 3", SC11 2011), with its known-answer vectors, and sequential generators in
 *       Random123's or NumPy's counter convention.
 *   <li>{@link dev.sxn.math.stochastic.RandomStream}: key = (seed, stream id), counter = (step, lane); the
 *       value of path p at step t depends on nothing else, and any (p, t) is reached in O(1).
 *   <li>{@link dev.sxn.math.stochastic.Randoms}: raw bits, uniforms ({@link dev.sxn.math.stochastic.UniformInterval})
 *       and AS241 normals over a (lane, step) block, step-major, on JAVA, VECTOR, NATIVE and OPENCL, bit-identical.
 *   <li>{@link dev.sxn.math.stochastic.Variates}: exponential, gamma, Student-t and Poisson variates (JAVA).
 *   <li>Exact models: {@link dev.sxn.math.stochastic.Gbm}, {@link dev.sxn.math.stochastic.GbmCorrelated},
 *       {@link dev.sxn.math.stochastic.OrnsteinUhlenbeck}, {@link dev.sxn.math.stochastic.Cir} (Poisson mixture of
 *       gammas), {@link dev.sxn.math.stochastic.Merton}; {@link dev.sxn.math.stochastic.HestonQe} (Andersen's QE) for
 *       {@link dev.sxn.math.stochastic.Heston}. GBM runs on JAVA, VECTOR, NATIVE and OPENCL with the same bits; Heston QE on JAVA and VECTOR (NATIVE and
 *       OPENCL run JAVA's Heston loop when pinned).
 *   <li>SDE schemes: {@link dev.sxn.math.stochastic.EulerMaruyama} and {@link dev.sxn.math.stochastic.Milstein},
 *       scalar and diagonal noise, on {@link dev.sxn.math.stochastic.SdeFunction} /
 *       {@link dev.sxn.math.stochastic.SdeField} / {@link dev.sxn.math.stochastic.SdeDiagonal}.
 *   <li>Outputs: paths step-major, or a {@link dev.sxn.math.stochastic.PathReduction} per path;
 *       {@link dev.sxn.math.stochastic.Antithetic} pairs.
 *   <li>Monte Carlo: {@link dev.sxn.math.stochastic.MonteCarlo} (European, Asian, barrier, with standard errors),
 *       closed forms {@link dev.sxn.math.stochastic.BlackScholes} and {@link dev.sxn.math.stochastic.HestonPricing},
 *       and portfolio VaR/ES ({@link dev.sxn.math.stochastic.PortfolioRisk}).
 * </ul>
 *
 * <p>Building on it: a path simulation draws the numbers of a tile of steps x paths into per-thread
 * scratch with {@link dev.sxn.math.stochastic.Randoms} (or, inside a native or OpenCL kernel, with the same
 * functions: the static inline ones of {@code native/src/stochastic.h}, those of {@code kernels/stochastic.cl}),
 * so only the seed and the tile's corner travel, and the result cannot depend on the tiling.
 *
 * <p>Quasi-Monte Carlo (JAVA only; cheap next to the normals): {@link dev.sxn.math.stochastic.Sobol} gives
 * Sobol points in up to 21201 dimensions with Joe and Kuo's new-joe-kuo-6.21201 direction numbers (SciPy's
 * unscrambled values exactly, any index reached in O(1) through its Gray code), optionally Owen-scrambled by a
 * hash seeded from a {@link dev.sxn.math.stochastic.RandomStream} (nets stay nets, each point is uniform, so
 * independent streams give unbiased replicates); {@link dev.sxn.math.stochastic.BrownianBridge} turns normals
 * given in order of importance (terminal value first, then midpoints breadth first) into Brownian levels,
 * increments or standardised increments on any increasing time grid. Both fill the step-major layout above (a
 * Sobol dimension is a step, a point is a lane), so Sobol normals feed the bridge and the bridge's
 * standardised increments replace {@link dev.sxn.math.stochastic.Randoms#normals} in a path simulation.
 */
package dev.sxn.math.stochastic;
