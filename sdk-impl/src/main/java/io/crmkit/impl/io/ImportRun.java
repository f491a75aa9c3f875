package io.crmkit.impl.io;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerEditor;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferJob;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.sheet.SheetReader;
import io.crmkit.impl.sheet.SheetRow;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of an import whose job is stored: counts the file's rows, then imports them chunk by chunk (at most
 * {@code ImportService.CHUNK_ROWS} rows and {@link #MAX_CHUNK_CHARS} characters) after the rows an earlier run
 * committed, each chunk's rows, failures, counts and progress in one transaction. A chunk
 * that a concurrent writer makes collide (an identity taken, a customer changed meanwhile) is imported again row
 * by row. Each chunk commits only while the run's lease holds the job, so a job never runs in two places at once.
 * Not thread-safe.
 */
final class ImportRun {

    /**
     * The most characters of cells one chunk holds before it is committed, whatever its number of rows:
     * {@code min(2,000,000, Runtime.maxMemory() / 128)}, so that a chunk's cells take at most 1/64 of the heap (a
     * few times that with their parsed and validated fields and stored failures). Ordinary rows never reach it; a
     * file of long rows is committed in smaller chunks. The committed row count, not the chunk, is what a re-run
     * continues after.
     */
    static final long MAX_CHUNK_CHARS = Math.min(2_000_000L, Runtime.getRuntime().maxMemory() / 128);

    private final String tablePrefix;
    private final Database database;
    private final AuditLog audit;
    private final RunningJobs running;
    private final GrowingTables growing;
    private final TransferLimits transferLimits;
    private final JobLeases leases;
    private final Actor actor;
    private final ImportRequest request;
    private final JobStore store;
    private final ImportFailures failures;
    private final ImportFiles.Opened file;
    private final Lease lease;
    private final long jobId;
    private final long committed;
    private TransferJobRows.Counts counts;
    /** Rows written when the tables' statistics were last told of. */
    private long reported;
    private final RowParser parser;
    private final ImportChunk chunks;

    /**
     * @param lease     the run's lease on its job, stored QUEUED and held; the run releases it when it ends
     * @param committed data rows an earlier run of the same import committed
     * @param counts    what those rows did
     */
    ImportRun(String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            PhoneNormalizer phones, CustomerReader customers, IdStatements idSql, CustomerEditor editor,
                    RunningJobs running, GrowingTables growing,
            TransferLimits transferLimits, JobLeases leases, Actor actor, ImportRequest request, TenantFields fields,
            ImportFiles.Opened file,
              Lease lease, long committed, TransferJobRows.Counts counts, ImportChunk.Settings settings) {
        this.tablePrefix = tablePrefix;
        this.database = database;
        this.audit = audit;
        this.running = running;
        this.growing = growing;
        this.transferLimits = transferLimits;
        this.leases = leases;
        this.actor = actor;
        this.request = request;
        this.store = new JobStore(tablePrefix, database, clock, leases);
        this.failures = new ImportFailures(tablePrefix, database);
        this.file = file;
        this.lease = lease;
        this.jobId = lease.jobId();
        this.committed = committed;
        this.counts = counts;
        this.parser = new RowParser(file.plan(), fields, phones);
        this.chunks = new ImportChunk(tablePrefix, database, ids, clock, customers, idSql, editor, actor, request,
                fields, settings);
    }

    /** @return the run's lease on its job */
    Lease lease() {
        return lease;
    }

    /**
     * @throws LeaseLostException when the job was taken over or cancelled elsewhere after this run's lease ended; the
     *                            chunk in progress is rolled back, the committed ones stay
     */
    ImportResult run(ProgressListener listener) {
        try {
            if (running.isCancelled(jobId)) {
                store.cancel(lease, "cancelled before it started; run the same import again to continue");
                return counts.result(jobId, request.dryRun(), List.of());
            }
            if (!store.begin(lease)) {
                throw new LeaseLostException(jobId);
            }
            long total = countRows();
            store.total(lease, total);
            TransferJob.State end = importRows(total, listener);
            if (end == TransferJob.State.CANCELLED) {
                store.cancel(lease, "cancelled after " + counts.rows() + " of " + total + " rows; run the same import"
                        + " again to continue");
            } else {
                store.finish(lease);
            }
            List<ImportFailure> listed = new ArrayList<>();
            failures.each(actor.tenantId(), jobId, ImportResult.MAX_LISTED + 1, failure -> {
                if (failure.row() != FailureReport.HEADER_ROW && listed.size() < ImportResult.MAX_LISTED) {
                    listed.add(new ImportFailure(failure.row(), failure.reasons()));
                }
            });
            return counts.result(jobId, request.dryRun(), listed);
        } catch (RuntimeException e) {
            store.fail(lease, e);
            throw e;
        } finally {
            running.ended(jobId);
            leases.release(lease);
        }
    }

    private long countRows() {
        int limit = transferLimits.importRows();
        long rows = 0;
        try (SheetReader reader = file.open()) {
            reader.header();
            while (reader.next() != null) {
                if (++rows > limit) {
                    throw new LimitExceededException("file: more than " + limit + " data rows;"
                            + " split the file and import the parts one after the other", limit, rows);
                }
            }
        }
        return rows;
    }

    /**
     * Imports the rows after the committed ones, chunk by chunk; the next chunk is read, parsed and validated as new
     * customers on a thread of its own while the current one is written ({@link PageAhead}), so memory holds at most
     * two chunks.
     */
    private TransferJob.State importRows(long total, ProgressListener listener) {
        try (SheetReader reader = file.open();
             PageAhead<Chunk> ahead = new PageAhead<>("crmkit-import-" + jobId)) {
            reader.header();
            Chunks source = new Chunks(reader);
            ahead.read(source::next);
            while (true) {
                Chunk chunk = ahead.take();
                if (chunk.rows().isEmpty()) {
                    return TransferJob.State.DONE;
                }
                ahead.read(source::next); // parse the next chunk while this one is written
                commit(chunk.rows(), chunk.readAfter());
                listener.progress(chunk.readAfter(), total);
                if (running.isCancelled(jobId) || leases.cancelRequested(lease)) {
                    return TransferJob.State.CANCELLED;
                }
            }
        }
    }

    /**
     * A chunk of parsed rows.
     *
     * @param rows      the rows, none after the file's last row
     * @param readAfter the data rows of the file read once the chunk's last row was
     */
    private record Chunk(List<ParsedRow> rows, long readAfter) {
    }

    /**
     * Reads the file's rows after the committed ones in chunks of at most {@code ImportService.CHUNK_ROWS} rows and
     * {@link #MAX_CHUNK_CHARS} characters. Used by one thread at a time (the read-ahead thread, handed over by
     * {@link PageAhead}).
     */
    private final class Chunks {
        private final SheetReader reader;
        private long read;

        Chunks(SheetReader reader) {
            this.reader = reader;
        }

        Chunk next() {
            List<ParsedRow> chunk = new ArrayList<>();
            long chunkChars = 0;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                if (++read <= committed) {
                    continue;
                }
                ParsedRow parsed = parser.parse(row);
                chunks.validateAhead(parsed);
                chunk.add(parsed);
                chunkChars += chars(row);
                if (chunk.size() == ImportService.CHUNK_ROWS || chunkChars >= MAX_CHUNK_CHARS) {
                    break;
                }
            }
            return new Chunk(chunk, read);
        }
    }

    private static long chars(SheetRow row) {
        long chars = 0;
        for (String cell : row.cells()) {
            chars += cell.length();
        }
        return chars;
    }

    private void commit(List<ParsedRow> rows, long readAfter) {
        try {
            commitTogether(rows, readAfter);
        } catch (LeaseLostException lost) {
            throw lost;
        } catch (DuplicateKeyException | ConflictException collided) {
            for (int i = 0; i < rows.size(); i++) {
                commitAlone(rows.get(i), readAfter - rows.size() + i + 1);
            }
        }
        refreshStatistics();
    }

    /** Tells the kit how many customers the import wrote, so that it refreshes the tables' statistics in time. */
    private void refreshStatistics() {
        long written = counts.created() + counts.updated();
        if (!request.dryRun() && written > reported) {
            String prefix = tablePrefix;
            growing.wrote(List.of(prefix + "customer", prefix + "identity", prefix + "tag", prefix + "event"),
                    written - reported);
            reported = written;
        }
    }

    private void commitAlone(ParsedRow row, long readAfter) {
        try {
            commitTogether(List.of(row), readAfter);
        } catch (LeaseLostException lost) {
            throw lost;
        } catch (DuplicateKeyException | ConflictException collided) {
            ImportChunk.Outcome outcome = new ImportChunk.Outcome();
            outcome.fail(row, List.of(collided instanceof ConflictException ? collided.getMessage() + "; import the"
                    + " row again" : "an identity of this row was taken by another customer while the import ran;"
                    + " import the row again"));
            counts = database.write("record an import failure", session -> {
                store.hold(session.getConnection(), lease);
                return record(session.getConnection(), outcome, readAfter);
            });
        }
    }

    private void commitTogether(List<ParsedRow> rows, long readAfter) {
        counts = database.write("import customers", session -> {
            store.hold(session.getConnection(), lease);
            ImportChunk.Outcome outcome = chunks.run(session, rows);
            if (!request.dryRun() && outcome.created + outcome.updated > 0) {
                audit.record(session, actor, "import.chunk", "transfer_job", jobId, outcome.created
                        + " created, " + outcome.updated + " updated");
                audit.events().recordAll(session, actor, outcome.events);
            }
            return record(session.getConnection(), outcome, readAfter);
        });
    }

    /**
     * Stores the outcome's failures and the counts after it, in the chunk's transaction.
     *
     * @return the counts after the chunk, for the caller to keep once the transaction committed
     */
    private TransferJobRows.Counts record(java.sql.Connection connection, ImportChunk.Outcome outcome,
                                          long readAfter) {
        TransferJobRows.Counts after = new TransferJobRows.Counts(readAfter, counts.created() + outcome.created,
                counts.updated() + outcome.updated, counts.unchanged() + outcome.unchanged,
                counts.failed() + outcome.failures.size());
        failures.add(connection, actor.tenantId(), jobId, outcome.failures, outcome.failedCells);
        store.progress(connection, lease, readAfter, TransferJobRows.toJson(after));
        return after;
    }
}
