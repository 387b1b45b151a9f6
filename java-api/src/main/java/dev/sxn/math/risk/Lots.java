package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Position sizes in whole lots: a quantity is rounded towards zero to a multiple of the lot size (never up: a size
 * from Kelly or a VaR limit is a maximum). Exact decimal arithmetic; O(1).
 */
public final class Lots {
    private Lots() {}

    /** {@code floor(|quantity| / lot) * lot} with the sign of {@code quantity}; {@code lot > 0}. */
    public static BigDecimal roundDown(BigDecimal quantity, BigDecimal lot) {
        Checks.notNull(quantity, "quantity");
        checkLot(lot);
        return quantity.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
    }

    /**
     * The largest whole-lot quantity whose cost {@code quantity * price} does not exceed {@code budget}:
     * {@code roundDown(budget / price)}, the quotient in {@link Money#CONTEXT}. {@code price > 0}, budget {@code >= 0}.
     */
    public static BigDecimal affordable(Money budget, BigDecimal price, BigDecimal lot) {
        Checks.notNull(budget, "budget");
        Checks.notNull(price, "price");
        if (price.signum() <= 0) throw Checks.invalid("price", price.toPlainString(), "be > 0");
        if (budget.signum() < 0) throw Checks.invalid("budget", budget, "be >= 0");
        checkLot(lot);
        BigDecimal q = roundDown(budget.amount().divide(price, Money.CONTEXT), lot);
        // The 34-digit quotient may round up past the exact one; step back a lot if the cost then exceeds the budget.
        if (q.multiply(price).compareTo(budget.amount()) > 0) q = q.subtract(lot);
        return q;
    }

    private static void checkLot(BigDecimal lot) {
        Checks.notNull(lot, "lot");
        if (lot.signum() <= 0) throw Checks.invalid("lot", lot.toPlainString(), "be > 0");
    }
}
