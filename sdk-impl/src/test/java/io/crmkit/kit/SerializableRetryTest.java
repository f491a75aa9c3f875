package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.impl.db.Database;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.TestDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * On a database that runs every transaction SERIALIZABLE, as CockroachDB and YugabyteDB do by default, a writer
 * that overlaps another writer of the same rows is refused with SQLState 40001. The kit runs it again, counts the
 * repeat ({@link CrmKit#transactionRetries()}), and both changes land: nothing is lost, nothing reaches the caller.
 * Runs on the PostgreSQL targets: on {@code [postgres]} with the kit's connections switched to SERIALIZABLE, on
 * {@code [serializable]} as the database runs them.
 */
class SerializableRetryTest {

    @DbTest
    void aWriterThatLosesToAnOverlappingOneRunsAgainAndBothChangesLand(TestDb db) throws Exception {
        assumeTrue(db.dialect().equals("postgres"), "PostgreSQL runs SERIALIZABLE as distributed engines do");
        String prefix = TestDb.uniquePrefix();
        // Holds the first writer after it locked and touched the customer, before it commits.
        StatementPause pause = new StatementPause(sql -> sql.startsWith("INSERT INTO " + prefix + "audit"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(serializable(db.ownKitDataSource()))))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            long lan = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            long before = kit.transactionRetries();

            String[] outcomes = pause.whileHeld(
                    () -> Race.attempt(() -> "tagged " + crm.customers().addTags(lan, List.of("first")).tags()),
                    () -> Race.attempt(() -> "tagged " + crm.customers().addTags(lan, List.of("second")).tags()));

            // The second writer began before the first committed: its lock of the customer was refused with 40001
            // once the first committed, and its second run saw the first's tag.
            assertThat(outcomes[0]).isEqualTo("tagged [first]");
            assertThat(outcomes[1]).startsWith("tagged [").contains("first").contains("second");
            assertThat(crm.customers().get(lan).tags()).containsExactlyInAnyOrder("first", "second");
            assertThat(kit.transactionRetries() - before).as("repeats of the refused writer").isPositive();
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void manyWritersOfOneCustomerAllLandWithBoundedRetries(TestDb db) throws Exception {
        assumeTrue(db.dialect().equals("postgres"), "PostgreSQL runs SERIALIZABLE as distributed engines do");
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(serializable(db.ownKitDataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            long lan = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            long before = kit.transactionRetries();
            int writers = 4;
            int each = 5;
            List<Callable<String>> tasks = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                tasks.add(() -> Race.attempt(() -> {
                    for (int i = 0; i < each; i++) {
                        crm.customers().addTags(lan, List.of("w" + w + "-" + i));
                    }
                    return "done";
                }));
            }

            @SuppressWarnings("unchecked")
            List<String> outcomes = Race.run(tasks.toArray(Callable[]::new));

            assertThat(outcomes).containsOnly("done");
            assertThat(crm.customers().get(lan).tags()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, writers)
                    .boxed().flatMap(w -> IntStream.range(0, each).mapToObj(i -> "w" + w + "-" + i)).toList());
            assertThat(kit.transactionRetries() - before).as("repeats, at most 7 per write")
                    .isBetween(0L, (long) writers * each * (Database.MAX_ATTEMPTS - 1));
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void racingMergesOfOnePairMergeItOnceAndRefuseTheOtherAsNotFoundOrConflict(TestDb db) throws Exception {
        assumeTrue(db.dialect().equals("postgres"), "PostgreSQL runs SERIALIZABLE as distributed engines do");
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(serializable(db.ownKitDataSource())))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent", Permission.ALL));
            for (int pair = 0; pair < 10; pair++) {
                long survivor = crm.customers().create(CustomerDraft.builder().name("Pair " + pair).build()).id();
                long merged = crm.customers().create(CustomerDraft.builder().name("Pair " + pair + " copy").build())
                        .id();
                Callable<String> merge = () -> Race.attempt(() -> {
                    crm.merges().merge(survivor, merged, MergeOptions.defaults());
                    return "merged";
                });

                List<String> outcomes = Race.run(merge, merge);

                assertThat(outcomes).as("pair %d", pair).containsOnlyOnce("merged").allSatisfy(outcome ->
                        assertThat(outcome).matches("merged|(NotFoundException|ConflictException): .*"));
                assertThat(crm.customers().find(merged)).isEmpty();
            }
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void theSerializableTargetRunsEveryTransactionSerializable(TestDb db) {
        assumeTrue(db.name().equals("serializable"), "the [serializable] target's own database");

        assertThat(db.column("SHOW default_transaction_isolation")).containsExactly("serializable");
        assertThat(db.column("SHOW transaction_isolation")).containsExactly("serializable");
    }

    /** The pool's connections, switched to SERIALIZABLE when lent (the pool switches them back when returned). */
    private static DataSource serializable(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection connection) {
                        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                    }
                    return result;
                });
    }
}
