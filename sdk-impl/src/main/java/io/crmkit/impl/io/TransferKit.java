package io.crmkit.impl.io;

import io.crmkit.impl.job.JobKit;

/** What imports and exports use of their kit's jobs, as the kit's wiring provides it. */
public interface TransferKit extends JobKit {

    /** @return told of the end of each submitted import and export */
    TransferEnds transferEnds();

    /** @return the kit's persistent job executions */
    io.crmkit.impl.job.JobScheduler scheduler();

    /** @return the custom fields of each tenant */
    io.crmkit.impl.field.FieldCatalog fields();
}
