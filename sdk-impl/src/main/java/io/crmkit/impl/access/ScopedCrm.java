package io.crmkit.impl.access;

import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.trash.TrashService;
import io.crmkit.impl.bulk.DefaultBulkService;
import io.crmkit.impl.trash.DefaultTrashService;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.customer.CustomerService;
import io.crmkit.api.field.FieldService;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.ImportService;
import io.crmkit.impl.io.DefaultExportService;
import io.crmkit.impl.io.DefaultImportService;
import io.crmkit.impl.io.DefaultTransferJobs;
import io.crmkit.api.job.Jobs;
import io.crmkit.impl.job.JobKit;
import io.crmkit.impl.job.DefaultJobs;
import java.util.List;
import io.crmkit.api.merge.MergeService;
import io.crmkit.api.activity.ActivityService;
import io.crmkit.impl.activity.DefaultActivityService;
import io.crmkit.impl.merge.DefaultMergeService;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.customer.DefaultCustomerService;
import io.crmkit.impl.field.DefaultFieldService;
import io.crmkit.impl.filter.DefaultFilterService;

/** The {@link Crm} of one actor: the kit's services bound to the actor's tenant and permissions. */
public final class ScopedCrm implements Crm {

    private final Actor actor;
    private final CustomerService customers;
    private final FieldService fields;
    private final DefaultFilterService filters;
    private final DefaultBulkService bulk;
    private final TrashService trash;
    private final ImportService imports;
    private final ExportService exports;
    private final MergeService merges;
    private final ActivityService activities;
    private final Jobs jobs;

    public ScopedCrm(Actor actor, KitContext kit) {
        this.actor = actor;
        this.customers = new DefaultCustomerService(actor, kit);
        this.fields = new DefaultFieldService(actor, kit);
        this.filters = new DefaultFilterService(actor, kit);
        this.bulk = new DefaultBulkService(actor, kit, filters);
        this.trash = new DefaultTrashService(actor, kit);
        DefaultTransferJobs transfers = new DefaultTransferJobs(actor, kit);
        this.imports = new DefaultImportService(actor, kit, transfers);
        this.exports = new DefaultExportService(actor, kit, filters, transfers);
        this.merges = new DefaultMergeService(actor, kit);
        this.activities = new DefaultActivityService(actor, kit);
        this.jobs = new DefaultJobs(actor, running(kit), List.of(bulk.jobSource(), transfers.jobSource()));
    }

    /** @return the jobs running in the kit, as the jobs' view of the kit provides them */
    private static io.crmkit.impl.job.RunningJobs running(JobKit kit) {
        return kit.running();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public CustomerService customers() {
        return customers;
    }

    @Override
    public FieldService fields() {
        return fields;
    }

    @Override
    public FilterService filters() {
        return filters;
    }

    @Override
    public BulkService bulk() {
        return bulk;
    }

    @Override
    public TrashService trash() {
        return trash;
    }

    @Override
    public ImportService imports() {
        return imports;
    }

    @Override
    public ExportService exports() {
        return exports;
    }

    @Override
    public MergeService merges() {
        return merges;
    }

    @Override
    public ActivityService activities() {
        return activities;
    }

    @Override
    public Jobs jobs() {
        return jobs;
    }
}
