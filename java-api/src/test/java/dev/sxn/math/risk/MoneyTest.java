package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact money, profit buckets, lot rounding and tier hysteresis. */
class MoneyTest {
    private static final CurrencyUnit USD = new CurrencyUnit("USD", 2), BTC = new CurrencyUnit("BTC", 8);

    private static Money usd(String s) {
        return Money.of(s, USD);
    }

    @Test
    void exactArithmeticAndHalfEven() {
        // 0.1 + 0.2 is 0.30 exactly (the double sum is 0.30000000000000004).
        assertEquals(usd("0.30"), usd("0.1").plus(usd("0.2")));
        assertEquals("0.30 USD", usd("0.1").plus(usd("0.2")).toString());
        // HALF_EVEN to cents: 0.125 -> 0.12, 0.135 -> 0.14, -0.125 -> -0.12.
        assertEquals(usd("0.12"), Money.ofRounded(new BigDecimal("0.125"), USD));
        assertEquals(usd("0.14"), Money.ofRounded(new BigDecimal("0.135"), USD));
        assertEquals(usd("-0.12"), Money.ofRounded(new BigDecimal("-0.125"), USD));
        assertEquals(usd("3.33"), usd("10").dividedBy(new BigDecimal(3)));
        assertEquals(usd("0.02"), usd("0.05").times(new BigDecimal("0.5")), "0.025 -> 0.02 (half even)");
        assertEquals(usd("12.50"), Money.ofMinor(1250, USD));
        assertEquals(Money.of("0.00000001", BTC), Money.ofMinor(1, BTC));
        // Named double conversions only: the shortest representation of 0.1, rounded.
        assertEquals(usd("0.10"), Money.fromDoubleRounded(0.1, USD));
        assertEquals(usd("1.00"), Money.fromDoubleRounded(0.995, USD), "0.995 is the decimal 0.995, half even to 1.00");
        assertEquals(12.5, usd("12.50").toDoubleApproximate(), 0.0);
        assertTrue(usd("1").compareTo(usd("0.99")) > 0);
        assertEquals(usd("-1.00"), usd("1").negate());
        assertEquals(usd("1.00").hashCode(), usd("1").hashCode());
    }

    @Test
    void refusesSilentRoundingAndMixedCurrencies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> usd("1.005"));
        assertEquals("value must have at most 2 decimal places (USD); use ofRounded to round, was 1.005", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> usd("1").plus(Money.of("1", BTC)));
        assertEquals("other's currency must be USD (scale 2), was BTC", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> usd("abc"));
        assertEquals("decimal must be a decimal number, was \"abc\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Money.fromDoubleRounded(Double.NaN, USD));
        assertEquals("value must be finite, was NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CurrencyUnit("X", 19));
        assertEquals("scale must be in [0, 18] (decimal places), was 19", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> usd("1").dividedBy(BigDecimal.ZERO));
        assertEquals("divisor must be non-zero, was 0", e.getMessage());
    }

    @Test
    void profitBucketsAddUpExactly() {
        ProfitBuckets b = new ProfitBuckets(USD);
        Random rnd = new Random(3);
        String[] strategies = {"trend", "meanrev"}, signals = {"rsi", "macd", "vwap"};
        long cents = 0;
        for (int i = 0; i < 10_000; i++) {
            long c = rnd.nextInt(200_001) - 100_000;
            cents += c;
            b.add(strategies[i % 2], signals[i % 3], Money.ofMinor(c, USD));
        }
        assertEquals(Money.ofMinor(cents, USD), b.total());
        Money sum = Money.zero(USD);
        for (Money m : b.buckets().values()) sum = sum.plus(m);
        assertEquals(b.total(), sum, "buckets add up to the total to the cent");
        assertEquals(b.strategyTotal("trend").plus(b.strategyTotal("meanrev")), b.total());
        assertEquals(6, b.buckets().size());
        assertEquals(Money.zero(USD), b.get("none", "rsi"));
        assertThrows(IllegalArgumentException.class, () -> b.add("trend", "rsi", Money.of("1", BTC)));
        assertThrows(NullPointerException.class, () -> b.add(null, "rsi", usd("1")));
    }

    @Test
    void lots() {
        assertEquals(new BigDecimal("1.2"), Lots.roundDown(new BigDecimal("1.29"), new BigDecimal("0.1")));
        assertEquals(new BigDecimal("-1.2"), Lots.roundDown(new BigDecimal("-1.29"), new BigDecimal("0.1")), "towards zero");
        assertEquals(new BigDecimal("300"), Lots.roundDown(new BigDecimal("399"), new BigDecimal("100")));
        // 1000 USD at 33.33 a share in lots of 10: 30.003 shares affordable, 30 in lots.
        BigDecimal q = Lots.affordable(usd("1000"), new BigDecimal("33.33"), BigDecimal.TEN);
        assertEquals(0, q.compareTo(new BigDecimal("30")));
        // Exactly affordable: 1000 / 12.5 = 80.
        assertEquals(0, Lots.affordable(usd("1000"), new BigDecimal("12.5"), BigDecimal.ONE).compareTo(new BigDecimal("80")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lots.roundDown(BigDecimal.ONE, BigDecimal.ZERO));
        assertEquals("lot must be > 0, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lots.affordable(usd("1"), new BigDecimal("-2"), BigDecimal.ONE));
        assertEquals("price must be > 0, was -2", e.getMessage());
    }

    private static Money[] amounts(String... s) {
        Money[] m = new Money[s.length];
        for (int i = 0; i < s.length; i++) m[i] = usd(s[i]);
        return m;
    }

    @Test
    void tierHysteresis() {
        Money[] up = amounts("6000", "24000", "120000", "1200000"), down = amounts("4000", "16000", "80000", "800000");
        TierHysteresis t = new TierHysteresis(up, down, usd("5000"));
        assertEquals(0, t.tier());
        assertEquals(4, t.tiers());
        assertEquals(1, t.update(usd("6000")), "up at exactly 6k");
        // Oscillating around 6k does not flip: down is 4k.
        for (String b : new String[] {"5999.99", "6000.01", "5000", "6100", "4000"}) assertEquals(1, t.update(usd(b)), b);
        assertEquals(0, t.update(usd("3999.99")), "below 4k");
        assertEquals(0, t.update(usd("5999.99")), "not yet back up");
        assertEquals(3, t.update(usd("130000")), "a jump crosses tiers");
        assertEquals(3, t.update(usd("80000")));
        assertEquals(1, t.update(usd("15000")), "a fall crosses tiers: below 80k and 16k, not 4k");
        assertEquals(4, t.update(usd("1200000")));
        assertEquals(4, t.update(usd("800000")));
        assertEquals(3, t.update(usd("799999.99")));
        assertEquals(2, new TierHysteresis(up, down, usd("50000")).tier(), "the initial tier follows the up thresholds");
    }

    @Test
    void tierArguments() {
        Money[] up = amounts("6000", "24000"), down = amounts("4000", "16000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TierHysteresis(up, amounts("6000", "16000"), usd("1")));
        assertEquals("down[0] must be < up[0] = 6000.00 USD, was 6000.00 USD", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TierHysteresis(amounts("6000", "5000"), amounts("4000", "4500"), usd("1")));
        assertEquals("up[1] must be > up[0] = 6000.00 USD, was 5000.00 USD", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TierHysteresis(up, amounts("4000"), usd("1")));
        assertEquals("down.length must be 2 (up.length), was 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TierHysteresis(up, down, Money.of("1", BTC)));
        assertEquals("thresholds' currency must be BTC, was USD/USD", e.getMessage());
    }
}
