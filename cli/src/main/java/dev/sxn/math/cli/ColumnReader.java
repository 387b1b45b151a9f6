package dev.sxn.math.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the numeric columns an indicator needs from a CSV file in one streaming pass: a header row naming
 * the columns, then one row per line (blank lines skipped; fields may be wrapped in double quotes; no
 * embedded commas). Cells are decimals ({@link DecimalParser}); empty cells, {@code NA} and {@code NaN}
 * are missing (NaN). Every error names the file, the line and the column. Counts rows as it goes, so a
 * caller that runs out of memory can say how far it got. Not thread-safe; one read per instance.
 */
final class ColumnReader {
    private static final int INITIAL_ROWS = 1 << 12;

    private final InputFile input;
    private final String source;
    private int rows;

    ColumnReader(InputFile input) {
        this.input = input;
        this.source = input.path().toString();
    }

    /** Data rows read so far (all of them once {@link #read} returned). */
    int rowsRead() {
        return rows;
    }

    /** Reads the header and the {@code wanted} columns. */
    CsvTable read(List<IndicatorPlan.Column> wanted) {
        try (Utf8Lines lines = input.lines()) {
            CsvFields fields = new CsvFields();
            List<String> header = null;
            int[] index = null;
            int last = 0;
            double[][] cols = null;
            int n = 0;
            while (lines.next()) {
                char[] line = lines.chars();
                int length = lines.length();
                if (CsvFields.isBlank(line, length)) continue;
                int count = header == null ? fields.split(line, length) : fields.split(line, length, last);
                if (header == null) {
                    header = header(line, fields, count, lines.lineNumber());
                    index = indexes(header, wanted);
                    for (int c : index) last = Math.max(last, c);
                    cols = new double[wanted.size()][INITIAL_ROWS];
                    continue;
                }
                if (count != header.size()) {
                    throw new CliError(source + " line " + lines.lineNumber() + ": " + count + " fields, but the header has "
                            + header.size());
                }
                if (n == cols[0].length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, n + (long) (n >> 1));
                    for (int k = 0; k < cols.length; k++) cols[k] = Arrays.copyOf(cols[k], grown);
                }
                parseRow(line, fields, index, cols, n, lines.lineNumber(), header);
                rows = ++n;
            }
            if (header == null) throw new CliError(source + " is empty: expected a header row naming the columns");
            Map<String, double[]> byName = new LinkedHashMap<>();
            for (int k = 0; k < wanted.size(); k++) {
                // Exactly n long: the indicators take the array's length as the series length.
                if (cols[k].length != n) cols[k] = Arrays.copyOf(cols[k], n);
                byName.put(wanted.get(k).name(), cols[k]);
            }
            return new CsvTable(header, byName, n);
        }
    }

    /** Parses the wanted cells of one row into {@code cols[k][row]}; kept small so the JIT compiles it early. */
    private void parseRow(char[] line, CsvFields fields, int[] index, double[][] cols, int row, int lineNumber, List<String> header) {
        for (int k = 0; k < cols.length; k++) {
            int c = index[k];
            cols[k][row] = cell(line, fields.start(c), fields.end(c), lineNumber, c, header.get(c));
        }
    }

    private List<String> header(char[] line, CsvFields fields, int count, int lineNumber) {
        List<String> names = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            String name = new String(line, fields.start(c), fields.end(c) - fields.start(c));
            if (name.isEmpty()) throw new CliError(source + " line " + lineNumber + ": header column " + (c + 1) + " is empty");
            if (names.contains(name)) {
                throw new CliError(source + " line " + lineNumber + " column " + (c + 1) + ": header names column '" + name
                        + "' twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private int[] indexes(List<String> header, List<IndicatorPlan.Column> wanted) {
        int[] index = new int[wanted.size()];
        for (int k = 0; k < index.length; k++) {
            IndicatorPlan.Column w = wanted.get(k);
            index[k] = header.indexOf(w.name());
            if (index[k] < 0) {
                throw new CliError(source + ": no column '" + w.name() + "' (" + w.option() + "); the columns are " + header);
            }
        }
        return index;
    }

    private double cell(char[] line, int from, int to, int lineNumber, int column, String name) {
        if (isMissing(line, from, to)) return Double.NaN;
        try {
            return DecimalParser.parse(line, from, to);
        } catch (NumberFormatException e) {
            throw new CliError(source + " line " + lineNumber + " column " + (column + 1) + ": column '" + name + "' value '"
                    + new String(line, from, to - from) + "' " + e.getMessage());
        }
    }

    /** Empty, {@code NA}, or {@code NaN} in any case: the spellings of a missing value. */
    private static boolean isMissing(char[] s, int from, int to) {
        int n = to - from;
        if (n == 0) return true;
        if (n == 2) return s[from] == 'N' && s[from + 1] == 'A';
        return n == 3 && (s[from] | 0x20) == 'n' && (s[from + 1] | 0x20) == 'a' && (s[from + 2] | 0x20) == 'n';
    }
}
