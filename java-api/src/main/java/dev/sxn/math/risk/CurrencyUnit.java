package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;

/**
 * A currency and its scale: the number of decimal places every {@link Money} amount in it carries (2 for USD and EUR,
 * 0 for JPY, 8 for BTC).
 *
 * @param code  the currency's code ("USD"), non-empty
 * @param scale decimal places, in [0, 18]
 */
public record CurrencyUnit(String code, int scale) {
    /** Checks the code and the scale. */
    public CurrencyUnit {
        Checks.notNull(code, "code");
        if (code.isBlank()) throw Checks.invalid("code", "\"" + code + "\"", "not be blank");
        Checks.inRange(scale, "scale", 0, 18, "decimal places");
    }
}
