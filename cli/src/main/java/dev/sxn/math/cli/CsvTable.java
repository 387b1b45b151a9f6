package dev.sxn.math.cli;

import java.util.List;
import java.util.Map;

/**
 * A CSV file as {@code sxn compute} holds it: the header and only the numeric columns an indicator
 * needs, each a {@code double[]} with one value per data row. The rows themselves stay in the file
 * ({@link CsvRewriter} copies them into the output), so the memory held is eight bytes per row and column.
 *
 * @param header the column names, as read (blanks and quotes removed)
 * @param columns the parsed columns by name; missing values are NaN
 * @param size the number of data rows
 */
record CsvTable(List<String> header, Map<String, double[]> columns, int size) {
    /** The column named {@code name}; it was read because an indicator asked for it. */
    double[] column(String name) {
        return columns.get(name);
    }
}
