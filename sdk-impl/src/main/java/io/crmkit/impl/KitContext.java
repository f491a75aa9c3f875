package io.crmkit.impl;

import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.field.FieldValues;
import io.crmkit.impl.filter.FilterCollaborators;
import io.crmkit.impl.filter.SegmentCache;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import java.util.List;

/**
 * What every service of one kit shares: storage, id generator, clock, audit log, field cache and the
 * configured rules. Built once by {@code CrmKit}; immutable and thread-safe.
 *
 * @param tablePrefix     the validated prefix of the SDK's tables, for SQL built at run time
 * @param lifecycleStages the allowed stages; the first is the default of new customers
 * @param segments        the segments of each customer version, cached for the kit
 * @param customers       reads pages of whole customers
 * @param idSql           plain JDBC statements over lists of customer ids, as the database needs them written
 * @param trashRetention  how long deleted customers stay in the trash
 * @param jobs            runs submitted jobs (bulk operations, imports, exports)
 * @param transfers       the jobs of every kind running in this kit, for cancelling and awaiting them
 * @param mergeRetention  how long a merge can be undone
 * @param growing         refreshes the statistics of tables the kit fills
 * @param refresher       refreshes the metrics of customers whose events changed, in the background
 * @param transferLimits  the row limits of imports and exports
 * @param transferEnds    told of the end of each submitted import and export
 * @param leases          the leases this kit's job runs hold, renewed by its heartbeat
 * @param jobFiles        the files of jobs (imports' inputs, exports' outputs), kept in the database
 * @param scheduler       the kit's persistent job executions (db-scheduler)
 */
public record KitContext(
        String tablePrefix,
        Database database,
        IdGenerator ids,
        Clock clock,
        AuditLog audit,
        FieldCatalog fields,
        FieldValues fieldValues,
        PhoneNormalizer phones,
        AddressDirectory addresses,
        List<String> lifecycleStages,
        SegmentCache segments,
        CustomerReader customers,
        IdStatements idSql,
        java.time.Duration trashRetention,
        java.util.concurrent.ExecutorService jobs,
        io.crmkit.impl.job.RunningJobs transfers,
        java.time.Duration mergeRetention,
        io.crmkit.impl.db.GrowingTables growing,
        io.crmkit.impl.activity.MetricsRefresher refresher,
        io.crmkit.impl.io.TransferLimits transferLimits,
        io.crmkit.impl.io.TransferEnds transferEnds,
        io.crmkit.impl.job.JobLeases leases,
        io.crmkit.impl.job.JobFiles jobFiles,
        io.crmkit.impl.job.JobScheduler scheduler) implements io.crmkit.impl.bulk.BulkKit,
        io.crmkit.impl.io.TransferKit, FilterCollaborators {

    /** @return the jobs of every kind running in this kit: {@link #transfers()} */
    @Override
    public io.crmkit.impl.job.RunningJobs running() {
        return transfers;
    }
}
