package dev.sxn.math.regime.switching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads reference/msr_fits.txt (made by reference/gen_msr.py) and the EuStockMarkets returns it used. */
final class MsrReference {
    private MsrReference() {}

    /** One case of msr_fits.txt: its header fields and its records (the key, then the fields after it). */
    record Case(String name, boolean switchingTrend, boolean switchingVariance, boolean usesX, List<String[]> records) {
        double[] values(String key) {
            for (String[] r : records) if (r[0].equals(key)) return numbers(r, 1);
            throw new IllegalStateException("no " + key + " in case " + name);
        }

        String[] fields(String key) {
            for (String[] r : records) if (r[0].equals(key)) return r;
            throw new IllegalStateException("no " + key + " in case " + name);
        }

        /** Records of a keyed family (filtered, smoothed, fc_prob, fc_y): the numbers after the key. */
        List<double[]> all(String key) {
            List<double[]> out = new ArrayList<>();
            for (String[] r : records) if (r[0].equals(key)) out.add(numbers(r, 1));
            return out;
        }

        /** The model this case describes, on the DAX returns (and the SMI returns as x1). */
        MarkovRegression model() {
            return builder().build();
        }

        /** The builder of {@link #model()}, for variants (a known initial distribution). */
        MarkovRegression.Builder builder() {
            MarkovRegression.Builder b = MarkovRegression.builder(dax(), 2).switchingTrend(switchingTrend)
                    .switchingVariance(switchingVariance);
            if (usesX) b.exog(smi());
            return b;
        }
    }

    static double[] numbers(String[] r, int from) {
        double[] v = new double[r.length - from];
        for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(r[i + from]);
        return v;
    }

    static Map<String, Case> cases() {
        Map<String, Case> out = new LinkedHashMap<>();
        Case cur = null;
        for (String[] r : rows("msr_fits.txt")) {
            if (r[0].equals("case")) {
                cur = new Case(r[1], r[4].equals("1"), r[6].equals("1"), r[7].equals("1"), new ArrayList<>());
                out.put(r[1], cur);
            } else if (!r[0].equals("end")) {
                cur.records().add(r);
            }
        }
        return out;
    }

    static double[] dax() {
        return logReturns(0);
    }

    static double[] smi() {
        return logReturns(1);
    }

    /** 100 (log p_{t+1} - log p_t) of a column of eustockmarkets.csv, as gen_msr.py computes it. */
    private static double[] logReturns(int column) {
        List<String[]> rows = new ArrayList<>();
        for (String[] r : csv()) rows.add(r);
        double[] out = new double[rows.size() - 1];
        for (int t = 0; t < out.length; t++) {
            out[t] = 100 * (Math.log(Double.parseDouble(rows.get(t + 1)[column])) - Math.log(Double.parseDouble(rows.get(t)[column])));
        }
        return out;
    }

    private static List<String[]> csv() {
        List<String[]> out = new ArrayList<>();
        for (String line : lines("eustockmarkets.csv")) {
            if (line.startsWith("DAX")) continue;
            out.add(line.trim().split(","));
        }
        return out;
    }

    private static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(name)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            out.add(line.trim().split("\\s+"));
        }
        return out;
    }

    private static List<String> lines(String name) {
        try (InputStream in = MsrReference.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("missing reference/" + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) out.add(line);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
