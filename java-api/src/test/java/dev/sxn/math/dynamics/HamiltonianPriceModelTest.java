package dev.sxn.math.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The market-maker model: repeatability, the quote formula, conservation and the fixed noise scaling. */
class HamiltonianPriceModelTest {

    @Test
    void sameSeedSamePathOtherSeedOtherPath() {
        HamiltonianPriceModel a = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(100, 7));
        HamiltonianPriceModel b = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(100, 7));
        HamiltonianPriceModel c = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(100, 8));
        for (int i = 0; i < 1000; i++) {
            a.step();
            b.step();
            c.step();
        }
        assertEquals(a.price(), b.price(), 0);
        assertEquals(a.quote(), b.quote());
        assertNotEquals(a.price(), c.price());
    }

    @Test
    void quoteFollowsTheProductFormula() {
        HamiltonianPriceModel m = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(250, 3));
        for (int i = 0; i < 10; i++) m.step();
        double[] q = m.position(), p = m.momentum();
        double r = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
        double meanP = (p[0] + p[1] + p[2]) / 3;
        double e = 0.5 * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) + 0.5 * r * r; // quadratic, k = 1
        double want = 250 * (1 + 0.1 * r) * (1 + 0.05 * meanP) * (1 + 0.2 * Math.tanh(e / 1.0));
        HamiltonianPriceModel.Quote quote = m.quote();
        assertEquals(want, quote.price(), 1e-12 * want);
        assertEquals(want / 1e6, quote.costPerUnit(), 1e-18 * want);
        assertEquals(e, quote.energy(), 1e-14);
    }

    @Test
    void conservativeCoreConservesEnergyAndFrictionDecaysIt() {
        HamiltonianPriceModel.Config base = HamiltonianPriceModel.Config.defaults(100, 1).withPhaseNoise(0);
        HamiltonianPriceModel free = new HamiltonianPriceModel(base.withGamma(0));
        double e0 = free.energy();
        for (int i = 0; i < 100_000; i++) free.step();
        assertEquals(e0, free.energy(), 1e-4 * e0, "gamma = 0, no noise: energy conserved over 1e5 steps");
        EnergyDrift drift = free.energyDrift(100_000);
        assertTrue(drift.maxRelativeError() < 1e-4 && Math.abs(drift.driftPerUnitTime()) < 1e-8, drift.toString());

        HamiltonianPriceModel damped = new HamiltonianPriceModel(base);
        double d0 = damped.energy();
        for (int i = 0; i < 10_000; i++) damped.step(); // t = 100, gamma = 0.1
        double rate = Math.log(damped.energy() / d0) / 100;
        assertEquals(-0.1, rate, 0.01, "energy decays as exp(-gamma t) on average");
    }

    @Test
    void priceNoiseScalesAsSqrtDt() {
        // Without mean reversion and damping effects over a short horizon, the price momentum's variance after
        // time t is sigma^2 tanh^2(E) t whatever dt is: Euler-Maruyama adds sigma sqrt(dt) Z once per step.
        double[] var = new double[2];
        double[] dts = {0.01, 0.0025};
        for (int j = 0; j < 2; j++) {
            double s2 = 0;
            int runs = 400;
            for (int r = 0; r < runs; r++) {
                HamiltonianPriceModel.Config c = new HamiltonianPriceModel.Config(Potentials.quadratic(1), 1, 0, dts[j], 100, 0, 1.0, 0,
                        1e-9, 1.0, 1000 + r);
                HamiltonianPriceModel m = new HamiltonianPriceModel(c);
                int steps = (int) Math.round(1.0 / dts[j]);
                for (int i = 0; i < steps; i++) m.step();
                s2 += m.priceMomentum() * m.priceMomentum();
            }
            var[j] = s2 / runs;
        }
        // tanh(E / 1e-9) = 1, sigma = 1, t = 1, damping exp(-0.1 t): variance ~ 0.9 for both dt (sampling error ~10%).
        assertEquals(var[0], var[1], 0.25 * var[0], "momentum variance independent of dt");
        assertEquals(0.9, var[0], 0.2);
    }

    @Test
    void regimeSwitchAndLyapunov() {
        RegimeQuadratic v = Potentials.regimeQuadratic(new double[] {1, 9}, new double[] {0, 1});
        HamiltonianPriceModel m = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(100, 2).withPotential(v, 2));
        m.setRegime(1);
        assertEquals(9.0, ((RegimeQuadratic) m.potential()).stiffness(), 0);
        m.step();
        assertEquals(0.0, m.lyapunovExponent(50_000).exponent(), 2e-3);
        HamiltonianPriceModel plain = new HamiltonianPriceModel(HamiltonianPriceModel.Config.defaults(100, 2));
        assertThrows(IllegalStateException.class, () -> plain.setRegime(1));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> HamiltonianPriceModel.Config.defaults(100, 1).withGamma(-1));
        assertTrue(ex.getMessage().contains("gamma") && ex.getMessage().contains("-1"), ex.getMessage());
    }
}
