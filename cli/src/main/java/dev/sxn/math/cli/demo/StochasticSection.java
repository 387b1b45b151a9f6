package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.Gbm;
import dev.sxn.math.stochastic.GbmCorrelated;
import dev.sxn.math.stochastic.Heston;
import dev.sxn.math.stochastic.HestonPricing;
import dev.sxn.math.stochastic.MonteCarlo;
import dev.sxn.math.stochastic.MonteCarloEstimate;
import dev.sxn.math.stochastic.Payoff;
import dev.sxn.math.stochastic.PortfolioRisk;
import dev.sxn.math.stochastic.PortfolioRiskEstimate;
import dev.sxn.math.stochastic.RandomStream;
import java.util.EnumSet;

/**
 * Monte Carlo on counter-based random numbers: an at-the-money arithmetic Asian call on the first asset
 * under Heston (Andersen's QE) priced on every backend, which must agree to the last bit (the paths are a
 * function of the seed and the path index alone, and every kind repeats the JAVA arithmetic: ulp budget 0);
 * the European call beside it checks the simulation against the semi-analytic Heston price, and the same Asian
 * under GBM runs on every kind's own path kernel. Then the
 * Monte Carlo VaR and ES of an equal-notional portfolio of the market's assets under correlated GBM fitted
 * to their log returns, beside the delta-normal VaR of the same fit.
 */
final class StochasticSection implements DemoSection {
    private static final long SEED = 20261207L;
    private static final int PATHS = 1 << 15;
    private static final int STEPS = 126;
    private static final double MATURITY = 0.5;
    private static final double RATE = 0.02;
    private static final int MAX_ASSETS = 64;
    private static final int HORIZON_TICKS = 100;
    private static final double ALPHA = 0.99;
    private static final int RISK_PATHS = 100_000;

    @Override
    public String title() {
        return "stochastic: Heston Asian option on every backend, Monte Carlo VaR of the portfolio";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket m = ctx.market();
        double[] close = m.close(0);
        double spot = close[close.length - 1];
        // Textbook equity parameters (20% volatility, leverage effect) on the asset's last price.
        Heston model = new Heston(spot, 0.04, 1.5, 0.04, 0.6, -0.7, RATE);
        RandomStream stream = RandomStream.philox4x64(SEED, 0);
        ctx.line("Heston: S0 %.4f, v0 = theta 0.04, kappa 1.5, xi 0.6, rho -0.7, r %.2f, T %.1f y in %d steps, %d paths (antithetic pairs)",
                spot, RATE, MATURITY, STEPS, PATHS);

        // Every kind must give JAVA's bits: a relative tolerance of 0 and the smallest absolute one.
        double[] asian = ctx.acrossBackends("Heston QE Asian call (price, s.e.)", EnumSet.allOf(Backend.class), 0, Double.MIN_VALUE,
                kind -> estimate(MonteCarlo.asian(model, Payoff.CALL, spot, RATE, MATURITY, STEPS, true, stream, PATHS, Antithetic.PAIRED, kind)));
        ctx.line("Asian call (arithmetic average of %d fixings): %.6f +- %.6f (1 s.e.); NATIVE and OPENCL run JAVA's Heston loop",
                STEPS, asian[0], asian[1]);

        MonteCarloEstimate euro = MonteCarlo.european(model, Payoff.CALL, spot, RATE, MATURITY, STEPS, true, stream, PATHS,
                Antithetic.PAIRED, null);
        double exact = HestonPricing.price(model, Payoff.CALL, spot, RATE, MATURITY);
        double z = (euro.value() - exact) / euro.standardError();
        ctx.line("European call: Monte Carlo %.6f +- %.6f, semi-analytic %.6f (%.2f s.e. apart)", euro.value(), euro.standardError(), exact, z);
        if (!(Math.abs(z) <= 4)) ctx.fail("Heston European Monte Carlo is " + z + " standard errors from the semi-analytic price");

        // The same option under GBM at the same volatility, where every kind runs a kernel of its own.
        Gbm gbm = new Gbm(spot, RATE, 0.2);
        double[] gbmAsian = ctx.acrossBackends("GBM Asian call (price, s.e.)", EnumSet.allOf(Backend.class), 0, Double.MIN_VALUE,
                kind -> estimate(MonteCarlo.asian(gbm, Payoff.CALL, spot, RATE, MATURITY, STEPS, stream, PATHS, Antithetic.PAIRED, kind)));
        ctx.line("GBM Asian call, sigma 0.2: %.6f +- %.6f (1 s.e.)", gbmAsian[0], gbmAsian[1]);

        portfolioRisk(ctx, m);
    }

    /** VaR/ES by simulation of correlated GBM fitted to the assets' log returns, and the delta-normal VaR. */
    private static void portfolioRisk(DemoContext ctx, SyntheticMarket m) {
        int d = Math.min(m.assets(), MAX_ASSETS);
        double[][] r = new double[d][];
        double[] spots = new double[d], drifts = new double[d], vols = new double[d], positions = new double[d];
        for (int a = 0; a < d; a++) {
            r[a] = m.logReturns(a);
            double[] c = m.close(a);
            spots[a] = c[c.length - 1];
            vols[a] = Math.sqrt(variance(r[a]));
            // GBM drift mu from the mean log return: E[d ln S] = (mu - sigma^2 / 2) dt.
            drifts[a] = mean(r[a]) + vols[a] * vols[a] / 2;
            positions[a] = 1e6 / d / spots[a];
        }
        DMatrix corr = DMatrix.zeros(d, d);
        for (int i = 0; i < d; i++) {
            corr.set(i, i, 1.0);
            for (int j = 0; j < i; j++) {
                double c = covariance(r[i], r[j]) / (vols[i] * vols[j]);
                corr.set(i, j, c);
                corr.set(j, i, c);
            }
        }
        GbmCorrelated model = GbmCorrelated.of(spots, drifts, vols, corr);
        long t0 = System.nanoTime();
        PortfolioRiskEstimate risk = PortfolioRisk.monteCarlo(model, positions, HORIZON_TICKS, ALPHA, RandomStream.philox4x64(SEED, 1),
                RISK_PATHS);
        double ms = (System.nanoTime() - t0) / 1e6;
        // Delta-normal: the P&L over h ticks is about normal with variance h w' Sigma w, w = the notional per asset.
        double var = 0;
        double mu = 0;
        for (int i = 0; i < d; i++) {
            double wi = positions[i] * spots[i];
            mu += wi * drifts[i] * HORIZON_TICKS;
            for (int j = 0; j < d; j++) var += wi * positions[j] * spots[j] * corr.get(i, j) * vols[i] * vols[j] * HORIZON_TICKS;
        }
        double deltaNormal = 2.3263478740408408 * Math.sqrt(var) - mu;
        ctx.line("Portfolio: 1,000,000 in equal notional over %d assets, %d-tick horizon, %d scenarios (%.0f ms)", d, HORIZON_TICKS,
                RISK_PATHS, ms);
        ctx.line("  99%% VaR %.0f, 99%% ES %.0f (Monte Carlo, correlated GBM); delta-normal 99%% VaR %.0f", risk.valueAtRisk(),
                risk.expectedShortfall(), deltaNormal);
        if (!(risk.expectedShortfall() >= risk.valueAtRisk() && risk.valueAtRisk() > 0)) {
            ctx.fail("portfolio risk: ES " + risk.expectedShortfall() + " below VaR " + risk.valueAtRisk() + " or VaR not positive");
        }
    }

    private static double[] estimate(MonteCarloEstimate e) {
        return new double[] {e.value(), e.standardError()};
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        return covariance(x, x);
    }

    private static double covariance(double[] x, double[] y) {
        double mx = mean(x), my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
        return s / (x.length - 1);
    }
}
