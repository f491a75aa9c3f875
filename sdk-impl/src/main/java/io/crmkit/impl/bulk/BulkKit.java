package io.crmkit.impl.bulk;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.job.JobKit;
import io.crmkit.impl.job.JobScheduler;
import java.time.Clock;

/**
 * What bulk operations use of their kit, as the kit's wiring provides it: {@link DefaultBulkService} hands each of its
 * parts exactly the collaborators it needs from here.
 */
public interface BulkKit extends JobKit {

    /** @return the validated prefix of the SDK's tables */
    String tablePrefix();

    /** @return the kit's storage */
    Database database();

    /** @return the kit's id generator */
    IdGenerator ids();

    /** @return the kit's clock */
    Clock clock();

    /** @return the audit log */
    AuditLog audit();

    /** @return the custom fields of each tenant */
    FieldCatalog fields();

    /** @return statements over lists of customer ids */
    IdStatements idSql();

    /** @return the kit's persistent job executions, which run submitted bulk operations */
    JobScheduler scheduler();
}
