package dev.sxn.math.stochastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the whitespace-separated lines of a reference file written by gen_montecarlo.py. */
final class MonteCarloReference {
    private MonteCarloReference() {}

    static List<String[]> lines(String name) {
        try (InputStream in = MonteCarloReference.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("missing reference file " + name);
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(line.trim().split("\\s+"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double d(String[] f, int i) {
        return Double.parseDouble(f[i]);
    }
}
