package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.io.TransferJob;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

/** Migration 12 gives jobs leases: a job left running by a CRMKit before it has none, so it is interrupted at once. */
class JobLeaseMigrationTest {

    @DbTest
    void jobsRunningBeforeTheMigrationAreInterruptedAndCanBeCancelled(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try {
            // The version before 12: PostgreSQL and MariaDB have no V11.
            String before = db.dialect().equals("h2") ? "11" : "10";
            OlderSchema.migrate(db, prefix, before);
            db.execute("INSERT INTO " + prefix + "transfer_job (tenant_id, id, kind, actor_id, file_name, fingerprint,"
                    + " dry_run, state, total, done, created_at, updated_at) VALUES ('old', 1, 'IMPORT', 'a', 'f.csv',"
                    + " 'x', FALSE, 'RUNNING', 10, 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            db.execute("INSERT INTO " + prefix + "bulk_job (tenant_id, id, actor_id, operation, selection, state,"
                    + " total, done, created_at, updated_at) VALUES ('old', 2, 'a', 'add_tags', 'ids:[1]', 'RUNNING',"
                    + " 1, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                Crm crm = kit.as(Actor.of("old", "agent", Permission.ALL));

                assertThat(crm.imports().jobs().find(1).orElseThrow().state()).isEqualTo(TransferJob.State.INTERRUPTED);
                assertThat(crm.bulk().job(2).orElseThrow().state()).isEqualTo(BulkJob.State.INTERRUPTED);
                assertThat(crm.imports().jobs().cancel(1)).isTrue();
                assertThat(crm.imports().jobs().find(1).orElseThrow().state()).isEqualTo(TransferJob.State.CANCELLED);
            }
        } finally {
            db.dropTables(prefix);
        }
    }
}
