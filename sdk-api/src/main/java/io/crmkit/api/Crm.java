package io.crmkit.api;

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

/**
 * The customer module as one actor sees it: every service below is scoped to the actor's tenant and
 * checks the actor's permissions on every call.
 *
 * <p>Obtained from {@code CrmKit.as(actor)}. Immutable and thread-safe; cheap enough to create per request.
 */
public interface Crm {

    /** @return the actor every operation runs as */
    Actor actor();

    /** @return single-customer operations: create, read, update, delete, identities, tags, status */
    CustomerService customers();

    /** @return custom field definitions of the actor's tenant */
    FieldService fields();

    /** @return search and count over the actor's customers with filters, keywords, sorts and pages */
    FilterService filters();

    /** @return operations on many customers at once: edit, tag, status changes, delete */
    BulkService bulk();

    /** @return deleted customers: list, restore, erase, purge */
    TrashService trash();

    /** @return imports from .xlsx, .xls and CSV files, their template and failure reports */
    ImportService imports();

    /** @return exports of customers to .xlsx and CSV files */
    ExportService exports();

    /** @return duplicate customers: find, preview, merge, undo */
    MergeService merges();

    /** @return the customers' timeline, tasks, orders, links and metrics */
    ActivityService activities();

    /** @return every stored job (bulk operations, imports, exports): find, list, cancel, await */
    Jobs jobs();
}
