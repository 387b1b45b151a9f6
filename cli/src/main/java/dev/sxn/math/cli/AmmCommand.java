package dev.sxn.math.cli;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmSweep;
import dev.sxn.math.amm.CompositePool;
import dev.sxn.math.amm.Interpolation;
import dev.sxn.math.amm.MinuteCsv;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.ParamGrid;
import dev.sxn.math.amm.ParamTransforms;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code sxn amm [sweep] ...}: one TFMM / G3M pool over minute prices (a CSV file or a seeded synthetic market),
 * printing every metric that fits the bout; {@code sweep} runs a grid of memory lengths and k values and writes one
 * CSV row of metrics per parameter set. With {@code --sub} the pool is a {@link CompositePool} whose members are the
 * {@code --tokens} columns and the sub-pools. Status 0 on success, 2 for a bad option or input.
 */
final class AmmCommand {
    static final String USAGE = """
            usage: sxn amm [sweep] (--prices FILE | --synthetic DAYS [--seed S]) [options]
              --rule momentum|anti-momentum|power-channel|mean-reversion-channel|fixed|difference-momentum|min-variance
                                           (default momentum; underscores work too)
              --memory-days D --k K        memory in days and k per day of memory (sweep: LO:HI:COUNT, memory linear,
                                           k geometric); difference-momentum: the fast memory; min-variance: the
                                           variance memory (k unused)
              --memory-days-2 D2           difference-momentum: the slow memory; min-variance: the memory of the blend
                                           of the target with the previous weights (default: --memory-days; a sweep
                                           keeps the first set's logit offset between the two)
              --exponent Q --width W --amplitude A --pre-exp C   channel rule parameters (amplitude per day of memory)
              --weights W1,W2,...          initial weights (default equal)
              --chunk MINUTES --interpolation-period MINUTES --max-change X --interpolation linear|approx_optimal
              --fees F --gas G --arb-fees A
              --start MINUTE --length MINUTES   the bout (default: from the first whole chunk after one chunk to the end)
              --output FILE                sweep: the CSV of metrics per set (default stdout)
              --threads N                  sweep: sets split over N threads (default 1)
            composite pools (not with sweep): the pool above runs over its members, the --tokens columns held
            directly then one LP share per --sub (--weights then lists one weight per member)
              --sub RULE:COLS:D:K[:D2]     a sub-pool over the 0-based price columns COLS (e.g. 0,1) with its rule,
                                           memory D, k per day K and second memory D2; repeat for more sub-pools; it
                                           shares --chunk, --max-change and the trading costs, starts equally weighted
                                           at minute 0
              --tokens COLS                price columns the composite holds directly (default none)
            """ + AmmPoolCommand.USAGE;

    private AmmCommand() {}

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (AmmPoolCommand.handles(args)) return AmmPoolCommand.run(args, out, err);
        boolean sweep = args.length > 1 && args[1].equals("sweep");
        String prices = null, output = null, rule = "momentum", memory = "10", k = "20", weights = null, interp = "linear", memory2 = null,
                tokens = null;
        List<String> subs = new ArrayList<>();
        int synthetic = 0, chunk = 1440, wip = -1, start = -1, length = -1, threads = 1;
        long seed = 20261207L;
        double exponent = 1, width = 1, amplitude = 1, preExp = 0.5, maxChange = 3e-4, fees = 0, gas = 0, arbFees = 0;
        for (int i = sweep ? 2 : 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--prices" -> prices = value(args, ++i, a);
                case "--synthetic" -> synthetic = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--rule" -> rule = value(args, ++i, a);
                case "--memory-days" -> memory = value(args, ++i, a);
                case "--memory-days-2" -> memory2 = value(args, ++i, a);
                case "--sub" -> subs.add(value(args, ++i, a));
                case "--tokens" -> tokens = value(args, ++i, a);
                case "--k" -> k = value(args, ++i, a);
                case "--exponent" -> exponent = number(args, ++i, a);
                case "--width" -> width = number(args, ++i, a);
                case "--amplitude" -> amplitude = number(args, ++i, a);
                case "--pre-exp" -> preExp = number(args, ++i, a);
                case "--weights" -> weights = value(args, ++i, a);
                case "--chunk" -> chunk = Integer.parseInt(value(args, ++i, a));
                case "--interpolation-period" -> wip = Integer.parseInt(value(args, ++i, a));
                case "--max-change" -> maxChange = number(args, ++i, a);
                case "--interpolation" -> interp = value(args, ++i, a);
                case "--fees" -> fees = number(args, ++i, a);
                case "--gas" -> gas = number(args, ++i, a);
                case "--arb-fees" -> arbFees = number(args, ++i, a);
                case "--start" -> start = Integer.parseInt(value(args, ++i, a));
                case "--length" -> length = Integer.parseInt(value(args, ++i, a));
                case "--output" -> output = value(args, ++i, a);
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                default -> {
                    err.println("sxn amm: unknown option '" + a + "' (sxn amm --help lists them)");
                    return 2;
                }
            }
        }
        if ((prices == null) == (synthetic == 0)) {
            err.println("sxn amm: give exactly one of --prices FILE and --synthetic DAYS");
            return 2;
        }
        if (sweep && !subs.isEmpty()) {
            err.println("sxn amm: sweep runs single pools; --sub makes a composite (run it without sweep)");
            return 2;
        }
        MinutePrices p = prices != null ? MinuteCsv.read(Path.of(prices)).prices() : SyntheticMarket.twoAssets(synthetic * 1440, 0.3, seed);
        int[] direct = tokens == null ? new int[0] : columns(tokens, "--tokens");
        int n = subs.isEmpty() ? p.assets() : direct.length + subs.size();
        double[] w0 = new double[n];
        if (weights == null) java.util.Arrays.fill(w0, 1.0 / n);
        else {
            String[] f = weights.split(",");
            if (f.length != n) throw new IllegalArgumentException("--weights must list " + n + " weights, was '" + weights + "'");
            for (int i = 0; i < n; i++) w0[i] = Double.parseDouble(f[i]);
        }
        AmmConfig config = new AmmConfig(chunk, wip < 0 ? chunk : wip, maxChange, Double.NaN, 365, 1_000_000.0, fees, gas, arbFees,
                Interpolation.valueOf(interp.toUpperCase(Locale.ROOT)));
        WeightRule weightRule = WeightRule.of(rule);
        TfmmPool pool = TfmmPool.of(weightRule, w0, config);
        if (start < 0) start = chunk;
        CompositePool composite = subs.isEmpty() ? null : composite(pool, direct, subs, config);
        if (length < 0) {
            int steps = composite == null ? p.steps() : composite.memberSteps(p.steps());
            // a min-variance pool reads the coarse price at its last block's end: stop a chunk short
            length = steps - start - (weightRule.outputsWeights() ? chunk : 0);
        }
        List<AmmMetric> metrics = new ArrayList<>();
        for (AmmMetric m : AmmMetric.values()) if (length - 1 >= m.minRows()) metrics.add(m);
        if (!sweep) {
            double d1 = Double.parseDouble(memory);
            RuleParams params = params(weightRule, d1, memory2 == null ? d1 : Double.parseDouble(memory2), Double.parseDouble(k), exponent, width,
                    amplitude, preExp, chunk);
            out.printf(Locale.ROOT, "%s %s, %d %s, minutes %d..%d, lambda %.6f (memory %.4f days)%n", weightRule.key(),
                    composite == null ? "pool" : "composite pool", n, composite == null ? "assets" : "members", start, start + length - 2,
                    pool.lambda(params), pool.memoryDays(params));
            for (AmmMetric m : metrics) {
                double v = composite == null ? pool.metric(p, start, length, params, m) : composite.metric(p, start, length, params, m);
                out.printf(Locale.ROOT, "%-40s %.10g%n", m.key(), v);
            }
            return 0;
        }
        double[] mem = range(memory, false), ks = range(k, true);
        RuleParams base = params(weightRule, mem[0], memory2 == null ? mem[0] : Double.parseDouble(memory2), ks[0], exponent, width, amplitude,
                preExp, chunk);
        double[] logits = new double[mem.length];
        for (int i = 0; i < mem.length; i++) logits[i] = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(mem[i], chunk));
        double[] logKs = new double[ks.length];
        for (int i = 0; i < ks.length; i++) logKs[i] = Math.log(ks[i]) / Math.log(2);
        RuleParams[] sets = ParamGrid.over(base).values(0, logits).values(1, logKs).build();
        AmmMetric[] ms = metrics.toArray(new AmmMetric[0]);
        double[] res = new double[sets.length * ms.length];
        AmmSweep.metrics(pool, p, start, length, sets, ms, res, threads);
        StringBuilder sb = new StringBuilder("memory_days,k_per_day,logit_lambda,log_k");
        for (AmmMetric m : ms) sb.append(',').append(m.key());
        sb.append('\n');
        for (int s = 0; s < sets.length; s++) {
            sb.append(mem[s / ks.length]).append(',').append(ks[s % ks.length]).append(',').append(sets[s].logitLambda()).append(',')
                    .append(sets[s].logK());
            for (int j = 0; j < ms.length; j++) sb.append(',').append(res[s * ms.length + j]);
            sb.append('\n');
        }
        if (output == null) out.print(sb);
        else {
            try {
                Files.writeString(Path.of(output), sb, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("sxn amm sweep: " + sets.length + " sets x " + ms.length + " metrics written to " + output);
        }
        return 0;
    }

    private static RuleParams params(WeightRule rule, double memory, double memory2, double k, double exponent, double width, double amplitude,
                                     double preExp, int chunk) {
        double logit = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(memory, chunk));
        double delta = ParamTransforms.logit(ParamTransforms.memoryDaysToLambda(memory2, chunk)) - logit;
        // the second memory only means something to the rules that read logitDeltaLambda
        if (rule != WeightRule.DIFFERENCE_MOMENTUM && rule != WeightRule.MIN_VARIANCE) delta = 0.0;
        return new RuleParams(logit, Math.log(k) / Math.log(2), exponent, width, Math.log(amplitude) / Math.log(2), preExp, delta);
    }

    /** The composite of {@code --sub RULE:COLS:D:K[:D2]} sub-pools (equal initial weights) run by {@code pool}. */
    private static CompositePool composite(TfmmPool pool, int[] direct, List<String> subs, AmmConfig config) {
        List<CompositePool.SubPool> list = new ArrayList<>();
        for (String sub : subs) {
            String[] f = sub.split(":");
            if (f.length != 4 && f.length != 5) throw new IllegalArgumentException("--sub must be RULE:COLS:D:K[:D2], was '" + sub + "'");
            WeightRule r = WeightRule.of(f[0]);
            int[] cols = columns(f[1], "--sub");
            double[] w = new double[cols.length];
            java.util.Arrays.fill(w, 1.0 / cols.length);
            double d1 = Double.parseDouble(f[2]);
            RuleParams rp = params(r, d1, f.length == 5 ? Double.parseDouble(f[4]) : d1, Double.parseDouble(f[3]), 1, 1, 1, 0.5, config.chunkPeriod());
            list.add(new CompositePool.SubPool(TfmmPool.of(r, w, config), cols, rp));
        }
        return CompositePool.of(pool, direct, list);
    }

    /** 0-based columns "0,2". */
    private static int[] columns(String s, String option) {
        String[] f = s.split(",");
        int[] c = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            try {
                c[i] = Integer.parseInt(f[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " columns must be integers like 0,1, was '" + s + "'");
            }
        }
        return c;
    }

    /** "X" or "LO:HI:COUNT" (linear, or geometric when geometric). */
    private static double[] range(String s, boolean geometric) {
        String[] f = s.split(":");
        if (f.length == 1) return new double[] {Double.parseDouble(f[0])};
        if (f.length != 3) throw new IllegalArgumentException("a sweep range must be LO:HI:COUNT, was '" + s + "'");
        double lo = Double.parseDouble(f[0]), hi = Double.parseDouble(f[1]);
        int c = Integer.parseInt(f[2]);
        if (c < 1) throw new IllegalArgumentException("a sweep range's COUNT must be >= 1, was '" + s + "'");
        double[] v = new double[c];
        for (int i = 0; i < c; i++) {
            double t = c == 1 ? 0 : (double) i / (c - 1);
            v[i] = geometric ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t;
        }
        return v;
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    static double number(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + v + "'");
        }
    }
}
