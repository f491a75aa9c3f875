package io.crmkit.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.testing.ShardedDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The sharding rules CRMKit ships name every table the migrations make with a {@code tenant_id} column, in one
 * binding group, and no other: a table added by a migration and forgotten in the rules would be left unrouted.
 */
class ShardingRulesTest {

    @Test
    void theRulesShardEveryTableWithATenantAndOnlyThose() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sharding_rules;DB_CLOSE_DELAY=-1");
        CrmKit.builder().dataSource(h2).build().close();
        Set<String> withTenant = new TreeSet<>();
        try (Connection connection = h2.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, "CRM_%", "TENANT_ID")) {
            while (columns.next()) {
                withTenant.add(columns.getString("TABLE_NAME").toLowerCase());
            }
        }
        String rules;
        try (InputStream in = ShardedDataSource.class.getResourceAsStream(ShardedDataSource.RULES)) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> sharded = new TreeSet<>();
        Matcher table = Pattern.compile("(?m)^ {4}(crm_[a-z_]+):$").matcher(rules);
        while (table.find()) {
            sharded.add(table.group(1));
        }
        Matcher binding = Pattern.compile("(?m)^ {4}- (crm_[a-z_,]+)$").matcher(rules);

        assertThat(withTenant).hasSize(28);
        assertThat(sharded).as("sharded tables").isEqualTo(withTenant);
        assertThat(binding.find()).as("a binding group").isTrue();
        assertThat(new TreeSet<>(Set.of(binding.group(1).split(",")))).as("the binding group").isEqualTo(withTenant);
    }
}
