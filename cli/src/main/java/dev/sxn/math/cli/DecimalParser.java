package dev.sxn.math.cli;

/**
 * Reads a decimal number in the strict grammar {@code [+-]? (D+ (. D*)? | . D+) ([eE] [+-]? D+)?}
 * (D a digit 0-9) into the nearest double. Everything else Java's {@code Double.parseDouble} would take
 * is refused: hexadecimal floats ({@code 0x1p3}), type suffixes ({@code 1d}, {@code 2f}), surrounding
 * blanks, {@code Infinity}. A value whose magnitude overflows to infinity, or a non-zero value that
 * underflows to 0, is refused too: either would silently become a different number.
 */
final class DecimalParser {
    /** Exact powers of ten: every 10^k with k <= 22 is a double. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    /** At most this many significant digits are gathered into a long (10^18 < 2^63). */
    private static final int LONG_DIGITS = 18;
    /** Exponents are saturated here: anything beyond it over- or underflows whatever the digits. */
    private static final int EXPONENT_CAP = 100_000;

    private DecimalParser() {}

    /**
     * The value of {@code s[from, to)}; throws NumberFormatException whose message is the reason
     * ("is not a number ...", "is out of range ...", "underflows to 0 ...").
     */
    static double parse(char[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean nonZero = false;
        boolean truncated = false;
        for (; i < to && isDigit(s[i]); i++) {
            int d = s[i] - '0';
            anyDigit = true;
            nonZero |= d != 0;
            if (mantissa == 0 && d == 0) continue;
            if (digits < LONG_DIGITS) {
                mantissa = mantissa * 10 + d;
                digits++;
            } else {
                exponent++;
                truncated |= d != 0;
            }
        }
        if (i < to && s[i] == '.') {
            for (i++; i < to && isDigit(s[i]); i++) {
                int d = s[i] - '0';
                anyDigit = true;
                nonZero |= d != 0;
                if (mantissa == 0 && d == 0) {
                    exponent--;
                } else if (digits < LONG_DIGITS) {
                    mantissa = mantissa * 10 + d;
                    digits++;
                    exponent--;
                } else {
                    truncated |= d != 0;
                }
            }
        }
        if (!anyDigit) throw notANumber();
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (s[i] == '+' || s[i] == '-')) negativeExponent = s[i++] == '-';
            if (i >= to || !isDigit(s[i])) throw notANumber();
            int e = 0;
            for (; i < to && isDigit(s[i]); i++) e = Math.min(EXPONENT_CAP, e * 10 + (s[i] - '0'));
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) throw notANumber();
        if (!nonZero) return negative ? -0.0 : 0.0;
        double v;
        if (!truncated && digits <= 15 && exponent >= -22 && exponent <= 22) {
            // Clinger's fast path: mantissa < 2^53 and 10^|exponent| are both exact, so one rounding
            // gives the correctly rounded result, the same as Double.parseDouble.
            v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
            return negative ? -v : v;
        }
        // The text matched the grammar above, a subset of what Double.parseDouble reads exactly.
        v = Double.parseDouble(new String(s, from, to - from));
        if (Double.isInfinite(v)) throw new NumberFormatException("is out of range: its magnitude exceeds the largest double, "
                + Double.MAX_VALUE);
        if (v == 0) throw new NumberFormatException("underflows to 0: its magnitude is below the smallest double, "
                + Double.MIN_VALUE);
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static NumberFormatException notANumber() {
        return new NumberFormatException("is not a number (a decimal such as -12.5 or 1.5e-3 is expected; empty, NA or NaN "
                + "for a missing value)");
    }
}
