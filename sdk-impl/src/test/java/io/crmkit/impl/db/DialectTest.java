package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ConfigurationException;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DialectTest {

    @Test
    void recognisesTheSupportedProducts() {
        assertThat(Dialect.fromProductName("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.fromProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.fromProductName("MariaDB")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.fromProductName("MySQL")).isEqualTo(Dialect.MARIADB);
        assertThatThrownBy(() -> Dialect.fromProductName("Microsoft SQL Server"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'Microsoft SQL Server'");
    }

    @Test
    void tellsRetryableErrorsFromUniqueViolations() {
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("serialization", "40001"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("deadlock", "40001", 1213))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("lock wait", "HY000", 1205)))
                .as("a lock wait timeout: a repeat would wait as long again").isFalse();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("unique", "23505"))).isFalse();
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("unique", "23505"))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLException("dup", "23000", 1062))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLException("fk", "23000", 1452))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void bindsAnIdListAsParameters(Dialect dialect) {
        BoundSql list = dialect.idList(List.of(7L, 3L, 9L));
        assertThat(list.sql()).isEqualTo("(?, ?, ?)");
        assertThat(list.values()).containsExactly(7L, 3L, 9L);
    }

    @Test
    void writesAnIdListAsNumberLiteralsOnH2() {
        BoundSql list = Dialect.H2.idList(List.of(7L, -3L, Long.MAX_VALUE));
        assertThat(list.sql()).isEqualTo("(7, -3, " + Long.MAX_VALUE + ")");
        assertThat(list.values()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesAnEmptyOrOversizedIdList(Dialect dialect) {
        assertThatThrownBy(() -> dialect.idList(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        List<Long> tooMany = Stream.iterate(1L, id -> id + 1).limit(IdStatements.MAX_IDS + 1).toList();
        assertThatThrownBy(() -> dialect.idList(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got " + (IdStatements.MAX_IDS + 1));
        assertThat(dialect.idList(tooMany.subList(0, IdStatements.MAX_IDS)).sql()).endsWith(")");
    }

    private static KeySelect holders() {
        return KeySelect.select("i.customer_id", "crm_identity", "i")
                .leading("i.tenant_id = ? AND i.id_type = ?", "t1", "phone")
                .keyIn("match_key", KeySelect.KeyType.TEXT, List.of("a", "b"))
                .joins(" JOIN crm_customer c ON c.id = i.customer_id")
                .where("i.customer_id <> ?", 5L)
                .after(" ORDER BY i.customer_id");
    }

    @Test
    void selectsByKeysOnMariaDbWithAnInListOfParameters() {
        BoundSql select = Dialect.MARIADB.selectByKeys(holders());
        assertThat(select.sql()).isEqualTo("SELECT i.customer_id FROM crm_identity i JOIN crm_customer c ON c.id ="
                + " i.customer_id WHERE i.tenant_id = ? AND i.id_type = ? AND i.match_key IN (?, ?) AND"
                + " i.customer_id <> ? ORDER BY i.customer_id");
        assertThat(select.values()).containsExactly("t1", "phone", "a", "b", 5L);
    }

    @Test
    void selectsByKeysOnPostgresWithOneArrayOfText() {
        BoundSql select = Dialect.POSTGRESQL.selectByKeys(holders());
        assertThat(select.sql()).isEqualTo("SELECT i.customer_id FROM crm_identity i JOIN crm_customer c ON c.id ="
                + " i.customer_id WHERE i.tenant_id = ? AND i.id_type = ? AND i.match_key = ANY(CAST(? AS"
                + " VARCHAR[])) AND i.customer_id <> ? ORDER BY i.customer_id");
        assertThat(select.values()).containsExactly("t1", "phone",
                new IdStatements.PgArrayText("_varchar", "{\"a\",\"b\"}"), 5L);
    }

    @Test
    void writesEveryKeyAsOneQuotedElementOfThePostgresArray() {
        assertThat(Dialect.arrayLiteral(List.of("a,b", "q\"x", "b\\s", "{}", "NULL", " ", "")))
                .isEqualTo("{\"a,b\",\"q\\\"x\",\"b\\\\s\",\"{}\",\"NULL\",\" \",\"\"}");
        assertThat(Dialect.arrayLiteral(List.of(4L, -7L))).isEqualTo("{\"4\",\"-7\"}");
    }

    @Test
    void selectsByKeysOnH2ByJoiningATableOfOneArrayParameter() {
        BoundSql select = Dialect.H2.selectByKeys(holders());
        assertThat(select.sql()).isEqualTo("SELECT i.customer_id FROM TABLE(key_value VARCHAR = ?) key_list JOIN"
                + " crm_identity i ON i.tenant_id = ? AND i.id_type = ? AND i.match_key = key_list.key_value"
                + " JOIN crm_customer c ON c.id = i.customer_id WHERE i.customer_id <> ? ORDER BY i.customer_id");
        assertThat(select.values()).hasSize(4);
        assertThat(select.values().get(0)).isInstanceOfSatisfying(IdStatements.SqlArray.class, array -> {
            assertThat(array.sqlType()).isEqualTo("VARCHAR");
            assertThat(array.elements()).containsExactly("a", "b");
        });
        assertThat(select.values().subList(1, 4)).containsExactly("t1", "phone", 5L);
    }

    @ParameterizedTest
    @CsvSource({
            "POSTGRESQL, 'SELECT id FROM crm_customer WHERE crm_customer.tenant_id = ? AND crm_customer.id ="
                    + " ANY(CAST(? AS BIGINT[]))'",
            "MARIADB, 'SELECT id FROM crm_customer WHERE crm_customer.tenant_id = ? AND crm_customer.id IN (?)'",
            "H2, 'SELECT id FROM TABLE(key_value BIGINT = ?) key_list JOIN crm_customer ON crm_customer.tenant_id = ?"
                    + " AND crm_customer.id = key_list.key_value'"})
    void selectsByIdsOfATableWithoutAlias(Dialect dialect, String sql) {
        BoundSql select = dialect.selectByKeys(KeySelect.select("id", "crm_customer", "")
                .leading("crm_customer.tenant_id = ?", "t1").keyIn("id", KeySelect.KeyType.NUMBER, List.of(4L)));
        assertThat(select.sql()).isEqualTo(sql);
    }

    @Test
    void refusesAnEmptyKeyList() {
        assertThatThrownBy(() -> KeySelect.select("id", "t", "").keyIn("id", KeySelect.KeyType.NUMBER, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> h2PagePlans() {
        return Stream.of(
                // phone, keyword, subquery, cursor, createdAt, metric -> hint, tenant first
                Arguments.of(shape(true, true, false, false, false, false), " USE INDEX (crm_customer_id)", false),
                Arguments.of(shape(true, true, false, true, true, false), " USE INDEX (crm_customer_id)", false),
                Arguments.of(shape(false, false, false, false, false, false), "", true),
                Arguments.of(shape(false, false, false, false, true, false), " USE INDEX (crm_customer_created)", true),
                Arguments.of(shape(false, true, true, false, false, false), "", true),
                Arguments.of(shape(false, true, false, true, true, false), " USE INDEX (crm_customer_created)", true),
                Arguments.of(shape(false, true, false, false, true, false), "", false),
                Arguments.of(shape(false, false, false, false, true, true), "", false),
                Arguments.of(shape(true, true, true, false, false, true), "", false));
    }

    private static PageShape shape(boolean phone, boolean keyword, boolean subquery, boolean cursor,
                                   boolean createdAt, boolean metric) {
        return new PageShape(phone, keyword, subquery, cursor, createdAt, metric);
    }

    @ParameterizedTest
    @MethodSource("h2PagePlans")
    void choosesTheH2PlanOfAPageByItsShape(PageShape shape, String hint, boolean tenantFirst) {
        assertThat(Dialect.H2.customerPage(shape, "crm_")).isEqualTo(new PagePlan(hint, tenantFirst));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MARIADB"})
    void leavesEveryPagePlanToPostgresAndMariaDb(Dialect dialect) {
        h2PagePlans().forEach(arguments -> assertThat(dialect.customerPage((PageShape) arguments.get()[0], "crm_"))
                .isEqualTo(PagePlan.AS_WRITTEN));
    }

    @ParameterizedTest
    @CsvSource({"H2, ' FOR UPDATE', ''", "POSTGRESQL, ' FOR SHARE', ''",
            "MARIADB, ' LOCK IN SHARE MODE', ' LOCK IN SHARE MODE'"})
    void writesTheLockingReadsOfEachDatabase(Dialect dialect, String shareLock, String latestRead) {
        assertThat(dialect.shareLock()).isEqualTo(shareLock);
        assertThat(dialect.latestRead()).isEqualTo(latestRead);
    }

    @Test
    void writesAnUpsertInEachDialect() {
        List<String> columns = List.of("k", "v");
        assertThat(Dialect.POSTGRESQL.upsert("t", columns, List.of("k"), List.of("v"), "SELECT 1, 2"))
                .isEqualTo("INSERT INTO t (k, v) SELECT 1, 2 ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v");
        assertThat(Dialect.MARIADB.upsert("t", columns, List.of("k"), List.of("v"), "SELECT 1, 2"))
                .isEqualTo("INSERT INTO t (k, v) SELECT 1, 2 ON DUPLICATE KEY UPDATE v = VALUES(v)");
        assertThat(Dialect.H2.upsert("t", columns, List.of("k"), List.of("v"), "SELECT 1, 2"))
                .isEqualTo("MERGE INTO t (k, v) KEY (k) SELECT 1, 2");
    }
}
