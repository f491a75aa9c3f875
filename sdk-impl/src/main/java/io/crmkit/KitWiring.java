package io.crmkit;

import io.crmkit.api.Actor;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.io.TransferJobs;
import io.crmkit.api.job.Jobs;
import io.crmkit.impl.activity.DefaultActivityService;
import io.crmkit.impl.activity.MetricsRefresher;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.bulk.DefaultBulkService;
import io.crmkit.impl.bulk.JobThreads;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.customer.CustomerEditor;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.customer.DefaultCustomerService;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.DefaultFieldService;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.filter.SegmentCache;
import io.crmkit.impl.identity.PhoneNormalizer;
import io.crmkit.impl.io.DefaultExportService;
import io.crmkit.impl.io.DefaultImportService;
import io.crmkit.impl.io.DefaultTransferJobs;
import io.crmkit.impl.io.TransferEnds;
import io.crmkit.impl.io.TransferLimits;
import io.crmkit.impl.job.DefaultJobs;
import io.crmkit.impl.job.JobFiles;
import io.crmkit.impl.job.JobLeases;
import io.crmkit.impl.job.JobScheduler;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.RunningJobs;
import io.crmkit.impl.merge.DefaultMergeService;
import io.crmkit.impl.trash.DefaultTrashService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The one place that knows which part needs which: holds what one kit shares (built once, by {@link CrmKit.Builder})
 * and hands each service of an actor exactly the parts it uses. Nothing else sees this class; no service reaches into
 * it. Immutable and thread-safe.
 */
final class KitWiring {

    /** The kit-wide configuration of the services: the rules the builder validated. */
    record Settings(String tablePrefix, AddressDirectory addresses, List<String> lifecycleStages,
                    Duration trashRetention, Duration mergeRetention, TransferLimits transferLimits,
                    TransferEnds transferEnds, boolean automaticEvents) {
    }

    private final String tablePrefix;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;
    private final FieldValues fieldValues;
    private final PhoneNormalizer phones;
    private final AddressDirectory addresses;
    private final List<String> lifecycleStages;
    private final SegmentCache segments;
    private final CustomerReader customers;
    private final IdStatements idSql;
    private final Duration trashRetention;
    private final Duration mergeRetention;
    private final ExecutorService threads;
    private final RunningJobs running;
    private final GrowingTables growing;
    private final MetricsRefresher refresher;
    private final TransferLimits transferLimits;
    private final TransferEnds transferEnds;
    private final JobLeases leases;
    private final JobFiles jobFiles;
    private final JobScheduler scheduler;
    private final CustomerEditor editor;
    private final ChunkWrites writes;

    KitWiring(Settings settings, Database database, IdGenerator ids, Clock clock, PhoneNormalizer phones,
              FieldCatalog fields, IdStatements idSql, ExecutorService threads, GrowingTables growing,
              MetricsRefresher refresher, JobLeases leases, JobFiles jobFiles, JobScheduler scheduler) {
        this.tablePrefix = settings.tablePrefix();
        this.addresses = settings.addresses();
        this.lifecycleStages = settings.lifecycleStages();
        this.trashRetention = settings.trashRetention();
        this.mergeRetention = settings.mergeRetention();
        this.transferLimits = settings.transferLimits();
        this.transferEnds = settings.transferEnds();
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.phones = phones;
        this.fields = fields;
        this.idSql = idSql;
        this.threads = threads;
        this.growing = growing;
        this.refresher = refresher;
        this.leases = leases;
        this.jobFiles = jobFiles;
        this.scheduler = scheduler;
        this.audit = new AuditLog(ids, clock, settings.automaticEvents() ? new CustomerEvents(ids, clock)
                : CustomerEvents.OFF);
        this.fieldValues = new FieldValues(phones);
        this.segments = new SegmentCache();
        this.customers = new CustomerReader(tablePrefix, idSql);
        this.running = new RunningJobs();
        this.editor = new CustomerEditor(clock, fieldValues, phones, addresses, lifecycleStages);
        this.writes = new ChunkWrites(tablePrefix, database, customers, idSql, editor);
    }

    Database database() {
        return database;
    }

    /**
     * @return where the actor's tenant's work runs: the kit's database, or behind a sharding DataSource the pool of
     *         the tenant's shard ({@link Database#forTenant})
     */
    private Database databaseOf(Actor actor) {
        return database.forTenant(actor.tenantId());
    }

    /** Stops the kit's job machinery: the scheduler, then the job threads, then the lease heartbeat. */
    void close() {
        scheduler.close();
        JobThreads.close(threads);
        leases.close();
        growing.close();
    }

    DefaultCustomerService customers(Actor actor) {
        return new DefaultCustomerService(actor, tablePrefix, databaseOf(actor), ids, clock, audit, fields, phones,
                idSql, editor);
    }

    DefaultFieldService fields(Actor actor) {
        return new DefaultFieldService(actor, databaseOf(actor), ids, clock, audit, fields);
    }

    /** @param eventTypes the event types of the actor's tenant, for the field metadata */
    DefaultFilterService filters(Actor actor, Supplier<List<String>> eventTypes) {
        return new DefaultFilterService(actor, tablePrefix, databaseOf(actor), ids, clock, audit, fields, phones,
                lifecycleStages, segments, customers, idSql, eventTypes);
    }

    DefaultBulkService bulk(Actor actor, DefaultFilterService filters) {
        return new DefaultBulkService(actor, tablePrefix, databaseOf(actor), ids, clock, audit, fields, idSql, running,
                leases, scheduler, filters, writes, growing);
    }

    DefaultTrashService trash(Actor actor) {
        return new DefaultTrashService(actor, tablePrefix, databaseOf(actor), clock, audit, fields, idSql,
                trashRetention, growing);
    }

    DefaultTransferJobs transfers(Actor actor) {
        return new DefaultTransferJobs(actor, tablePrefix, databaseOf(actor), clock, running, leases);
    }

    DefaultImportService imports(Actor actor, TransferJobs transfers) {
        return new DefaultImportService(actor, tablePrefix, databaseOf(actor), ids, clock, audit, fields, phones,
                lifecycleStages, customers, idSql, editor, threads, running, growing, transferLimits, transferEnds,
                leases, jobFiles, scheduler, transfers);
    }

    DefaultExportService exports(Actor actor, DefaultFilterService filters, TransferJobs transfers) {
        return new DefaultExportService(actor, tablePrefix, databaseOf(actor), ids, clock, fields, customers, threads,
                running, transferLimits, transferEnds, leases, jobFiles, filters, transfers, scheduler);
    }

    DefaultMergeService merges(Actor actor) {
        return new DefaultMergeService(actor, tablePrefix, databaseOf(actor), ids, clock, audit, fields, customers,
                idSql, mergeRetention);
    }

    DefaultActivityService activities(Actor actor) {
        Database database = databaseOf(actor);
        return new DefaultActivityService(actor, tablePrefix, database, ids, clock, audit, idSql, growing, refresher,
                new JobStore(tablePrefix, database, clock, leases), running, leases, scheduler);
    }

    Jobs jobs(Actor actor, DefaultBulkService bulk, DefaultTransferJobs transfers, DefaultActivityService activities) {
        return new DefaultJobs(actor, running, new JobStore(tablePrefix, databaseOf(actor), clock, leases),
                List.of(bulk.jobSource(), transfers.jobSource(), activities.jobSource()));
    }
}
