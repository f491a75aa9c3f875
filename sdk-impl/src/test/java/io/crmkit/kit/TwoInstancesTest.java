package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.testing.ChildJvm;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.SharedTenantWork;
import io.crmkit.testing.SharedTenantWorkInChildJvm;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits in two JVMs (node ids 1 and 2) on one database work on one tenant at the same moment, both warmed up
 * first: both create customers with the same phones (in opposite orders, so that they meet), tag the same
 * customers, import files that share half their rows (starting together), merge the same pairs and tag the same customers in bulk. Each
 * phone ends up on exactly one customer, every tag of both lands, every row of the two files is created once
 * between the two imports, each pair is merged once while the other kit's merge is refused, and both bulk
 * operations change every customer.
 */
class TwoInstancesTest {

    private static final int PAIRS = 4;

    @TempDir
    Path dir;

    @DbTest
    void twoKitsInTwoJvmsOnOneTenantLoseNothingAndDuplicateNothing(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        // Two JVMs share H2 only through a server: AUTO_SERVER lets the second connect to the first over TCP.
        String url = db.dialect().equals("h2") ? "jdbc:h2:file:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE"
                : TestDatabases.url(db.name());
        Path file = SharedTenantWork.writeImport(dir.resolve("people.csv"), 0);
        Path childFile = SharedTenantWork.writeImport(dir.resolve("more-people.csv"), SharedTenantWork.IMPORT_ROWS / 2);
        Path start = dir.resolve("start");
        Path log = dir.resolve("child.log");
        // The connection is opened first and kept open, so that with H2 this JVM is the server the child connects to.
        try (Connection connection = DriverManager.getConnection(url);
             CrmKit kit = CrmKit.builder().jdbcUrl(url, null, null).tablePrefix(prefix).nodeId(1)
                     .defaultPhoneRegion("VN").build()) {
            Crm crm = kit.as(Actor.of(db.tenant(), "parent", Permission.ALL));
            List<Long> tagged = IntStream.range(0, 3).mapToObj(i -> crm.customers().create(CustomerDraft.builder()
                    .name("Tagged " + i).build()).id()).toList();
            List<long[]> pairs = new ArrayList<>();
            for (int p = 0; p < PAIRS; p++) {
                pairs.add(new long[] {crm.customers().create(CustomerDraft.builder().name("Pair " + p).build()).id(),
                    crm.customers().create(CustomerDraft.builder().name("Pair " + p + " copy").build()).id()});
            }

            List<String> mine;
            List<String> theirs;
            try (ChildJvm child = ChildJvm.start(SharedTenantWorkInChildJvm.class, log, "256m", url, prefix,
                    db.tenant(), "2", start.toString(), childFile.toString(), tagged.stream().map(String::valueOf)
                            .collect(Collectors.joining(",")), pairs.stream().map(pair -> pair[0] + ":" + pair[1])
                            .collect(Collectors.joining(",")))) {
                SharedTenantWork.warmUp(kit.as(Actor.of(db.tenant() + "-warm-parent", "parent", Permission.ALL)), file);
                awaitLine(log, "ready", child);
                Files.createFile(start);
                mine = SharedTenantWork.run(crm, "parent", file, tagged, pairs, false,
                        SharedTenantWork.meet(dir, "parent", "child", "import"));
                assertThat(child.awaitExit(120)).as("the child's exit code; its log: %s", read(log)).isZero();
                theirs = Files.readAllLines(log).stream().filter(line -> line.startsWith("outcome "))
                        .map(line -> line.substring("outcome ".length())).toList();
            }
            assertThat(theirs).as("the child's outcomes; its log: %s", read(log)).hasSameSizeAs(mine);
            // How the two met, for the report: how many customers each created, what each import created.
            System.out.printf("[%s] two kits: parent created %d, child %d; imports %s / %s; merges %s / %s%n",
                    db.name(), mine.stream().filter(line -> line.startsWith("created ")).count(), theirs.stream()
                            .filter(line -> line.startsWith("created ")).count(), mine.get(SharedTenantWork.CREATES),
                    theirs.get(SharedTenantWork.CREATES), mine.subList(SharedTenantWork.CREATES + 1,
                            SharedTenantWork.CREATES + 1 + PAIRS), theirs.subList(SharedTenantWork.CREATES + 1,
                            SharedTenantWork.CREATES + 1 + PAIRS));

            for (int i = 0; i < SharedTenantWork.CREATES; i++) {
                assertThat(List.of(mine.get(i), theirs.get(i))).as("creates of phone %d", i)
                        .containsOnlyOnce("created " + i).allSatisfy(outcome -> assertThat(outcome)
                                .matches("created \\d+|conflict \\d+ ConflictException"));
            }
            assertThat(TestDb.column(connection, "SELECT id_value FROM " + prefix + "identity WHERE tenant_id = ? AND"
                    + " id_type = 'phone' GROUP BY id_value HAVING COUNT(*) > 1", db.tenant())).as("phones held twice")
                    .isEmpty();
            assertThat(phones(connection, prefix, db.tenant(), "+8491%")).isEqualTo(SharedTenantWork.CREATES);

            for (long id : tagged) {
                assertThat(crm.customers().get(id).tags()).as("tags of customer %d", id)
                        .hasSize(2 * SharedTenantWork.TAGS).contains("parent-0", "child-4");
            }

            String myImport = mine.get(SharedTenantWork.CREATES);
            String theirImport = theirs.get(SharedTenantWork.CREATES);
            int imported = SharedTenantWork.IMPORT_ROWS * 3 / 2;
            assertThat(created(myImport) + created(theirImport)).as("rows created by %s and %s", myImport,
                    theirImport).isEqualTo(imported);
            assertThat(myImport).as("failed rows").endsWith(" 0");
            assertThat(theirImport).as("failed rows").endsWith(" 0");
            assertThat(phones(connection, prefix, db.tenant(), "+8492%")).isEqualTo(imported);

            for (int p = 0; p < PAIRS; p++) {
                List<String> outcomes = List.of(mine.get(SharedTenantWork.CREATES + 1 + p),
                        theirs.get(SharedTenantWork.CREATES + 1 + p));
                assertThat(outcomes).as("merges of pair %d", p).containsOnlyOnce("merged " + p).allSatisfy(outcome ->
                        assertThat(outcome).matches("merged \\d+|refused \\d+ (NotFoundException|ConflictException)"));
                assertThat(crm.customers().find(pairs.get(p)[1])).isEmpty();
                assertThat(crm.customers().find(pairs.get(p)[0])).isPresent();
            }
            String bulk = "bulk " + SharedTenantWork.CREATES + " " + SharedTenantWork.CREATES + " 0";
            assertThat(mine.get(mine.size() - 1)).as("the parent's bulk tag").isEqualTo(bulk);
            assertThat(theirs.get(theirs.size() - 1)).as("the child's bulk tag").isEqualTo(bulk);
            assertThat(TestDb.column(connection, "SELECT COUNT(*) FROM " + prefix + "tag WHERE tenant_id = ? AND tag IN"
                    + " ('bulk-parent', 'bulk-child')", db.tenant())).as("both bulk tags on every created customer")
                    .containsExactly(String.valueOf(2 * SharedTenantWork.CREATES));
            assertThat(TestDb.column(connection, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM " + prefix + "customer"))
                    .as("ids given twice").containsExactly("0");
        } finally {
            if (!db.dialect().equals("h2")) {
                db.dropTables(prefix);
            }
        }
    }

    private static int phones(Connection connection, String prefix, String tenant, String like) throws SQLException {
        return Integer.parseInt(TestDb.column(connection, "SELECT COUNT(*) FROM " + prefix + "identity WHERE"
                + " tenant_id = ? AND id_type = 'phone' AND id_value LIKE ?", tenant, like).get(0));
    }

    /** @return the customers an outcome "imported created updated unchanged failed" created */
    private static long created(String outcome) {
        return Long.parseLong(outcome.split(" ")[1]);
    }

    private static void awaitLine(Path log, String line, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(log) || !Files.readAllLines(log).contains(line)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child never printed '" + line + "'; its log: " + read(log));
            }
            Thread.sleep(20);
        }
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
