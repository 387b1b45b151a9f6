package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realised profit and loss kept per (strategy, signal) in one currency, exactly: every bucket is a {@link Money} sum,
 * and {@link #total()} equals the sum of the buckets to the last minor unit (the same additions, no rounding
 * anywhere). Buckets keep their first-seen order. Not thread-safe.
 */
public final class ProfitBuckets {
    /** A bucket's key. */
    public record Key(String strategy, String signal) {
        /** Both parts non-null. */
        public Key {
            Checks.notNull(strategy, "strategy");
            Checks.notNull(signal, "signal");
        }
    }

    private final CurrencyUnit unit;
    private final Map<Key, Money> buckets = new LinkedHashMap<>();
    private Money total;

    /** Empty buckets in {@code unit}. */
    public ProfitBuckets(CurrencyUnit unit) {
        this.unit = Checks.notNull(unit, "unit");
        this.total = Money.zero(unit);
    }

    /** Adds {@code pnl} (a gain or, negative, a loss) to the bucket of (strategy, signal). O(1). */
    public void add(String strategy, String signal, Money pnl) {
        Key key = new Key(strategy, signal);
        Checks.notNull(pnl, "pnl");
        if (!pnl.unit().equals(unit)) throw Checks.invalid("pnl's currency", pnl.unit().code(), "be " + unit.code());
        buckets.merge(key, pnl, Money::plus);
        total = total.plus(pnl);
    }

    /** The bucket of (strategy, signal), zero when nothing was added to it. */
    public Money get(String strategy, String signal) {
        Money m = buckets.get(new Key(strategy, signal));
        return m == null ? Money.zero(unit) : m;
    }

    /** The sum over every signal of {@code strategy}. O(buckets). */
    public Money strategyTotal(String strategy) {
        Checks.notNull(strategy, "strategy");
        Money sum = Money.zero(unit);
        for (Map.Entry<Key, Money> e : buckets.entrySet()) if (e.getKey().strategy().equals(strategy)) sum = sum.plus(e.getValue());
        return sum;
    }

    /** The sum of every bucket, kept as the pnl arrived (equal to summing the buckets). */
    public Money total() {
        return total;
    }

    /** The buckets, read-only, in first-seen order. */
    public Map<Key, Money> buckets() {
        return Collections.unmodifiableMap(buckets);
    }
}
