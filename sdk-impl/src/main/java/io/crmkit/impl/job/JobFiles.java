package io.crmkit.impl.job;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.schema.JobFileTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of jobs, kept in the database ({@code <prefix>job_file}, {@link JobFileTable}) so that any instance of the host can serve
 * them: chunks of at most {@link #CHUNK_BYTES}, each written in a transaction of its own and read back one at a
 * time, so that memory holds one chunk whatever the file's size. Files older than the retention are deleted by
 * {@link #deleteExpired()}. One per kit; thread-safe.
 */
public final class JobFiles {

    /** The most bytes of one stored chunk. */
    public static final int CHUNK_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(JobFiles.class);

    private final Database database;
    private final Clock clock;
    private final String prefix;
    private final String table;
    private final Duration retention;

    /** @param retention how long a file is kept after it was written */
    public JobFiles(Database database, Clock clock, String tablePrefix, Duration retention) {
        this.database = database;
        this.clock = clock;
        this.prefix = tablePrefix;
        this.table = JobFileTable.TABLE.in(tablePrefix);
        this.retention = retention;
    }

    /** @return how long a file is kept */
    public Duration retention() {
        return retention;
    }

    /**
     * @return a stream that stores what is written to it as the job's file, chunk by chunk; the file is complete
     *         once the stream is closed. A job writing its file again first {@link #delete}s the old one.
     */
    public OutputStream create(String tenantId, long jobId) {
        return new ChunkedOutput(tenantId, jobId);
    }

    /** Deletes a job's file, whole or partly written; a no-op when it has none. */
    public void delete(String tenantId, long jobId) {
        database.write("delete a job's file", session -> IdStatements.execute(session.getConnection(),
                "DELETE FROM " + table + " WHERE tenant_id = ? AND job_id = ?", List.of(tenantId, jobId)));
    }

    /** @return how many chunks a job's file has; 0 when it has none (never written, or deleted) */
    public int chunks(String tenantId, long jobId) {
        return database.read("read a job's file", session -> IdStatements.rows(session.getConnection(),
                "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND job_id = ?", List.of(tenantId, jobId),
                row -> row.getInt(1))).get(0);
    }

    /**
     * Writes a job's file to the stream, one chunk read at a time; the stream is not closed.
     *
     * @return the bytes written
     * @throws UncheckedIOException when the stream fails
     */
    public long copy(String tenantId, long jobId, OutputStream out) {
        long written = 0;
        for (int seq = 0; ; seq++) {
            Optional<byte[]> chunk = chunk(tenantId, jobId, seq);
            if (chunk.isEmpty()) {
                return written;
            }
            try {
                out.write(chunk.get());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the file of job " + jobId + ": " + e.getMessage(), e);
            }
            written += chunk.get().length;
        }
    }

    private Optional<byte[]> chunk(String tenantId, long jobId, int seq) {
        return database.read("read a job's file", session -> {
            try (PreparedStatement statement = IdStatements.prepare(session.getConnection(), "SELECT bytes FROM "
                    + table + " WHERE tenant_id = ? AND job_id = ? AND seq = ?", List.of(tenantId, jobId, seq));
                 ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getBytes(1)) : Optional.<byte[]>empty();
            } catch (SQLException e) {
                throw new IdStatements.StorageFailure(e);
            }
        });
    }

    /**
     * Deletes the chunks of every tenant's files written longer than the retention ago. A failure is logged, not
     * thrown: the files are deleted by the next call.
     *
     * @return the chunks deleted; 0 when the deletion failed
     */
    public int deleteExpired() {
        try {
            int deleted = database.write("delete expired job files", session -> IdStatements.execute(
                    session.getConnection(), "DELETE FROM " + table + " WHERE created_at < ?",
                    List.of(clock.instant().minus(retention))));
            if (deleted > 0) {
                LOG.info("Deleted {} chunk(s) of job files older than {}", deleted, retention);
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the job files older than {} ({}); the next export or kit start tries again",
                    retention, e.getMessage());
            return 0;
        }
    }

    /** Buffers one chunk and stores it when full, and the last one on close. */
    private final class ChunkedOutput extends OutputStream {
        private final String tenantId;
        private final long jobId;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int seq;
        private boolean closed;

        ChunkedOutput(String tenantId, long jobId) {
            this.tenantId = tenantId;
            this.jobId = jobId;
        }

        @Override
        public void write(int b) {
            if (filled == buffer.length) {
                store();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == buffer.length) {
                    store();
                }
                int part = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, part);
                filled += part;
                offset += part;
                length -= part;
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (filled > 0 || seq == 0) {
                    store();
                }
            }
        }

        private void store() {
            byte[] chunk = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
            int at = seq;
            database.write("store a chunk of a job's file", session -> IdStatements.execute(session.getConnection(),
                    JobFileTable.TABLE.insert(prefix), List.of(tenantId, jobId, at, chunk, clock.instant())));
            seq++;
            filled = 0;
        }
    }
}
