package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.crmkit.api.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * {@link Database#write} and {@link Database#read}: a transaction that meets a retryable error is rolled back and
 * run again, counted, and one that fails for good is rolled back and never committed. The connection is a mock, since its failure is the point.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class DatabaseWriteTest {

    @Mock DataSource dataSource;
    @Mock Connection connection;
    @Mock PreparedStatement statement;

    private Database database;

    @BeforeEach
    void connect() throws SQLException {
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.getAutoCommit()).thenReturn(false);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        database = Database.open(dataSource, Dialect.POSTGRESQL, "crm_", false);
    }

    @Test
    void rollsBackAndRunsTheWorkAgainAfterASerializationFailure() throws SQLException {
        when(statement.executeUpdate())
                .thenThrow(new SQLException("could not serialize access", "40001"))
                .thenReturn(1);
        AtomicInteger runs = new AtomicInteger();

        int updated = database.write("tag a customer", session -> {
            runs.incrementAndGet();
            return update(session);
        });

        assertThat(updated).isEqualTo(1);
        assertThat(runs).hasValue(2);
        assertThat(database.retries()).isOne();
        InOrder order = inOrder(connection);
        order.verify(connection).rollback();
        order.verify(connection).commit();
        verify(connection, times(1)).commit();
    }

    @Test
    void retriesADeadlockToo() throws SQLException {
        when(statement.executeUpdate())
                .thenThrow(new SQLException("deadlock detected", "40P01"))
                .thenReturn(1);
        AtomicInteger runs = new AtomicInteger();

        int updated = database.write("tag a customer", session -> {
            runs.incrementAndGet();
            return update(session);
        });

        assertThat(updated).isEqualTo(1);
        assertThat(runs).hasValue(2);
        InOrder order = inOrder(connection);
        order.verify(connection).rollback();
        order.verify(connection).commit();
    }

    @Test
    void givesUpAfterEightAttemptsWithAStorageExceptionSayingSoAndCommitsNothing() throws SQLException {
        when(statement.executeUpdate()).thenThrow(new SQLException("could not serialize access", "40001"));
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> database.write("tag a customer", session -> {
            runs.incrementAndGet();
            return update(session);
        })).isInstanceOf(StorageException.class).hasMessageStartingWith("could not tag a customer: the database"
                + " refused it 8 times as conflicting with concurrent work (").hasMessageContaining("SQLState 40001")
                .hasMessageNotContaining("could not serialize access");

        assertThat(runs).hasValue(Database.MAX_ATTEMPTS).hasValue(8);
        assertThat(database.retries()).isEqualTo(7);
        verify(connection, times(8)).rollback();
        verify(connection, never()).commit();
    }

    @Test
    void retriesASerializationFailureThatTheWorkAlreadyReportedAsAStorageException() {
        AtomicInteger runs = new AtomicInteger();

        String read = database.write("merge customers", session -> {
            if (runs.incrementAndGet() == 1) {
                throw Database.failure("read customers", new SQLException("could not serialize access", "40001"));
            }
            return "read";
        });

        assertThat(read).isEqualTo("read");
        assertThat(runs).hasValue(2);
        assertThat(database.retries()).isOne();
    }

    @Test
    void runsAReadTheDatabaseRefusedAsConflictingAgain() {
        AtomicInteger runs = new AtomicInteger();

        String read = database.read("read customers", session -> {
            if (runs.incrementAndGet() == 1) {
                throw new IdStatements.StorageFailure(new SQLException("could not serialize access", "40001"));
            }
            return "read";
        });

        assertThat(read).isEqualTo("read");
        assertThat(runs).hasValue(2);
        assertThat(database.retries()).isOne();
    }

    @Test
    void doesNotRetryAStorageExceptionOfAnotherCause() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> database.write("merge customers", session -> {
            runs.incrementAndGet();
            throw Database.failure("read customers", new SQLException("value too long", "22001"));
        })).isInstanceOf(StorageException.class).hasMessageContaining("could not read customers");

        assertThat(runs).hasValue(1);
        assertThat(database.retries()).isZero();
    }

    @Test
    void retriesACommitRefusedAsASerializationFailure() throws SQLException {
        when(statement.executeUpdate()).thenReturn(1);
        doThrow(new SQLException("could not serialize access due to read/write dependencies", "40001"))
                .doNothing().when(connection).commit();
        AtomicInteger runs = new AtomicInteger();

        database.write("tag a customer", session -> {
            runs.incrementAndGet();
            return update(session);
        });

        assertThat(runs).hasValue(2);
        assertThat(database.retries()).isOne();
        verify(connection, times(2)).commit();
    }

    @Test
    void doesNotRetryAnErrorThatIsNotRetryable() throws SQLException {
        when(statement.executeUpdate()).thenThrow(new SQLException("value too long", "22001"));
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> database.write("tag a customer", session -> {
            runs.incrementAndGet();
            return update(session);
        })).isInstanceOf(StorageException.class);

        assertThat(runs).hasValue(1);
        verify(connection).rollback();
        verify(connection, never()).commit();
    }

    @Test
    void reportsAUniqueViolationAsADuplicateKeyAfterRollingBack() throws SQLException {
        when(statement.executeUpdate()).thenThrow(new SQLException("duplicate key", "23505"));

        assertThatThrownBy(() -> database.write("add a phone", DatabaseWriteTest::update))
                .isInstanceOf(DuplicateKeyException.class);
        verify(connection).rollback();
        verify(connection, never()).commit();
    }

    @Test
    void givesAHostsConnectionBackInAutocommitAsItWasLent() throws SQLException {
        when(connection.getAutoCommit()).thenReturn(true);
        when(statement.executeUpdate()).thenReturn(1);
        Database hostPool = Database.open(dataSource, Dialect.POSTGRESQL, "crm_", false);

        hostPool.write("tag a customer", DatabaseWriteTest::update);

        InOrder order = inOrder(connection);
        order.verify(connection).setAutoCommit(false);
        order.verify(connection).commit();
        order.verify(connection).setAutoCommit(true);
        order.verify(connection).close();
    }

    private static int update(Session session) {
        try (PreparedStatement update = session.getConnection().prepareStatement("UPDATE crm_customer SET x = 1")) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
    }
}
