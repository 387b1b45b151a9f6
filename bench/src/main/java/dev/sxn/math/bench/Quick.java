package dev.sxn.math.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reduced parameter lists a benchmark class uses under {@code sxn bench --quick}, as
 * {@code "name=v1,v2,..."} entries (JMH {@code @Param} names). Parameters not listed keep their
 * full lists.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Quick {
    /** Entries of the form {@code "size=1000,1000000"}. */
    String[] value();
}
