package dev.sxn.math.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.stream.BarSampler;
import dev.sxn.math.indicators.stream.SeriesStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's streaming section on a small seeded market: it records no failure, prints the same text on every run
 * apart from its "indicative" timing lines, is short, reports zero mismatches for every stream and every batched
 * kind, and the EMA's last value it prints is the one an independent replay of asset 0's ticks gives.
 */
class StreamingSectionTest {
    private static final int ASSETS = 10;
    private static final int TICKS = 4000;
    private static final long SEED = 11L;

    private static String run(DemoContext[] ctx) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticMarket m = SyntheticMarket.generate(ASSETS, TICKS, SEED, 5e-4);
        ctx[0] = new DemoContext(m, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new StreamingSection().run(ctx[0]);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String withoutTimings(String text) {
        return String.join("\n", text.lines().filter(l -> !l.contains("indicative")).toList());
    }

    @Test
    void runsWithoutFailuresDeterministicallyAndShort() {
        DemoContext[] ctx = new DemoContext[1];
        String first = run(ctx);
        assertEquals(List.of(), ctx[0].failures(), first);
        assertEquals(withoutTimings(first), withoutTimings(run(ctx)), "a second run prints the same text but for the timings");
        List<String> lines = first.lines().toList();
        assertTrue(lines.size() <= 25, "short: " + lines.size() + " lines\n" + first);
        assertEquals(2, lines.stream().filter(l -> l.contains("indicative")).count(), first);
        for (String needle : List.of("volume bars", "fill", "peek", "EMA(20)", "RSI(14)", "ATR(14)", "MACD(12,26,9)",
                "Bollinger(20,2)", "ADX(14)", "Aroon(20)", "SMI(13,2,25,9)", "max |difference| 0;", "Batched streams over all 10 assets", "  JAVA ")) {
            assertTrue(first.contains(needle), needle + " in\n" + first);
        }
        Matcher total = Pattern.compile("Every streamed value vs the array function's: (\\d+) mismatches of (\\d+)").matcher(first);
        assertTrue(total.find(), first);
        assertEquals("0", total.group(1), first);
        assertTrue(Long.parseLong(total.group(2)) > 1000, first);
        for (Backend kind : List.of(Backend.VECTOR, Backend.NATIVE)) {
            if (Backends.isAvailable(kind)) assertTrue(first.contains("  " + kind + " "), kind + " in\n" + first);
        }
        Matcher kinds = Pattern.compile("EMA mismatches (\\d+), RSI mismatches (\\d+) of (\\d+)").matcher(first);
        int rows = 0;
        while (kinds.find()) {
            rows++;
            assertEquals("0", kinds.group(1), first);
            assertEquals("0", kinds.group(2), first);
        }
        assertTrue(rows >= 1, first);
    }

    @Test
    void theEmaRowShowsTheStreamOverAssetZerosVolumeBars() {
        SyntheticMarket m = SyntheticMarket.generate(ASSETS, TICKS, SEED, 5e-4);
        double[] size = m.volume(0);
        double total = 0;
        for (double v : size) total += v;
        // Sampled in one go and streamed in one go: the section's split (fill, then tick by tick) must not matter.
        double[] close = BarSampler.volume(total / (TICKS / 25)).sample(m.time(0), m.close(0), size).close();
        SeriesStream ema = IndicatorStreams.ema(20);
        for (double c : close) ema.update(c);
        String text = run(new DemoContext[1]);
        String emaLine = text.lines().filter(l -> l.startsWith("  EMA(20)")).findFirst().orElseThrow();
        String[] f = emaLine.trim().split("\\s+");
        assertEquals(String.format(Locale.ROOT, "%.4f", ema.value()), f[2], emaLine);
        assertEquals("0", f[4], "no mismatches: " + emaLine);
    }
}
