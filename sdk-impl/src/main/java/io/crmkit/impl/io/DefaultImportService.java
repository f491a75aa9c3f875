package io.crmkit.impl.io;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerEditor;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportPreview;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.job.JobFiles;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.job.RunningJobs;
import io.crmkit.impl.sheet.SheetReader;
import io.crmkit.impl.sheet.SheetRow;
import io.crmkit.impl.sheet.SheetWriter;
import io.crmkit.impl.sheet.SheetWriters;
import io.crmkit.impl.sheet.TemplateWriter;
import io.crmkit.impl.validation.Errors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ImportService} for one actor. Thread-safe. */
public final class DefaultImportService implements ImportService {

    /** The source of created customers when neither the request nor the row names one. */
    static final String DEFAULT_SOURCE = "import";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultImportService.class);
    private static final int SAMPLE_ROWS = 5;

    private final Actor actor;
    private final String tablePrefix;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;
    private final PhoneNormalizer phones;
    private final List<String> lifecycleStages;
    private final CustomerReader customers;
    private final CustomerEditor editor;
    private final IdStatements idSql;
    private final ExecutorService threads;
    private final GrowingTables growing;
    private final TransferLimits transferLimits;
    private final TransferEnds transferEnds;
    private final JobStore store;
    private final TransferJobRows rows;
    private final ImportFailures failures;
    private final TransferJobs jobs;
    private final JobFiles files;
    private final JobLeases leases;
    private final RunningJobs running;
    private final JobScheduler scheduler;

    public DefaultImportService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, FieldCatalog fields, PhoneNormalizer phones, List<String> lifecycleStages,
            CustomerReader customers, IdStatements idSql, CustomerEditor editor,
            ExecutorService threads, RunningJobs running, GrowingTables growing, TransferLimits transferLimits,
            TransferEnds transferEnds, JobLeases leases, JobFiles jobFiles, JobScheduler scheduler, TransferJobs jobs) {
        this.actor = actor;
        this.tablePrefix = tablePrefix;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.fields = fields;
        this.phones = phones;
        this.lifecycleStages = lifecycleStages;
        this.customers = customers;
        this.editor = editor;
        this.idSql = idSql;
        this.threads = threads;
        this.growing = growing;
        this.transferLimits = transferLimits;
        this.transferEnds = transferEnds;
        this.store = new JobStore(tablePrefix, database, clock, leases);
        this.rows = new TransferJobRows(store);
        this.failures = new ImportFailures(tablePrefix, database);
        this.jobs = jobs;
        this.files = jobFiles;
        this.leases = leases;
        this.running = running;
        this.scheduler = scheduler;
    }

    @Override
    public void writeTemplate(OutputStream out) {
        ValidationException.requireNonNull(out, "out");
        Access.require(actor, Permission.IMPORT, "download the import template");
        TemplateWriter.write(out, TemplateColumns.of(this.fields.of(actor.tenantId()), lifecycleStages));
    }

    @Override
    public ImportPreview preview(ImportFile file) {
        ValidationException.requireNonNull(file, "file");
        Access.require(actor, Permission.IMPORT, "preview an import");
        TenantFields fields = this.fields.of(actor.tenantId());
        try (SheetReader reader = ImportFiles.open(file)) {
            List<String> header = reader.header();
            List<List<String>> sample = new ArrayList<>();
            for (SheetRow row = reader.next(); row != null && sample.size() < SAMPLE_ROWS; row = reader.next()) {
                sample.add(row.cells());
            }
            var suggested = ImportTargets.suggest(header, fields);
            List<String> unmapped = header.stream().filter(name -> !suggested.containsKey(name)).toList();
            return new ImportPreview(header, suggested, unmapped, sample, ImportTargets.all(fields));
        }
    }

    @Override
    public ImportResult run(ImportRequest request, ProgressListener listener) {
        ValidationException.requireNonNull(listener, "listener");
        return prepare(request).run(listener);
    }

    @Override
    public long submit(ImportRequest request) {
        Prepared prepared = prepare(request);
        if (!request.dryRun()) {
            schedule(prepared, request);
            return prepared.jobId;
        }
        // A dry run is never continued (each run is a job of its own), so it runs here rather than on the scheduler.
        threads.execute(() -> {
            try {
                prepared.run(ProgressListener.NONE);
            } catch (RuntimeException e) {
                LOG.warn("Import job {} of tenant '{}' failed; the job stores why, and running the same import again"
                        + " continues after its last committed row", prepared.jobId, actor.tenantId(), e);
            } finally {
                transferEnds.report(rows, actor.tenantId(), prepared.jobId);
            }
        });
        return prepared.jobId;
    }

    /**
     * Hands the import's job over to the kit's scheduler, with its file and settings stored in the database: any kit
     * on the database runs it, and another one continues it when that kit dies.
     */
    private void schedule(Prepared prepared, ImportRequest request) {
        Lease lease = prepared.run.lease();
        try {
            files.delete(actor.tenantId(), prepared.jobId);
            try (OutputStream out = files.create(actor.tenantId(), prepared.jobId)) {
                Files.copy(request.file().path(), out);
            }
            if (!store.handOver(lease, ScheduledImports.StoredRequest.toJson(request))) {
                throw new LeaseLostException(prepared.jobId);
            }
        } catch (IOException e) {
            throw abandoned(lease, new UncheckedIOException("could not store " + request.file().path() + " for its"
                    + " job: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw abandoned(lease, e);
        }
        leases.release(lease);
        running.ended(prepared.jobId);
        scheduler.scheduleImport(new JobScheduler.ScheduledJob(actor.tenantId(), actor.actorId(), prepared.jobId));
    }

    @Override
    public void writeFailureReport(long jobId, FileFormat format, OutputStream out) {
        ValidationException.requireNonNull(format, "format");
        ValidationException.requireNonNull(out, "out");
        Access.require(actor, Permission.IMPORT, "download an import's failure report");
        TransferJob job = rows.find(actor.tenantId(), jobId).filter(found -> found.kind() == TransferJob.Kind.IMPORT)
                .orElseThrow(() -> new NotFoundException("no import " + jobId + " in tenant '" + actor.tenantId() + "'"));
        try (SheetWriter writer = SheetWriters.open(out, format, ',')) {
            failures.each(actor.tenantId(), job.id(), 0, new FailureReport(writer)::write);
        }
    }

    @Override
    public TransferJobs jobs() {
        return jobs;
    }

    /** An import checked, with its job stored (new, or an earlier run of the same import taken over). */
    private final class Prepared {
        final long jobId;
        final ImportRun run;

        Prepared(long jobId, ImportRun run) {
            this.jobId = jobId;
            this.run = run;
        }

        ImportResult run(ProgressListener listener) {
            return run.run(listener);
        }
    }

    /**
     * Ends a job whose run failed before it started: marks it failed, so that running the import again takes it
     * over, and stops renewing its lease.
     *
     * @return the failure, to throw
     */
    private RuntimeException abandoned(Lease lease, RuntimeException failure) {
        store.fail(lease, failure);
        running.ended(lease.jobId());
        leases.release(lease);
        return failure;
    }

    private Prepared prepare(ImportRequest request) {
        ValidationException.requireNonNull(request, "request");
        Access.require(actor, Permission.IMPORT, "import customers");
        ImportChunk.Settings settings = checkSettings(request);
        TenantFields fields = this.fields.of(actor.tenantId());
        ImportFiles.Opened opened = ImportFiles.openMapped(request.file(), request.mapping(), fields);
        String fingerprint = ImportFiles.fingerprint(request, opened);
        Optional<TransferJob> earlier = request.dryRun() ? Optional.empty()
                : rows.latestImport(actor.tenantId(), fingerprint);
        if (earlier.isPresent() && earlier.get().state() != TransferJob.State.DONE) {
            TransferJob job = earlier.get();
            Lease lease = store.newLease(actor.tenantId(), job.id());
            if (!store.claim(lease)) {
                throw new ConflictException("the same import is running as job " + job.id() + "; wait for it or"
                        + " cancel it", job.id());
            }
            running.started(job.id());
            try {
                // Read again now that no other run can commit to it: a run whose lease ran out may have committed a
                // chunk since the first read.
                TransferJob claimed = rows.find(actor.tenantId(), job.id()).orElseThrow();
                return new Prepared(job.id(), new ImportRun(tablePrefix, database, ids, clock, audit, phones,
                        customers, idSql, editor, running, growing, transferLimits,
                        leases, actor, request, fields, opened, lease,
                        claimed.done(), TransferJobRows.counts(claimed), settings));
            } catch (RuntimeException e) {
                throw abandoned(lease, e);
            }
        }
        Lease lease = store.newLease(actor.tenantId(), ids.next());
        try {
            rows.insert(lease, TransferJob.Kind.IMPORT, actor.actorId(),
                    request.file().path().getFileName().toString(), fingerprint, request.dryRun(), 0);
        } catch (DuplicateKeyException e) {
            // Another run stored the same import between our look-up and our insert.
            long holder = rows.latestImport(actor.tenantId(), fingerprint).map(TransferJob::id).orElse(0L);
            throw new ConflictException("the same import is running as job " + holder + "; wait for it or cancel it",
                    holder);
        }
        running.started(lease.jobId());
        try {
            database.write("store an import's header", session -> {
                failures.add(session.getConnection(), actor.tenantId(), lease.jobId(),
                        List.of(new io.crmkit.api.io.ImportFailure(FailureReport.HEADER_ROW, List.of())),
                        List.of(opened.header()));
                return null;
            });
        } catch (RuntimeException e) {
            throw abandoned(lease, e);
        }
        return new Prepared(lease.jobId(), new ImportRun(tablePrefix, database, ids, clock, audit, phones,
                customers, idSql, editor, running, growing, transferLimits, leases, actor,
                request, fields, opened, lease, 0,
                TransferJobRows.Counts.NONE, settings));
    }

    /** @return the settings, checked: the source of created customers, the clean tags; the groups exist */
    private ImportChunk.Settings checkSettings(ImportRequest request) {
        List<String> tags = ChunkWrites.cleanTags(request.tags());
        Errors errors = new Errors();
        String source = errors.text("source", request.source().orElse(DEFAULT_SOURCE), CustomerLimits.SOURCE_MAX);
        if (!request.groups().isEmpty()) {
            Set<Long> found = new HashSet<>(database.read("read groups", session -> idSql.longs(
                    session.getConnection(), "SELECT id FROM " + tablePrefix + "customer_group WHERE"
                            + " tenant_id = ? AND id IN ", List.of(actor.tenantId()), request.groups(), "")));
            for (int i = 0; i < request.groups().size(); i++) {
                if (!found.contains(request.groups().get(i))) {
                    errors.add("groups[" + i + "]", "not_found", "no group " + request.groups().get(i)
                            + " in this tenant");
                }
            }
        }
        errors.throwIfAny();
        return new ImportChunk.Settings(source.isEmpty() ? DEFAULT_SOURCE : source, tags);
    }
}
