package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.merge.MatchKeyStorageTest;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Migration 7.1 computes the match keys of identities written before V7, live and in the trash. */
class MatchKeyBackfillTest {

    @DbTest
    void computesTheKeysOfRowsWrittenBeforeIt(TestDb db) throws SQLException {
        String prefix = TestDb.uniquePrefix();
        try {
            long trashed;
            try (CrmKit kit = db.newKit(prefix, builder -> { })) {
                Crm crm = kit.as(Actor.of("old", "agent", Permission.ALL));
                for (int i = 0; i < 1005; i++) {
                    crm.customers().create(CustomerDraft.builder().name("C" + i).phone("+8491234" + String.format(
                            "%04d", i)).email("c." + i + "+x@gmail.com").externalId("Ext-" + i).build());
                }
                trashed = crm.customers().create(CustomerDraft.builder().name("Gone").email("G.One@Gmail.com")
                        .build()).id();
                crm.customers().delete(trashed);
            }
            db.execute("UPDATE " + prefix + "identity SET match_key = NULL");
            db.execute("UPDATE " + prefix + "trash_identity SET match_key = NULL");

            try (Connection connection = db.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                new MatchKeyBackfill(prefix).run(connection);
                connection.commit();
            }

            List<String> live = MatchKeyStorageTest.rows(db, prefix, "identity", "old");
            assertThat(live).hasSize(3015).isEqualTo(MatchKeyStorageTest.expected(live));
            assertThat(live).contains("email|c.7+x@gmail.com|c7@gmail.com");
            assertThat(MatchKeyStorageTest.rows(db, prefix, "trash_identity", "old")).containsExactly("email|g.one@gmail.com|gone@gmail.com");
        } finally {
            db.dropTables(prefix);
        }
    }
}
