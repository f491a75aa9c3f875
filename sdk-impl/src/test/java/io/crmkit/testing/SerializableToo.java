package io.crmkit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a class's {@link DbTest}s on the {@code [serializable]} target too (PostgreSQL with every transaction
 * SERIALIZABLE), when it is configured. That target runs the classes marked with this or with {@link ShardedToo},
 * and every class of the packages {@code io.crmkit.jobs} and {@code io.crmkit.kit} (jobs, leases, crash recovery,
 * retries): the tests whose outcome depends on how concurrent transactions are refused and retried. The others
 * run on one PostgreSQL isolation level only, so that CI stays within its time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SerializableToo {
}
