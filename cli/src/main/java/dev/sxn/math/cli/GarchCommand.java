package dev.sxn.math.cli;

import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchFit;
import dev.sxn.math.risk.GarchInit;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import dev.sxn.math.risk.GarchStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sxn garch --input FILE [options]}: fits a constant-mean GARCH(1,1) or GJR-GARCH(1,1) with normal or
 * Student-t innovations ({@link Garch#fit}, fGarch's conventions) to the log returns in percent of a prices
 * column, {@code 100 ln(p_t / p_{t-1})} (or to a returns column as given, {@code --returns}), and prints the
 * parameters with standard errors and t values, the log-likelihood, AIC/BIC, the convergence status, the
 * conditional sd and the h-step forecast of the sd with VaR and ES. Exit status: 0 for a converged fit, 1 for a
 * fit that ended another way (its best point is printed with the status), 2 for a usage or input error (one
 * line on stderr).
 */
final class GarchCommand {
    static final String USAGE = """
            usage: sxn garch --input FILE [--column close | --returns NAME] [--dist std|norm] [--model garch|gjr]
                             [--init mci|backcast] [--horizon 10] [--level 0.99] [--periods-per-year N]
              fits GARCH(1,1) (gjr: GJR-GARCH(1,1) in fGarch's APARCH form, delta 2) by maximum likelihood with R
              fGarch's conventions to the log returns in percent of the prices column, 100 ln(p_t / p_t-1), or to a
              returns column as it is (--returns); prints the parameters with standard errors, log-likelihood,
              AIC/BIC (per observation, as fGarch), the status, and the forecast sd with the VaR/ES of the return h
              steps ahead at --level (positive losses). --periods-per-year N adds the annualised sd.""";

    private GarchCommand() {}

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            Map<String, String> opt = Compute.options(args, 1);
            String input = opt.remove("--input");
            if (input == null) throw new IllegalArgumentException("missing --input FILE");
            Options o = new Options(opt);
            String returnsName = o.str("--returns", null);
            String pricesName = o.str("--column", null);
            if (returnsName != null && pricesName != null) throw new IllegalArgumentException("give --column (prices) or --returns (returns), not both");
            boolean fromPrices = returnsName == null;
            IndicatorPlan.Column column = fromPrices ? new IndicatorPlan.Column(pricesName == null ? "close" : pricesName, "--column")
                    : new IndicatorPlan.Column(returnsName, "--returns");
            GarchSpec spec = new GarchSpec(choice(o, "--model", "garch", GarchModel.GARCH, "gjr", GarchModel.GJR),
                    choice(o, "--dist", "std", GarchInnovations.STUDENT_T, "norm", GarchInnovations.NORMAL),
                    choice(o, "--init", "mci", GarchInit.MCI, "backcast", GarchInit.BACKCAST));
            int horizon = o.integer("--horizon", 10);
            if (horizon < 1 || horizon > 10_000) throw new IllegalArgumentException("option --horizon must be in [1, 10000], was " + horizon);
            double level = o.real("--level", 0.99);
            if (!(level > 0 && level < 1)) throw new IllegalArgumentException("option --level must be in (0, 1) (a confidence such as 0.99), was " + level);
            double ppy = o.real("--periods-per-year", Double.NaN);
            if (o.str("--periods-per-year", null) != null && !(ppy > 0 && ppy < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("option --periods-per-year must be a finite number > 0, was " + ppy);
            }
            o.checkAllUsed("garch");

            Path path = Path.of(input);
            CsvTable t = new ColumnReader(InputFile.of(path)).read(List.of(column));
            double[] values = t.column(column.name());
            String what = RiskPlan.requireComplete(values, fromPrices, path, column);
            int need = Garch.MIN_LENGTH + (fromPrices ? 1 : 0);
            if (values.length < need) {
                throw new CliError(path + ": " + what + " has " + values.length + " rows; a GARCH(1,1) fit needs at least " + need
                        + (fromPrices ? " prices (" + Garch.MIN_LENGTH + " returns)" : " returns"));
            }
            double[] r = values;
            if (fromPrices) {
                r = new double[values.length - 1];
                for (int i = 0; i < r.length; i++) r[i] = 100 * Math.log(values[i + 1] / values[i]);
            }
            GarchFit fit = Garch.fit(r, spec);
            if (fit.status() == GarchStatus.DEGENERATE_SERIES) {
                throw new CliError(path + ": " + what + " gives " + r.length + " returns that do not vary; no GARCH model can be fitted");
            }
            String units = fromPrices ? "percent" : "the units of the column";
            out.print(report(fit, r.length, fromPrices ? "log returns in percent, 100 ln(p_t / p_t-1), of" : "returns in", column.name(),
                    path, units, horizon, level, ppy));
            out.flush();
            return fit.status() == GarchStatus.CONVERGED ? 0 : 1;
        } catch (IllegalArgumentException | CliError e) {
            err.println("sxn garch: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /** The printed report: a header, the parameter table, the fit's criteria and the forecast table. */
    static String report(GarchFit fit, int n, String series, String column, Path path, String units, int horizon, double level, double ppy) {
        GarchSpec spec = fit.spec();
        StringBuilder sb = new StringBuilder();
        line(sb, "%s(1,1) with %s innovations and a constant mean, maximum likelihood with R fGarch's conventions (%s start)",
                spec.model() == GarchModel.GJR ? "GJR-GARCH" : "GARCH", spec.hasShape() ? "standardized Student-t" : "normal",
                spec.init() == GarchInit.MCI ? "\"mci\"" : "backcast");
        line(sb, "series: %d %s column '%s' of %s", n, series, column, path);
        line(sb, "status: %s after %d iterations%s", fit.status(), fit.iterations(),
                fit.status() == GarchStatus.CONVERGED ? "" : " (the best point found is shown; treat it with care)");
        sb.append('\n');
        line(sb, "%-10s %16s %16s %10s", "parameter", "estimate", "std. error", "t value");
        String[] names = spec.parameterNames();
        for (int i = 0; i < names.length; i++) {
            double est = fit.parameters()[i], se = fit.standardErrors()[i];
            line(sb, "%-10s %16.9g %16.9g %10.3f", names[i], est, se, est / se);
        }
        sb.append('\n');
        line(sb, "log-likelihood %.12g   AIC %.9g   BIC %.9g   (AIC and BIC per observation, as fGarch)", fit.logLikelihood(), fit.aic(),
                fit.bic());
        double pers = fit.persistence();
        line(sb, "persistence %.6f%s", pers, pers < 1
                ? String.format(Locale.ROOT, "; unconditional sd %.6g (%s)", Math.sqrt(fit.omega() / (1 - pers)), units)
                : " (not covariance stationary: no unconditional variance)");
        double last = fit.sigma()[fit.sigma().length - 1];
        line(sb, "conditional sd of the last return %.6g (%s)%s", last, units, Double.isNaN(ppy) ? ""
                : String.format(Locale.ROOT, ", annualised %.6g with %s periods per year", last * Math.sqrt(ppy), trim(ppy)));
        sb.append('\n');
        String pct = java.math.BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        line(sb, "forecast of the return h steps ahead (%s; VaR and ES at %s as positive losses)", units, pct);
        line(sb, "%4s %14s %14s %14s", "h", "sd", "VaR " + pct, "ES " + pct);
        double[] variance = fit.forecastVariance(horizon);
        for (int h = 1; h <= horizon; h++) {
            line(sb, "%4d %14.8g %14.8g %14.8g", h, Math.sqrt(variance[h - 1]), fit.valueAtRisk(level, h), fit.expectedShortfall(level, h));
        }
        return sb.toString();
    }

    private static <T> T choice(Options o, String name, String a, T va, String b, T vb) {
        String v = o.str(name, a);
        if (v.equals(a)) return va;
        if (v.equals(b)) return vb;
        throw new IllegalArgumentException("option " + name + " must be " + a + " or " + b + ", was '" + v + "'");
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
