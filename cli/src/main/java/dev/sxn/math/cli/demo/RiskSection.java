package dev.sxn.math.cli.demo;

import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.risk.CornishFisherRisk;
import dev.sxn.math.risk.Drawdown;
import dev.sxn.math.risk.Drawdowns;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import dev.sxn.math.risk.Kelly;
import dev.sxn.math.risk.LedoitWolf;
import dev.sxn.math.risk.Moments;
import dev.sxn.math.risk.Performance;
import dev.sxn.math.risk.RollingRisk;
import dev.sxn.math.risk.TailRisk;
import dev.sxn.math.risk.ValueAtRisk;

/**
 * Risk and sizing on the synthetic market, the last {@value #DAYS} ticks of each asset read as trading days
 * ({@value #PPY} a year): positions for the first assets by multi-asset Kelly on a Ledoit-Wolf shrunk covariance
 * (half Kelly, capped per asset); each of those assets' GARCH(1,1)-t volatility (the conditional sd now, annualised,
 * and a {@value #HORIZON}-step forecast) with its 1-day 99% VaR and ES from the GARCH forecast beside the
 * historical and Cornish-Fisher ones; and the scorecard of the equal-weight portfolio of every asset (rebalanced
 * each day). Deterministic: the market is seeded and every computation here is exact arithmetic on it. The risk
 * kernels run on plain Java only, so nothing is timed across backends; the section checks what must hold instead
 * (the Kelly solve's residual, ES at least VaR, the rolling VaR's last window equal to the direct one within
 * 1e-12 relative).
 */
final class RiskSection implements DemoSection {
    private static final int DAYS = 2520;
    private static final int PPY = 252;
    private static final int MAX_ASSETS = 8;
    private static final int HORIZON = 10;
    private static final double LEVEL = 0.99;
    private static final double TAIL = 0.01;
    private static final double RISK_FREE = 0.02;
    private static final double KELLY_FRACTION = 0.5;
    private static final double CAP = 0.25;
    private static final int ROLLING_WINDOW = 250;

    @Override
    public String title() {
        return "risk: Kelly sizing with Ledoit-Wolf shrinkage, GARCH(1,1)-t volatility and VaR/ES, portfolio scorecard";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket m = ctx.market();
        int days = Math.min(DAYS, m.ticks() - 1);
        int from = m.ticks() - 1 - days;
        int d = Math.min(m.assets(), MAX_ASSETS);
        ctx.line("The last %d ticks of each asset read as trading days (%d a year); risk-free rate %.0f%% a year.", days, PPY,
                100 * RISK_FREE);
        sizing(ctx, m, from, days, d);
        volatility(ctx, m, from, days, d);
        scorecard(ctx, m, from, days);
    }

    /** Multi-asset Kelly on the shrunk covariance of the first d assets' simple returns. */
    private static void sizing(DemoContext ctx, SyntheticMarket m, int from, int days, int d) {
        double[] x = new double[days * d];
        double[] mu = new double[d];
        for (int a = 0; a < d; a++) {
            double[] r = simpleReturns(m, a, from, days);
            System.arraycopy(r, 0, x, a * days, days);
            mu[a] = Moments.mean(r);
        }
        LedoitWolf.Estimate lw = LedoitWolf.shrink(DMatrix.wrap(days, d, x));
        double rf = Performance.perPeriodRate(RISK_FREE, PPY);
        double[] f = Kelly.multiAsset(mu, rf, lw.covariance());
        ctx.line("Sizing %d assets: f = Sigma^-1 (mu - r) (Cholesky), Sigma Ledoit-Wolf shrunk (intensity %.4f); then %.1f Kelly,"
                + " capped at |f| <= %.2f", d, lw.shrinkage(), KELLY_FRACTION, CAP);
        ctx.line("%-6s %10s %10s %10s %10s", "asset", "mu/yr", "vol/yr", "Kelly f", "position");
        double gross = 0, grossCapped = 0, residual = 0, scale = 0;
        for (int a = 0; a < d; a++) {
            double sized = Kelly.capped(Kelly.fractional(f[a], KELLY_FRACTION), CAP);
            double vol = Math.sqrt(lw.covariance().get(a, a) * PPY);
            ctx.line("%-6d %9.2f%% %9.2f%% %10.3f %10.3f", a, 100 * mu[a] * PPY, 100 * vol, f[a], sized);
            gross += Math.abs(f[a]);
            grossCapped += Math.abs(sized);
            double s = 0;
            for (int b = 0; b < d; b++) s += lw.covariance().get(a, b) * f[b];
            residual = Math.max(residual, Math.abs(s - (mu[a] - rf)));
            scale = Math.max(scale, Math.abs(mu[a] - rf));
        }
        ctx.line("gross exposure: full Kelly %.2f, sized %.2f (of capital)", gross, grossCapped);
        if (!(residual <= 1e-9 * scale)) ctx.fail("Kelly: |Sigma f - (mu - r)| = " + residual + " exceeds 1e-9 x " + scale);
    }

    /** GARCH(1,1)-t per asset on log returns in percent, with VaR/ES from the forecast, historical and Cornish-Fisher. */
    private static void volatility(DemoContext ctx, SyntheticMarket m, int from, int days, int d) {
        GarchSpec spec = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);
        ctx.line("Volatility: GARCH(1,1)-t per asset on daily log returns in percent (fGarch's conventions); sd in percent, annualised x sqrt(%d);",
                PPY);
        ctx.line("1-day %.0f%% VaR / ES in percent as positive losses: from the GARCH forecast, historical, Cornish-Fisher", 100 * LEVEL);
        ctx.line("%-6s %-10s %6s %8s %8s %8s   %15s %15s %15s", "asset", "status", "nu", "sd now", "sd/yr", "sd h=" + HORIZON,
                "GARCH VaR/ES", "hist VaR/ES", "C-F VaR/ES");
        for (int a = 0; a < d; a++) {
            double[] r = new double[days];
            double[] p = m.close(a);
            for (int i = 0; i < days; i++) r[i] = 100 * Math.log(p[from + i + 1] / p[from + i]);
            GarchFit fit = Garch.fit(r, spec);
            double now = fit.sigma()[days - 1];
            double[] forecast = fit.forecastVariance(HORIZON);
            TailRisk garch = new TailRisk(fit.valueAtRisk(LEVEL, 1), fit.expectedShortfall(LEVEL, 1));
            TailRisk hist = ValueAtRisk.historical(r, TAIL);
            String cf;
            try {
                CornishFisherRisk c = ValueAtRisk.cornishFisher(r, TAIL);
                cf = pair(c.risk()) + (c.method().name().equals("CORRECTED") ? "*" : " ");
                check(ctx, "Cornish-Fisher", a, c.risk());
            } catch (IllegalArgumentException e) {
                cf = "     out of reach";
            }
            ctx.line("%-6d %-10s %6.2f %8.3f %8.2f %8.3f   %15s %15s %15s", a, fit.status(), fit.shape(), now, now * Math.sqrt(PPY),
                    Math.sqrt(forecast[HORIZON - 1]), pair(garch), pair(hist), cf);
            check(ctx, "GARCH", a, garch);
            check(ctx, "historical", a, hist);
        }
        ctx.line("(nu at 10: fGarch's upper bound, tails close to normal; * Cornish-Fisher outside its domain: Maillard's correction)");
    }

    /** The equal-weight portfolio's scorecard (all assets, rebalanced each day), and a rolling-VaR consistency check. */
    private static void scorecard(DemoContext ctx, SyntheticMarket m, int from, int days) {
        double[] port = new double[days];
        for (int a = 0; a < m.assets(); a++) {
            double[] r = simpleReturns(m, a, from, days);
            for (int i = 0; i < days; i++) port[i] += r[i] / m.assets();
        }
        Drawdown dd = Drawdowns.maxDrawdown(port);
        ctx.line("Scorecard: equal-weight portfolio of %d assets over %d days (simple returns; ratios annualised with %d periods a year):",
                m.assets(), days, PPY);
        ctx.line("Sharpe %.3f (rf %.0f%%)  Sortino %.3f  CAGR %.2f%%  Calmar %.3f  Sterling %.3f  Omega %.3f", Performance.sharpe(port,
                RISK_FREE, PPY), 100 * RISK_FREE, Performance.sortino(port, 0, PPY), 100 * Performance.cagr(port, PPY),
                Performance.calmar(port, PPY), Performance.sterling(port, PPY), Performance.omega(port, 0, PPY));
        ctx.line("max drawdown %.2f%%: peak after day %d (tick %d), trough day %d (tick %d), %s; longest drawdown %d days",
                100 * dd.maxDrawdown(), dd.peak(), from + dd.peak(), dd.trough(), from + dd.trough(),
                dd.recovered() ? "recovered day " + dd.recovery() + " (tick " + (from + dd.recovery()) + ")" : "not recovered",
                dd.longestDuration());
        TailRisk hist = ValueAtRisk.historical(port, TAIL);
        ctx.line("Ulcer %.3f  win rate %.1f%%  profit factor %.3f  tail ratio %.3f  skewness G1 %.3f  excess kurtosis G2 %.3f",
                Drawdowns.ulcerIndex(port), 100 * Performance.winRate(port), Performance.profitFactor(port), Performance.tailRatio(port),
                Moments.skewnessSample(port), Moments.excessKurtosisSample(port));
        ctx.line("1-day 99%% VaR %.3f%%, ES %.3f%% (historical, whole period)", 100 * hist.var(), 100 * hist.es());
        check(ctx, "portfolio historical", -1, hist);
        if (days >= ROLLING_WINDOW) {
            double[] var = new double[days], es = new double[days];
            RollingRisk.historical(port, ROLLING_WINDOW, TAIL, var, es);
            TailRisk last = ValueAtRisk.historical(java.util.Arrays.copyOfRange(port, days - ROLLING_WINDOW, days), TAIL);
            ctx.line("rolling %d-day 99%% VaR now %.3f%%, ES %.3f%% (order-statistic window)", ROLLING_WINDOW, 100 * var[days - 1],
                    100 * es[days - 1]);
            if (!(Math.abs(var[days - 1] - last.var()) <= 1e-12 * Math.abs(last.var()) && Math.abs(es[days - 1] - last.es()) <= 1e-12 * Math.abs(last.es()))) {
                ctx.fail("rolling VaR/ES of the last window " + var[days - 1] + "/" + es[days - 1] + " differ from the direct "
                        + last.var() + "/" + last.es());
            }
        }
    }

    private static double[] simpleReturns(SyntheticMarket m, int a, int from, int days) {
        double[] p = m.close(a);
        double[] r = new double[days];
        for (int i = 0; i < days; i++) r[i] = p[from + i + 1] / p[from + i] - 1;
        return r;
    }

    private static String pair(TailRisk t) {
        return String.format(java.util.Locale.ROOT, "%6.3f /%6.3f", t.var(), t.es());
    }

    /** ES is the mean of the tail beyond VaR, so it is at least VaR; both are finite. */
    private static void check(DemoContext ctx, String what, int asset, TailRisk t) {
        if (!(Double.isFinite(t.var()) && t.es() >= t.var())) {
            ctx.fail(what + " VaR/ES" + (asset >= 0 ? " of asset " + asset : "") + ": ES " + t.es() + " below VaR " + t.var());
        }
    }
}
