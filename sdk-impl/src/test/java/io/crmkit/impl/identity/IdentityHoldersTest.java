package io.crmkit.impl.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.impl.db.Dialect;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The look-up of who holds a batch of identities (an import chunk's, a restore's) finds each value exactly as stored,
 * whatever characters it holds, across more values than one part of the statement takes; through ShardingSphere too,
 * which passes the PostgreSQL array parameter on.
 */
@ShardedToo
class IdentityHoldersTest {

    @DbTest
    void findsTheHolderOfEveryValueWhateverItsCharacters(TestDb db) throws Exception {
        Crm crm = db.crm();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> awkward = List.of("q\"uote-" + run, "back\\slash-" + run, "com,ma-" + run, "{brace}-" + run,
                "NULL", "sp ace-" + run, "\\\"-" + run, "Ünïcödé-越南-" + run, "x".repeat(60) + run);
        Map<String, Long> expected = new HashMap<>();
        for (String value : awkward) {
            String stored = value.equals("NULL") ? "NULL-" + run : value;
            long id = crm.customers().create(CustomerDraft.builder().name("Holder").externalId(stored).build()).id();
            expected.put(stored, id);
        }
        List<String> asked = new ArrayList<>(expected.keySet());
        for (int i = 0; i < 2_100; i++) { // more than two parts of the statement, none held
            asked.add("absent-" + run + "-" + i);
        }
        asked.add("NULL"); // the word itself, which nobody holds here
        asked.add("");

        Map<String, Map<String, Long>> found;
        try (Connection connection = db.dataSource().getConnection()) {
            found = new IdentityHolders(db.kit().tablePrefix(), Dialect.detect(db.dataSource()))
                    .find(connection, db.tenant(), Map.of("external_id", asked, "email", List.of("nobody-" + run
                            + "@example.com")));
        }

        assertThat(found).containsOnlyKeys("external_id");
        assertThat(found.get("external_id")).isEqualTo(expected);
    }
}
