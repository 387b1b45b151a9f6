package dev.sxn.math.cli;

import dev.sxn.math.cli.demo.Demo;
import java.util.Locale;

/**
 * The {@code sxn} command: {@code info}, {@code demo}, {@code compute}, {@code calibrate}, {@code garch}. ({@code bench} is
 * dispatched by the {@code ./sxn} launcher to the JMH jar of {@code bench/}.)
 */
public final class Main {
    private Main() {}

    /** Entry point; exits with 0 on success, 1 on a failed demo or a GARCH fit that did not converge, 2 on a usage error. */
    public static void main(String[] args) {
        String cmd = args.length == 0 ? "help" : args[0].toLowerCase(Locale.ROOT);
        int code;
        try {
            code = switch (cmd) {
                case "info" -> Info.print(System.out);
                case "demo" -> demo(args);
                case "compute" -> Compute.run(args, System.out, System.err);
                case "calibrate" -> Calibrate.run(args, System.out, System.err);
                case "garch" -> GarchCommand.run(args, System.out, System.err);
                case "amm" -> AmmCommand.run(args, System.out, System.err);
                case "help", "-h", "--help" -> usage(0);
                default -> {
                    System.err.println("sxn: unknown command '" + args[0] + "'");
                    yield usage(2);
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A bad setting (SXN_BACKEND=bogus) or a forced kind that is unavailable: one line, not a stack trace.
            System.err.println("sxn " + cmd + ": " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    private static int demo(String[] args) {
        int assets = 64;
        int ticks = 20_000;
        long seed = 20261123L;
        java.time.Duration warmUp = Demo.DEFAULT_WARM_UP;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmUp = java.time.Duration.ofSeconds(Long.parseLong(value(args, ++i, "--warmup")));
                case "--assets" -> assets = Integer.parseInt(value(args, ++i, "--assets"));
                case "--ticks" -> ticks = Integer.parseInt(value(args, ++i, "--ticks"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                default -> {
                    System.err.println("sxn demo: unknown option '" + args[i] + "'");
                    return usage(2);
                }
            }
        }
        return Demo.run(System.out, assets, ticks, seed, warmUp);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int usage(int code) {
        (code == 0 ? System.out : System.err).println("""
                usage: sxn <command>
                  info                      JDK, CPU, backends (and why any is unavailable), OpenCL devices, OpenBLAS
                  demo [--assets N] [--ticks T] [--seed S] [--warmup SECONDS]
                                            run every kernel on every backend over a synthetic market
                                            (after Backends.warmUp, at most SECONDS, default 60)
                  compute INDICATOR --input FILE [--output FILE] [options]
                                            run an indicator over a CSV file (sxn compute --help lists them)
                  compute metrics|var --input FILE [--column returns | --prices close] [--periods-per-year N]
                                            the risk scorecard (N required) or VaR/ES table of one series
                  calibrate [--budget SECONDS] [--kinds vector,native,opencl]
                                            measure this machine's crossovers (under a minute) and keep them
                                            in the user's cache for later runs (sxn calibrate --help)
                  amm [sweep] (--prices FILE | --synthetic DAYS) [options]
                                            simulate a TFMM / G3M pool, or sweep a grid (sxn amm --help)
                  bench [--quick] [FILTER]  run the JMH suite; writes bench-results/<date>.md and .json
                  garch --input FILE [--column close] [--dist std|norm] [--model garch|gjr] [--horizon 10] [--level 0.99]
                                            fit GARCH(1,1) to the log returns in percent: parameters with standard
                                            errors, log-likelihood, AIC/BIC, status, forecast sd with VaR/ES (sxn garch --help)
                environment: SXN_BACKEND=java|vector|native|opencl forces a backend; SXN_DISABLE=vector,native,opencl""");
        return code;
    }
}
