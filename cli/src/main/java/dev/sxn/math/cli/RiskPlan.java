package dev.sxn.math.cli;

import dev.sxn.math.risk.CornishFisherRisk;
import dev.sxn.math.risk.Drawdown;
import dev.sxn.math.risk.Drawdowns;
import dev.sxn.math.risk.Moments;
import dev.sxn.math.risk.Performance;
import dev.sxn.math.risk.TailRisk;
import dev.sxn.math.risk.ValueAtRisk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code sxn compute metrics} and {@code sxn compute var}: the scorecard and the VaR/ES table of one returns
 * series, read from a returns column ({@code --column}) or a prices column turned into simple returns
 * ({@code --prices}). Unlike the indicators, the result is a summary, not a column: a small CSV table
 * ({@code metric,value} or {@code method,level,var,es,note}) written to stdout or, atomically, to
 * {@code --output}. Definitions are those of {@code dev.sxn.math.risk} ({@link Performance}, {@link Drawdowns},
 * {@link Moments}, {@link ValueAtRisk}).
 */
final class RiskPlan {
    static final String USAGE = """
              risk of one series, from a returns column (--column returns) or a prices column turned into simple
              returns (--prices close); one of the two; the result is a small CSV table, not a column:
              metrics --periods-per-year N [--risk-free 0] [--mar 0]
                  Sharpe, Sortino, CAGR, max drawdown (equity-curve indices: 0 = before the first return, i = after
                  i returns, so with --prices the i-th price counted from 0), Calmar, Sterling (whole N only), Ulcer,
                  Omega, win rate, profit factor, tail ratio, skewness, kurtosis. --periods-per-year is required
                  (252 trading days, 12 months, ...: no default is assumed); --risk-free (Sharpe) and --mar
                  (Sortino, Omega) are annual rates, converted per period as (1 + rate)^(1/N) - 1
              var [--level 0.95,0.99] [--nu 5] [--lambda 0.94]
                  VaR and ES as positive losses at each confidence level: historical (type-7 quantile), normal,
                  Student-t (with --nu), Cornish-Fisher (Maillard's correction outside its domain), EWMA
            """.stripTrailing();

    /** The indicator names this plan serves. */
    static boolean covers(String indicator) {
        return indicator.equals("metrics") || indicator.equals("var");
    }

    private final String kind;
    private final IndicatorPlan.Column column;
    private final boolean fromPrices;
    private final double periodsPerYear;
    private final double riskFree;
    private final double mar;
    private final double[] tails;
    private final String[] levels;
    private final double nu;
    private final double lambda;

    private RiskPlan(String kind, Options o) {
        this.kind = kind;
        String returns = o.str("--column", null);
        String prices = o.str("--prices", null);
        if (returns != null && prices != null) throw new IllegalArgumentException("give --column (returns) or --prices (prices), not both");
        fromPrices = prices != null;
        column = fromPrices ? new IndicatorPlan.Column(prices, "--prices") : new IndicatorPlan.Column(returns == null ? "returns" : returns, "--column");
        if (kind.equals("metrics")) {
            if (o.str("--periods-per-year", null) == null) {
                throw new IllegalArgumentException("missing --periods-per-year N: the number of returns per year is always given"
                        + " (252 for trading days, 12 for months, 52 for weeks), never assumed");
            }
            periodsPerYear = o.real("--periods-per-year", Double.NaN);
            if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
                throw new IllegalArgumentException("option --periods-per-year must be a finite number > 0, was " + periodsPerYear);
            }
            riskFree = annualRate(o, "--risk-free");
            mar = annualRate(o, "--mar");
            levels = new String[0];
            tails = new double[0];
            nu = Double.NaN;
            lambda = Double.NaN;
        } else {
            periodsPerYear = riskFree = mar = Double.NaN;
            levels = o.str("--level", "0.95,0.99").split(",", -1);
            tails = new double[levels.length];
            for (int i = 0; i < levels.length; i++) tails[i] = tailProbability(levels[i]);
            nu = o.real("--nu", Double.NaN);
            if (o.str("--nu", null) != null && !(nu > 2 && nu < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("option --nu must be a finite number > 2 (the standardized t needs a variance), was " + nu);
            }
            lambda = o.real("--lambda", ValueAtRisk.RISKMETRICS_LAMBDA);
            if (!(lambda > 0 && lambda < 1)) throw new IllegalArgumentException("option --lambda must be in (0, 1), was " + lambda);
        }
    }

    /** The plan for {@code metrics} or {@code var} with its options (all read here, so unknown ones are reported). */
    static RiskPlan of(String kind, Options o) {
        return new RiskPlan(kind, o);
    }

    /**
     * Runs {@code sxn compute metrics|var}: checks the options, reads the one column, computes and writes the
     * table. Throws IllegalArgumentException or CliError with a one-line message; the caller reports it.
     */
    static int run(String kind, Options o, Path input, Path output, PrintStream out) throws IOException {
        RiskPlan plan = of(kind, o);
        o.checkAllUsed(kind);
        InputFile in = InputFile.of(input);
        CsvTable t = new ColumnReader(in).read(List.of(plan.column));
        String table = plan.table(plan.returns(t.column(plan.column.name()), input));
        byte[] bytes = table.getBytes(StandardCharsets.UTF_8);
        if (output != null) {
            AtomicOutput.write(output, (OutputStream w) -> w.write(bytes));
        } else {
            out.write(bytes);
            out.flush();
            if (out.checkError()) throw new CliError("cannot write the result to standard output (disk full, or a closed pipe?)");
        }
        return 0;
    }

    /** The returns series: the column itself, or the simple returns of the prices; complete and finite. */
    double[] returns(double[] values, Path input) {
        String what = requireComplete(values, fromPrices, input, column);
        double[] r = values;
        if (fromPrices) {
            if (values.length < 2) throw tooShort(input, what, values.length, "prices", 2);
            r = new double[values.length - 1];
            for (int i = 0; i < r.length; i++) r[i] = values[i + 1] / values[i] - 1;
        }
        int need = kind.equals("metrics") ? 4 : 2;
        if (r.length < need) {
            throw tooShort(input, what, values.length, fromPrices ? "prices" : "returns", fromPrices ? need + 1 : need);
        }
        return r;
    }

    /**
     * Throws CliError naming the data row of the first missing value (or, for prices, the first one not
     * {@code > 0}); returns the column's description for further messages.
     */
    static String requireComplete(double[] values, boolean prices, Path input, IndicatorPlan.Column column) {
        String what = "column '" + column.name() + "' (" + column.option() + ")";
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new CliError(input + ": " + what + " is missing at data row " + (i + 1) + "; the series must be complete");
            }
            if (prices && !(values[i] > 0)) {
                throw new CliError(input + ": " + what + " is " + values[i] + " at data row " + (i + 1) + "; prices must be > 0");
            }
        }
        return what;
    }

    private CliError tooShort(Path input, String what, int have, String unit, int need) {
        String why = kind.equals("metrics") ? "the sample kurtosis needs 4 returns" : "a standard deviation needs 2 returns";
        return new CliError(input + ": " + what + " has " + have + " " + unit + "; " + kind + " needs at least " + need + " (" + why + ")");
    }

    /** The result table as CSV text. */
    String table(double[] r) {
        return kind.equals("metrics") ? metrics(r) : var(r);
    }

    private String metrics(double[] r) {
        StringBuilder sb = new StringBuilder("metric,value\n");
        Drawdown dd = Drawdowns.maxDrawdown(r);
        row(sb, "returns", r.length);
        row(sb, "periods_per_year", periodsPerYear);
        row(sb, "mean", Moments.mean(r));
        row(sb, "std", Moments.std(r));
        row(sb, "sharpe", Performance.sharpe(r, riskFree, periodsPerYear));
        row(sb, "sortino", Performance.sortino(r, mar, periodsPerYear));
        row(sb, "cagr", Performance.cagr(r, periodsPerYear));
        row(sb, "max_drawdown", dd.maxDrawdown());
        row(sb, "drawdown_peak", dd.peak());
        row(sb, "drawdown_trough", dd.trough());
        row(sb, "drawdown_recovery", dd.recovery());
        row(sb, "longest_drawdown", dd.longestDuration());
        row(sb, "calmar", Performance.calmar(r, periodsPerYear));
        // Sterling's yearly blocks need a whole number of periods per year; the row is left out otherwise.
        if (periodsPerYear == Math.rint(periodsPerYear)) row(sb, "sterling", Performance.sterling(r, periodsPerYear));
        row(sb, "ulcer_index", Drawdowns.ulcerIndex(r));
        row(sb, "omega", Performance.omega(r, mar, periodsPerYear));
        row(sb, "win_rate", Performance.winRate(r));
        row(sb, "profit_factor", Performance.profitFactor(r));
        row(sb, "tail_ratio", Performance.tailRatio(r));
        row(sb, "skewness_g1", Moments.skewnessPopulation(r));
        row(sb, "skewness_G1", Moments.skewnessSample(r));
        row(sb, "excess_kurtosis_g2", Moments.excessKurtosisPopulation(r));
        row(sb, "excess_kurtosis_G2", Moments.excessKurtosisSample(r));
        return sb.toString();
    }

    private String var(double[] r) {
        StringBuilder sb = new StringBuilder("method,level,var,es,note\n");
        for (int i = 0; i < tails.length; i++) {
            double a = tails[i];
            String level = levels[i].strip();
            risk(sb, "historical", level, ValueAtRisk.historical(r, a), "");
            risk(sb, "normal", level, ValueAtRisk.normal(r, a), "");
            if (!Double.isNaN(nu)) risk(sb, "student-t", level, ValueAtRisk.studentT(r, a, nu), "nu " + nu);
            try {
                CornishFisherRisk cf = ValueAtRisk.cornishFisher(r, a);
                risk(sb, "cornish-fisher", level, cf.risk(), cf.method().name().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Outside even the corrected expansion's reach: say so in the row rather than print a number.
                risk(sb, "cornish-fisher", level, new TailRisk(Double.NaN, Double.NaN), "unavailable: skewness and kurtosis out of reach");
            }
            risk(sb, "ewma", level, ValueAtRisk.ewma(r, a, lambda), "lambda " + lambda);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double value) {
        sb.append(name).append(',').append(value).append('\n');
    }

    private static void row(StringBuilder sb, String name, int value) {
        sb.append(name).append(',').append(value).append('\n');
    }

    private static void risk(StringBuilder sb, String method, String level, TailRisk t, String note) {
        sb.append(method).append(',').append(level).append(',').append(t.var()).append(',').append(t.es()).append(',').append(note).append('\n');
    }

    private static double annualRate(Options o, String name) {
        double v = o.real(name, 0);
        if (!(v > -1) || Double.isInfinite(v)) throw new IllegalArgumentException("option " + name + " must be an annual rate > -1, was " + v);
        return v;
    }

    /** {@code 1 - level} computed in decimal, so {@code 0.99} gives exactly the double nearest 0.01. */
    private static double tailProbability(String level) {
        BigDecimal l;
        try {
            l = new BigDecimal(level.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --level must be numbers in (0, 1) separated by commas, was '" + level + "'");
        }
        if (l.signum() <= 0 || l.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("option --level must be in (0, 1) (a confidence such as 0.99), was " + level.strip());
        }
        return BigDecimal.ONE.subtract(l).doubleValue();
    }
}
