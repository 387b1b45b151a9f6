package dev.sxn.math.cli;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmMetrics;
import dev.sxn.math.amm.CowAmm;
import dev.sxn.math.amm.EclpPool;
import dev.sxn.math.amm.MinuteCsv;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.PoolRun;
import dev.sxn.math.amm.SyntheticMarket;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code sxn amm --pool eclp|cow ...}: one Gyroscope E-CLP or CoW AMM pool over two-asset minute prices (a CSV file
 * or a seeded synthetic market), printing every metric that fits the bout. The TFMM / G3M options of {@link AmmCommand}
 * do not apply to these pools; {@code --pool tfmm} (the default) leaves the command to {@link AmmCommand}.
 */
final class AmmPoolCommand {
    static final String USAGE = """
              --pool tfmm|eclp|cow         the pool kind (default tfmm: the rule options above); eclp and cow take two assets
                                           and the prices, --fees --gas --arb-fees --start --length options, and:
              --alpha A --beta B           eclp: the price range of asset 0 in units of asset 1 (0 < A < B)
              --c C --s S --lambda L       eclp: rotation (cos phi, sin phi in [0, 1], C^2 + S^2 = 1) and stretch (L >= 1)
              --weight W --arb-quality Q   cow: asset 0's weight (default 0.5) and arbitrage quality in [0, 1] (default 1:
                                           competing arbitrageurs; 0: a single arbitrageur)
            """.stripTrailing();

    private AmmPoolCommand() {}

    /** True when the arguments hold {@code --pool}. */
    static boolean handles(String[] args) {
        for (int i = 1; i < args.length; i++) if (args[i].equals("--pool")) return true;
        return false;
    }

    /**
     * Runs the command; returns the exit code (0, or 2 for a bad option or input). {@code --pool tfmm} hands the other
     * arguments to {@link AmmCommand}.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int at = java.util.Arrays.asList(args).indexOf("--pool");
        if (at + 1 < args.length && args[at + 1].equals("tfmm")) {
            String[] rest = new String[args.length - 2];
            System.arraycopy(args, 0, rest, 0, at);
            System.arraycopy(args, at + 2, rest, at, args.length - at - 2);
            return AmmCommand.run(rest, out, err);
        }
        String pool = null, prices = null;
        int synthetic = 0, start = 0, length = -1;
        long seed = 20261207L;
        double alpha = Double.NaN, beta = Double.NaN, c = Double.NaN, s = Double.NaN, lambda = Double.NaN;
        double weight = 0.5, quality = 1, fees = 0, gas = 0, arbFees = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--pool" -> pool = AmmCommand.value(args, ++i, a);
                case "--prices" -> prices = AmmCommand.value(args, ++i, a);
                case "--synthetic" -> synthetic = Integer.parseInt(AmmCommand.value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(AmmCommand.value(args, ++i, a));
                case "--alpha" -> alpha = AmmCommand.number(args, ++i, a);
                case "--beta" -> beta = AmmCommand.number(args, ++i, a);
                case "--c" -> c = AmmCommand.number(args, ++i, a);
                case "--s" -> s = AmmCommand.number(args, ++i, a);
                case "--lambda" -> lambda = AmmCommand.number(args, ++i, a);
                case "--weight" -> weight = AmmCommand.number(args, ++i, a);
                case "--arb-quality" -> quality = AmmCommand.number(args, ++i, a);
                case "--fees" -> fees = AmmCommand.number(args, ++i, a);
                case "--gas" -> gas = AmmCommand.number(args, ++i, a);
                case "--arb-fees" -> arbFees = AmmCommand.number(args, ++i, a);
                case "--start" -> start = Integer.parseInt(AmmCommand.value(args, ++i, a));
                case "--length" -> length = Integer.parseInt(AmmCommand.value(args, ++i, a));
                default -> {
                    err.println("sxn amm: option '" + a + "' does not apply to --pool " + pool + " (sxn amm --help lists them)");
                    return 2;
                }
            }
        }
        if (pool == null || !pool.equals("eclp") && !pool.equals("cow")) {
            err.println("sxn amm: --pool must be tfmm, eclp or cow, was '" + pool + "'");
            return 2;
        }
        if ((prices == null) == (synthetic == 0)) {
            err.println("sxn amm: give exactly one of --prices FILE and --synthetic DAYS");
            return 2;
        }
        MinutePrices p = prices != null ? MinuteCsv.read(Path.of(prices)).prices() : SyntheticMarket.twoAssets(synthetic * 1440, 0.3, seed);
        if (length < 0) length = p.steps() - start;
        AmmConfig config = AmmConfig.defaults().withFees(fees, gas, arbFees);
        PoolRun run;
        if (pool.equals("eclp")) {
            double[] given = {alpha, beta, c, s, lambda};
            String[] names = {"--alpha", "--beta", "--c", "--s", "--lambda"};
            for (int i = 0; i < given.length; i++) {
                if (Double.isNaN(given[i])) {
                    err.println("sxn amm: --pool eclp needs " + names[i]);
                    return 2;
                }
            }
            EclpPool eclp = EclpPool.of(alpha, beta, c, s, lambda);
            run = eclp.run(p, start, length, config);
            out.printf(Locale.ROOT, "eclp pool [%s, %s], c %s, s %s, lambda %s, minutes %d..%d, invariant %.10g%n", alpha, beta, c, s, lambda, start,
                    start + length - 2, eclp.invariant(run.initialReserves()[0], run.initialReserves()[1]));
        } else {
            run = CowAmm.run(p, start, length, weight, config, quality);
            out.printf(Locale.ROOT, "cow pool, weight %s, arbitrage quality %s, minutes %d..%d%n", weight, quality, start, start + length - 2);
        }
        int rows = run.rows();
        double[] first = {p.price(start, 0), p.price(start, 1)}, last = {p.price(start + rows - 1, 0), p.price(start + rows - 1, 1)};
        for (AmmMetric m : AmmMetric.values()) {
            if (rows < m.minRows()) continue;
            out.printf(Locale.ROOT, "%-40s %.10g%n", m.key(), AmmMetrics.of(m, run.values(), rows, run.initialReserves(), first, last,
                    run.totalFeeRevenue()));
        }
        return 0;
    }
}
