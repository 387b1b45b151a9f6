package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.Dynamics;
import dev.sxn.math.dynamics.EnergyDrift;
import dev.sxn.math.dynamics.Ensemble;
import dev.sxn.math.dynamics.HamiltonianPriceModel;
import dev.sxn.math.dynamics.IntegrationOptions;
import dev.sxn.math.dynamics.Integrator;
import dev.sxn.math.dynamics.Lyapunov;
import dev.sxn.math.dynamics.Potential;
import dev.sxn.math.dynamics.Potentials;
import dev.sxn.math.dynamics.RegimeQuadratic;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * The Hamiltonian market maker over asset 0 of the synthetic market: a regime-dependent quadratic
 * well (stiffer in the crisis regime) anchored to the observed price, quoting every tick; its energy
 * drift without friction and its Lyapunov exponent; then a scenario ensemble integrated on every backend.
 */
final class DynamicsSection implements DemoSection {
    @Override
    public String title() {
        return "dynamics: Hamiltonian market maker, energy drift, Lyapunov exponent, scenario ensembles";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket mkt = ctx.market();
        double[] close = mkt.close(0);
        int[] regime = mkt.regime(0);
        int n = close.length;
        // Regimes: trend, mean-revert, crisis. Crisis stiffens the well (faster, larger swings of the quote).
        RegimeQuadratic well = Potentials.regimeQuadratic(new double[] {1.0, 2.0, 6.0}, new double[] {0.0, 0.0, 0.0});
        // One tick = dt = 0.05 of model time and kappa = 4: the price's natural period (2 pi / sqrt(kappa), ~63
        // ticks) is short enough to follow the market; the reference defaults (dt 0.01, kappa 0.5) lag by ~900 ticks.
        HamiltonianPriceModel.Config cfg = new HamiltonianPriceModel.Config(well, 3, 0.1, 0.05, close[0], 4.0, 0.02 * close[0], 0.1,
                1.0, 0.5, 2026);
        HamiltonianPriceModel mm = new HamiltonianPriceModel(cfg);
        HamiltonianPriceModel twin = new HamiltonianPriceModel(cfg);
        double spreadSum = 0, trackSum = 0, maxQuote = 0, minQuote = Double.MAX_VALUE;
        for (int t = 0; t < n; t++) {
            mm.setRegime(regime[t]);
            twin.setRegime(regime[t]);
            mm.step(close[t]);
            twin.step(close[t]);
            HamiltonianPriceModel.Quote q = mm.quote();
            spreadSum += (q.price() - close[t]) / close[t];
            trackSum += Math.abs(mm.price() - close[t]) / close[t];
            maxQuote = Math.max(maxQuote, q.price());
            minQuote = Math.min(minQuote, q.price());
        }
        if (mm.price() != twin.price() || mm.quote().price() != twin.quote().price()) {
            ctx.fail("two market makers with the same seed diverged: " + mm.price() + " vs " + twin.price());
        }
        HamiltonianPriceModel.Quote last = mm.quote();
        ctx.line("asset 0, %d ticks: last close %.4f, model price %.4f, quote %.4f (cost/unit %.3e), energy %.4f, vol factor %.3f",
                n, close[n - 1], mm.price(), last.price(), last.costPerUnit(), last.energy(), last.volatilityFactor());
        ctx.line("quote premium over close: mean %+.3f%%, quote range [%.4f, %.4f]; model price vs close: mean |error| %.2f%%",
                100 * spreadSum / n, minQuote, maxQuote, 100 * trackSum / n);
        ctx.line("a second model with the same seed followed the identical path: %s", mm.price() == twin.price() ? "yes" : "NO");

        // The conservative core: no friction, no noise. Leapfrog's error stays bounded; no drift.
        EnergyDrift drift = mm.energyDrift(200_000);
        ctx.line("energy drift, leapfrog, gamma = 0, 2e5 steps of dt = %.2g: max |dE|/E %.2e, slope %.2e per unit time",
                cfg.dt(), drift.maxRelativeError(), drift.driftPerUnitTime());
        // Leapfrog on a harmonic well of stiffness k keeps |dE|/E within about k dt^2 / 4; allow 4x that, and no
        // secular drift (the error's trend over the run must stay well below its oscillation).
        double k = ((RegimeQuadratic) mm.potential()).stiffness();
        double bound = k * cfg.dt() * cfg.dt();
        double trend = Math.abs(drift.driftPerUnitTime()) * drift.steps() * cfg.dt();
        if (!(drift.maxRelativeError() < bound) || !(trend < 0.1 * bound)) {
            ctx.fail("energy error " + drift.maxRelativeError() + " (trend " + trend + ") exceeds the leapfrog bound " + bound);
        }
        Lyapunov.Estimate lyap = mm.lyapunovExponent(100_000);
        ctx.line("largest Lyapunov exponent of the market maker's core (quadratic well): %.2e (regular: ~0)", lyap.exponent());
        Potential hh = Potentials.henonHeiles();
        double y0 = -0.1, px = Math.sqrt(2 * (1.0 / 6 - hh.value(new double[] {0, y0})));
        Lyapunov.Estimate chaos = Lyapunov.maxExponent(hh, new double[] {0, y0}, new double[] {px, 0}, Integrator.LEAPFROG, 0.01, 100_000);
        ctx.line("for contrast, Henon-Heiles at E = 1/6 (chaotic orbit): %.3f", chaos.exponent());

        // Scenario ensemble: 4,000 anharmonic scenarios x 256 steps, on every backend.
        int scen = 4_000;
        Potential anh = Potentials.anharmonic(1.0, 0.5);
        double[] pos = ctx.acrossBackends("4k scenarios x 256 leapfrog steps", EnumSet.allOf(Backend.class), 1e-10, 1e-10, kind -> {
            Ensemble e = scenarios(scen);
            Dynamics.integrate(e, anh, Integrator.LEAPFROG, 0.01, 256, IntegrationOptions.DEFAULT.withBackend(kind).withFriction(0.05));
            return e.positions().clone();
        });
        double m = 0;
        for (int i = 0; i < scen; i++) m += pos[i] / scen;
        ctx.line("scenario mean displacement after t = 2.56: %.4f", m);
    }

    private static Ensemble scenarios(int n) {
        SplittableRandom r = new SplittableRandom(7);
        Ensemble e = new Ensemble(n, 3);
        for (int j = 0; j < 3 * n; j++) {
            e.positions()[j] = r.nextGaussian();
            e.momenta()[j] = 0.5 * r.nextGaussian();
        }
        return e;
    }
}
