package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Capital tiers with hysteresis: tier {@code i + 1} is entered when the balance reaches {@code up[i]} and left again
 * only when it falls below {@code down[i] < up[i]}, so a balance oscillating around one threshold does not flip tiers
 * (up at 6k / 24k / 120k / 1.2M, down at 4k / 16k / 80k / 800k, say). Tiers run from 0 (below {@code up[0]}) to
 * {@code up.length}.
 *
 * <p>Transitions, for each new balance B: while {@code tier < n} and {@code B >= up[tier]}, tier + 1; then while
 * {@code tier > 0} and {@code B < down[tier - 1]}, tier - 1 (a jump crosses several tiers at once). The initial tier
 * is the one the up thresholds give to the initial balance (the conservative reading). Exact decimal comparisons on
 * {@link Money}; O(tiers) per update. Mutable, not thread-safe.
 */
public final class TierHysteresis {
    private final Money[] up;
    private final Money[] down;
    private int tier;

    /**
     * Thresholds in one currency, each list strictly increasing, {@code down[i] < up[i]}, and the starting balance.
     */
    public TierHysteresis(Money[] up, Money[] down, Money initialBalance) {
        Checks.notNull(up, "up");
        Checks.notNull(down, "down");
        Checks.notNull(initialBalance, "initialBalance");
        if (up.length == 0) throw Checks.invalid("up.length", 0, "be >= 1");
        if (down.length != up.length) throw Checks.invalid("down.length", down.length, "be " + up.length + " (up.length)");
        for (int i = 0; i < up.length; i++) {
            Checks.notNull(up[i], "up[" + i + "]");
            Checks.notNull(down[i], "down[" + i + "]");
            if (!up[i].unit().equals(initialBalance.unit()) || !down[i].unit().equals(initialBalance.unit())) {
                throw Checks.invalid("thresholds' currency", up[i].unit().code() + "/" + down[i].unit().code(), "be " + initialBalance.unit().code());
            }
            if (down[i].compareTo(up[i]) >= 0) throw Checks.invalid("down[" + i + "]", down[i], "be < up[" + i + "] = " + up[i]);
            if (i > 0 && up[i].compareTo(up[i - 1]) <= 0) throw Checks.invalid("up[" + i + "]", up[i], "be > up[" + (i - 1) + "] = " + up[i - 1]);
            if (i > 0 && down[i].compareTo(down[i - 1]) <= 0) throw Checks.invalid("down[" + i + "]", down[i], "be > down[" + (i - 1) + "] = " + down[i - 1]);
        }
        this.up = Arrays.copyOf(up, up.length);
        this.down = Arrays.copyOf(down, down.length);
        while (tier < up.length && initialBalance.compareTo(up[tier]) >= 0) tier++;
    }

    /** Moves by the transitions above for {@code balance} and returns the new tier. */
    public int update(Money balance) {
        Checks.notNull(balance, "balance");
        while (tier < up.length && balance.compareTo(up[tier]) >= 0) tier++;
        while (tier > 0 && balance.compareTo(down[tier - 1]) < 0) tier--;
        return tier;
    }

    /** The current tier, 0 to {@link #tiers()}. */
    public int tier() {
        return tier;
    }

    /** The highest tier ({@code up.length}). */
    public int tiers() {
        return up.length;
    }
}
