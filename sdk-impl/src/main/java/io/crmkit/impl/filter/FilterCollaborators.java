package io.crmkit.impl.filter;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import java.util.List;

/**
 * Exactly what the parts of the filter service use, wired once per kit: the kit's context provides them, and
 * each part gets the few it needs in its constructor.
 */
public interface FilterCollaborators {

    /** @return the validated table prefix */
    String tablePrefix();

    /** @return the kit's database */
    Database database();

    /** @return the tenants' custom fields, cached */
    FieldCatalog fields();

    /** @return the allowed lifecycle stages */
    List<String> lifecycleStages();

    /** @return the kit's clock */
    Clock clock();

    /** @return normalizes phone numbers in conditions and keywords */
    PhoneNormalizer phones();

    /** @return statements over lists of customer ids, as the database needs them written */
    IdStatements idSql();

    /** @return generates the ids of saved splits */
    IdGenerator ids();

    /** @return records saved splits */
    AuditLog audit();

    /** @return reads the customers of a page */
    CustomerReader customers();
}
