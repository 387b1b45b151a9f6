package dev.sxn.math.cli;

import dev.sxn.math.indicators.Bollinger;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.Stochastic;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sxn compute INDICATOR --input FILE [options] [--output FILE]}: runs one indicator of
 * {@link Indicators} over a CSV file and writes the input rows plus the result column(s) (to
 * stdout without {@code --output}). Columns are chosen by name; bad files, columns, numbers and
 * options fail with a message naming the line, column or option.
 */
final class Compute {
    static final String USAGE = """
            usage: sxn compute INDICATOR --input FILE [--output FILE] [options]
              window indicators (--column close --n 20): sma ema wilder wma dema tema rsi zscore
                  rolling-mean rolling-sum rolling-max rolling-min rolling-var rolling-std [--sample]
              macd [--fast 12 --slow 26 --signal 9]     bollinger [--n 20 --k 2]
              atr [--high high --low low --close close --n 14]
              stochastic [--high high --low low --close close --nk 14 --nd 3]
              vwap [--column close --volume volume --n 20]   vwap-cumulative   obv [--volume volume]
              time-ema [--column close --time time --tau 60]   (time in the units of tau)""";

    private static final Set<String> FLAGS = Set.of("--sample");

    private Compute() {}

    /** Runs the command; returns the exit code (0 ok, 2 usage or input error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.length < 2 || args[1].startsWith("--")) throw new IllegalArgumentException("missing INDICATOR");
            String indicator = args[1];
            Map<String, String> opt = options(args);
            String input = opt.remove("--input");
            if (input == null) throw new IllegalArgumentException("missing --input FILE");
            String output = opt.remove("--output");
            CsvTable t = CsvTable.read(Path.of(input));
            Options o = new Options(opt);
            Map<String, double[]> result = compute(indicator, t, o);
            o.checkAllUsed(indicator);
            String csv = render(t, result);
            if (output == null) out.print(csv);
            else Files.writeString(Path.of(output), csv, StandardCharsets.UTF_8);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("sxn compute: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("sxn compute: " + e);
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            if (FLAGS.contains(a)) {
                m.put(a, "true");
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
            if (m.put(a, args[++i]) != null) throw new IllegalArgumentException("option " + a + " given twice");
        }
        return m;
    }

    /** Typed access to the options; remembers which were read so unknown ones can be reported. */
    private static final class Options {
        private final Map<String, String> values;
        private final Set<String> used = new java.util.HashSet<>();

        Options(Map<String, String> values) {
            this.values = values;
        }

        String str(String name, String dflt) {
            used.add(name);
            return values.getOrDefault(name, dflt);
        }

        int integer(String name, int dflt) {
            String v = str(name, null);
            if (v == null) return dflt;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + " must be an integer, was '" + v + "'");
            }
        }

        double real(String name, double dflt) {
            String v = str(name, null);
            if (v == null) return dflt;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + " must be a number, was '" + v + "'");
            }
        }

        boolean flag(String name) {
            return str(name, null) != null;
        }

        void checkAllUsed(String indicator) {
            for (String k : values.keySet()) {
                if (!used.contains(k)) throw new IllegalArgumentException("option " + k + " does not apply to " + indicator);
            }
        }
    }

    private static Map<String, double[]> compute(String indicator, CsvTable t, Options o) {
        Map<String, double[]> r = new LinkedHashMap<>();
        switch (indicator) {
            case "sma", "ema", "wilder", "wma", "dema", "tema", "rsi", "zscore", "rolling-mean", "rolling-sum",
                 "rolling-max", "rolling-min", "rolling-var", "rolling-std" -> {
                double[] x = t.column(o.str("--column", "close"), "--column");
                int n = o.integer("--n", indicator.equals("rsi") ? 14 : 20);
                boolean sample = indicator.startsWith("rolling-var") || indicator.startsWith("rolling-std") ? o.flag("--sample") : false;
                double[] y = switch (indicator) {
                    case "sma" -> Indicators.sma(x, n);
                    case "ema" -> Indicators.ema(x, n);
                    case "wilder" -> Indicators.wilder(x, n);
                    case "wma" -> Indicators.wma(x, n);
                    case "dema" -> CompositeIndicators.dema(x, n);
                    case "tema" -> CompositeIndicators.tema(x, n);
                    case "rsi" -> Indicators.rsi(x, n);
                    case "zscore" -> CompositeIndicators.zscore(x, n);
                    case "rolling-mean" -> Indicators.rollingMean(x, n);
                    case "rolling-sum" -> Indicators.rollingSum(x, n);
                    case "rolling-max" -> Indicators.rollingMax(x, n);
                    case "rolling-min" -> Indicators.rollingMin(x, n);
                    case "rolling-var" -> Indicators.rollingVar(x, n, sample);
                    default -> Indicators.rollingStd(x, n, sample);
                };
                r.put(indicator.replace('-', '_') + "_" + n, y);
            }
            case "macd" -> {
                double[] x = t.column(o.str("--column", "close"), "--column");
                Macd m = CompositeIndicators.macd(x, o.integer("--fast", 12), o.integer("--slow", 26), o.integer("--signal", 9));
                r.put("macd", m.macd());
                r.put("macd_signal", m.signal());
                r.put("macd_histogram", m.histogram());
            }
            case "bollinger" -> {
                double[] x = t.column(o.str("--column", "close"), "--column");
                Bollinger b = CompositeIndicators.bollinger(x, o.integer("--n", 20), o.real("--k", 2));
                r.put("bb_lower", b.lower());
                r.put("bb_middle", b.middle());
                r.put("bb_upper", b.upper());
            }
            case "atr", "stochastic" -> {
                double[] hi = t.column(o.str("--high", "high"), "--high");
                double[] lo = t.column(o.str("--low", "low"), "--low");
                double[] cl = t.column(o.str("--close", "close"), "--close");
                if (indicator.equals("atr")) {
                    int n = o.integer("--n", 14);
                    r.put("atr_" + n, CompositeIndicators.atr(hi, lo, cl, n));
                } else {
                    Stochastic s = CompositeIndicators.stochastic(hi, lo, cl, o.integer("--nk", 14), o.integer("--nd", 3));
                    r.put("stoch_k", s.k());
                    r.put("stoch_d", s.d());
                }
            }
            case "vwap", "vwap-cumulative", "obv" -> {
                double[] p = t.column(o.str("--column", "close"), "--column");
                double[] v = t.column(o.str("--volume", "volume"), "--volume");
                if (indicator.equals("vwap")) {
                    int n = o.integer("--n", 20);
                    r.put("vwap_" + n, CompositeIndicators.vwap(p, v, n));
                } else if (indicator.equals("obv")) {
                    r.put("obv", Indicators.obv(p, v));
                } else {
                    r.put("vwap_cumulative", Indicators.vwapCumulative(p, v));
                }
            }
            case "time-ema" -> {
                double[] x = t.column(o.str("--column", "close"), "--column");
                double[] time = t.column(o.str("--time", "time"), "--time");
                r.put("time_ema", Indicators.timeEma(x, time, o.real("--tau", 60)));
            }
            default -> throw new IllegalArgumentException("unknown indicator '" + indicator + "'");
        }
        return r;
    }

    private static String render(CsvTable t, Map<String, double[]> result) {
        StringWriter sw = new StringWriter();
        PrintWriter w = new PrintWriter(sw);
        List<String> names = List.copyOf(result.keySet());
        w.print(String.join(",", t.header()));
        for (String n : names) w.print("," + n);
        w.print('\n');
        for (int r = 0; r < t.size(); r++) {
            w.print(t.line(r));
            // Double.toString is the shortest text that reads back to the same double.
            for (String n : names) w.print("," + result.get(n)[r]);
            w.print('\n');
        }
        w.flush();
        return sw.toString();
    }
}
