package dev.sxn.math.testing;

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

/**
 * Reads reference vectors checked in under {@code src/test/resources/reference/}: CSV with a header
 * row, numbers in full precision ({@code %.17g}), {@code NA}/{@code NaN} for missing values; lines
 * starting with {@code #} are comments (the generating script and its versions).
 */
public final class ReferenceData {
    private ReferenceData() {}

    /** The columns of {@code reference/<name>} by header name, in file order. */
    public static Map<String, double[]> csv(String name) {
        String path = "/reference/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("test resource " + path + " not found");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = null;
            List<double[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(",", -1);
                if (header == null) {
                    header = f;
                    for (int i = 0; i < header.length; i++) header[i] = header[i].strip().replace("\"", "");
                    continue;
                }
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) row[i] = parse(f[i]);
                rows.add(row);
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < col.length; i++) col[i] = rows.get(i)[c];
                out.put(header[c], col);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double parse(String s) {
        String t = s.strip().replace("\"", "");
        if (t.isEmpty() || t.equals("NA") || t.equalsIgnoreCase("nan")) return Double.NaN;
        if (t.equalsIgnoreCase("inf")) return Double.POSITIVE_INFINITY;
        if (t.equalsIgnoreCase("-inf")) return Double.NEGATIVE_INFINITY;
        return Double.parseDouble(t);
    }
}
