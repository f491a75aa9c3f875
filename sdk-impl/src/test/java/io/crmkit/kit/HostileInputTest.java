package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input at every public entry point ends in a {@link CrmException} that names the field at fault, never
 * an IllegalArgumentException, a DateTimeParseException, a driver's exception or SQL text.
 */
class HostileInputTest {

    /** What an error message must never hold: SQL, the tables' prefix or the filter compiler's placeholders. */
    private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|JOIN)\\b|crm_"
            + "|#\\{|SQLException|PSQLException|JdbcSQL");

    /** The value types of the API, built from bad values. */
    static Stream<Named<Runnable>> valueTypes() {
        return Stream.of(
                Named.of("Actor with a bad tenant", () -> Actor.of("tenant a", "agent", Permission.ALL)),
                Named.of("Actor with a control character", () -> Actor.of("t", "a\u0000b")),
                Named.of("Filter with an object value", () -> Filter.eq("city", new Object())),
                Named.of("Filter with a null value", () -> Filter.eq("city", null)),
                Named.of("Filter with a blank field", () -> Filter.eq(" ", "x")),
                Named.of("Filter with too few values", () -> Filter.where("age", Operator.BETWEEN, 1)),
                Named.of("Filter group that is empty", Filter::all),
                Named.of("Filter of 201 conditions", () -> Filter.any(Collections.nCopies(201, Filter.eq("city", "x"))
                        .toArray(Filter[]::new))),
                Named.of("Query page of 0", () -> Query.all().pageSize(0)),
                Named.of("Query keyword too long", () -> Query.all().keyword("x".repeat(Query.MAX_KEYWORD + 1))),
                Named.of("Query keyword with NUL", () -> Query.all().keyword("a\u0000b")),
                Named.of("Selection of no ids", () -> Selection.ids(List.of())),
                Named.of("Selection of too many ids", () -> Selection.ids(LongStream.rangeClosed(1, Selection.MAX_IDS + 1)
                        .boxed().toList())),
                Named.of("MatchRules with a threshold of 0", () -> new MatchRules(MatchRules.defaults().rules(), 0)),
                Named.of("MatchRules without a rule", () -> new MatchRules(Set.of(), 80)),
                Named.of("PageRequest of 0", () -> PageRequest.first(0)),
                Named.of("ImportFile with a colon delimiter", () -> new ImportFile(Path.of("a.csv"), FileFormat.CSV, ':')),
                Named.of("ImportFile of a .txt", () -> ImportFile.of(Path.of("a.txt"))),
                Named.of("ExportRequest with a colon delimiter", () -> ExportRequest.builder(FileFormat.CSV).delimiter(':')));
    }

    @ParameterizedTest
    @MethodSource("valueTypes")
    void aValueTypeRefusesABadValueWithAFieldPath(Runnable hostile) {
        assertRefusedWithAFieldPath(catchThrowable(hostile::run));
    }

    @DbTest
    void everyEntryPointRefusesHostileInputWithAFieldPath(TestDb db) {
        Crm crm = db.crm();
        long id = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
        crm.customers().create(CustomerDraft.builder().name("Minh").build());
        crm.fields().define(FieldDraft.builder("points", FieldType.DECIMAL).build());
        crm.fields().define(FieldDraft.builder("visit", FieldType.DATE).build());
        String cursor = crm.filters().search(Query.all().pageSize(1)).nextCursor().orElseThrow();

        Map<String, Consumer<Crm>> entries = new LinkedHashMap<>();
        entries.put("filter JSON that is no JSON", c -> c.filters().parse("{\"field\": "));
        entries.put("filter JSON with an empty group", c -> c.filters().parse("{\"version\": 1, \"all\": []}"));
        entries.put("filter JSON with a bad date", c -> c.filters().parse(
                "{\"version\": 1, \"field\": \"visit\", \"op\": \"EQ\", \"values\": [{\"date\": \"2024-02-30\"}]}"));
        entries.put("filter JSON with too few values", c -> c.filters().parse(
                "{\"version\": 1, \"field\": \"visit\", \"op\": \"BETWEEN\", \"values\": [1]}"));
        entries.put("filter JSON with an unknown operator", c -> c.filters().parse(
                "{\"version\": 1, \"field\": \"city\", \"op\": \"LIKE\", \"values\": [\"x\"]}"));
        entries.put("an instant of the year 999999", c -> c.filters().search(Query.where(
                Filter.after("createdAt", Instant.parse("+999999-01-01T00:00:00Z")))));
        entries.put("the largest instant", c -> c.filters().count(Filter.before("createdAt", Instant.MAX)));
        entries.put("a date of the year -5", c -> c.filters().count(Filter.eq("visit", LocalDate.of(-5, 1, 1))));
        entries.put("a number of a billion digits", c -> c.filters().count(Filter.where("points", Operator.GT,
                new BigDecimal("1e999999999"))));
        entries.put("a number of too many decimals", c -> c.filters().count(Filter.where("points", Operator.GT,
                new BigDecimal("0." + "1".repeat(40)))));
        entries.put("a text with NUL", c -> c.filters().count(Filter.eq("city", "Ha\u0000noi")));
        entries.put("a text of a megabyte", c -> c.filters().count(Filter.contains("name", "x".repeat(1 << 20))));
        entries.put("a saved filter id as text", c -> c.filters().count(Filter.eq("savedFilter", "12")));
        entries.put("a group id as text", c -> c.filters().count(Filter.eq("group", "abc")));
        entries.put("a tampered cursor", c -> c.filters().search(Query.all().pageSize(1).after(tamper(cursor))));
        entries.put("a cursor of random text", c -> c.filters().search(Query.all().after("%%%")));
        entries.put("an unknown sort", c -> c.filters().search(Query.all().sortedBy(Sort.asc("secret"))));
        entries.put("a task list cursor of another list", c -> c.activities().tasks().ofCustomer(id, true,
                PageRequest.first().after(cursor)));
        entries.put("a timeline from the year 999999", c -> c.activities().timeline().read(id, new TimelineQuery(
                Set.of(), Optional.of(Instant.parse("+999999-01-01T00:00:00Z")), Optional.empty(), PageRequest.first())));
        entries.put("a duplicate search limit of 0", c -> c.merges().findDuplicates(MatchRules.defaults(), 0));
        entries.put("a restore of too many ids", c -> c.trash().restore(LongStream.rangeClosed(1, 100_001).boxed()
                .toList()));
        entries.put("a saved filter with a text value of NUL", c -> c.filters().saved().create("nul",
                Filter.eq("city", "\u0000")));

        List<String> failures = new ArrayList<>();
        entries.forEach((name, entry) -> {
            Throwable thrown = catchThrowable(() -> entry.accept(crm));
            try {
                assertRefusedWithAFieldPath(thrown);
            } catch (AssertionError e) {
                failures.add(name + ": " + e.getMessage().strip().replaceAll("\\s+", " "));
            }
        });
        assertThat(failures).as("entry points that let hostile input through").isEmpty();
    }

    private static String tamper(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String tampered = text.substring(0, text.lastIndexOf('\n') + 1) + "not-a-time";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefusedWithAFieldPath(Throwable thrown) {
        assertThat(thrown).as("what was thrown").isInstanceOf(CrmException.class);
        assertThat(thrown.getMessage()).doesNotContainPattern(SQL);
        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.field()).isNotBlank();
            assertThat(error.code()).isNotBlank();
            assertThat(error.message()).doesNotContainPattern(SQL);
        });
        assertThat(((ValidationException) thrown).errors()).extracting(FieldError::field).doesNotContainNull();
    }
}
