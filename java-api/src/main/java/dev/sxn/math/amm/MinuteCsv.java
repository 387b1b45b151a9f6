package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minute close prices from CSV: a header line ({@code time,ASSET1,ASSET2,...}), then one line per minute with a
 * time stamp (kept as text, not parsed) and one price per asset. Blank lines are skipped; a missing or unparsable
 * price is an error naming its line and column. O(T n).
 */
public final class MinuteCsv {
    private MinuteCsv() {}

    /**
     * The prices and asset names of a file.
     *
     * @param prices the prices
     * @param assets the asset names from the header
     * @param times  the time stamps, one per minute
     */
    public record Table(MinutePrices prices, List<String> assets, List<String> times) {}

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException if the header has fewer than two assets, a line has the wrong number of fields,
     *     or a price does not parse or is not positive and finite
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path file) {
        Checks.notNull(file, "file");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table read(BufferedReader r, String name) throws IOException {
        String header = r.readLine();
        if (header == null) throw Checks.invalid(name, "empty", "have a header line");
        String[] h = header.split(",", -1);
        if (h.length < 3) throw Checks.invalid(name + " header", header, "name a time column and at least two assets");
        int n = h.length - 1;
        List<String> assets = new ArrayList<>();
        for (int i = 1; i <= n; i++) assets.add(h[i].trim());
        List<String> times = new ArrayList<>();
        double[] data = new double[1024 * n];
        int rows = 0;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != n + 1) throw Checks.invalid(name + " line " + lineNo, f.length + " fields", "have " + (n + 1) + " fields");
            if ((rows + 1) * n > data.length) data = java.util.Arrays.copyOf(data, data.length * 2);
            times.add(f[0].trim());
            for (int i = 0; i < n; i++) {
                double v;
                try {
                    v = Double.parseDouble(f[i + 1].trim());
                } catch (NumberFormatException e) {
                    throw Checks.invalid(name + " line " + lineNo + " column " + assets.get(i), f[i + 1], "be a number");
                }
                if (!(v > 0) || Double.isInfinite(v)) throw Checks.invalid(name + " line " + lineNo + " column " + assets.get(i), v, "be finite and > 0");
                data[rows * n + i] = v;
            }
            rows++;
        }
        if (rows == 0) throw Checks.invalid(name, "no rows", "have at least one price line");
        return new Table(new MinutePrices(java.util.Arrays.copyOf(data, rows * n), n), List.copyOf(assets), List.copyOf(times));
    }

    /**
     * Writes prices as CSV with times {@code 0, 1, 2, ...} (minutes) and the given asset names.
     *
     * @throws IllegalArgumentException if the names do not match the prices' assets
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, MinutePrices prices, List<String> assets) {
        Checks.notNull(file, "file");
        Checks.notNull(prices, "prices");
        Checks.notNull(assets, "assets");
        if (assets.size() != prices.assets()) throw Checks.invalid("assets.size()", assets.size(), "equal prices.assets() (" + prices.assets() + ")");
        int n = prices.assets();
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time," + String.join(",", assets));
            w.newLine();
            StringBuilder sb = new StringBuilder();
            for (int t = 0; t < prices.steps(); t++) {
                sb.setLength(0);
                sb.append(t);
                for (int i = 0; i < n; i++) sb.append(',').append(prices.values()[t * n + i]);
                w.write(sb.toString());
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
