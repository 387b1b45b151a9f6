package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code sxn spark}'s usage errors: exit status 2 and one line naming the problem, before any Spark session. */
class SparkMainTest {

    private static String[] run(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedStatus, status, err.toString(StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void usageWithoutASubcommand() {
        assertTrue(run(2)[1].startsWith("usage: sxn spark universe --master URL"));
    }

    @Test
    void missingOutput() {
        assertEquals("sxn spark: --input and --output are required\n", run(2, "universe", "--input", "bars.parquet")[1]);
    }

    @Test
    void badIndicator() {
        assertEquals("sxn spark: indicator must be one of sma ema rsi wma std max min obv, was macd\n",
                run(2, "universe", "--input", "b.parquet", "--output", "o", "--indicators", "sma:20,macd:3")[1]);
    }

    @Test
    void badAlpha() {
        assertEquals("sxn spark: alpha must be in (0.0, 1.0), was 1.5\n", run(2, "universe", "--input", "b.parquet", "--output", "o", "--alpha", "1.5")[1]);
    }
}
