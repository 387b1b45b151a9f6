package dev.sxn.math.cli;

import dev.sxn.math.indicators.Channels;
import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.RunningStatistics;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.TtrLines.Band;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.VolumeIndicators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link IndicatorPlan}s of the TTR breadth indicators (issue 22) for {@code sxn compute}: OHLCV columns are
 * read by name ({@code --open open --high high --low low --close close --volume volume}), a close-only indicator
 * reads {@code --column close}; the defaults are TTR's.
 */
final class TtrPlans {
    private TtrPlans() {}

    /** The help lines of these indicators (appended to {@code sxn compute --help}). */
    static final String USAGE = """
              TTR breadth (OHLCV columns by name: --open open --high high --low low --close close --volume volume;
              close-only ones read --column close; booleans as true|false):
              adx [--n 14]   alma [--n 9 --offset 0.85 --sigma 6]   aroon [--n 20]   cci [--n 20 --c 0.015]
              chaikin-ad   chaikin-volatility [--n 10]   clv   cmf [--n 20]   cmo [--n 14]   cti [--n 20 --slope 1]   donchian [--n 10]
              dpo [--n 10 --shift n/2+1 --percent false]   dvi [--n 252]   emv [--n 9 --divisor 10000]
              evwma [--n 10]   gmma   hma [--n 20]   keltner [--n 20 --atr 2]   kst   mfi [--n 14]
              momentum [--n 1]   pbands [--n 20 --sd 2 --fastn 2]   roc [--n 1 --type continuous|discrete]
              run-cor [--y COLUMN --n 10]   run-cov [--y COLUMN --n 10]   run-mad [--n 10]   run-median [--n 10]
              run-percent-rank [--n 260 --multiplier 0.5]   sar [--accel 0.02 --max-accel 0.2]
              smi [--n 13 --fast 2 --slow 25 --signal 9]   snr [--n 14]   tdi [--n 20 --multiple 2]   trix [--n 20]
              ultimate   vhf [--n 28]   vma [--weights COLUMN --ratio 1]   vwma [--n 10]   wilder-sum [--n 10]
              volatility [--n 10 --calc close|garman-klass|parkinson|rogers-satchell|gk-yz|yang-zhang --periods 260]
              williams-ad   wpr [--n 14]   zigzag [--change 10 --percent true]   zlema [--n 10]""";

    /** The plan for one of these indicators; IllegalArgumentException for a name that is none of them. */
    static IndicatorPlan of(String indicator, Options o) {
        return switch (indicator) {
            case "adx" -> {
                int n = o.integer("--n", 14);
                yield plan(hlc(o), c -> {
                    var r = TrendIndicators.adx(c[0], c[1], c[2], n);
                    return lines("adx_dip", r.diPlus(), "adx_din", r.diMinus(), "adx_dx", r.dx(), "adx", r.adx());
                });
            }
            case "alma" -> {
                int n = o.integer("--n", 9);
                double offset = o.real("--offset", 0.85);
                double sigma = o.real("--sigma", 6);
                yield plan(x(o), c -> lines("alma_" + n, MovingAverages.alma(c[0], n, offset, sigma)));
            }
            case "aroon" -> {
                int n = o.integer("--n", 20);
                yield plan(hl(o), c -> {
                    var r = TrendIndicators.aroon(c[0], c[1], n);
                    return lines("aroon_up", r.up(), "aroon_down", r.down(), "aroon_osc", r.oscillator());
                });
            }
            case "cci" -> {
                int n = o.integer("--n", 20);
                double k = o.real("--c", 0.015);
                yield plan(hlc(o), c -> lines("cci_" + n, Oscillators.cci(c[0], c[1], c[2], n, k)));
            }
            case "chaikin-ad" -> plan(hlcv(o), c -> lines("chaikin_ad", VolumeIndicators.chaikinAD(c[0], c[1], c[2], c[3])));
            case "chaikin-volatility" -> {
                int n = o.integer("--n", 10);
                yield plan(hl(o), c -> lines("chaikin_volatility_" + n, VolatilityEstimators.chaikinVolatility(c[0], c[1], n)));
            }
            case "clv" -> plan(hlc(o), c -> lines("clv", VolumeIndicators.clv(c[0], c[1], c[2])));
            case "cmf" -> {
                int n = o.integer("--n", 20);
                yield plan(hlcv(o), c -> lines("cmf_" + n, VolumeIndicators.cmf(c[0], c[1], c[2], c[3], n)));
            }
            case "cmo" -> {
                int n = o.integer("--n", 14);
                yield plan(x(o), c -> lines("cmo_" + n, Oscillators.cmo(c[0], n)));
            }
            case "cti" -> {
                int n = o.integer("--n", 20);
                double slope = o.real("--slope", 1);
                yield plan(x(o), c -> lines("cti_" + n, Oscillators.cti(c[0], n, slope)));
            }
            case "donchian" -> {
                int n = o.integer("--n", 10);
                yield plan(hl(o), c -> band("donchian", Channels.donchian(c[0], c[1], n)));
            }
            case "dpo" -> {
                int n = o.integer("--n", 10);
                int shift = o.integer("--shift", TrendIndicators.defaultShift(n));
                boolean percent = bool(o, "--percent", false);
                yield plan(x(o), c -> lines("dpo_" + n, TrendIndicators.dpo(c[0], n, shift, percent)));
            }
            case "dvi" -> {
                int n = o.integer("--n", 252);
                yield plan(x(o), c -> {
                    var r = Oscillators.dvi(c[0], n);
                    return lines("dvi_magnitude", r.magnitude(), "dvi_stretch", r.stretch(), "dvi", r.dvi());
                });
            }
            case "emv" -> {
                int n = o.integer("--n", 9);
                double divisor = o.real("--divisor", 10000);
                yield plan(List.of(col(o, "--high", "high"), col(o, "--low", "low"), col(o, "--volume", "volume")),
                        c -> signal("emv", VolumeIndicators.emv(c[0], c[1], c[2], n, divisor)));
            }
            case "evwma" -> {
                int n = o.integer("--n", 10);
                yield plan(xv(o), c -> lines("evwma_" + n, MovingAverages.evwma(c[0], c[1], n)));
            }
            case "gmma" -> plan(x(o), c -> {
                int[] w = MovingAverages.gmmaWindows();
                double[][] g = MovingAverages.gmma(c[0], w);
                Map<String, double[]> r = new LinkedHashMap<>();
                for (int j = 0; j < w.length; j++) r.put("gmma_" + w[j], g[j]);
                return r;
            });
            case "hma" -> {
                int n = o.integer("--n", 20);
                yield plan(x(o), c -> lines("hma_" + n, MovingAverages.hma(c[0], n)));
            }
            case "keltner" -> {
                int n = o.integer("--n", 20);
                double atr = o.real("--atr", 2);
                yield plan(hlc(o), c -> band("keltner", Channels.keltner(c[0], c[1], c[2], n, atr)));
            }
            case "kst" -> plan(x(o), c -> signal("kst", Oscillators.kst(c[0])));
            case "mfi" -> {
                int n = o.integer("--n", 14);
                yield plan(hlcv(o), c -> lines("mfi_" + n, VolumeIndicators.mfi(c[0], c[1], c[2], c[3], n)));
            }
            case "momentum" -> {
                int n = o.integer("--n", 1);
                yield plan(x(o), c -> lines("momentum_" + n, Oscillators.momentum(c[0], n)));
            }
            case "pbands" -> {
                int n = o.integer("--n", 20);
                double sd = o.real("--sd", 2);
                int fastn = o.integer("--fastn", 2);
                yield plan(x(o), c -> band("pbands", Channels.pbands(c[0], n, sd, fastn)));
            }
            case "roc" -> {
                int n = o.integer("--n", 1);
                String type = o.str("--type", "continuous");
                if (!type.equals("continuous") && !type.equals("discrete")) {
                    throw new IllegalArgumentException("option --type must be continuous or discrete, was '" + type + "'");
                }
                yield plan(x(o), c -> lines("roc_" + n, type.equals("discrete") ? Oscillators.rocDiscrete(c[0], n)
                        : Oscillators.rocContinuous(c[0], n)));
            }
            case "run-cor", "run-cov" -> {
                int n = o.integer("--n", 10);
                boolean cor = indicator.equals("run-cor");
                yield plan(List.of(col(o, "--column", "close"), col(o, "--y", "y")), c -> lines(
                        (cor ? "run_cor_" : "run_cov_") + n,
                        cor ? RunningStatistics.runCor(c[0], c[1], n, true) : RunningStatistics.runCov(c[0], c[1], n, true)));
            }
            case "run-mad" -> {
                int n = o.integer("--n", 10);
                yield plan(x(o), c -> lines("run_mad_" + n, RunningStatistics.runMad(c[0], n, true, 1.4826)));
            }
            case "run-median" -> {
                int n = o.integer("--n", 10);
                yield plan(x(o), c -> lines("run_median_" + n, RunningStatistics.runMedian(c[0], n)));
            }
            case "run-percent-rank" -> {
                int n = o.integer("--n", 260);
                double mult = o.real("--multiplier", 0.5);
                yield plan(x(o), c -> lines("run_percent_rank_" + n, RunningStatistics.runPercentRank(c[0], n, mult)));
            }
            case "sar" -> {
                double a = o.real("--accel", 0.02);
                double max = o.real("--max-accel", 0.2);
                yield plan(hl(o), c -> lines("sar", TrendIndicators.sar(c[0], c[1], a, max)));
            }
            case "smi" -> {
                int n = o.integer("--n", 13);
                int fast = o.integer("--fast", 2);
                int slow = o.integer("--slow", 25);
                int sig = o.integer("--signal", 9);
                yield plan(hlc(o), c -> signal("smi", Oscillators.smi(c[0], c[1], c[2], n, fast, slow, sig)));
            }
            case "snr" -> {
                int n = o.integer("--n", 14);
                yield plan(hlc(o), c -> lines("snr_" + n, Oscillators.snr(c[0], c[1], c[2], n)));
            }
            case "tdi" -> {
                int n = o.integer("--n", 20);
                int mult = o.integer("--multiple", 2);
                yield plan(x(o), c -> {
                    var r = TrendIndicators.tdi(c[0], n, mult);
                    return lines("tdi", r.tdi(), "tdi_di", r.di());
                });
            }
            case "trix" -> {
                int n = o.integer("--n", 20);
                yield plan(x(o), c -> signal("trix", Oscillators.trix(c[0], n, true)));
            }
            case "ultimate" -> plan(hlc(o), c -> lines("ultimate",
                    Oscillators.ultimateOscillator(c[0], c[1], c[2], new int[] {7, 14, 28}, new double[] {4, 2, 1})));
            case "vhf" -> {
                int n = o.integer("--n", 28);
                yield plan(hlc(o), c -> lines("vhf_" + n, TrendIndicators.vhf(c[0], c[1], c[2], n)));
            }
            case "vma" -> {
                double ratio = o.real("--ratio", 1);
                yield plan(List.of(col(o, "--column", "close"), col(o, "--weights", "weights")),
                        c -> lines("vma", MovingAverages.vma(c[0], c[1], ratio)));
            }
            case "volatility" -> {
                int n = o.integer("--n", 10);
                double periods = o.real("--periods", 260);
                String calc = o.str("--calc", "close");
                VolatilityEstimators.Method m = method(calc);
                yield plan(List.of(col(o, "--open", "open"), col(o, "--high", "high"), col(o, "--low", "low"),
                        col(o, "--close", "close")), c -> lines("volatility_" + calc.replace('-', '_') + "_" + n,
                        VolatilityEstimators.volatility(c[0], c[1], c[2], c[3], n, m, periods)));
            }
            case "vwma" -> {
                int n = o.integer("--n", 10);
                yield plan(xv(o), c -> lines("vwma_" + n, MovingAverages.vwma(c[0], c[1], n)));
            }
            case "wilder-sum" -> {
                int n = o.integer("--n", 10);
                yield plan(x(o), c -> lines("wilder_sum_" + n, MovingAverages.wilderSum(c[0], n)));
            }
            case "williams-ad" -> plan(hlc(o), c -> lines("williams_ad", VolumeIndicators.williamsAD(c[0], c[1], c[2])));
            case "wpr" -> {
                int n = o.integer("--n", 14);
                yield plan(hlc(o), c -> lines("wpr_" + n, Oscillators.wpr(c[0], c[1], c[2], n)));
            }
            case "zigzag" -> {
                double change = o.real("--change", 10);
                boolean percent = bool(o, "--percent", true);
                yield plan(hl(o), c -> lines("zigzag", TrendIndicators.zigZag(c[0], c[1], change, percent, false, true)));
            }
            case "zlema" -> {
                int n = o.integer("--n", 10);
                yield plan(x(o), c -> lines("zlema_" + n, MovingAverages.zlema(c[0], n)));
            }
            default -> throw new IllegalArgumentException("unknown indicator '" + indicator + "' (sxn compute --help lists them)");
        };
    }

    private static VolatilityEstimators.Method method(String calc) {
        return switch (calc) {
            case "close" -> VolatilityEstimators.Method.CLOSE;
            case "garman-klass" -> VolatilityEstimators.Method.GARMAN_KLASS;
            case "parkinson" -> VolatilityEstimators.Method.PARKINSON;
            case "rogers-satchell" -> VolatilityEstimators.Method.ROGERS_SATCHELL;
            case "gk-yz" -> VolatilityEstimators.Method.GK_YZ;
            case "yang-zhang" -> VolatilityEstimators.Method.YANG_ZHANG;
            default -> throw new IllegalArgumentException("option --calc must be one of close, garman-klass, parkinson, "
                    + "rogers-satchell, gk-yz, yang-zhang, was '" + calc + "'");
        };
    }

    private static boolean bool(Options o, String name, boolean dflt) {
        String v = o.str(name, Boolean.toString(dflt)).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option " + name + " must be true or false, was '" + v + "'");
        }
        return v.equals("true");
    }

    private static IndicatorPlan plan(List<IndicatorPlan.Column> in, Function<double[][], Map<String, double[]>> f) {
        return new IndicatorPlan(in, f);
    }

    private static IndicatorPlan.Column col(Options o, String option, String dflt) {
        return new IndicatorPlan.Column(o.str(option, dflt), option);
    }

    private static List<IndicatorPlan.Column> x(Options o) {
        return List.of(col(o, "--column", "close"));
    }

    private static List<IndicatorPlan.Column> xv(Options o) {
        return List.of(col(o, "--column", "close"), col(o, "--volume", "volume"));
    }

    private static List<IndicatorPlan.Column> hl(Options o) {
        return List.of(col(o, "--high", "high"), col(o, "--low", "low"));
    }

    private static List<IndicatorPlan.Column> hlc(Options o) {
        return List.of(col(o, "--high", "high"), col(o, "--low", "low"), col(o, "--close", "close"));
    }

    private static List<IndicatorPlan.Column> hlcv(Options o) {
        return List.of(col(o, "--high", "high"), col(o, "--low", "low"), col(o, "--close", "close"),
                col(o, "--volume", "volume"));
    }

    /** Name, line, name, line, ... in output order. */
    private static Map<String, double[]> lines(Object... nameLine) {
        Map<String, double[]> r = new LinkedHashMap<>();
        for (int i = 0; i < nameLine.length; i += 2) r.put((String) nameLine[i], (double[]) nameLine[i + 1]);
        return r;
    }

    private static Map<String, double[]> band(String name, Band<double[]> b) {
        return lines(name + "_lower", b.lower(), name + "_middle", b.middle(), name + "_upper", b.upper());
    }

    private static Map<String, double[]> signal(String name, LineAndSignal<double[]> s) {
        return lines(name, s.line(), name + "_signal", s.signal());
    }
}
