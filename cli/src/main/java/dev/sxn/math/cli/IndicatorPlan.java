package dev.sxn.math.cli;

import dev.sxn.math.indicators.Bollinger;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.Stochastic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one indicator of {@code sxn compute} needs and does: the input columns it reads (named by options)
 * and the computation from those columns to its named result columns. Known before the file is read, so
 * only the needed columns are parsed and held.
 *
 * @param inputs the columns to read, in the order {@code compute} receives them
 * @param compute from the input columns to the result columns, in output order
 */
record IndicatorPlan(List<Column> inputs, Function<double[][], Map<String, double[]>> compute) {
    /** An input column: its name in the header and the option that named it (for error messages). */
    record Column(String name, String option) {}

    /** The plan for {@code indicator} with its options; throws IllegalArgumentException for an unknown one. */
    static IndicatorPlan of(String indicator, Options o) {
        return switch (indicator) {
            case "sma", "ema", "wilder", "wma", "dema", "tema", "rsi", "zscore", "rolling-mean", "rolling-sum",
                 "rolling-max", "rolling-min", "rolling-var", "rolling-std" -> {
                Column x = column(o, "--column", "close");
                int n = o.integer("--n", indicator.equals("rsi") ? 14 : 20);
                boolean sample = indicator.equals("rolling-var") || indicator.equals("rolling-std") ? o.flag("--sample") : false;
                yield of(List.of(x), c -> one(indicator.replace('-', '_') + "_" + n, window(indicator, c[0], n, sample)));
            }
            case "macd" -> {
                Column x = column(o, "--column", "close");
                int fast = o.integer("--fast", 12);
                int slow = o.integer("--slow", 26);
                int signal = o.integer("--signal", 9);
                yield of(List.of(x), c -> {
                    Macd m = CompositeIndicators.macd(c[0], fast, slow, signal);
                    return three("macd", m.macd(), "macd_signal", m.signal(), "macd_histogram", m.histogram());
                });
            }
            case "bollinger" -> {
                Column x = column(o, "--column", "close");
                int n = o.integer("--n", 20);
                double k = o.real("--k", 2);
                yield of(List.of(x), c -> {
                    Bollinger b = CompositeIndicators.bollinger(c[0], n, k);
                    return three("bb_lower", b.lower(), "bb_middle", b.middle(), "bb_upper", b.upper());
                });
            }
            case "atr" -> {
                List<Column> hlc = hlc(o);
                int n = o.integer("--n", 14);
                yield of(hlc, c -> one("atr_" + n, CompositeIndicators.atr(c[0], c[1], c[2], n)));
            }
            case "stochastic" -> {
                List<Column> hlc = hlc(o);
                int nk = o.integer("--nk", 14);
                int nd = o.integer("--nd", 3);
                yield of(hlc, c -> {
                    Stochastic s = CompositeIndicators.stochastic(c[0], c[1], c[2], nk, nd);
                    Map<String, double[]> r = new LinkedHashMap<>();
                    r.put("stoch_k", s.k());
                    r.put("stoch_d", s.d());
                    return r;
                });
            }
            case "vwap" -> {
                List<Column> pv = List.of(column(o, "--column", "close"), column(o, "--volume", "volume"));
                int n = o.integer("--n", 20);
                yield of(pv, c -> one("vwap_" + n, CompositeIndicators.vwap(c[0], c[1], n)));
            }
            case "vwap-cumulative" -> of(List.of(column(o, "--column", "close"), column(o, "--volume", "volume")),
                    c -> one("vwap_cumulative", Indicators.vwapCumulative(c[0], c[1])));
            case "obv" -> of(List.of(column(o, "--column", "close"), column(o, "--volume", "volume")),
                    c -> one("obv", Indicators.obv(c[0], c[1])));
            case "time-ema" -> {
                List<Column> xt = List.of(column(o, "--column", "close"), column(o, "--time", "time"));
                double tau = o.real("--tau", 60);
                yield of(xt, c -> one("time_ema", Indicators.timeEma(c[0], c[1], tau)));
            }
            default -> TtrPlans.of(indicator, o);
        };
    }

    private static IndicatorPlan of(List<Column> inputs, Function<double[][], Map<String, double[]>> compute) {
        return new IndicatorPlan(inputs, compute);
    }

    private static double[] window(String indicator, double[] x, int n, boolean sample) {
        return switch (indicator) {
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
    }

    private static Column column(Options o, String option, String dflt) {
        return new Column(o.str(option, dflt), option);
    }

    private static List<Column> hlc(Options o) {
        return List.of(column(o, "--high", "high"), column(o, "--low", "low"), column(o, "--close", "close"));
    }

    private static Map<String, double[]> one(String name, double[] y) {
        Map<String, double[]> r = new LinkedHashMap<>();
        r.put(name, y);
        return r;
    }

    private static Map<String, double[]> three(String a, double[] x, String b, double[] y, String c, double[] z) {
        Map<String, double[]> r = new LinkedHashMap<>();
        r.put(a, x);
        r.put(b, y);
        r.put(c, z);
        return r;
    }
}
