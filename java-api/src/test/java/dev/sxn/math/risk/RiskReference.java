package dev.sxn.math.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the whitespace-separated reference files written by gen_risk.py. */
final class RiskReference {
    private RiskReference() {}

    static List<String[]> lines(String name) {
        InputStream in = RiskReference.class.getResourceAsStream("/reference/" + name);
        if (in == null) throw new IllegalStateException("missing reference file " + name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(line -> line.trim().split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input series of risk_series.txt by name. */
    static Map<String, double[]> series() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String[] f : lines("risk_series.txt")) {
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
            m.put(f[0], v);
        }
        return m;
    }

    static double d(String[] f, int i) {
        return f[i].equals("nan") ? Double.NaN : Double.parseDouble(f[i]);
    }
}
