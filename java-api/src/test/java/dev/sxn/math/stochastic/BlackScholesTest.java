package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.MonteCarloReference.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Black-Scholes-Merton prices against SciPy ({@code stochastic_mc_bs.txt}, scipy.special.ndtr), tolerance
 * {@code |a - b| <= 1e-12 S + 1e-10 |b|}; the normal distribution function against known values; parity.
 */
class BlackScholesTest {
    @Test
    void pricesMatchScipy() {
        List<String[]> rows = MonteCarloReference.lines("stochastic_mc_bs.txt");
        assertEquals(12, rows.size());
        for (String[] f : rows) {
            Payoff p = f[0].equals("call") ? Payoff.CALL : Payoff.PUT;
            double s = d(f, 1), want = d(f, 7);
            double got = BlackScholes.price(p, s, d(f, 2), d(f, 3), d(f, 4), d(f, 5), d(f, 6));
            assertEquals(want, got, 1e-12 * s + 1e-10 * Math.abs(want), String.join(" ", f));
        }
    }

    @Test
    void normalCdfKnownValues() {
        assertEquals(0.5, BlackScholes.normalCdf(0.0));
        // scipy.special.ndtr values; relative tolerance 5e-15 (ndtr itself is good to a few 1e-15 in the tail).
        assertEquals(0.8413447460685429, BlackScholes.normalCdf(1.0), 5e-15 * 0.8413447460685429);
        assertEquals(0.022750131948179195, BlackScholes.normalCdf(-2.0), 5e-15 * 0.022750131948179195);
        assertEquals(2.866515718791933e-07, BlackScholes.normalCdf(-5.0), 5e-15 * 2.866515718791933e-07);
        assertEquals(7.61985302416047e-24, BlackScholes.normalCdf(-10.0), 5e-15 * 7.61985302416047e-24);
        assertEquals(0.9999997133484281, BlackScholes.normalCdf(5.0), 5e-15 * 0.9999997133484281);
        assertEquals(0.0, BlackScholes.normalCdf(-40.0));
        assertEquals(1.0, BlackScholes.normalCdf(40.0));
    }

    @Test
    void putCallParityAndDegenerateCases() {
        double s = 97, k = 103, r = 0.04, q = 0.015, sig = 0.3, t = 0.7;
        double c = BlackScholes.price(Payoff.CALL, s, k, r, q, sig, t), p = BlackScholes.price(Payoff.PUT, s, k, r, q, sig, t);
        assertEquals(s * Math.exp(-q * t) - k * Math.exp(-r * t), c - p, 1e-12);
        assertEquals(Math.max(120 * Math.exp(-0.01) - 100 * Math.exp(-0.05), 0), BlackScholes.price(Payoff.CALL, 120, 100, 0.05, 0.01, 0.0, 1.0), 1e-12);
        assertEquals(0.0, BlackScholes.price(Payoff.PUT, 120, 100, 0.05, 0.0, 0.2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(Payoff.CALL, -1, 100, 0.05, 0, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(Payoff.CALL, 1, 100, 0.05, 0, -0.2, 1));
        assertThrows(NullPointerException.class, () -> BlackScholes.price(null, 1, 100, 0.05, 0, 0.2, 1));
    }
}
