package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ConfigurationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void recognisesTheSupportedProducts() {
        assertThat(Dialect.fromProductName("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.fromProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.fromProductName("MariaDB")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.fromProductName("MySQL")).isEqualTo(Dialect.MARIADB);
        assertThatThrownBy(() -> Dialect.fromProductName("Microsoft SQL Server"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'Microsoft SQL Server'");
    }

    @Test
    void tellsRetryableErrorsFromUniqueViolations() {
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("serialization", "40001"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("deadlock", "40001", 1213))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("lock wait", "HY000", 1205))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("unique", "23505"))).isFalse();
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("unique", "23505"))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLException("dup", "23000", 1062))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLException("fk", "23000", 1452))).isFalse();
    }
}
