package io.crmkit.trash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.trash.RestoreResult;
import io.crmkit.api.trash.TrashedCustomer;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.Race;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

@ShardedToo
class TrashTest {

    private static Customer lan(Crm crm) {
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        return crm.customers().create(CustomerDraft.builder().name("Nguyễn Thị Lan").phone("+84912345678")
                .email("lan@example.com").address(Address.of("Vietnam", "Ha Noi", "Hanoi", "", "")).tag("vip")
                .custom("points", 120).build());
    }

    @DbTest
    void aDeletedCustomerComesBackAsItWasWithItsGroups(TestDb db) {
        Crm crm = db.crm();
        Customer lan = lan(crm);
        CustomerGroup group = crm.filters().groups().create("Hanoi VIPs");
        crm.filters().groups().add(group.id(), List.of(lan.id()));
        crm.customers().delete(lan.id());

        assertThat(crm.customers().find(lan.id())).isEmpty();
        assertThat(crm.customers().findByPhone("0912 345 678")).isEmpty();
        assertThat(crm.filters().count(Filter.eq("group", group.id()))).isZero();
        List<TrashedCustomer> trashed = crm.trash().list(10);
        assertThat(trashed).singleElement().satisfies(entry -> {
            assertThat(entry.customer()).isEqualTo(lan);
            assertThat(entry.deletedBy()).isEqualTo(crm.actor().actorId());
            assertThat(entry.purgeAfter()).isEqualTo(entry.deletedAt().plus(Duration.ofDays(30)));
        });

        RestoreResult result = crm.trash().restore(List.of(lan.id(), 42L));

        assertThat(result.restored()).containsExactly(lan.id());
        assertThat(result.refused()).extracting(BulkIssue::customerId, BulkIssue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(42L, "not_found"));
        assertThat(crm.customers().get(lan.id())).isEqualTo(lan);
        assertThat(crm.filters().count(Filter.eq("group", group.id()))).isEqualTo(1);
        assertThat(crm.trash().count()).isZero();
    }

    @DbTest
    void aRestoreWhosePhoneIsTakenNowLeavesThatCustomerInTheTrash(TestDb db) {
        Crm crm = db.crm();
        Customer lan = lan(crm);
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").email("minh@example.com").build());
        crm.customers().delete(lan.id());
        crm.customers().delete(minh.id());
        Customer newcomer = crm.customers().create(CustomerDraft.builder().name("Lan again").phone("0912345678")
                .build());

        RestoreResult result = crm.trash().restore(List.of(lan.id(), minh.id()));

        assertThat(result.restored()).containsExactly(minh.id());
        assertThat(result.refused()).singleElement().satisfies(issue -> {
            assertThat(issue.customerId()).isEqualTo(lan.id());
            assertThat(issue.code()).isEqualTo("conflict");
            assertThat(issue.message()).contains("+84912345678").contains(String.valueOf(newcomer.id()));
        });
        assertThat(crm.trash().list(10)).extracting(entry -> entry.customer().id()).containsExactly(lan.id());
    }

    @DbTest
    void purgesAfterTheRetentionAndErasesForGoodWithoutPersonalDataInTheAudit(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock).trashRetention(Duration.ofDays(7)))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer lan = lan(crm);
            Customer minh = crm.customers().create(CustomerDraft.builder().name("Trần Minh").phone("+84987654321")
                    .build());
            Customer hoa = crm.customers().create(CustomerDraft.builder().name("Lê Hoa").build());
            crm.customers().delete(lan.id());
            clock.advance(Duration.ofDays(5));
            crm.customers().delete(minh.id());
            clock.advance(Duration.ofDays(3));

            assertThat(crm.trash().purgeExpired()).isEqualTo(1);
            assertThat(crm.trash().list(10)).extracting(entry -> entry.customer().id()).containsExactly(minh.id());
            assertThat(crm.trash().restore(List.of(lan.id())).restored()).isEmpty();

            assertThatThrownBy(() -> crm.trash().erase(List.of(minh.id(), hoa.id())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("customer " + hoa.id())
                    .hasMessageContaining("delete");
            crm.customers().delete(hoa.id());
            assertThat(crm.trash().erase(List.of(minh.id(), hoa.id()))).isEqualTo(2);
            assertThat(crm.customers().find(hoa.id())).isEmpty();
            assertThat(crm.trash().count()).isZero();
            for (String table : List.of("customer", "identity", "tag", "custom_value", "trash_customer",
                    "trash_identity", "trash_tag", "trash_custom_value")) {
                assertThat(db.column("SELECT COUNT(*) FROM " + prefix + table)).as(table).containsExactly("0");
            }
            String audit = String.join("|", db.column("SELECT detail FROM " + prefix + "audit"));
            assertThat(audit).doesNotContain("Lan").doesNotContain("Minh").doesNotContain("Hoa")
                    .doesNotContain("84912345678").doesNotContain("lan@example.com");
            assertThatThrownBy(() -> kit.as(Actor.of(db.tenant(), "agent", Permission.READ, Permission.DELETE))
                    .trash().erase(List.of(1L))).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("BULK_DELETE");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void erasingNeedsTheBulkDeletePermissionAndNeverTouchesALiveCustomer(TestDb db) {
        Crm crm = db.crm();
        Customer lan = lan(crm);
        Crm deleter = db.crm(Permission.READ, Permission.DELETE);

        assertThatThrownBy(() -> deleter.trash().erase(List.of(lan.id()))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> crm.trash().erase(List.of(lan.id()))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("customerIds"));

        assertThat(crm.customers().get(lan.id())).isEqualTo(lan);
        assertThat(db.column("SELECT COUNT(*) FROM crm_audit WHERE tenant_id = ? AND action = 'trash.erase'",
                db.tenant())).containsExactly("0");
        deleter.customers().delete(lan.id());
        assertThat(crm.trash().erase(List.of(lan.id()))).isEqualTo(1);
        assertThat(db.column("SELECT detail FROM crm_audit WHERE tenant_id = ? AND action = 'trash.erase'",
                db.tenant())).singleElement().asString().contains("1 customer(s)");
    }

    @DbTest
    void anEraseRacingARestoreErasesTheCustomerWithItsHistoryOrNotAtAll(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Holds the erase just before it empties the trash rows, after it dealt with everything else.
        StatementPause pause = new StatementPause(sql -> sql.startsWith("DELETE FROM " + prefix + "trash_identity"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer lan = lan(crm);
            crm.activities().tasks().create(lan.id(), TaskDraft.of("Call back"));
            crm.customers().delete(lan.id());

            String[] outcomes = pause.whileHeld(() -> Race.attempt(() -> "erased " + crm.trash().erase(List.of(lan.id()))),
                    () -> Race.attempt(() -> "restored " + crm.trash().restore(List.of(lan.id())).restored().size()));

            // The erase locked the rows first: the restore waits for it and finds nothing left to restore, so the
            // customer is gone whole, with its history, instead of coming back without it.
            assertThat(outcomes).containsExactly("erased 1", "restored 0");
            assertThat(crm.customers().find(lan.id())).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM " + prefix + "task")).containsExactly("0");
            assertThat(crm.trash().count()).isZero();
            assertThat(crm.customers().findByPhone("+84912345678")).isEmpty();
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void aPurgeRacingARestoreErasesTheCustomerWithItsHistoryOrNotAtAll(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        StatementPause pause = new StatementPause(sql -> sql.startsWith("DELETE FROM " + prefix + "trash_identity"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource())).clock(clock)
                .trashRetention(Duration.ofDays(7)))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer lan = lan(crm);
            crm.activities().tasks().create(lan.id(), TaskDraft.of("Call back"));
            crm.customers().delete(lan.id());
            clock.advance(Duration.ofDays(8));

            String[] outcomes = pause.whileHeld(() -> Race.attempt(() -> "purged " + crm.trash().purgeExpired()),
                    () -> Race.attempt(() -> "restored " + crm.trash().restore(List.of(lan.id())).restored().size()));

            assertThat(outcomes).containsExactly("purged 1", "restored 0");
            assertThat(crm.customers().find(lan.id())).isEmpty();
            assertThat(db.column("SELECT COUNT(*) FROM " + prefix + "task")).containsExactly("0");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void anIdentityAddedWhileAnEraseIsRefusedIsNeverOrphaned(TestDb db) throws Exception {
        Crm crm = db.crm();
        for (int round = 0; round < 5; round++) {
            Customer customer = crm.customers().create(CustomerDraft.builder().name("Round " + round).build());
            String phone = "+8491234" + (1000 + round);
            List<String> outcomes = Race.run(() -> Race.attempt(() -> "updated " + crm.customers().update(customer.id(),
                            CustomerPatch.builder(customer.version()).phones(List.of(phone)).build()).phones()),
                    () -> Race.attempt(() -> "erased " + crm.trash().erase(List.of(customer.id()))));

            assertThat(outcomes.get(0)).as("round " + round).startsWith("updated ");
            assertThat(outcomes.get(1)).as("round " + round).startsWith("ValidationException");
            assertThat(db.column("SELECT COUNT(*) FROM crm_identity i WHERE i.tenant_id = ? AND NOT EXISTS (SELECT 1"
                    + " FROM crm_customer c WHERE c.tenant_id = i.tenant_id AND c.id = i.customer_id)", db.tenant()))
                    .as("identities without a customer").containsExactly("0");
            assertThat(crm.customers().findByPhone(phone)).map(Customer::id).contains(customer.id());
        }
    }
}
