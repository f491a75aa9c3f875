package io.crmkit;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.activity.ActivityService;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.customer.CustomerService;
import io.crmkit.api.field.FieldService;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.job.Jobs;
import io.crmkit.api.merge.MergeService;
import io.crmkit.api.trash.TrashService;
import io.crmkit.impl.activity.DefaultActivityService;
import io.crmkit.impl.bulk.DefaultBulkService;
import io.crmkit.impl.customer.DefaultCustomerService;
import io.crmkit.impl.field.DefaultFieldService;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.io.DefaultExportService;
import io.crmkit.impl.io.DefaultImportService;
import io.crmkit.impl.io.DefaultTransferJobs;
import io.crmkit.impl.merge.DefaultMergeService;
import io.crmkit.impl.trash.DefaultTrashService;

/**
 * The {@link Crm} of one actor: the actor and the kit's wiring, nothing built up front. Each service is made on its
 * first use and kept, so that a scope used for one call costs one small object and the one service it asks for.
 *
 * <p>Thread-safe: each service is published through a volatile field; two threads asking for the same service at
 * once may both make one (services hold only final fields), and either is kept.
 */
final class ScopedCrm implements Crm {

    private final Actor actor;
    private final KitWiring wiring;
    private volatile DefaultCustomerService customers;
    private volatile DefaultFieldService fields;
    private volatile DefaultFilterService filters;
    private volatile DefaultBulkService bulk;
    private volatile DefaultTrashService trash;
    private volatile DefaultTransferJobs transfers;
    private volatile DefaultImportService imports;
    private volatile DefaultExportService exports;
    private volatile DefaultMergeService merges;
    private volatile DefaultActivityService activities;
    private volatile Jobs jobs;

    ScopedCrm(Actor actor, KitWiring wiring) {
        this.actor = actor;
        this.wiring = wiring;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public CustomerService customers() {
        DefaultCustomerService service = customers;
        return service != null ? service : (customers = wiring.customers(actor));
    }

    @Override
    public FieldService fields() {
        DefaultFieldService service = fields;
        return service != null ? service : (fields = wiring.fields(actor));
    }

    @Override
    public FilterService filters() {
        return filterService();
    }

    @Override
    public BulkService bulk() {
        return bulkService();
    }

    @Override
    public TrashService trash() {
        DefaultTrashService service = trash;
        return service != null ? service : (trash = wiring.trash(actor));
    }

    @Override
    public ImportService imports() {
        DefaultImportService service = imports;
        return service != null ? service : (imports = wiring.imports(actor, transferJobs()));
    }

    @Override
    public ExportService exports() {
        DefaultExportService service = exports;
        return service != null ? service : (exports = wiring.exports(actor, filterService(), transferJobs()));
    }

    @Override
    public MergeService merges() {
        DefaultMergeService service = merges;
        return service != null ? service : (merges = wiring.merges(actor));
    }

    @Override
    public ActivityService activities() {
        return activityService();
    }

    @Override
    public Jobs jobs() {
        Jobs service = jobs;
        return service != null ? service : (jobs = wiring.jobs(actor, bulkService(), transferJobs(),
                activityService()));
    }

    private DefaultFilterService filterService() {
        DefaultFilterService service = filters;
        return service != null ? service
                : (filters = wiring.filters(actor, () -> activities().timeline().types()));
    }

    private DefaultBulkService bulkService() {
        DefaultBulkService service = bulk;
        return service != null ? service : (bulk = wiring.bulk(actor, filterService()));
    }

    private DefaultActivityService activityService() {
        DefaultActivityService service = activities;
        return service != null ? service : (activities = wiring.activities(actor));
    }

    private DefaultTransferJobs transferJobs() {
        DefaultTransferJobs service = transfers;
        return service != null ? service : (transfers = wiring.transfers(actor));
    }
}
