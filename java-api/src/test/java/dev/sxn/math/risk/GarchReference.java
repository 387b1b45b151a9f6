package dev.sxn.math.risk;

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

/** Reads the fGarch references made by reference/gen_garch.R. */
final class GarchReference {
    private GarchReference() {}

    /** The lines of a reference file without comments, split on blanks. */
    static List<String[]> rows(String name) {
        try (InputStream in = GarchReference.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("missing reference/" + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String[]> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.trim().split("\\s+"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DAX log returns in percent (1859 values). */
    static double[] dax() {
        List<String[]> rows = rows("garch_dax_returns.txt");
        double[] x = new double[rows.size()];
        for (int i = 0; i < x.length; i++) x[i] = Double.parseDouble(rows.get(i)[0]);
        return x;
    }

    /** garch_fits.txt as case -> key -> values. */
    static Map<String, Map<String, double[]>> fits() {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (String[] row : rows("garch_fits.txt")) {
            double[] v = new double[row.length - 2];
            for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(row[i + 2]);
            out.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], v);
        }
        return out;
    }
}
