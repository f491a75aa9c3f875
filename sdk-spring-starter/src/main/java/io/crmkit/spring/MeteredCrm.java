package io.crmkit.spring;

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

/** A {@link Crm} whose imports, exports, merges and searches are timed and counted; the rest passes through. */
final class MeteredCrm implements Crm {

    private final Crm crm;
    private final CrmMeters meters;

    MeteredCrm(Crm crm, CrmMeters meters) {
        this.crm = crm;
        this.meters = meters;
    }

    @Override
    public Actor actor() {
        return crm.actor();
    }

    @Override
    public CustomerService customers() {
        return crm.customers();
    }

    @Override
    public FieldService fields() {
        return crm.fields();
    }

    @Override
    public FilterService filters() {
        return new MeteredFilters(crm.filters(), meters);
    }

    @Override
    public BulkService bulk() {
        return crm.bulk();
    }

    @Override
    public TrashService trash() {
        return crm.trash();
    }

    @Override
    public ImportService imports() {
        return new MeteredImports(crm.imports(), meters);
    }

    @Override
    public ExportService exports() {
        return new MeteredExports(crm.exports(), meters);
    }

    @Override
    public MergeService merges() {
        return new MeteredMerges(crm.merges(), meters);
    }

    @Override
    public ActivityService activities() {
        return crm.activities();
    }

    @Override
    public Jobs jobs() {
        return crm.jobs();
    }
}
