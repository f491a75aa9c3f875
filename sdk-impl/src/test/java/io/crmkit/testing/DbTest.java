package io.crmkit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A storage test: runs once per configured target (H2 always; PostgreSQL and MariaDB when
 * {@code CRMKIT_TEST_POSTGRES_URL} / {@code CRMKIT_TEST_MARIADB_URL} are set; PostgreSQL running every transaction
 * SERIALIZABLE when {@code CRMKIT_TEST_SERIALIZABLE_URL} is), with the target in its display name ({@code [h2]},
 * {@code [postgres]}, {@code [mariadb]}, {@code [serializable]}), and receives a {@link TestDb} scoped to a fresh
 * tenant.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface DbTest {
}
