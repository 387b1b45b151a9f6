package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The strict decimal reader gives Double.parseDouble's double, bit for bit, on both of its paths. */
class DecimalParserTest {
    private static double parse(String s) {
        return DecimalParser.parse(s.toCharArray(), 0, s.length());
    }

    private static void same(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(parse(s)), s);
    }

    @Test
    void randomDecimalsReadAsParseDoubleReadsThem() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) sb.append(rnd.nextBoolean() ? '-' : '+');
            int intDigits = rnd.nextInt(0, 21);
            int fracDigits = rnd.nextInt(intDigits == 0 ? 1 : 0, 21);
            for (int k = 0; k < intDigits; k++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (fracDigits > 0 || rnd.nextBoolean()) sb.append('.');
            for (int k = 0; k < fracDigits; k++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (rnd.nextBoolean()) sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-300, 300));
            String s = sb.toString();
            double want = Double.parseDouble(s);
            // Overflow and underflow of a non-zero value are refused, not read: checked in edgesOfTheRange.
            if (Double.isInfinite(want) || want == 0 && s.matches(".*[1-9].*")) continue;
            same(s);
        }
    }

    @Test
    void edgesOfTheRange() {
        for (String s : new String[] {"1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308", "0.1", "123456789012345",
                "1234567890123456789012345", "9007199254740993", "1e22", "1e23", "-0.0", "0e400", "000.000"}) {
            same(s);
        }
        assertThrows(NumberFormatException.class, () -> parse("1.8e308"));
        assertThrows(NumberFormatException.class, () -> parse("2e-324"));
        assertThrows(NumberFormatException.class, () -> parse("1e99999999999"));
    }
}
