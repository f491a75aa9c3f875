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
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
                        io.crmkit.api.merge.Survivorship.SURVIVOR, null)));
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

    static Stream<Arguments> nullMaps() {
        return Stream.of(
                Arguments.of("properties", (ThrowingCallable) () -> new EventDraft(1, "visit", NOW, "", null)),
                Arguments.of("birthday", (ThrowingCallable) () -> new CustomerDraft("", "", null, null, "", null,
                        List.of(), List.of(), List.of(), "", "", "", "", "", Optional.of("lead"), List.of(), Map.of())),
                Arguments.of("dueAt", (ThrowingCallable) () -> new TaskDraft("t", null, Optional.empty())));
    }
}
