package dev.sxn.math.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's AMM section records no failure and ends with the E-CLP line (returns and fee revenue of the test window). */
class AmmSectionTest {
    @Test
    void runsWithoutFailuresAndShowsTheEclpPool() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoContext ctx = new DemoContext(SyntheticMarket.generate(2, 50, 1, 5e-4), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new AmmSection().run(ctx);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), ctx.failures(), text);
        List<String> lines = text.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("test E-CLP [p/1.25, 1.25 p], lambda 8, 0.3% fee: returns ") && last.contains("fee revenue / value 0.0"), text);
    }
}
