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

/** Reads gen_amm.py's pools_main() files: reference/amm_eclp.txt and reference/amm_cow.txt. */
final class PoolReference {
    private PoolReference() {}

    /** One case: its settings, sampled rows and metrics. */
    static final class Case {
        String name;
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<Integer, double[]> reserves = new LinkedHashMap<>();
        final Map<Integer, Double> values = new LinkedHashMap<>();
        final Map<Integer, Double> fees = new LinkedHashMap<>();
        final Map<String, Double> metrics = new LinkedHashMap<>();

        double d(String k) {
            return Double.parseDouble(keys.get(k));
        }

        int i(String k) {
            return Integer.parseInt(keys.get(k));
        }

        AmmConfig config() {
            return AmmConfig.defaults().withFees(d("fees"), d("gas"), d("arb_fees"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The cases of one file. */
    static List<Case> read(String resource) {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(PoolReference.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            Case c = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "eclp", "cowq" -> {
                        c = new Case();
                        c.name = f[1];
                        for (int j = 2; j < f.length; j++) {
                            String[] kv = f[j].split("=", 2);
                            c.keys.put(kv[0], kv[1]);
                        }
                        out.add(c);
                    }
                    case "reserves" -> c.reserves.put(Integer.parseInt(f[1]), new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                    case "values" -> c.values.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    case "fees" -> c.fees.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    case "metric" -> c.metrics.put(f[1], Double.parseDouble(f[2]));
                    default -> throw new IllegalStateException(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
