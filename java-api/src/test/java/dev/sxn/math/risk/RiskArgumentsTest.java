package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The risk facades' argument rules, each with its one-line message naming the argument, its value and the rule. */
class RiskArgumentsTest {
    private static final double[] R = {0.01, -0.02, 0.03, 0.005};

    private static void message(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void prices() {
        message("prices.length must be >= 2 (one return needs two prices), was 1", () -> Returns.simple(new double[] {1}));
        message("prices[1] must be finite and > 0, was 0.0", () -> Returns.log(new double[] {1, 0}));
        message("out.length must be 2 (prices.length - 1), was 3", () -> Returns.simpleInto(new double[] {1, 2, 3}, new double[3]));
        assertThrows(NullPointerException.class, () -> Returns.simple(null));
    }

    @Test
    void returnsSeries() {
        message("returns.length must be >= 2 (a sample standard deviation), was 1", () -> Performance.sharpe(new double[] {0.1}, 0, 252));
        message("returns[1] must be finite, was NaN", () -> Performance.sortino(new double[] {0.1, Double.NaN}, 0, 252));
        message("returns.length must be >= 4 (the sample kurtosis), was 3", () -> Moments.excessKurtosisSample(new double[] {1, 2, 3}));
        message("returns.length must be >= 1 (an equity curve), was 0", () -> Drawdowns.maxDrawdown(new double[0]));
        assertThrows(NullPointerException.class, () -> Performance.cagr(null, 12));
    }

    @Test
    void ratesAndPeriods() {
        message("periodsPerYear must be finite and > 0, was 0.0", () -> Performance.sharpe(R, 0, 0));
        message("periodsPerYear must be finite and > 0, was Infinity", () -> Performance.cagr(R, Double.POSITIVE_INFINITY));
        message("riskFreePerYear must be > -1 (an annual rate), was -1.0", () -> Performance.sharpe(R, -1, 252));
        message("marPerYear must be finite, was NaN", () -> Performance.sortino(R, Double.NaN, 252));
        message("thresholdPerYear must be > -1 (an annual rate), was -2.0", () -> Performance.omega(R, -2, 252));
        message("periodsPerYear must be a whole number (the Sterling ratio's year blocks), was 365.25", () -> Performance.sterling(R, 365.25));
        message("annualRate must be > -1 (an annual rate), was -1.5", () -> Performance.perPeriodRate(-1.5, 12));
    }

    @Test
    void tailRisk() {
        message("alpha must be in (0.0, 1.0), was 0.0", () -> ValueAtRisk.historical(R, 0));
        message("alpha must be in (0.0, 1.0), was 1.0", () -> ValueAtRisk.normal(R, 1));
        message("nu must be > 2 (the standardized t needs a finite variance), was 2.0", () -> ValueAtRisk.studentT(R, 0.05, 2));
        message("nu must be finite, was Infinity", () -> ValueAtRisk.studentT(R, 0.05, Double.POSITIVE_INFINITY));
        message("lambda must be in (0.0, 1.0), was 1.0", () -> ValueAtRisk.ewma(R, 0.05, 1));
        message("returns must vary (skewness and kurtosis need a variance), was constant", () -> ValueAtRisk.cornishFisher(new double[] {1, 1, 1}, 0.05));
    }
}
