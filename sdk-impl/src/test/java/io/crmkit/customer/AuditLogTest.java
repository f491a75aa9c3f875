package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class AuditLogTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:30:00.123456Z");

    @DbTest
    void everyWriteRecordsWhoDidWhatAndWhenInTheKitsClockWithoutPersonalData(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .defaultPhoneRegion("VN"))) {
            Crm crm = kit.as(Actor.of("audit-t", "agent-42", Permission.ALL));
            Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan Secret").phone("0912345678")
                    .build());
            crm.customers().update(lan.id(), CustomerPatch.builder(1).name("Lan Other").build());
            crm.customers().addTags(lan.id(), List.of("vip"));
            crm.customers().identifyAsValid(lan.id());
            crm.customers().delete(lan.id());
            assertThatThrownBy(() -> crm.customers().create(CustomerDraft.builder().build()))
                    .isInstanceOf(ValidationException.class);

            List<String> rows = db.column("SELECT CONCAT(actor_id, ' ', action, ' ', subject_id, ' ', detail) FROM "
                    + prefix + "audit WHERE tenant_id = ? ORDER BY id", "audit-t");
            assertThat(rows).containsExactly(
                    "agent-42 customer.create " + lan.id() + " ",
                    "agent-42 customer.update " + lan.id() + " name",
                    "agent-42 customer.tag " + lan.id() + " 1 tag(s) added",
                    "agent-42 customer.status " + lan.id() + " TO_BE_ASSIGNED",
                    "agent-42 customer.delete " + lan.id() + " ");
            assertThat(db.column("SELECT DISTINCT occurred_at FROM " + prefix + "audit WHERE tenant_id = ?", "audit-t"))
                    .singleElement().asString().startsWith("2025-03-01 08:30:00.123456");
            assertThat(lan.createdAt()).isEqualTo(NOW);
        } finally {
            db.dropTables(prefix);
        }
    }
}
