package io.crmkit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a class's {@link DbTest}s on the {@code [sharded]} target too (ShardingSphere over two PostgreSQL databases),
 * when it is configured. The sharded target runs the storage tests that matter most for a sharded host, marked
 * with this, so that CI stays within its time: the others run on one database only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShardedToo {
}
