package io.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderLine;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportMode;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.Survivorship;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type a caller builds refuses a bad argument, null included, with a {@link ValidationException} (a
 * {@link CrmException}) whose error names the argument: never a NullPointerException or an
 * IllegalArgumentException.
 */
class BadArgumentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> badArguments() {
        return Stream.of(
                bad("Actor", "tenantId", () -> Actor.of(null, "agent")),
                bad("Actor", "actorId", () -> Actor.of("t", null)),
                bad("Actor", "permissions[1]", () -> Actor.of("t", "a", Arrays.asList(Permission.READ, null))),
                bad("Customer", "stage", () -> Customer.builder().createdAt(NOW).createdBy("a").updatedAt(NOW)
                        .updatedBy("a").build()),
                bad("CustomerDraft", "phones", () -> CustomerDraft.builder().phones(null)),
                bad("CustomerDraft", "key", () -> CustomerDraft.builder().custom(null, "x")),
                bad("CustomerPatch", "emails", () -> CustomerPatch.builder(1).emails(null)),
                bad("CustomerPatch", "channels[0]", () -> CustomerPatch.builder(1).channels(Arrays.asList(
                        (Channel) null))),
                bad("Channel", "name", () -> new Channel(null, "acct")),
                bad("Identity", "value", () -> new Identity(io.crmkit.api.customer.IdentityType.PHONE, "", null,
                        false)),
                bad("EventDraft", "type", () -> EventDraft.of(1, null, NOW)),
                bad("OrderDraft", "lines[0]", () -> OrderDraft.of("n-1", NOW, OrderStatus.PAID, "VND",
                        Arrays.asList((OrderLine) null))),
                bad("OrderLine", "unitPrice", () -> new OrderLine("sku", "name", BigDecimal.ONE, null)),
                bad("TaskDraft", "title", () -> TaskDraft.of(null)),
                bad("TimelineQuery", "page", () -> TimelineQuery.newest().page(null)),
                bad("PageRequest", "size", () -> PageRequest.first(0)),
                bad("PageRequest", "cursor", () -> PageRequest.first().after(null)),
                bad("BulkOperation", "tags[0]", () -> new BulkOperation.AddTags(Arrays.asList((String) null))),
                bad("BulkOperation", "ownerId", () -> new BulkOperation.Assign(null)),
                bad("Selection", "ids", () -> Selection.ids(List.of())),
                bad("Selection", "ids[1]", () -> Selection.ids(Arrays.asList(1L, null))),
                bad("FieldDraft", "type", () -> FieldDraft.builder("tier", null)),
                bad("FieldDraft", "options[0]", () -> FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                        .options(Arrays.asList((String) null)).build()),
                bad("FieldUpdate", "label", () -> FieldUpdate.of(1).withLabel(null)),
                bad("Filter", "filters[0]", () -> Filter.all((Filter) null)),
                bad("Filter", "operator", () -> Filter.where("city", null)),
                bad("Filter", "values", () -> Filter.in("city", null)),
                bad("Filter", "tags", () -> Filter.hasTag((String[]) null)),
                bad("Filter", "filter", () -> Filter.where("age", Operator.BETWEEN, 1)),
                bad("ListView", "columns[0]", () -> new ListView(1, "v", Arrays.asList((String) null))),
                bad("Query", "sort", () -> Query.all().sortedBy(null)),
                bad("Query", "pageSize", () -> Query.all().pageSize(0)),
                bad("Sort", "field", () -> Sort.asc(null)),
                bad("ExportRequest", "columns[0]", () -> ExportRequest.builder(FileFormat.CSV)
                        .columns(Arrays.asList((String) null))),
                bad("ExportRequest", "filter", () -> ExportRequest.builder(FileFormat.CSV).filter(null)),
                bad("ImportFile", "path", () -> ImportFile.of(null, FileFormat.CSV)),
                bad("ImportRequest", "fieldKey", () -> ImportRequest.builder(ImportFile.of(Path.of("a.csv")))
                        .map("Name", null)),
                bad("ImportRequest", "mapping", () -> ImportRequest.builder(ImportFile.of(Path.of("a.csv")))
                        .mapping(null)),
                bad("MatchRules", "rules", () -> new MatchRules(Set.of(), 80)),
                bad("MatchRules", "threshold", () -> MatchRules.of(MatchRule.SAME_EMAIL).withThreshold(101)),
                bad("MergeOptions", "rule", () -> MergeOptions.builder().field("name", null)),
                bad("MergeOptions", "overrides", () -> new MergeOptions(
                        io.crmkit.api.merge.Survivorship.SURVIVOR, null)),
                bad("CustomerDraft", "phones", () -> draft(null, List.of(), List.of(), Map.of())),
                bad("CustomerDraft", "emails", () -> draft(List.of(), null, List.of(), Map.of())),
                bad("CustomerDraft", "tags", () -> draft(List.of(), List.of(), null, Map.of())),
                bad("CustomerDraft", "custom", () -> draft(List.of(), List.of(), List.of(), null)),
                bad("CustomerPatch", "changes", () -> new CustomerPatch(1, null, Map.of())),
                bad("CustomerPatch", "customChanges", () -> new CustomerPatch(1, Map.of(), null)),
                bad("CustomerField", "key", () -> CustomerField.byKey(null)),
                bad("ImportRequest", "mapping", () -> importRequest(null)),
                bad("ImportRequest", "mapping.Name", () -> importRequest(mapOf("Name", null))),
                bad("ImportRequest", "mapping", () -> importRequest(mapOf(null, "name"))),
                bad("FieldUpdate", "options", () -> fieldUpdate(null)),
                bad("FieldUpdate", "options[1]", () -> fieldUpdate(Optional.of(Arrays.asList("gold", null)))),
                bad("FieldUpdate", "options[0]", () -> FieldUpdate.of(1).withOptions(Arrays.asList((String) null))),
                bad("FieldDraft", "options", () -> FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                        .options((List<String>) null)),
                bad("FieldDraft", "options", () -> FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                        .options((String[]) null)),
                bad("FieldDraft", "options[1]", () -> FieldDraft.builder("tier", FieldType.SINGLE_CHOICE)
                        .options("gold", null).build()),
                bad("MergeOptions", "overrides", () -> new MergeOptions(Survivorship.SURVIVOR,
                        mapOf(null, Survivorship.NEWEST))),
                bad("MergeOptions", "overrides.name", () -> new MergeOptions(Survivorship.SURVIVOR,
                        mapOf("name", null))),
                bad("MergeOptions", "field", () -> MergeOptions.defaults().ruleOf(null)),
                bad("MatchRules", "rules[0]", () -> MatchRules.of(null)),
                bad("MatchRules", "rules[1]", () -> MatchRules.of(MatchRule.SAME_EMAIL, (MatchRule) null)),
                bad("TimelineQuery", "types[1]", () -> TimelineQuery.newest().types("email", null)),
                bad("TimelineQuery", "types", () -> TimelineQuery.newest().types((String[]) null)),
                bad("OrderDraft", "amount", () -> OrderDraft.ofAmount("n-1", NOW, OrderStatus.PAID, "VND", null)),
                bad("Actor", "permission", () -> Actor.of("t", "a").can(null)),
                bad("Actor", "permission", () -> Actor.of("t", "a", Permission.READ).can(null)),
                bad("Actor", "permissions", () -> Actor.of("t", "a", (Permission[]) null)),
                bad("Filter", "filters", () -> Filter.all((Filter[]) null)),
                bad("Filter", "filters", () -> Filter.any((Filter[]) null)),
                bad("Filter", "values", () -> Filter.where("city", Operator.IN, (Object[]) null)));
    }

    private static CustomerDraft draft(List<String> phones, List<String> emails, List<String> tags,
                                       Map<String, Object> custom) {
        return new CustomerDraft("Lan", "", null, Optional.empty(), "", null, phones, emails, List.of(), "", "", "",
                "", "", "", Optional.empty(), tags, custom);
    }

    private static ImportRequest importRequest(Map<String, String> mapping) {
        return new ImportRequest(ImportFile.of(Path.of("a.csv")), mapping, ImportMode.CREATE_OR_UPDATE,
                Optional.empty(), Optional.empty(), List.of(), List.of(), false);
    }

    private static FieldUpdate fieldUpdate(Optional<List<String>> options) {
        return new FieldUpdate(1, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), false, false, options);
    }

    /** A map holding one entry, which may be null in its key or value (what {@code Map.of} refuses). */
    private static <K, V> Map<K, V> mapOf(K key, V value) {
        Map<K, V> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    private static Arguments bad(String type, String field, ThrowingCallable call) {
        return Arguments.of(type, field, call);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArguments")
    void aBadArgumentIsAValidationErrorNamingTheField(String type, String field, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).as(type).isInstanceOf(ValidationException.class).isInstanceOf(CrmException.class);
        assertThat(((ValidationException) thrown).errors()).extracting(FieldError::field).contains(field);
        assertThat(thrown.getMessage()).contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullMaps")
    void aNullMapIsNamedToo(String field, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).errors().get(0).field()).isEqualTo(field);
    }

    @Test
    void aTimelineTypeListedTwiceCountsOnce() {
        assertThat(TimelineQuery.newest().types("email", "email", "form").types()).containsExactlyInAnyOrder("email",
                "form");
    }

    @Test
    void anActorWithoutPermissionsCanDoNothing() {
        assertThat(Actor.of("t", "a").can(Permission.READ)).isFalse();
    }

    static Stream<Arguments> nullMaps() {
        return Stream.of(
                Arguments.of("properties", (ThrowingCallable) () -> new EventDraft(1, "visit", NOW, "", null)),
                Arguments.of("birthday", (ThrowingCallable) () -> new CustomerDraft("", "", null, null, "", null,
                        List.of(), List.of(), List.of(), "", "", "", "", "", "", Optional.of("lead"), List.of(),
                        Map.of())),
                Arguments.of("dueAt", (ThrowingCallable) () -> new TaskDraft("t", null, Optional.empty())));
    }
}
