package dev.sxn.math.regime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads reference/hmm_reference.txt (made by reference/gen_hmm.py) and builds the models it describes. */
final class HmmReference {
    private static Map<String, Case> cases;

    private HmmReference() {}

    /** One case: its keys (numbers as doubles; kind and data as text). */
    record Case(String name, Map<String, double[]> values, Map<String, String> text) {
        double[] get(String key) {
            double[] v = values.get(key);
            if (v == null) throw new IllegalStateException(name + " has no " + key);
            return v;
        }

        double one(String key) {
            return get(key)[0];
        }

        int states() {
            return (int) one("states");
        }

        int dim() {
            return (int) one("dim");
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        /** The observations: row-major returns of the series named by "data". */
        double[] data() {
            return switch (text.get("data")) {
                case "DAX" -> HmmData.returns(0);
                case "DAX,SMI" -> HmmData.returns(0, 1);
                case "DAX-symbols" -> HmmData.daxSymbols();
                default -> throw new IllegalStateException(text.get("data"));
            };
        }

        HiddenMarkovModel model() {
            return model("pi", "A", "");
        }

        HiddenMarkovModel fitted() {
            return model("fit_pi", "fit_A", "fit_");
        }

        private HiddenMarkovModel model(String piKey, String aKey, String prefix) {
            int k = states(), d = dim();
            return HiddenMarkovModel.of(get(piKey), TransitionMatrix.of(matrix(get(aKey), k, k)), emissions(prefix, k, d));
        }

        private Emissions emissions(String prefix, int k, int d) {
            String kind = text.get("kind");
            if (kind.equals("categorical")) {
                double[] p = get("probs");
                return CategoricalEmissions.of(matrix(p, k, p.length / k));
            }
            if (kind.equals("student-t")) {
                return StudentTEmissions.of(matrix(get("locs"), k, d), cube(get("scales"), k, d), get("nu"));
            }
            double[][] means = matrix(get(prefix + "means"), k, d);
            double[][][] covs = cube(get(prefix + "covs"), k, d);
            return switch (kind) {
                case "gaussian-full" -> GaussianEmissions.full(means, covs);
                case "gaussian-diagonal" -> {
                    double[][] v = new double[k][d];
                    for (int s = 0; s < k; s++) for (int i = 0; i < d; i++) v[s][i] = covs[s][i][i];
                    yield GaussianEmissions.diagonal(means, v);
                }
                case "gaussian-spherical" -> {
                    double[] v = new double[k];
                    for (int s = 0; s < k; s++) v[s] = covs[s][0][0];
                    yield GaussianEmissions.spherical(means, v);
                }
                case "gaussian-tied" -> GaussianEmissions.tied(means, covs[0]);
                default -> throw new IllegalStateException(kind);
            };
        }
    }

    static double[][] matrix(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(flat, i * cols, m[i], 0, cols);
        return m;
    }

    static double[][][] cube(double[] flat, int k, int d) {
        double[][][] c = new double[k][][];
        for (int s = 0; s < k; s++) {
            double[] part = new double[d * d];
            System.arraycopy(flat, s * d * d, part, 0, d * d);
            c[s] = matrix(part, d, d);
        }
        return c;
    }

    static synchronized Case get(String name) {
        if (cases == null) cases = read();
        Case c = cases.get(name);
        if (c == null) throw new IllegalStateException("no case " + name);
        return c;
    }

    static synchronized Iterable<String> names() {
        if (cases == null) cases = read();
        return cases.keySet();
    }

    private static Map<String, Case> read() {
        Map<String, Case> out = new LinkedHashMap<>();
        try (InputStream in = HmmReference.class.getResourceAsStream("/reference/hmm_reference.txt")) {
            if (in == null) throw new IllegalStateException("missing reference/hmm_reference.txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Case cur = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(" ");
                if (f[0].equals("case")) {
                    cur = new Case(f[1], new LinkedHashMap<>(), new LinkedHashMap<>());
                    out.put(f[1], cur);
                } else if (f[0].equals("kind") || f[0].equals("data")) {
                    cur.text().put(f[0], f[1]);
                } else {
                    double[] v = new double[f.length - 1];
                    for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
                    cur.values().put(f[0], v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
