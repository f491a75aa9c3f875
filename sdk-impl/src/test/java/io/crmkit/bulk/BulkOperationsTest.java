package io.crmkit.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

class BulkOperationsTest {

    private static List<Customer> customers(Crm crm, int count, String city) {
        return IntStream.range(0, count).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                .name(city + " " + i).phone("+8491" + String.format("%03d%04d", Math.abs(city.hashCode()) % 1000, i))
                .address(Address.of("Vietnam", "", city, "", "")).tag("old")
                .build())).toList();
    }

    @DbTest
    void aCustomerThatStopsMatchingBeforeItsChunkIsLockedIsSkippedAndReported(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Holds the chunk's transaction at its first locking read, after the chunk's ids were listed.
        StatementPause pause = new StatementPause(sql -> sql.contains("FROM " + prefix + "customer WHERE")
                && sql.contains("FOR UPDATE"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.dataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            List<Customer> hanoi = customers(crm, 3, "Hanoi");
            Customer leaving = hanoi.get(1);

            String[] outcomes = pause.whileHeld(() -> {
                BulkResult result = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                        BulkOperation.recycleToPool());
                return result.changed() + " changed, " + result.skipped() + " skipped " + result.issues();
            }, () -> {
                crm.customers().update(leaving.id(), CustomerPatch.builder(leaving.version())
                        .address(Address.of("Vietnam", "", "Saigon", "", "")).build());
                return "moved";
            });

            assertThat(outcomes[1]).isEqualTo("moved");
            assertThat(outcomes[0]).startsWith("2 changed, 1 skipped").contains("no_longer_matches")
                    .contains(String.valueOf(leaving.id()));
            assertThat(crm.customers().get(leaving.id()).status()).isEqualTo(CustomerStatus.NEW);
            assertThat(crm.customers().get(hanoi.get(0).id()).status()).isEqualTo(CustomerStatus.POOL);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void tagsTheCustomersOfAQueryOnceAndReportsWhatItCouldNotDo(TestDb db) {
        Crm crm = db.crm();
        List<Customer> hanoi = customers(crm, 3, "Hanoi");
        List<Customer> hue = customers(crm, 2, "Hue");
        crm.customers().addTags(hanoi.get(0).id(), IntStream.range(0, 99).mapToObj(i -> "t" + i).toList());
        long fullVersion = crm.customers().get(hanoi.get(0).id()).version();

        BulkResult first = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                BulkOperation.addTags(List.of("vip", " gold ")));

        assertThat(first.changed()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.issues()).extracting(BulkIssue::customerId, BulkIssue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hanoi.get(0).id(), "too_many"));
        assertThat(crm.customers().get(hanoi.get(1).id()).tags()).containsExactly("gold", "old", "vip");
        assertThat(crm.customers().get(hanoi.get(1).id()).version()).isEqualTo(hanoi.get(1).version() + 1);
        assertThat(crm.customers().get(hue.get(0).id()).tags()).containsExactly("old");
        Customer full = crm.customers().get(hanoi.get(0).id());
        assertThat(full.tags()).hasSize(100).doesNotContain("vip", "gold");
        assertThat(full.version()).as("a customer that failed is not touched").isEqualTo(fullVersion);

        BulkResult again = crm.bulk().run(Selection.matching(Filter.eq("city", "Hanoi")),
                BulkOperation.addTags(List.of("vip", "gold")));
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(crm.customers().get(hanoi.get(1).id()).version()).isEqualTo(hanoi.get(1).version() + 1);
        assertThat(crm.customers().get(hanoi.get(0).id()).version())
                .isEqualTo(fullVersion);

        BulkResult removed = crm.bulk().run(Selection.ids(List.of(hanoi.get(1).id(), hue.get(0).id(), 42L)),
                BulkOperation.removeTags(List.of("vip")));
        assertThat(List.of(removed.changed(), removed.unchanged(), removed.failed())).containsExactly(1L, 1L, 1L);
        assertThat(removed.issues()).extracting(BulkIssue::customerId).containsExactly(42L);
        assertThat(crm.customers().get(hanoi.get(1).id()).tags()).containsExactly("gold", "old");
    }

    @DbTest
    void changesStatusWhereTheTransitionIsAllowedAndSkipsTheRest(TestDb db) {
        Crm crm = db.crm();
        List<Customer> people = customers(crm, 4, "Hanoi");
        crm.customers().identifyAsValid(people.get(0).id());
        crm.customers().recycleToPool(people.get(1).id());

        BulkResult valid = crm.bulk().run(Selection.all(), BulkOperation.identifyAsValid());

        assertThat(List.of(valid.changed(), valid.unchanged(), valid.skipped())).containsExactly(2L, 1L, 1L);
        assertThat(valid.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.customerId()).isEqualTo(people.get(1).id());
            assertThat(issue.code()).isEqualTo("invalid_transition");
            assertThat(issue.message()).contains("its status is POOL");
        });
        BulkResult assigned = crm.bulk().run(Selection.all(), BulkOperation.assign(" agent-7 "));
        assertThat(assigned.changed()).isEqualTo(4);
        assertThat(crm.customers().get(people.get(3).id()).status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(crm.customers().get(people.get(3).id()).ownerId()).hasValue("agent-7");
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.recycleToPool()).changed()).isEqualTo(4);
        assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.assign(" ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("owner");
    }

    @DbTest
    void editsAttributesWithTheRulesOfASingleUpdate(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).min(0).max(100).build());
        List<Customer> people = customers(crm, 3, "Hanoi");

        BulkResult edited = crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .company("Lotus").custom("points", 7).build()));

        assertThat(edited.changed()).isEqualTo(3);
        Customer after = crm.customers().get(people.get(2).id());
        assertThat(after.company()).isEqualTo("Lotus");
        assertThat(after.custom()).containsEntry("points", 7L);
        assertThat(after.name()).isEqualTo(people.get(2).name());
        assertThat(crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0).company("Lotus")
                .build())).unchanged()).isEqualTo(3);

        BulkResult invalid = crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .custom("points", 101).build()));
        assertThat(invalid.failed()).isEqualTo(3);
        assertThat(invalid.issues().get(0).message()).contains("points").contains("100");
        assertThat(crm.customers().get(people.get(0).id()).custom()).containsEntry("points", 7L);
        assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.edit(CustomerPatch.builder(0)
                .phones(List.of("+84912345678")).build())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be set in bulk");
    }

    @DbTest
    void needsItsPermissionAndStaysInTheTenant(TestDb db) {
        List<Customer> mine = customers(db.crm(), 2, "Hanoi");

        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.WRITE).bulk().run(Selection.all(),
                BulkOperation.addTags(List.of("x")))).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("BULK_EDIT");
        assertThatThrownBy(() -> db.crm(Permission.BULK_EDIT).bulk().previewDelete(Selection.all()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_DELETE");
        BulkResult other = db.otherTenant().bulk().run(Selection.ids(List.of(mine.get(0).id())),
                BulkOperation.addTags(List.of("x")));
        assertThat(other.failed()).isEqualTo(1);
        assertThat(db.crm().customers().get(mine.get(0).id()).tags()).containsExactly("old");
        assertThat(db.otherTenant().bulk().run(Selection.all(), BulkOperation.addTags(List.of("x"))).total()).isZero();
    }

    @DbTest
    void reportsProgressAndRunsAsAJobAHostCanPoll(TestDb db) throws InterruptedException {
        Crm crm = db.crm();
        customers(crm, 3, "Hanoi");
        List<long[]> progress = new ArrayList<>();

        crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("a")), (done, total) -> progress.add(
                new long[] {done, total}));
        long id = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("b")));
        BulkJob job = crm.bulk().await(id, Duration.ofSeconds(30));

        assertThat(progress).singleElement().satisfies(step -> assertThat(step).containsExactly(3, 3));
        assertThat(job.state()).isEqualTo(BulkJob.State.DONE);
        assertThat(job.done()).isEqualTo(3);
        assertThat(job.result()).hasValueSatisfying(result -> assertThat(result.changed()).isEqualTo(3));
        assertThat(crm.bulk().jobs()).extracting(BulkJob::operation).containsExactly("add_tags", "add_tags");
        assertThat(db.otherTenant().bulk().job(id)).isEmpty();
    }
}
