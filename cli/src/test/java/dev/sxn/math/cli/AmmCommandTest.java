package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.CompositePool;
import dev.sxn.math.amm.MinuteCsv;
import dev.sxn.math.amm.ParamTransforms;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sxn amm}: one pool from a CSV file, a sweep to a CSV file, the new rules, a composite pool, bad options. */
class AmmCommandTest {
    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return AmmCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void singlePoolFromCsvAndSweep(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("minutes.csv");
        var prices = SyntheticMarket.twoAssets(4 * 1440, 0.3, 5);
        MinuteCsv.write(csv, prices, List.of("BTC", "ETH"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "amm", "--prices", csv.toString(), "--rule", "momentum", "--memory-days", "2", "--k", "16", "--chunk", "60",
                "--max-change", "0.001"), err.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.001));
        RuleParams p = new RuleParams(ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(2, 60)), 4, 1, 1, 0, 0.5);
        double want = pool.metric(MinuteCsv.read(csv).prices(), 60, 4 * 1440 - 60, p, AmmMetric.DAILY_LOG_SHARPE);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-40s %.10g", "daily_log_sharpe", want)), text);
        Path sweep = dir.resolve("sweep.csv");
        assertEquals(0, run(out, err, "amm", "sweep", "--prices", csv.toString(), "--chunk", "60", "--memory-days", "1:4:2", "--k", "2:32:3",
                "--output", sweep.toString(), "--threads", "2"), err.toString());
        List<String> lines = Files.readAllLines(sweep);
        assertEquals(1 + 6, lines.size());
        assertTrue(lines.get(0).startsWith("memory_days,k_per_day,logit_lambda,log_k,sharpe,daily_sharpe,daily_log_sharpe"), lines.get(0));
        assertTrue(lines.get(6).startsWith("4.0,32.0"), lines.get(6));
    }

    @Test
    void newRulesAndCompositeMatchTheLibrary(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("minutes.csv");
        var prices = SyntheticMarket.twoAssets(4 * 1440, 0.3, 6);
        MinuteCsv.write(csv, prices, List.of("BTC", "ETH"));
        var read = MinuteCsv.read(csv).prices();
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.001);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "amm", "--prices", csv.toString(), "--rule", "difference-momentum", "--memory-days", "1", "--memory-days-2", "3",
                "--k", "16", "--chunk", "60", "--max-change", "0.001"), err.toString());
        TfmmPool dm = TfmmPool.of(WeightRule.DIFFERENCE_MOMENTUM, new double[] {0.5, 0.5}, config);
        RuleParams dp = RuleParams.differenceMomentum(1, 3, 16, 60);
        double want = dm.metric(read, 60, 4 * 1440 - 60, dp, AmmMetric.DAILY_LOG_SHARPE);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("difference-momentum pool, 2 assets"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-40s %.10g", "daily_log_sharpe", want)), text);
        out.reset();
        // min-variance by default stops a chunk short: it reads the coarse price at its last block's end
        assertEquals(0, run(out, err, "amm", "--prices", csv.toString(), "--rule", "min_variance", "--memory-days", "2", "--memory-days-2", "1",
                "--chunk", "60", "--max-change", "0.001"), err.toString());
        TfmmPool mv = TfmmPool.of(WeightRule.MIN_VARIANCE, new double[] {0.5, 0.5}, config);
        RuleParams mp = RuleParams.minimumVariance(2, 1, 60);
        want = mv.metric(read, 60, 4 * 1440 - 120, new RuleParams(mp.logitLambda(), 0, 1, 1, 0, 0.5, mp.logitDeltaLambda()), AmmMetric.RETURNS);
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-40s %.10g", "returns", want)), text);
        out.reset();
        assertEquals(0, run(out, err, "amm", "--prices", csv.toString(), "--rule", "momentum", "--memory-days", "2", "--k", "8", "--chunk", "60",
                "--max-change", "0.001", "--tokens", "1", "--sub", "momentum:0,1:1:20", "--sub", "anti-momentum:0,1:2:10", "--weights", "0.2,0.4,0.4"),
                err.toString());
        CompositePool cp = CompositePool.of(TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.2, 0.4, 0.4}, config), new int[] {1}, List.of(
                new CompositePool.SubPool(TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, config), new int[] {0, 1}, RuleParams.momentum(1, 20, 60)),
                new CompositePool.SubPool(TfmmPool.of(WeightRule.ANTI_MOMENTUM, new double[] {0.5, 0.5}, config), new int[] {0, 1},
                        RuleParams.momentum(2, 10, 60))));
        want = cp.metric(read, 60, 4 * 1440 - 60, RuleParams.momentum(2, 8, 60), AmmMetric.DAILY_LOG_SHARPE);
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("momentum composite pool, 3 members"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-40s %.10g", "daily_log_sharpe", want)), text);
        assertEquals(2, run(out, err, "amm", "sweep", "--prices", csv.toString(), "--sub", "momentum:0,1:1:20"));
        Path sweep = dir.resolve("dm.csv");
        assertEquals(0, run(out, err, "amm", "sweep", "--prices", csv.toString(), "--rule", "difference-momentum", "--chunk", "60", "--memory-days",
                "1:2:2", "--memory-days-2", "4", "--k", "4:16:2", "--output", sweep.toString()), err.toString());
        assertEquals(1 + 4, Files.readAllLines(sweep).size());
    }

    @Test
    void badOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(2, run(out, err, "amm", "--fast"));
        assertEquals("sxn amm: unknown option '--fast' (sxn amm --help lists them)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(out, err, "amm", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: sxn amm [sweep]"));
        assertEquals(2, run(out, err, "amm", "--rule", "momentum"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run(out, err, "amm", "--synthetic", "3", "--rule", "macd"));
        assertTrue(e.getMessage().startsWith("rule must be one of momentum|anti-momentum|"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run(out, err, "amm", "--synthetic", "3", "--tokens", "1", "--sub", "momentum:0,1:2"));
        assertEquals("--sub must be RULE:COLS:D:K[:D2], was 'momentum:0,1:2'", e.getMessage());
    }
}
