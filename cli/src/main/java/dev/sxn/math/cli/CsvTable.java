package dev.sxn.math.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as read by {@code sxn compute}: a header row naming the columns, then one row per
 * line, comma-separated (fields may be wrapped in double quotes; no embedded commas). Blank lines
 * are skipped. Numeric columns are parsed on request, with {@code NA}, {@code NaN} and empty fields
 * as NaN; every error names the file, the line number and the column.
 */
final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();

    private CsvTable(String source, List<String> header) {
        this.source = source;
        this.header = header;
    }

    /** Reads {@code path}; throws IllegalArgumentException naming the line for a malformed file. */
    static CsvTable read(Path path) throws IOException {
        List<String> all;
        try {
            all = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("input file " + path + " does not exist");
        }
        CsvTable t = null;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.isBlank()) continue;
            String[] f = split(line);
            if (t == null) {
                t = new CsvTable(path.toString(), List.of(f));
                for (int c = 0; c < f.length; c++) {
                    if (f[c].isEmpty()) throw new IllegalArgumentException(path + " line " + (i + 1) + ": header column " + (c + 1) + " is empty");
                    if (t.header.indexOf(f[c]) != c) throw new IllegalArgumentException(path + " line " + (i + 1) + ": header names column '" + f[c] + "' twice");
                }
                continue;
            }
            if (f.length != t.header.size()) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": " + f.length + " fields, but the header has "
                        + t.header.size());
            }
            t.rows.add(f);
            t.lines.add(line);
            t.lineNumbers.add(i + 1);
        }
        if (t == null) throw new IllegalArgumentException(path + " is empty: expected a header row naming the columns");
        return t;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
            f[i] = s;
        }
        return f;
    }

    /** Number of data rows. */
    int size() {
        return rows.size();
    }

    /** The header row. */
    List<String> header() {
        return header;
    }

    /** The original text of data row {@code r}. */
    String line(int r) {
        return lines.get(r);
    }

    /** The column named {@code name} as doubles; throws naming the file, line and value. */
    double[] column(String name, String option) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "' (" + option + "); the columns are " + header);
        }
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String s = rows.get(r)[c];
            if (s.isEmpty() || s.equals("NA") || s.equalsIgnoreCase("nan")) {
                out[r] = Double.NaN;
                continue;
            }
            try {
                out[r] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + lineNumbers.get(r) + ": column '" + name + "' value '" + s
                        + "' is not a number");
            }
        }
        return out;
    }
}
