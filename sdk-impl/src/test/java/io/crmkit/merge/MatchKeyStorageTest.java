package io.crmkit.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.impl.identity.MatchKeys;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Every way identities are written stores their match keys. */
public class MatchKeyStorageTest {

    @TempDir
    Path dir;

    /** @return "type|value|key" of every identity of the tenant in a table, sorted */
    public static List<String> rows(TestDb db, String prefix, String table, String tenant) {
        return db.column("SELECT " + concat(db) + " FROM " + prefix + table + " WHERE tenant_id = ?", tenant)
                .stream().sorted().toList();
    }

    static String concat(TestDb db) {
        return db.dialect().equals("mariadb") ? "CONCAT(id_type, '|', id_value, '|', COALESCE(match_key, 'NULL'))"
                : "id_type || '|' || id_value || '|' || COALESCE(match_key, 'NULL')";
    }

    /** @return the rows as they should be: each key computed by MatchKeys from its type and value */
    public static List<String> expected(List<String> rows) {
        return rows.stream().map(row -> {
            String[] parts = row.split("\\|", 3);
            return parts[0] + "|" + parts[1] + "|" + MatchKeys.of(parts[0], parts[1]);
        }).sorted().toList();
    }

    @DbTest
    void createUpdateAndImportAllStoreTheMatchKeys(TestDb db) throws IOException {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678")
                .email("Lan.Tran+1@GMail.com").externalId("ERP-1").wechatOpenId("OpenID-1").build());
        crm.customers().update(lan.id(), io.crmkit.api.customer.CustomerPatch.builder(lan.version())
                .phones(List.of("+34 912 345 679")).build());
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "name,phone,email\r\nJane,+84987654321,J.Doe+x@googlemail.com\r\n"
                + "Lan again,+34912345679,lan.tran@outlook.com\r\n", StandardCharsets.UTF_8);
        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());
        assertThat(List.of(result.created(), result.updated())).as("%s", result.failures()).containsExactly(1L, 1L);

        List<String> stored = rows(db, "crm_", "identity", db.tenant());

        assertThat(stored).hasSize(7).isEqualTo(expected(stored))
                .contains("email|j.doe+x@googlemail.com|jdoe@gmail.com", "phone|+34912345679|912345679",
                        "external_id|ERP-1|erp-1");
    }
}
