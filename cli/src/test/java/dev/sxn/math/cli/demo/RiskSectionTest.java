package dev.sxn.math.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The demo's risk section on a small seeded market: it records no failure, prints the same text on every run
 * (no timings in it), is short, and its GARCH row for an asset shows that asset's own fit.
 */
class RiskSectionTest {
    private static final int ASSETS = 10;
    private static final int TICKS = 1200;
    private static final long SEED = 7L;

    private static String run(DemoContext[] ctx) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticMarket m = SyntheticMarket.generate(ASSETS, TICKS, SEED, 5e-4);
        ctx[0] = new DemoContext(m, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new RiskSection().run(ctx[0]);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsWithoutFailuresDeterministicallyAndShort() {
        DemoContext[] ctx = new DemoContext[1];
        String first = run(ctx);
        assertEquals(List.of(), ctx[0].failures(), first);
        assertEquals(first, run(ctx), "a second run prints the same text");
        List<String> lines = first.lines().toList();
        assertTrue(lines.size() <= 30, "short: " + lines.size() + " lines\n" + first);
        for (String needle : List.of("Ledoit-Wolf shrunk", "gross exposure", "GARCH(1,1)-t", "equal-weight portfolio of 10 assets",
                "Sharpe", "Sortino", "CAGR", "max drawdown", "Calmar", "Ulcer", "Omega", "rolling 250-day 99% VaR")) {
            assertTrue(first.contains(needle), needle + " in\n" + first);
        }
    }

    @Test
    void eachAssetsRowShowsItsOwnGarchFit() {
        SyntheticMarket m = SyntheticMarket.generate(ASSETS, TICKS, SEED, 5e-4);
        int days = TICKS - 1;
        double[] p = m.close(3);
        double[] r = new double[days];
        for (int i = 0; i < days; i++) r[i] = 100 * Math.log(p[i + 1] / p[i]);
        GarchFit fit = Garch.fit(r, GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T));
        String row = String.format(Locale.ROOT, "%-6d %-10s %6.2f %8.3f", 3, fit.status(), fit.shape(), fit.sigma()[days - 1]);
        String text = run(new DemoContext[1]);
        assertTrue(text.contains("  " + row), row + " in\n" + text);
    }
}
