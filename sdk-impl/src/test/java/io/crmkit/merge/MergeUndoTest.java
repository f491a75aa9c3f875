package io.crmkit.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.filter.Query;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.api.merge.Survivorship;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.MutableClock;
import io.crmkit.testing.Race;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@ShardedToo
class MergeUndoTest {

    @DbTest
    void undoBringsTheMergedCustomerBackAndKeepsTheSurvivorsLaterEdits(TestDb db) {
        Crm crm = db.crm();
        Customer[] pair = MergeTest.pair(crm);
        long hanoi = crm.filters().groups().create("Hanoi").id();
        crm.filters().groups().add(hanoi, List.of(pair[1].id()));
        MergeResult merge = crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.builder()
                .field("name", Survivorship.MERGED).field("level", Survivorship.MERGED).build());
        Customer merged = merge.survivor();
        // After the merge: edit a field the merge set (company), keep another (name), add a tag of one's own.
        Customer edited = crm.customers().update(merged.id(), CustomerPatch.builder(merged.version())
                .company("Lotus Trading JSC").build());
        crm.customers().addTags(edited.id(), List.of("loyal"));

        Customer back = crm.merges().undo(merge.mergeIds().get(0));

        assertThat(back.id()).isEqualTo(pair[1].id());
        assertThat(back.name()).isEqualTo("Lan Nguyen");
        assertThat(back.phones()).containsExactly("+84912000002");
        assertThat(back.emails()).containsExactly("lan@x.vn");
        assertThat(back.company()).isEqualTo("Lotus Trading");
        assertThat(back.tags()).containsExactly("new", "shared");
        assertThat(back.custom()).containsEntry("level", "silver").containsEntry("note", "call after 5pm");
        assertThat(back.createdAt()).isEqualTo(pair[1].createdAt());
        assertThat(back.version()).isGreaterThan(pair[1].version());
        assertThat(crm.customers().get(back.id())).isEqualTo(back);
        assertThat(crm.customers().findByEmail("lan@x.vn")).map(Customer::id).contains(back.id());
        assertThat(crm.filters().groups().members(hanoi, Query.all()).items()).extracting(Customer::id)
                .containsExactly(back.id());

        Customer lan = crm.customers().get(pair[0].id());
        assertThat(lan.name()).isEqualTo("Nguyễn Thị Lan");
        assertThat(lan.company()).isEqualTo("Lotus Trading JSC");
        assertThat(lan.phones()).containsExactly("+84912000001");
        assertThat(lan.emails()).isEmpty();
        assertThat(lan.tags()).containsExactly("loyal", "shared", "vip");
        assertThat(lan.custom()).containsEntry("level", "gold").doesNotContainKey("note");
        assertThat(crm.merges().history(lan.id())).singleElement()
                .satisfies(record -> assertThat(record.undoneAt()).isPresent());
        assertThatThrownBy(() -> crm.merges().undo(merge.mergeIds().get(0))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already undone");
    }

    @DbTest
    void aMergeCannotBeUndoneAfterALaterMergeOfTheSurvivorUntilThatOneIsUndone(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000031").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").phone("0912000032").build());
        Customer c = crm.customers().create(CustomerDraft.builder().name("C").phone("0912000033").build());
        long first = crm.merges().merge(a.id(), b.id(), MergeOptions.defaults()).mergeIds().get(0);
        long second = crm.merges().merge(a.id(), c.id(), MergeOptions.defaults()).mergeIds().get(0);

        assertThatThrownBy(() -> crm.merges().undo(first)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("later merge " + second);

        crm.merges().undo(second);
        crm.merges().undo(first);
        assertThat(crm.customers().get(a.id()).phones()).containsExactly("+84912000031");
        assertThat(crm.customers().get(b.id()).phones()).containsExactly("+84912000032");
        assertThat(crm.customers().get(c.id()).phones()).containsExactly("+84912000033");
        assertThatThrownBy(() -> crm.merges().undo(12345L)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> db.otherTenant().merges().undo(first)).isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void aMergeCanBeUndoneWithinTheRetentionOnlyAndPurgeForgetsIt(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.clock(clock).defaultPhoneRegion("VN")
                .mergeRetention(Duration.ofDays(7)))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000041").build());
            Customer b = crm.customers().create(CustomerDraft.builder().name("B").phone("0912000042").build());
            Customer c = crm.customers().create(CustomerDraft.builder().name("C").phone("0912000043").build());
            MergeResult old = crm.merges().merge(a.id(), b.id(), MergeOptions.defaults());
            assertThat(old.undoableUntil()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
            clock.advance(Duration.ofDays(5));
            long recent = crm.merges().merge(c.id(), List.of(a.id()), MergeOptions.defaults()).mergeIds().get(0);
            crm.merges().undo(recent);
            clock.advance(Duration.ofDays(3));

            assertThatThrownBy(() -> crm.merges().undo(old.mergeIds().get(0))).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("retention ended");
            assertThat(crm.merges().purgeExpired()).isEqualTo(1);
            assertThat(crm.merges().history(a.id())).extracting(record -> record.id()).containsExactly(recent);
            assertThatThrownBy(() -> crm.merges().undo(old.mergeIds().get(0))).isInstanceOf(NotFoundException.class);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void undoIsRefusedWhileTheSurvivorIsInTheTrash(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000051").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").phone("0912000052").build());
        long merge = crm.merges().merge(a.id(), b.id(), MergeOptions.defaults()).mergeIds().get(0);
        crm.customers().delete(a.id());

        assertThatThrownBy(() -> crm.merges().undo(merge)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("restore it from the trash first");

        crm.trash().restore(List.of(a.id()));
        assertThat(crm.merges().undo(merge).phones()).containsExactly("+84912000052");
    }

    @DbTest
    void erasingACustomerErasesTheMergeRecordsThatKeepItsData(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000061").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("Bình Secret").phone("0912000062").build());
        long merge = crm.merges().merge(a.id(), b.id(), MergeOptions.defaults()).mergeIds().get(0);
        assertThat(db.column("SELECT snapshot FROM crm_merge_record WHERE tenant_id = ?", db.tenant()))
                .singleElement().asString().contains("Bình Secret");

        crm.trash().erase(List.of(b.id()));

        assertThat(db.count("merge_record")).isZero();
        assertThat(crm.merges().history(a.id())).isEmpty();
        assertThatThrownBy(() -> crm.merges().undo(merge)).isInstanceOf(NotFoundException.class);
        assertThat(crm.customers().get(a.id()).phones()).containsExactly("+84912000061", "+84912000062");
    }

    /** Two merges of one customer into two others at once: one wins, the other hears the customer was merged. */
    @DbTest
    void concurrentMergesOfAnOverlappingPairLetOneWin(TestDb db) throws Exception {
        Crm crm = db.crm();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Customer shared = crm.customers().create(CustomerDraft.builder().name("Shared " + round).build());
                Customer left = crm.customers().create(CustomerDraft.builder().name("Left " + round).build());
                Customer right = crm.customers().create(CustomerDraft.builder().name("Right " + round).build());
                CountDownLatch start = new CountDownLatch(1);
                Callable<Long> intoLeft = () -> {
                    start.await();
                    return crm.merges().merge(left.id(), shared.id(), MergeOptions.defaults()).survivor().id();
                };
                Callable<Long> intoRight = () -> {
                    start.await();
                    return crm.merges().merge(right.id(), shared.id(), MergeOptions.defaults()).survivor().id();
                };
                Future<Long> one = threads.submit(intoLeft);
                Future<Long> other = threads.submit(intoRight);
                start.countDown();

                int won = 0;
                for (Future<Long> outcome : List.of(one, other)) {
                    try {
                        outcome.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(NotFoundException.class)
                                .hasMessageContaining("customer " + shared.id() + " was merged into customer");
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(crm.customers().find(shared.id())).isEmpty();
                assertThat(crm.merges().history(shared.id())).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Holds an undo at its lock of the survivor (a version bump), with the merge record locked where it must be. */
    private static StatementPause atSurvivorLock(String prefix) {
        return new StatementPause(sql -> sql.startsWith("UPDATE " + prefix + "customer SET version = version + 1"));
    }

    @DbTest
    void anUndoRacingAMergeIntoItsSurvivorIsRefusedOnceThatMergeCommitted(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        StatementPause pause = atSurvivorLock(prefix);
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource()))
                .defaultPhoneRegion("VN"))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer[] pair = MergeTest.pair(crm);
            Customer third = crm.customers().create(CustomerDraft.builder().name("Lan N.").build());
            long merge = crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.defaults()).mergeIds().get(0);

            String[] outcomes = pause.whileHeld(() -> Race.attempt(() -> "undone " + crm.merges().undo(merge).id()),
                    () -> Race.attempt(() -> "merged " + crm.merges().merge(pair[0].id(), third.id(),
                            MergeOptions.defaults()).mergeIds().size()));

            assertThat(outcomes[1]).isEqualTo("merged 1");
            assertThat(outcomes[0]).startsWith("ConflictException").contains("later merge");
            assertThat(crm.customers().find(pair[1].id())).isEmpty();
            assertThat(crm.customers().find(third.id())).isEmpty();
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void twoUndosOfOneMergeAtOnceUndoItOnceAndTellTheOther(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        StatementPause pause = atSurvivorLock(prefix);
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource()))
                .defaultPhoneRegion("VN"))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            Customer[] pair = MergeTest.pair(crm);
            long merge = crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.defaults()).mergeIds().get(0);
            Callable<String> undo = () -> Race.attempt(() -> "undone " + crm.merges().undo(merge).id());

            String[] outcomes = pause.whileHeld(undo, undo);

            assertThat(outcomes).as(String.join(" | ", outcomes))
                    .filteredOn(outcome -> outcome.equals("undone " + pair[1].id())).hasSize(1);
            assertThat(outcomes).as(String.join(" | ", outcomes)).filteredOn(outcome -> outcome.startsWith("ConflictException")
                    && outcome.contains("already undone")).hasSize(1);
            assertThat(crm.customers().get(pair[1].id()).phones()).containsExactly("+84912000002");
        } finally {
            db.dropTables(prefix);
        }
    }
}
