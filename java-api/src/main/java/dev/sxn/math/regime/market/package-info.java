/**
 * The regime-driven market maker: {@link dev.sxn.math.regime.market.RegimeFeatures} (five causal features per
 * tick from the library's indicators), a seeded {@link dev.sxn.math.regime.market.SimulatedRegimeMarket} whose
 * true regimes are known, and the maker that filters a hidden Markov model over the features to switch the
 * wells of a {@link dev.sxn.math.dynamics.HamiltonianPriceModel}.
 */
package dev.sxn.math.regime.market;
