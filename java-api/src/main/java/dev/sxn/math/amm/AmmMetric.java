package dev.sxn.math.amm;

/**
 * quantammsim's scalar metrics of a pool's minute value path V (its {@code return_val} names; every one is to be
 * maximised, so risks are signed). Minute resolution, 365-day years, population standard deviations, linear
 * (type 7) percentiles of returns, trailing partial chunks dropped. {@link AmmMetrics} has the formulas.
 */
public enum AmmMetric {
    /** {@code sharpe}: sqrt(525600) mean/std of minute returns. */
    SHARPE("sharpe"),
    /** {@code daily_sharpe}: sqrt(365) mean/std of returns of V every 1440 minutes. */
    DAILY_SHARPE("daily_sharpe"),
    /** {@code daily_log_sharpe}: sqrt(365) mean/(std + 1e-8) of daily log returns of V + 1e-12; the default objective. */
    DAILY_LOG_SHARPE("daily_log_sharpe"),
    /** {@code returns}: V_end/V_0 - 1. */
    RETURNS("returns"),
    /** {@code annualised_returns}: (V_end/V_0)^(525600/(T-1)) - 1. */
    ANNUALISED_RETURNS("annualised_returns"),
    /** {@code returns_over_hodl}: V_end / (R_0 . p_end) - 1. */
    RETURNS_OVER_HODL("returns_over_hodl"),
    /** {@code annualised_returns_over_hodl}. */
    ANNUALISED_RETURNS_OVER_HODL("annualised_returns_over_hodl"),
    /** {@code returns_over_uniform_hodl}: against holding V_0 split equally by value at the first minute. */
    RETURNS_OVER_UNIFORM_HODL("returns_over_uniform_hodl"),
    /** {@code annualised_returns_over_uniform_hodl}. */
    ANNUALISED_RETURNS_OVER_UNIFORM_HODL("annualised_returns_over_uniform_hodl"),
    /** {@code greatest_draw_down}: min(V - V_0)/V_0 (below the start, not below a peak). */
    GREATEST_DRAW_DOWN("greatest_draw_down"),
    /** {@code weekly_max_drawdown}: the worst peak-to-trough drawdown within any complete week (negative). */
    WEEKLY_MAX_DRAWDOWN("weekly_max_drawdown"),
    /** {@code daily_var_95%}: the mean over complete days of the 5th percentile of that day's minute returns. */
    DAILY_VAR_95("daily_var_95%"),
    /** {@code daily_var_95%_trad}: the 5th percentile of day-end to day-end returns. */
    DAILY_VAR_95_TRAD("daily_var_95%_trad"),
    /** {@code weekly_var_95%}. */
    WEEKLY_VAR_95("weekly_var_95%"),
    /** {@code weekly_var_95%_trad}. */
    WEEKLY_VAR_95_TRAD("weekly_var_95%_trad"),
    /** {@code daily_var_99%}. */
    DAILY_VAR_99("daily_var_99%"),
    /** {@code daily_var_99%_trad}. */
    DAILY_VAR_99_TRAD("daily_var_99%_trad"),
    /** {@code weekly_var_99%}. */
    WEEKLY_VAR_99("weekly_var_99%"),
    /** {@code weekly_var_99%_trad}. */
    WEEKLY_VAR_99_TRAD("weekly_var_99%_trad"),
    /** {@code daily_raroc}: annualised return over annualised daily 95% VaR, negated. */
    DAILY_RAROC("daily_raroc"),
    /** {@code weekly_raroc}. */
    WEEKLY_RAROC("weekly_raroc"),
    /** {@code daily_rovar}: mean annualised per-day return over annualised daily VaR, negated. */
    DAILY_ROVAR("daily_rovar"),
    /** {@code weekly_rovar}. */
    WEEKLY_ROVAR("weekly_rovar"),
    /** {@code monthly_rovar} (30-day months). */
    MONTHLY_ROVAR("monthly_rovar"),
    /** {@code daily_rovar_trad}: as daily_rovar with the end-of-period VaR. */
    DAILY_ROVAR_TRAD("daily_rovar_trad"),
    /** {@code weekly_rovar_trad}. */
    WEEKLY_ROVAR_TRAD("weekly_rovar_trad"),
    /** {@code monthly_rovar_trad}. */
    MONTHLY_ROVAR_TRAD("monthly_rovar_trad"),
    /** {@code ulcer}: minus the mean over complete 30-day chunks of the RMS drawdown fraction. */
    ULCER("ulcer"),
    /** {@code sterling}: annualised return over minus the mean 30-day-chunk maximum drawdown (+inf with no drawdown). */
    STERLING("sterling"),
    /** {@code calmar}: annualised return over the whole path's maximum drawdown (+inf with no drawdown). */
    CALMAR("calmar"),
    /** {@code fee_revenue_over_value}: total fee revenue / V_0. */
    FEE_REVENUE_OVER_VALUE("fee_revenue_over_value"),
    /** The final value V_end (quantammsim's {@code value} is the whole path: {@link PoolRun#values}). */
    FINAL_VALUE("final_value");

    private final String key;

    AmmMetric(String key) {
        this.key = key;
    }

    /** The fewest minute rows (boutLength - 1) the metric accepts: 2, or its chunks (one, two for "trad"), or a day and a minute. */
    public int minRows() {
        return AmmMetrics.minLength(this);
    }

    /** quantammsim's name. */
    public String key() {
        return key;
    }

    /**
     * The metric named {@code key} (quantammsim's spelling, or this enum's constant name, case-insensitive).
     *
     * @throws IllegalArgumentException if no metric has that name
     */
    public static AmmMetric of(String key) {
        dev.sxn.math.internal.Checks.notNull(key, "key");
        for (AmmMetric m : values()) if (m.key.equalsIgnoreCase(key) || m.name().equalsIgnoreCase(key)) return m;
        throw dev.sxn.math.internal.Checks.invalid("metric", key, "be one of quantammsim's metric names (daily_log_sharpe, sharpe, returns, ...)");
    }
}
