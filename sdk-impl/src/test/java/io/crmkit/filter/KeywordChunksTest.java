package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.StatementHooks;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk operations and exports of a keyword go through every customer it matches, chunk after chunk in id order,
 * whoever holds the keyword in their name or in an identity: 1,150 matches, more than a chunk of 1,000, among
 * customers that do not match. On MariaDB a keyword alone of few matches (at most 10,000 when the work was counted)
 * reads its chunks from the FULLTEXT indexes instead of walking the tenant in id order, and with a filter walks; the
 * same customers either way.
 */
class KeywordChunksTest {

    private static final int BY_NAME = 700;
    private static final int BY_EMAIL = 450;
    private static final int OTHERS = 300;

    @TempDir
    Path dir;

    @DbTest
    void aKeywordsBulkOperationAndExportReachEveryMatchAcrossChunks(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        List<String> statements = new CopyOnWriteArrayList<>();
        try (CrmKit own = db.newKit(prefix, builder -> { });
             CrmKit kit = CrmKit.builder().dataSource(StatementHooks.recording(db.ownKitDataSource(),
                     statements::add)).tablePrefix(prefix).defaultPhoneRegion("VN").build()) {
            Crm crm = kit.as(Actor.of("chunks", "agent", Permission.ALL));
            assertThat(crm.imports().run(ImportRequest.builder(ImportFile.of(people())).build()).created())
                    .isEqualTo(BY_NAME + BY_EMAIL + OTHERS);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < BY_NAME; i++) {
                expected.add("Zephyrine " + i);
            }
            for (int i = 0; i < BY_EMAIL; i++) {
                expected.add("Mail " + i);
            }

            statements.clear();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long written = crm.exports().run(ExportRequest.builder(FileFormat.CSV).keyword("zephyr").build(), out);

            assertThat(written).isEqualTo(expected.size());
            assertThat(names(out)).isEqualTo(expected);
            assertChunksOnTheIndexes(db, statements, db.dialect().equals("mariadb"));

            statements.clear();
            long tagged = crm.bulk().run(new Selection(Optional.empty(), "zephyr", List.of()),
                    BulkOperation.addTags(List.of("zephyr-fan"))).changed();

            assertThat(tagged).isEqualTo(expected.size());
            assertThat(crm.filters().count(Filter.hasTag("zephyr-fan"))).isEqualTo(expected.size());
            assertChunksOnTheIndexes(db, statements, db.dialect().equals("mariadb"));

            // With a filter, the count says nothing of the keyword's own matches: the chunks walk in id order.
            statements.clear();
            long withPhones = crm.bulk().run(Selection.matching(Filter.isNotEmpty("phones"), "zephyr"),
                    BulkOperation.addTags(List.of("zephyr-phone"))).changed();

            assertThat(withPhones).isEqualTo(expected.stream()
                    .filter(name -> Integer.parseInt(name.replaceAll("\\D", "")) % 2 == 0).count());
            assertThat(crm.filters().count(Filter.hasTag("zephyr-phone"))).isEqualTo(withPhones);
            assertChunksOnTheIndexes(db, statements, false);
        } finally {
            db.dropTables(prefix);
        }
    }

    /** @param indexed whether the chunks' statements read the FULLTEXT indexes, or walk in id order */
    private static void assertChunksOnTheIndexes(TestDb db, List<String> statements, boolean indexed) {
        List<String> chunks = statements.stream().filter(sql -> sql.contains("c.id > ?")).toList();
        assertThat(chunks).as("the chunks' statements on " + db.name()).hasSizeGreaterThan(1);
        assertThat(chunks).as("chunks read from the FULLTEXT indexes")
                .allMatch(sql -> sql.matches("(?s).*MATCH\\([cs]\\.search_grams\\).*") == indexed
                        && sql.contains(") u ORDER BY u.id ASC") == indexed);
    }

    /** Customers whose name holds the keyword, customers whose email does, and others; every other one a phone. */
    private Path people() throws Exception {
        StringBuilder csv = new StringBuilder("name,emails,phones\r\n");
        for (int i = 0; i < BY_NAME; i++) {
            csv.append("Zephyrine ").append(i).append(",,").append(phone(i)).append("\r\n");
        }
        for (int i = 0; i < BY_EMAIL; i++) {
            csv.append("Mail ").append(i).append(",m").append(i).append("@zephyr.example,").append(phone(10_000 + i))
                    .append("\r\n");
        }
        for (int i = 0; i < OTHERS; i++) {
            csv.append("Other ").append(i).append(",o").append(i).append("@example.com,").append(phone(20_000 + i))
                    .append("\r\n");
        }
        return Files.writeString(dir.resolve("people.csv"), csv);
    }

    /** @return a mobile number for even numbers, none for odd ones */
    private static String phone(int i) {
        return i % 2 == 0 ? String.format("09%08d", 12_000_000 + i) : "";
    }

    private static Set<String> names(ByteArrayOutputStream out) {
        List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\r?\n"));
        int name = Arrays.asList(lines.get(0).split(",")).indexOf("name");
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1)[name]).collect(Collectors.toCollection(TreeSet::new));
    }
}
