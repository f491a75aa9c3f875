package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database failure reaches the host as a {@link StorageException} that says what failed and the SQLState, and
 * keeps the driver's exception as its cause for the logs; its message never holds the statement or its values.
 */
class StorageErrorTest {

    /** A driver message as H2 writes it: the statement, with a customer's data in it. */
    private static final String DRIVER_MESSAGE = "Syntax error in SQL statement \"SELECT c.id FROM crm_customer c"
            + " WHERE c.tenant_id = ? AND LOWER(c.name) LIKE '%secret customer%'\"; SQL statement: INSERT INTO"
            + " crm_customer (id, name) VALUES (1, 'secret customer')";

    private final AtomicBoolean failing = new AtomicBoolean();
    private CrmKit kit;
    private Crm crm;

    @BeforeEach
    void openAKitOnADataSourceThatFailsOnDemand() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:storage_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        Connection broken = mock(Connection.class, call -> {
            throw new SQLException(DRIVER_MESSAGE, "42000", 42000);
        });
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenAnswer(call -> failing.get() ? broken : h2.getConnection());
        kit = CrmKit.builder().dataSource(dataSource).tablePrefix("crm_").build();
        crm = kit.as(Actor.of("storage", "agent", Permission.ALL));
        crm.customers().create(CustomerDraft.builder().name("secret customer").build());
        failing.set(true);
    }

    @AfterEach
    void close() {
        failing.set(false);
        kit.close();
    }

    @Test
    void aFailedReadSaysWhatFailedAndTheSqlStateButNotTheStatement() {
        StorageException failure = catchThrowableOfType(StorageException.class,
                () -> crm.filters().search(Query.where(Filter.contains("name", "secret customer"))));

        assertCarriesNoSql(failure);
        assertThat(failure.getMessage()).startsWith("could not search customers").contains("SQLState 42000");
    }

    @Test
    void aFailedWriteSaysWhatFailedAndTheSqlStateButNotTheStatement() {
        StorageException failure = catchThrowableOfType(StorageException.class,
                () -> crm.customers().create(CustomerDraft.builder().name("secret customer").build()));

        assertCarriesNoSql(failure);
        assertThat(failure.getMessage()).startsWith("could not create a customer").contains("SQLState 42000");
    }

    private static void assertCarriesNoSql(StorageException failure) {
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).doesNotContain("SELECT", "INSERT", "crm_", "secret", "Syntax error");
        assertThat(failure).hasRootCauseInstanceOf(SQLException.class).hasRootCauseMessage(DRIVER_MESSAGE);
    }
}
