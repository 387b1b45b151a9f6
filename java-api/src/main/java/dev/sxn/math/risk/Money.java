package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of money: a {@link BigDecimal} at its currency's scale ({@link CurrencyUnit#scale()}).
 *
 * <p>Rules: sums and differences are exact (same currency, same scale); every rounding is
 * {@link RoundingMode#HALF_EVEN} to the currency scale, after intermediate products and quotients in the one
 * {@link #CONTEXT} (34 significant digits, IEEE decimal128's precision). Doubles cross only through the named
 * conversions {@link #fromDoubleRounded} and {@link #toDoubleApproximate}; a decimal string with more places than the
 * currency has is refused rather than rounded ({@link #of}), {@link #ofRounded} rounds on purpose. Immutable;
 * equality is currency and amount (the scale is always the currency's).
 */
public final class Money implements Comparable<Money> {
    /** The one context of intermediate results: 34 digits, HALF_EVEN. */
    public static final MathContext CONTEXT = MathContext.DECIMAL128;
    /** The one rounding to the currency scale. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private final CurrencyUnit unit;
    private final BigDecimal amount;

    private Money(CurrencyUnit unit, BigDecimal amount) {
        this.unit = unit;
        this.amount = amount;
    }

    /** Zero in {@code unit}. */
    public static Money zero(CurrencyUnit unit) {
        Checks.notNull(unit, "unit");
        return new Money(unit, BigDecimal.ZERO.setScale(unit.scale()));
    }

    /** The exact amount {@code decimal} ("12.50"); more decimal places than the currency's scale is an error. */
    public static Money of(String decimal, CurrencyUnit unit) {
        Checks.notNull(decimal, "decimal");
        Checks.notNull(unit, "unit");
        BigDecimal v;
        try {
            v = new BigDecimal(decimal.trim());
        } catch (NumberFormatException e) {
            throw Checks.invalid("decimal", "\"" + decimal + "\"", "be a decimal number");
        }
        return of(v, unit);
    }

    /** The exact amount {@code value}; more decimal places than the currency's scale is an error. */
    public static Money of(BigDecimal value, CurrencyUnit unit) {
        Checks.notNull(value, "value");
        Checks.notNull(unit, "unit");
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > unit.scale()) {
            throw Checks.invalid("value", value.toPlainString(), "have at most " + unit.scale() + " decimal places (" + unit.code() + "); use ofRounded to round");
        }
        return new Money(unit, v.setScale(unit.scale()));
    }

    /** {@code value} rounded HALF_EVEN to the currency scale. */
    public static Money ofRounded(BigDecimal value, CurrencyUnit unit) {
        Checks.notNull(value, "value");
        Checks.notNull(unit, "unit");
        return new Money(unit, value.setScale(unit.scale(), ROUNDING));
    }

    /** An amount in minor units ({@code 1250} cents = 12.50 at scale 2). */
    public static Money ofMinor(long minorUnits, CurrencyUnit unit) {
        Checks.notNull(unit, "unit");
        return new Money(unit, BigDecimal.valueOf(minorUnits, unit.scale()));
    }

    /**
     * The named conversion from a double: its shortest decimal representation ({@link BigDecimal#valueOf(double)}:
     * 0.1 is 0.1, not 0.1000000000000000055...) rounded HALF_EVEN to the currency scale. Must be finite.
     */
    public static Money fromDoubleRounded(double value, CurrencyUnit unit) {
        Checks.finite(value, "value");
        return ofRounded(BigDecimal.valueOf(value), unit);
    }

    /** The named conversion to a double: the nearest double to the amount (inexact in general). */
    public double toDoubleApproximate() {
        return amount.doubleValue();
    }

    /** The amount, at the currency scale. */
    public BigDecimal amount() {
        return amount;
    }

    /** The currency. */
    public CurrencyUnit unit() {
        return unit;
    }

    /** The exact sum (same currency). */
    public Money plus(Money other) {
        same(other);
        return new Money(unit, amount.add(other.amount));
    }

    /** The exact difference (same currency). */
    public Money minus(Money other) {
        same(other);
        return new Money(unit, amount.subtract(other.amount));
    }

    /** The exact negation. */
    public Money negate() {
        return new Money(unit, amount.negate());
    }

    /** {@code amount * factor} in {@link #CONTEXT}, rounded HALF_EVEN to the currency scale. */
    public Money times(BigDecimal factor) {
        Checks.notNull(factor, "factor");
        return new Money(unit, amount.multiply(factor, CONTEXT).setScale(unit.scale(), ROUNDING));
    }

    /** {@code amount / divisor} in {@link #CONTEXT}, rounded HALF_EVEN to the currency scale; divisor non-zero. */
    public Money dividedBy(BigDecimal divisor) {
        Checks.notNull(divisor, "divisor");
        if (divisor.signum() == 0) throw Checks.invalid("divisor", divisor, "be non-zero");
        return new Money(unit, amount.divide(divisor, CONTEXT).setScale(unit.scale(), ROUNDING));
    }

    /** -1, 0 or 1. */
    public int signum() {
        return amount.signum();
    }

    @Override
    public int compareTo(Money other) {
        same(other);
        return amount.compareTo(other.amount);
    }

    private void same(Money other) {
        Checks.notNull(other, "other");
        if (!unit.equals(other.unit)) throw Checks.invalid("other's currency", other.unit.code(), "be " + unit.code() + " (scale " + unit.scale() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && unit.equals(m.unit) && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, amount);
    }

    /** {@code "12.50 USD"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.code();
    }
}
