package io.crmkit.impl.io;

import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.job.RunningJobs;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Explained;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.job.JobFiles;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.filter.ListColumns;
import io.crmkit.impl.sheet.SheetWriter;
import io.crmkit.impl.sheet.SheetWriters;
import io.crmkit.impl.validation.Errors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExportService} for one actor: pages of {@value #PAGE} customers in id order, each read with a few
 * queries; the next page is read on a thread of the run's own while the current one is written, so memory holds
 * two pages. Thread-safe.
 */
public final class DefaultExportService implements ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultExportService.class);
    private static final int PAGE = 1000;
    /** Rows between two stored progress reports. */
    private static final int PROGRESS_EVERY = 10 * PAGE;

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final FieldCatalog fields;
    private final CustomerReader customers;
    private final RunningJobs running;
    private final TransferLimits transferLimits;
    private final TransferEnds transferEnds;
    private final DefaultFilterService filters;
    private final JobStore store;
    private final TransferJobRows rows;
    private final TransferJobs jobs;
    private final JobFiles files;
    private final JobLeases leases;
    private final TransferEnds ends;
    private final ExecutorService threads;
    private final JobScheduler scheduler;

    public DefaultExportService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            FieldCatalog fields, CustomerReader customers, ExecutorService threads, RunningJobs running,
            TransferLimits transferLimits, TransferEnds transferEnds, JobLeases leases, JobFiles jobFiles,
            DefaultFilterService filters, TransferJobs jobs, JobScheduler scheduler) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.fields = fields;
        this.customers = customers;
        this.running = running;
        this.transferLimits = transferLimits;
        this.transferEnds = transferEnds;
        this.filters = filters;
        this.store = new JobStore(tablePrefix, database, clock, leases);
        this.rows = new TransferJobRows(store);
        this.jobs = jobs;
        this.files = jobFiles;
        this.threads = threads;
        this.leases = leases;
        this.ends = transferEnds;
        this.scheduler = scheduler;
    }

    @Override
    public long run(ExportRequest request, OutputStream out, ProgressListener listener) {
        ValidationException.requireNonNull(out, "out");
        ValidationException.requireNonNull(listener, "listener");
        ValidationException.requireNonNull(request, "request");
        Prepared prepared = prepare(request, "(stream)", !request.keyword().isBlank());
        try {
            long written = prepared.write(out, listener);
            if (!prepared.cancelled) {
                prepared.done(written);
            }
            return written;
        } finally {
            leases.release(prepared.lease);
        }
    }

    @Override
    public long submit(ExportRequest request, Path file) {
        ValidationException.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw ValidationException.of("file", "invalid", "file: " + file + " is not a file in an existing folder");
        }
        Prepared prepared = prepare(request, target.getFileName().toString(), true);
        threads.execute(() -> {
            try {
                prepared.writeFile(target);
            } finally {
                leases.release(prepared.lease);
                transferEnds.report(rows, actor.tenantId(), prepared.jobId);
            }
        });
        return prepared.jobId;
    }

    @Override
    public long submit(ExportRequest request) {
        ValidationException.requireNonNull(request, "request");
        Prepared prepared = prepare(request, "export." + request.format().extension(), true);
        files.deleteExpired();
        try {
            if (!store.handOver(prepared.lease, StoredExportRequest.toJson(request))) {
                throw new LeaseLostException(prepared.jobId);
            }
        } catch (RuntimeException e) {
            store.fail(prepared.lease, e);
            throw e;
        } finally {
            leases.release(prepared.lease);
            running.ended(prepared.jobId);
        }
        scheduler.scheduleExport(new JobScheduler.ScheduledJob(actor.tenantId(), actor.actorId(),
                prepared.jobId));
        return prepared.jobId;
    }

    /**
     * Runs an export submitted into the database, in the kit whose scheduler picked it up: takes its job over (waiting
     * for the scheduler, or left by a kit that died), and writes its file again from the start.
     *
     * @throws ConflictException when a live run holds the job: the scheduler tries again after the lease
     */
    void runScheduled(long jobId, ExportRequest request) {
        Access.require(actor, Permission.EXPORT, "export customers");
        TenantFields fields = this.fields.of(actor.tenantId());
        List<String> columns = columns(request, fields);
        long total = filters.countMatching(request.filter(), request.keyword());
        Lease lease = store.newLease(actor.tenantId(), jobId);
        if (!store.claim(lease)) {
            throw new ConflictException("export " + jobId + " is held by a live run", jobId);
        }
        running.started(jobId);
        Prepared prepared = new Prepared(lease, request, columns, total, fields);
        try {
            store.total(lease, total);
            files.delete(actor.tenantId(), jobId);
            prepared.writeStored();
        } finally {
            leases.release(lease);
            running.ended(jobId);
            ends.report(rows, actor.tenantId(), jobId);
        }
    }

    @Override
    public long writeFile(long jobId, OutputStream out) {
        ValidationException.requireNonNull(out, "out");
        Access.require(actor, Permission.EXPORT, "download an export's file");
        TransferJob job = rows.find(actor.tenantId(), jobId).filter(found -> found.kind() == TransferJob.Kind.EXPORT)
                .orElseThrow(() -> new NotFoundException("no export " + jobId + " in tenant '" + actor.tenantId()
                        + "'"));
        if (job.state() != TransferJob.State.DONE) {
            throw new ConflictException("export " + jobId + " is " + job.state() + "; its file is served once it is"
                    + " DONE", jobId);
        }
        if (files.chunks(actor.tenantId(), jobId) == 0) {
            throw new NotFoundException("export " + jobId + " has no file in the database: it was written to a host"
                    + " path, or deleted after the retention of " + files.retention());
        }
        return files.copy(actor.tenantId(), jobId, out);
    }

    @Override
    public TransferJobs jobs() {
        return jobs;
    }

    /** An export checked, and counted unless it counts while it writes, with its job stored QUEUED under the lease. */
    private final class Prepared {
        final Lease lease;
        final long jobId;
        final ExportRequest request;
        final List<String> columns;
        /**
         * The customers to write; {@value #UNCOUNTED} until the count taken while writing ends. Read by the page
         * reader's thread.
         */
        volatile long total;
        final TenantFields fields;
        /** Whether a column shows a custom field, so that pages need their custom values. */
        final boolean customColumns;
        /** Whether the last write stopped because the job was cancelled. */
        boolean cancelled;
        /** {@link #total} of an export that counts while it writes its first pages. */
        static final long UNCOUNTED = -1;

        Prepared(Lease lease, ExportRequest request, List<String> columns, long total, TenantFields fields) {
            this.lease = lease;
            this.jobId = lease.jobId();
            this.request = request;
            this.columns = columns;
            this.total = total;
            this.fields = fields;
            this.customColumns = !columns.stream().allMatch(ListColumns::isBuiltIn);
        }

        /** Writes the file next to the target and moves it there when complete; deletes it otherwise. */
        void writeFile(Path target) {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try {
                long written;
                try (OutputStream out = Files.newOutputStream(partial)) {
                    written = write(out, ProgressListener.NONE);
                }
                if (cancelled) {
                    Files.deleteIfExists(partial);
                } else {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    done(written);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Export job {} of tenant '{}' to {} failed; the job stores why", jobId, actor.tenantId(),
                        target, e);
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the job's error already says what went wrong
                }
                if (e instanceof IOException io) {
                    store.fail(lease, "could not write " + target + ": " + io.getMessage());
                }
            }
        }

        /**
         * Writes the export into the database as the job's file, complete once the job is DONE; deletes what it wrote
         * when the job fails or is cancelled. A failure is logged and stored with the job.
         */
        void writeStored() {
            try {
                long written;
                try (OutputStream out = files.create(actor.tenantId(), jobId)) {
                    written = write(out, ProgressListener.NONE);
                }
                if (cancelled) {
                    files.delete(actor.tenantId(), jobId);
                } else {
                    done(written);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Export job {} of tenant '{}' into the database failed; the job stores why", jobId,
                        actor.tenantId(), e);
                store.fail(lease, e instanceof RuntimeException runtime ? runtime : new UncheckedIOException(
                        (IOException) e));
                try {
                    files.delete(actor.tenantId(), jobId);
                } catch (RuntimeException ignored) {
                    // the retention deletes what is left
                }
            }
        }

        /**
         * Writes the rows; the caller records the end, once the output is complete. Stops, as cancelled, when the job
         * is cancelled here or its lease was lost (it was cancelled as abandoned elsewhere).
         */
        long write(OutputStream out, ProgressListener listener) {
            long written = 0;
            if (running.isCancelled(jobId) || !store.begin(lease)) {
                cancelled = true;
                store.cancel(lease, "cancelled before it started");
                running.ended(jobId);
                return written;
            }
            boolean counting = total == UNCOUNTED;
            try (HeldOutput held = new HeldOutput(out);
                 SheetWriter writer = SheetWriters.open(counting ? held : out, request.format(), request.delimiter());
                 PageAhead<List<Customer>> ahead = new PageAhead<>("crmkit-export-" + jobId);
                 PageAhead<Long> count = new PageAhead<>("crmkit-export-count-" + jobId)) {
                if (counting) {
                    count.read(() -> filters.countMatching(request.filter(), request.keyword()));
                }
                writer.header(columns);
                List<Function<Customer, Object>> readers = ListColumns.readers(columns);
                long limit = transferLimits.exportRows();
                ahead.read(() -> page(Long.MIN_VALUE, (int) Math.min(PAGE, limit)));
                while (true) {
                    List<Customer> page = ahead.take();
                    if (page.isEmpty()) {
                        break;
                    }
                    long lastId = page.get(page.size() - 1).id();
                    int nextSize = (int) Math.min(PAGE, limit - written - page.size());
                    if (nextSize > 0) {
                        ahead.read(() -> page(lastId, nextSize)); // read while this page is written
                    }
                    for (Customer customer : page) {
                        List<Object> cells = new ArrayList<>(readers.size());
                        for (Function<Customer, Object> reader : readers) {
                            cells.add(reader.apply(customer));
                        }
                        writer.row(cells);
                    }
                    written += page.size();
                    if (!held.released() && count.ready()) {
                        counted(count.take(), held);
                    }
                    listener.progress(written, Math.max(total, written));
                    if (running.isCancelled(jobId) || leases.cancelRequested(lease) || leases.isLost(lease)) {
                        cancelled = true;
                        store.cancel(lease, "cancelled after " + written + " rows");
                        return written;
                    }
                    if (written % PROGRESS_EVERY == 0) {
                        store.progress(lease, written);
                    }
                    if (nextSize <= 0) {
                        break;
                    }
                }
                if (counting && !held.released()) {
                    counted(count.take(), held);
                }
            } catch (IOException e) {
                UncheckedIOException failure = new UncheckedIOException("could not write the export: "
                        + e.getMessage(), e);
                store.fail(lease, failure);
                throw failure;
            } catch (RuntimeException e) {
                store.fail(lease, e);
                throw e;
            } finally {
                running.ended(jobId);
            }
            return written;
        }

        /**
         * Takes the count of an export that counted while it wrote: refuses it over the limit, while the stream has
         * received nothing; otherwise records it and sends the stream what was held.
         *
         * @throws LimitExceededException when more customers match than the kit's limit
         */
        private void counted(long matches, HeldOutput held) throws IOException {
            refuseOverLimit(matches);
            total = matches;
            store.total(lease, total);
            held.release();
        }

        /**
         * The next customers after {@code lastId}: of everyone, read by id ranges; of a filter or keyword, by the
         * walk that finds them, then their child rows by their ids; of a keyword MariaDB reads from its indexes, their
         * ids first, then the customers of those ids.
         */
        private List<Customer> page(long lastId, int size) {
            if (request.filter().isEmpty() && request.keyword().isBlank()) {
                return database.read("export customers", session -> customers.readAfter(session,
                        actor.tenantId(), lastId, size, fields, customColumns));
            }
            long matches = total == UNCOUNTED ? Long.MAX_VALUE : total;
            Optional<Explained> rows = filters.rowsAfter(request.filter(), request.keyword(), lastId, size, matches,
                    CustomerReader.foundColumns());
            if (rows.isPresent()) {
                return database.read("export customers", session -> customers.readFound(session, actor.tenantId(),
                        rows.get().sql(), rows.get().parameters(), fields, customColumns));
            }
            List<Long> ids = filters.idsAfter(request.filter(), request.keyword(), lastId, size, matches);
            return ids.isEmpty() ? List.of() : database.read("export customers", session ->
                    customers.read(session, actor.tenantId(), ids, fields, customColumns));
        }

        /** Records the end of an export that wrote its output whole. */
        void done(long written) {
            store.progress(lease, written);
            store.finish(lease);
        }
    }

    /**
     * Checks an export and stores its job.
     *
     * @param countFirst whether the export is counted (and refused over the limit) now; otherwise while it writes its
     *                   first pages, into a {@link HeldOutput}: a stream then receives nothing before the count
     */
    private Prepared prepare(ExportRequest request, String fileName, boolean countFirst) {
        ValidationException.requireNonNull(request, "request");
        Access.require(actor, Permission.EXPORT, "export customers");
        TenantFields fields = this.fields.of(actor.tenantId());
        List<String> columns = columns(request, fields);
        long total = Prepared.UNCOUNTED;
        if (countFirst) {
            total = filters.countMatching(request.filter(), request.keyword());
            refuseOverLimit(total);
        } else {
            filters.compile(request.filter(), request.keyword()); // an unknown field is refused now
        }
        Lease lease = store.newLease(actor.tenantId(), this.ids.next());
        rows.insert(lease, TransferJob.Kind.EXPORT, actor.actorId(), fileName, null, false, Math.max(total, 0));
        running.started(lease.jobId());
        return new Prepared(lease, request, columns, total, fields);
    }

    /** @throws LimitExceededException when an export of this many customers passes the kit's limit */
    private void refuseOverLimit(long matches) {
        long limit = transferLimits.exportRows();
        if (matches > limit) {
            throw new LimitExceededException("export would write " + matches + " customers, at most " + limit
                    + " per export; narrow the filter", limit, matches);
        }
    }

    private List<String> columns(ExportRequest request, TenantFields fields) {
        if (request.view().isPresent()) {
            String name = request.view().get();
            return filters.views().find(name).map(ListView::columns).orElseThrow(() -> ValidationException.of("view",
                    "not_found", "view: no list view named '" + name + "' for this actor"));
        }
        if (request.columns().isEmpty()) {
            return ListColumns.all(fields);
        }
        Errors errors = new Errors();
        for (int i = 0; i < request.columns().size(); i++) {
            String column = request.columns().get(i);
            if (!ListColumns.isKnown(column, fields)) {
                errors.add("columns[" + i + "]", "unknown", "'" + column + "' is neither a built-in column nor an"
                        + " active custom field; the columns are " + ListColumns.all(fields));
            } else if (request.columns().subList(0, i).contains(column)) {
                errors.add("columns[" + i + "]", "duplicate", "'" + column + "' is listed twice");
            }
        }
        errors.throwIfAny();
        return request.columns();
    }
}
