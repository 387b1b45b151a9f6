/**
 * AMM strategy simulation: quantammsim's TFMM / G3M forward pass in float64, from minute prices and a parameterised
 * weight rule to pool reserves, values and about thirty metrics.
 *
 * <p>quantammsim (QuantAMM's JAX simulator) is the definition; its formulas carry over, its code does not. Entry
 * points: {@link dev.sxn.math.amm.TfmmPool} (one pool, one parameter set: weights, reserves, values, metrics),
 * {@link dev.sxn.math.amm.CowAmm} (a two-asset CoW AMM, perfect or imperfect arbitrage),
 * {@link dev.sxn.math.amm.EclpPool} (a Gyroscope elliptic concentrated liquidity pool of two assets),
 * {@link dev.sxn.math.amm.CompositePool} (a pool of pools: sub-pools' LP shares as members),
 * {@link dev.sxn.math.amm.AmmSweep} (many parameter sets over one price history) with
 * {@link dev.sxn.math.amm.ParamGrid}, {@link dev.sxn.math.amm.AmmGradients} (gradients of a metric by forward-mode
 * differentiation) and {@link dev.sxn.math.amm.AmmTrainer} (Adam with walk-forward windows). The pieces:
 * {@link dev.sxn.math.amm.GradientEstimator}, {@link dev.sxn.math.amm.WeightRule}, {@link dev.sxn.math.amm.Guardrails},
 * {@link dev.sxn.math.amm.Interpolation}, {@link dev.sxn.math.amm.ZeroFeeReserves}, {@link dev.sxn.math.amm.Arbitrage},
 * {@link dev.sxn.math.amm.AmmMetrics}, {@link dev.sxn.math.amm.ParamTransforms}; data:
 * {@link dev.sxn.math.amm.MinutePrices}, {@link dev.sxn.math.amm.MinuteCsv}, {@link dev.sxn.math.amm.SyntheticMarket}.
 */
package dev.sxn.math.amm;
