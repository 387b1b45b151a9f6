package dev.sxn.math.cli;

import java.util.Arrays;

/**
 * The fields of one CSV line, as ranges into the line's characters: split at every comma, blanks
 * around a field stripped, and one pair of double quotes around it removed (no quoted commas). The
 * ranges are reused from line to line, so splitting allocates nothing. Not thread-safe.
 */
final class CsvFields {
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int count;

    /** Splits {@code line[0, length)}; returns the number of fields. */
    int split(char[] line, int length) {
        return split(line, length, Integer.MAX_VALUE);
    }

    /**
     * Splits {@code line[0, length)}, keeping the ranges of fields {@code 0..last} only (the later ones
     * are counted, not stripped); returns the number of fields.
     */
    int split(char[] line, int length, int last) {
        count = 0;
        int from = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || line[i] == ',') {
                if (count <= last) add(line, from, i);
                else count++;
                from = i + 1;
            }
        }
        return count;
    }

    /** Start of field {@code f} (from 0) in the line. */
    int start(int f) {
        return start[f];
    }

    /** End (exclusive) of field {@code f} in the line. */
    int end(int f) {
        return end[f];
    }

    /** True when the line holds only blanks: such lines are skipped. */
    static boolean isBlank(char[] line, int length) {
        for (int i = 0; i < length; i++) if (!Character.isWhitespace(line[i])) return false;
        return true;
    }

    private void add(char[] line, int from, int to) {
        while (from < to && Character.isWhitespace(line[from])) from++;
        while (to > from && Character.isWhitespace(line[to - 1])) to--;
        if (to - from >= 2 && line[from] == '"' && line[to - 1] == '"') {
            from++;
            to--;
        }
        if (count == start.length) {
            start = Arrays.copyOf(start, 2 * count);
            end = Arrays.copyOf(end, 2 * count);
        }
        start[count] = from;
        end[count] = to;
        count++;
    }
}
