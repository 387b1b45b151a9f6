package dev.sxn.math.cli.demo;

import dev.sxn.math.dynamics.HamiltonianPriceModel;
import dev.sxn.math.regime.BaumWelch;
import dev.sxn.math.regime.CovarianceType;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.HmmFit;
import dev.sxn.math.regime.market.RegimeConfusion;
import dev.sxn.math.regime.market.RegimeFeatures;
import dev.sxn.math.regime.market.RegimeMarketMaker;
import dev.sxn.math.regime.market.SimulatedRegimeMarket;
import dev.sxn.math.regime.switching.MarkovRegression;
import dev.sxn.math.regime.switching.MsrFit;
import dev.sxn.math.regime.switching.MsrForecast;
import java.util.Arrays;

/**
 * Regimes: a four-regime market whose generator knows the true regime of every tick
 * ({@link SimulatedRegimeMarket}; the demo's {@link SyntheticMarket} has no spread or order-flow series, so this
 * section simulates its own). A 4-state full-covariance Gaussian HMM over the five tick features is fitted by
 * Baum-Welch on the first half, its labels matched to the truth there; on the second half the regime-driven
 * market maker filters causally, tick by tick, and the section reports the hit rate and the confusion matrix
 * (it fails below 90%), then what the maker quoted per regime. Last, a two-regime Markov-switching regression
 * with switching variance on the returns, with its crisis agreement and forecasts.
 */
final class RegimeSection implements DemoSection {
    private static final long SEED = 20261207L;
    private static final int TICKS = 12_000, HALF = 6_000, W = 16, D = RegimeFeatures.DIMENSION;
    /** Well stiffness and centre per true regime (exploration, exploitation, crisis, transition). */
    private static final double[] STIFFNESS = {1, 0.5, 4, 2};
    private static final double[] CENTRE = {0, 0.2, -0.5, 0};
    private static final int MSR_TICKS = 3_000;

    @Override
    public String title() {
        return "regimes: HMM regime detection with known truth, the regime-driven market maker, Markov-switching regression";
    }

    @Override
    public void run(DemoContext ctx) {
        SimulatedRegimeMarket m = SimulatedRegimeMarket.simulate(TICKS, SEED, 0.995, 1.5);
        double[] f = RegimeFeatures.of(m, W);
        ctx.line("simulated market: %d ticks, 4 regimes (%s), mean duration 200 ticks, spread noise 1.5 bps; features over %d ticks: %s",
                TICKS, String.join(", ", SimulatedRegimeMarket.REGIMES), W, String.join(", ", RegimeFeatures.NAMES));

        ctx.progress("Baum-Welch, 4 states, full covariance, 3 restarts");
        long t0 = System.nanoTime();
        double[] train = Arrays.copyOfRange(f, W * D, HALF * D);
        HmmFit fit = BaumWelch.fitGaussian(train, new int[] {HALF - W}, 4, D, CovarianceType.FULL,
                BaumWelch.Options.defaults().withStop(1e-6, 300).withRestarts(3, 1));
        HiddenMarkovModel hmm = fit.model();
        ctx.line("Baum-Welch on ticks %d..%d: log-likelihood %.2f, %d iterations, BIC %.1f (%.0f ms)", W, HALF - 1,
                fit.logLikelihood(), fit.iterations(), fit.bic(), (System.nanoTime() - t0) / 1e6);
        int[] truthTrain = Arrays.copyOfRange(m.regime(), W, HALF);
        int[] map = RegimeConfusion.of(truthTrain, hmm.filter(train).mostLikely(), 0, truthTrain.length, 4).bestMapping();

        double[] stiffness = new double[4], centre = new double[4];
        for (int s = 0; s < 4; s++) {
            stiffness[s] = STIFFNESS[map[s]];
            centre[s] = CENTRE[map[s]];
        }
        RegimeMarketMaker mm = RegimeMarketMaker.of(hmm, stiffness, centre, HamiltonianPriceModel.Config.defaults(m.price()[0], SEED));
        double[] pi = mm.stationaryDistribution(), dur = mm.expectedDurations();
        double[][] means = hmm.emissions() instanceof dev.sxn.math.regime.GaussianEmissions g ? g.means() : new double[4][D];
        for (int s = 0; s < 4; s++) {
            ctx.line("state %d = %-12s  stationary %.3f, expected duration %6.1f ticks; mean vol %5.2f bps, spread %5.2f bps, imbalance %+.3f",
                    s, SimulatedRegimeMarket.REGIMES[map[s]], pi[s], dur[s], means[s][1], means[s][2], means[s][3]);
        }

        int[] detected = new int[TICKS];
        double[] premium = new double[4], energy = new double[4];
        int[] quotes = new int[4];
        int switches = 0;
        t0 = System.nanoTime();
        for (int t = 0; t < TICKS; t++) {
            HamiltonianPriceModel.Quote q = mm.onTick(f, t * D, m.price()[t]);
            detected[t] = map[mm.regime()];
            if (t > 0 && detected[t] != detected[t - 1]) switches++;
            if (t >= HALF) {
                premium[detected[t]] += q.price() / m.price()[t];
                energy[detected[t]] += q.energy();
                quotes[detected[t]]++;
            }
        }
        double usPerTick = (System.nanoTime() - t0) / 1e3 / TICKS;
        RegimeConfusion c = RegimeConfusion.of(m.regime(), detected, HALF, TICKS - HALF, 4);
        double hit = c.hitRate(new int[] {0, 1, 2, 3});
        ctx.line("out of sample (ticks %d..%d), filtered causally: hit rate %.4f; %d regime switches over the run; %.2f us per tick (filter + model step + quote)",
                HALF, TICKS - 1, hit, switches, usPerTick);
        int[][] counts = c.counts();
        ctx.line("%-28s %12s %12s %12s %12s", "confusion (true \\ detected)", SimulatedRegimeMarket.REGIMES[0],
                SimulatedRegimeMarket.REGIMES[1], SimulatedRegimeMarket.REGIMES[2], SimulatedRegimeMarket.REGIMES[3]);
        for (int r = 0; r < 4; r++) {
            ctx.line("  %-26s %12d %12d %12d %12d", SimulatedRegimeMarket.REGIMES[r], counts[r][0], counts[r][1], counts[r][2], counts[r][3]);
        }
        if (!(hit >= 0.9)) ctx.fail("regime hit rate " + hit + " is below 0.9");
        for (int r = 0; r < 4; r++) {
            int n = Math.max(1, quotes[r]);
            ctx.line("market maker in %-12s (well k %.1f, centre %+.1f): %5d quotes, mean quote / price %.4f, mean phase-space energy %.3f",
                    SimulatedRegimeMarket.REGIMES[r], STIFFNESS[r], CENTRE[r], quotes[r], premium[r] / n, energy[r] / n);
        }

        switching(ctx, m);
    }

    /** A two-regime Markov-switching regression with switching variance on the first returns (percent). */
    private static void switching(DemoContext ctx, SimulatedRegimeMarket m) {
        double[] r = new double[MSR_TICKS];
        for (int t = 0; t < MSR_TICKS; t++) r[t] = 100 * Math.log(m.price()[t + 1] / m.price()[t]);
        ctx.progress("Markov-switching regression, 2 regimes, switching mean and variance");
        long t0 = System.nanoTime();
        MsrFit fit = MarkovRegression.builder(r, 2).switchingVariance(true).build().fit();
        double ms = (System.nanoTime() - t0) / 1e6;
        double[] v = fit.variances(), se = fit.standardErrors(), dur = fit.expectedDurations();
        int hi = v[1] > v[0] ? 1 : 0;
        ctx.line("Markov-switching regression on %d returns: log-likelihood %.2f, AIC %.1f, %s (%.0f ms)", MSR_TICKS,
                fit.logLikelihood(), fit.aic(), fit.converged() ? "converged" : "NOT converged", ms);
        for (int i = 0; i < 2; i++) {
            int vi = fit.parameterNames().indexOf("sigma2[" + i + "]");
            ctx.line("  regime %d: mean %+.4f %%, sigma2 %.5f +- %.5f, expected duration %.1f ticks", i, fit.coefficients()[i][0], v[i], se[vi], dur[i]);
        }
        double[][] sm = fit.inference().smoothed();
        int agree = 0;
        for (int t = 0; t < MSR_TICKS; t++) agree += ((sm[t][hi] > 0.5) == (m.regime()[t + 1] == 2)) ? 1 : 0;
        ctx.line("  smoothed high-variance regime vs the true crisis ticks: %.4f agreement", (double) agree / MSR_TICKS);
        MsrForecast fc = fit.forecast(5, null);
        ctx.line("  forecast P(high-variance regime) for h = 1..5: %.3f %.3f %.3f %.3f %.3f; return sd %.4f .. %.4f %%",
                fc.regimeProbabilities()[0][hi], fc.regimeProbabilities()[1][hi], fc.regimeProbabilities()[2][hi],
                fc.regimeProbabilities()[3][hi], fc.regimeProbabilities()[4][hi], Math.sqrt(fc.variance()[0]), Math.sqrt(fc.variance()[4]));
        if (!fit.converged()) ctx.fail("the Markov-switching regression did not converge");
    }
}
