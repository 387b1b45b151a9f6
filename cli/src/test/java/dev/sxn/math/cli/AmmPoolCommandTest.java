package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmMetrics;
import dev.sxn.math.amm.CowAmm;
import dev.sxn.math.amm.EclpPool;
import dev.sxn.math.amm.MinuteCsv;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.PoolRun;
import dev.sxn.math.amm.SyntheticMarket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sxn amm --pool eclp|cow|tfmm}: the printed metrics are the library's, and bad options fail with status 2. */
class AmmPoolCommandTest {
    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        out.reset();
        err.reset();
        return AmmCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String line(String key, double v) {
        return String.format(Locale.ROOT, "%-40s %.10g", key, v);
    }

    @Test
    void eclpAndCowPoolsPrintTheLibrarysMetrics(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("minutes.csv");
        MinutePrices prices = SyntheticMarket.twoAssets(3 * 1440, 0.3, 11);
        MinuteCsv.write(csv, prices, List.of("ETH", "USDC"));
        MinutePrices read = MinuteCsv.read(csv).prices();
        double p0 = read.price(0, 0) / read.price(0, 1), alpha = p0 / 1.3, beta = p0 * 1.3;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "amm", "--pool", "eclp", "--prices", csv.toString(), "--alpha", Double.toString(alpha), "--beta",
                Double.toString(beta), "--c", "0.6", "--s", "0.8", "--lambda", "5", "--fees", "0.003"), err.toString());
        AmmConfig fees = AmmConfig.defaults().withFees(0.003, 0, 0);
        double want = EclpPool.of(alpha, beta, 0.6, 0.8, 5).metric(read, 0, read.steps(), fees, AmmMetric.DAILY_LOG_SHARPE);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("eclp pool ["), text);
        assertTrue(text.contains(line("daily_log_sharpe", want)), text);

        assertEquals(0, run(out, err, "amm", "--pool", "cow", "--prices", csv.toString(), "--weight", "0.6", "--arb-quality", "0.25", "--fees",
                "0.001", "--start", "10", "--length", "2000"), err.toString());
        PoolRun cow = CowAmm.run(read, 10, 2000, 0.6, AmmConfig.defaults().withFees(0.001, 0, 0), 0.25);
        double returns = AmmMetrics.of(AmmMetric.RETURNS_OVER_HODL, cow.values(), cow.rows(), cow.initialReserves(),
                new double[] {read.price(10, 0), read.price(10, 1)}, new double[] {read.price(2008, 0), read.price(2008, 1)}, cow.totalFeeRevenue());
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("cow pool, weight 0.6, arbitrage quality 0.25, minutes 10..2008"), text);
        assertTrue(text.contains(line("returns_over_hodl", returns)), text);

        assertEquals(0, run(out, err, "amm", "--pool", "tfmm", "--prices", csv.toString(), "--chunk", "60"), err.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("momentum pool, 2 assets"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badPoolOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(2, run(out, err, "amm", "--pool", "eclp", "--synthetic", "2", "--alpha", "1", "--beta", "2", "--c", "1", "--s", "0"));
        assertEquals("sxn amm: --pool eclp needs --lambda\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(out, err, "amm", "--pool", "eclp", "--synthetic", "2", "--rule", "momentum"));
        assertEquals("sxn amm: option '--rule' does not apply to --pool eclp (sxn amm --help lists them)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(out, err, "amm", "--pool", "curve", "--synthetic", "2"));
        assertEquals("sxn amm: --pool must be tfmm, eclp or cow, was 'curve'\n", err.toString(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(out, err, "amm", "--pool", "eclp", "--synthetic", "2",
                "--alpha", "1", "--beta", "2", "--c", "1", "--s", "0", "--lambda", "0.5"));
        assertEquals("lambda must be >= 1, was 0.5", e.getMessage());
        assertEquals(0, run(out, err, "amm", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n  --pool tfmm|eclp|cow"), out.toString(StandardCharsets.UTF_8));
    }
}
