package dev.sxn.math.amm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads reference/amm_cases.txt (made by reference/gen_amm.py) and rebuilds its deterministic prices. */
final class AmmReference {
    private AmmReference() {}

    /** One case: its settings, sampled rows and metrics. */
    static final class Case {
        String name;
        boolean cow;
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<Integer, Double> values = new LinkedHashMap<>();
        final Map<Integer, double[]> weights = new LinkedHashMap<>();
        final Map<Integer, double[]> reserves = new LinkedHashMap<>();
        final Map<String, Double> metrics = new LinkedHashMap<>();

        double d(String k) {
            return Double.parseDouble(keys.get(k));
        }

        int i(String k) {
            return Integer.parseInt(keys.get(k));
        }

        WeightRule rule() {
            return WeightRule.of(keys.get("rule"));
        }

        AmmConfig config() {
            return new AmmConfig(i("cp"), i("wip"), d("max_change"), Double.NaN, d("max_mem"), d("value0"), d("fees"), d("gas"), d("arb_fees"),
                    keys.get("interp").equals("linear") ? Interpolation.LINEAR : Interpolation.APPROX_OPTIMAL);
        }

        RuleParams params() {
            return new RuleParams(d("logit_lambda"), d("log_k"), d("exponent"), d("width"), d("log_amp"), d("pre_exp"), d("logit_delta_lambda"));
        }

        double[] w0() {
            String[] f = keys.get("w0").split(",");
            double[] w = new double[f.length];
            for (int j = 0; j < f.length; j++) w[j] = Double.parseDouble(f[j]);
            return w;
        }

        TfmmPool pool() {
            return TfmmPool.of(rule(), w0(), config());
        }

        MinutePrices prices() {
            return AmmReference.prices(i("start") + i("bout") + 1440, i("n"));
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(AmmReference.class.getResourceAsStream("/reference/amm_cases.txt"),
                StandardCharsets.UTF_8))) {
            Case c = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "case", "cow" -> {
                        c = header(f);
                        c.cow = f[0].equals("cow");
                        out.add(c);
                    }
                    case "values" -> c.values.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    case "weights" -> c.weights.put(Integer.parseInt(f[1]), rest(f));
                    case "reserves" -> c.reserves.put(Integer.parseInt(f[1]), rest(f));
                    case "metric" -> c.metrics.put(f[1], Double.parseDouble(f[2]));
                    default -> throw new IllegalStateException(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A case from a header line's fields: "kind name key=value ...". */
    static Case header(String[] f) {
        Case c = new Case();
        c.name = f[1];
        for (int j = 2; j < f.length; j++) {
            String[] kv = f[j].split("=", 2);
            c.keys.put(kv[0], kv[1]);
        }
        return c;
    }

    /** The numbers after a line's kind and row: fields 2 and on. */
    static double[] rest(String[] f) {
        double[] v = new double[f.length - 2];
        for (int j = 2; j < f.length; j++) v[j - 2] = Double.parseDouble(f[j]);
        return v;
    }

    /** gen_amm.py's prices(): an LCG-driven log random walk plus a slow sine per asset. */
    static MinutePrices prices(int steps, int n) {
        double[] sig = {0.0012, 0.0017, 0.0009, 0.0014};
        double[] base = {100.0, 50.0, 2.0, 7.0};
        double[] out = new double[steps * n];
        for (int i = 0; i < n; i++) {
            long x = 12345 + 1000L * i;
            double lp = 0.0;
            for (int t = 0; t < steps; t++) {
                x = (1664525L * x + 1013904223L + 7919L * i) & 0xFFFFFFFFL;
                double u = x / 4294967296.0;
                lp = lp + sig[i] * (u - 0.5);
                out[t * n + i] = base[i] * Math.exp(lp + 0.05 * Math.sin(t / (1440.0 * (1.5 + i))));
            }
        }
        return new MinutePrices(out, n);
    }
}
