package io.crmkit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A storage test: runs once per configured database (H2 always; PostgreSQL and MariaDB when
 * {@code CRMKIT_TEST_POSTGRES_URL} / {@code CRMKIT_TEST_MARIADB_URL} are set), with the database in its
 * display name, and receives a {@link TestDb} scoped to a fresh tenant.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface DbTest {
}
