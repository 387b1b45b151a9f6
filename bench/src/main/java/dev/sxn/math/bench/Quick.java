package dev.sxn.math.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reduced parameter lists a benchmark class uses under {@code sxn bench --quick}, as
 * {@code "name=v1,v2,..."} entries (JMH {@code @Param} names). Parameters not listed keep their
 * full lists. An entry applies to every benchmark method of the class (nested state classes included) that
 * has the parameter; {@code "METHODS:name=v1,v2"} applies it only to the methods whose name matches the regular
 * expression METHODS (so two states that share a parameter name can be cut differently); a later entry wins.
 * {@link QuickPlan} turns these into the quick run's rows, and its test holds the whole plan to the 15-minute
 * budget.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Quick {
    /** Entries of the form {@code "size=1000,1000000"} or {@code "batch.*:backend=VECTOR,LOOP"}. */
    String[] value();

    /**
     * Warm-up iterations of 0.5 s under {@code --quick}: 1 by default, where the benchmark is steady after one
     * (its VECTOR kernels are compiled by {@link JitWarmUp} before it); 2 for a class whose first measured iteration
     * still drifts.
     */
    int warmups() default 1;

    /**
     * A regular expression over method names left out of the quick run (the full profile runs them): methods whose
     * kernel another quick row already covers, so that the suite keeps its budget.
     */
    String skip() default "";
}
