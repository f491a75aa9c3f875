package io.crmkit.impl.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored form of a submitted bulk operation: every kind of operation, every built-in field an edit sets and every
 * kind of custom value read back equal to what was written, without a database; what cannot be stored is refused
 * before a job is written, and what cannot be read is an {@link UnreadableBulkRequest} naming the part.
 */
class StoredBulkRequestTest {

    private static final Instant DUE = Instant.parse("2031-02-03T04:05:06.123456789Z");

    /** Every built-in field a patch may set, each with a value of its type. */
    private static CustomerPatch everyBuiltInField() {
        return CustomerPatch.builder(7).name("Lan").nickname("L").gender(Gender.FEMALE)
                .birthday(LocalDate.of(1990, 2, 28)).company("ACME").address(Address.of("VN", "Hanoi", "Hanoi",
                        "Ba Dinh", "1 Hoang Dieu")).phones(List.of("0912 345 678", "+84 24 1234 5678"))
                .emails(List.of("lan@example.com")).channels(List.of(Channel.of("zalo", "lan.z"),
                        Channel.of("web", "u-1"))).externalId("erp-1").wechatOpenId("wx-1").remark("r")
                .source("fair").stage("customer").build();
    }

    /** Custom values of every type fields take, as a caller may give them, and clears. */
    private static CustomerPatch everyKindOfCustomValue() {
        return CustomerPatch.builder(0)
                .custom("text", "héllo \"quoted\" \u2028 line")
                .custom("whole", 42L).custom("int", 42).custom("short", (short) 7).custom("byte", (byte) -1)
                .custom("big", new BigInteger("123456789012345678901234567890"))
                .custom("decimal", new BigDecimal("12.50")).custom("tiny", new BigDecimal("1E-10"))
                .custom("double", 0.1d).custom("negativeZero", -0.0d).custom("float", 1.5f)
                .custom("flag", true).custom("off", false)
                .custom("date", LocalDate.of(2024, 2, 29)).custom("farDate", LocalDate.of(9999, 12, 31))
                .custom("instant", Instant.parse("2024-05-31T08:00:00.123456Z"))
                .custom("offset", OffsetDateTime.of(2024, 5, 31, 8, 0, 0, 1, ZoneOffset.ofHoursMinutes(5, 30)))
                .custom("zoned", ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Paris")))
                .custom("site", URI.create("https://example.com/a?b=c"))
                .custom("choices", List.of("red", "green"))
                .custom("choiceSet", new LinkedHashSet<>(List.of("b", "a")))
                .custom("withNull", Arrays.asList("a", null))
                .custom("cleared", null)
                .build();
    }

    static Stream<Arguments> operations() {
        Map<CustomerField, Optional<Object>> cleared = new EnumMap<>(CustomerField.class);
        cleared.put(CustomerField.NAME, Optional.empty());
        cleared.put(CustomerField.BIRTHDAY, Optional.empty());
        cleared.put(CustomerField.ADDRESS, Optional.empty());
        Map<String, Optional<Object>> noCustom = new LinkedHashMap<>();
        return Stream.of(
                Arguments.of("edit of every built-in field", BulkOperation.edit(everyBuiltInField())),
                Arguments.of("edit of every kind of custom value", BulkOperation.edit(everyKindOfCustomValue())),
                Arguments.of("edit clearing fields", BulkOperation.edit(new CustomerPatch(3, cleared, noCustom))),
                Arguments.of("add tags", BulkOperation.addTags(List.of("vip", " spaced ", "ümlaut"))),
                Arguments.of("remove tags", BulkOperation.removeTags(List.of("old"))),
                Arguments.of("identify as valid", BulkOperation.identifyAsValid()),
                Arguments.of("recycle to the pool", BulkOperation.recycleToPool()),
                Arguments.of("assign", BulkOperation.assign("agent-7")),
                Arguments.of("task with a title only", BulkOperation.createTask(TaskDraft.of("Call back"))),
                Arguments.of("task due and assigned", BulkOperation.createTask(TaskDraft.of("Follow up").dueAt(DUE)
                        .assignedTo("agent-7"))),
                Arguments.of("delete", BulkOperation.delete("0123456789abcdef0123456789abcdef", true,
                        "duplicates of the ERP import")));
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of(Selection.all()),
                Arguments.of(Selection.ids(List.of(3L, 1L, 2L))),
                Arguments.of(Selection.matching(Filter.all(Filter.hasTag("vip"), Filter.any(Filter.eq("city",
                        "Hanoi"), Filter.isNotEmpty("birthday"))), "lan")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperationReadsBackEqual(String description, BulkOperation operation) {
        StoredBulkRequest request = new StoredBulkRequest(Selection.all(), operation, 42L, false, null);

        StoredBulkRequest read = StoredBulkRequest.fromJson(request.toJson());

        assertThat(read).isEqualTo(request);
        assertThat(read.operation()).isEqualTo(operation).hasSameClassAs(operation);
    }

    @ParameterizedTest
    @MethodSource("selections")
    void everySelectionAndWhatTheSubmissionSettledReadBackEqual(Selection selection) {
        StoredBulkRequest request = new StoredBulkRequest(selection, BulkOperation.delete("t", true,
                "a reason long enough"), 9L, true, List.of(5L, 8L, 13L));

        assertThat(StoredBulkRequest.fromJson(request.toJson())).isEqualTo(request);
    }

    @Test
    void everyPermittedOperationHasAStoredForm() {
        Set<Class<?>> permitted = Arrays.stream(BulkOperation.class.getPermittedSubclasses())
                .collect(Collectors.toSet());

        assertThat(permitted).isNotEmpty();
        assertThat(Set.<Class<?>>copyOf(StoredBulkRequest.storedOperations())).isEqualTo(permitted);
        assertThat(operations().map(arguments -> arguments.get()[1].getClass()).collect(Collectors.toSet()))
                .as("the round trip covers every operation").isEqualTo(permitted);
    }

    @Test
    void customValuesKeepTheirJavaTypesAndExactValues() {
        CustomerPatch patch = everyKindOfCustomValue();
        StoredBulkRequest request = new StoredBulkRequest(Selection.all(), BulkOperation.edit(patch), 1L, false, null);

        CustomerPatch read = ((BulkOperation.Edit) StoredBulkRequest.fromJson(request.toJson()).operation()).changes();

        Map<String, Optional<Object>> custom = read.customChanges();
        assertThat(custom.keySet()).as("in the patch's order").containsExactlyElementsOf(patch.customChanges()
                .keySet());
        assertThat(custom.get("decimal")).containsInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) custom.get("decimal").orElseThrow()).scale()).as("the scale is kept").isEqualTo(2);
        assertThat(custom.get("tiny")).contains(new BigDecimal("1E-10"));
        assertThat(custom.get("int")).containsInstanceOf(Integer.class);
        assertThat(custom.get("whole")).containsInstanceOf(Long.class);
        assertThat(custom.get("double")).contains(0.1d);
        assertThat(custom.get("negativeZero")).contains(-0.0d);
        assertThat(custom.get("flag")).contains(Boolean.TRUE);
        assertThat(custom.get("date")).containsInstanceOf(LocalDate.class);
        assertThat(custom.get("instant")).contains(Instant.parse("2024-05-31T08:00:00.123456Z"));
        assertThat(custom.get("offset")).contains(OffsetDateTime.of(2024, 5, 31, 8, 0, 0, 1,
                ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(custom.get("zoned")).contains(ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0,
                ZoneId.of("Europe/Paris")));
        assertThat(custom.get("choices")).contains(List.of("red", "green"));
        assertThat(custom.get("choiceSet").orElseThrow()).isInstanceOf(Set.class).isEqualTo(Set.of("a", "b"));
        assertThat(custom.get("withNull")).contains(Arrays.asList("a", null));
        assertThat(custom.get("cleared")).isEmpty();
        assertThat(read.changes()).isEmpty();
    }

    @Test
    void otherNumbersTextsAndCollectionsAreStoredAsFieldsReadThem() {
        CustomerPatch patch = CustomerPatch.builder(0).custom("atomic", new AtomicLong(5))
                .custom("builder", new StringBuilder("text as a builder"))
                .custom("queue", new java.util.ArrayDeque<>(List.of("x", "y"))).build();
        StoredBulkRequest request = new StoredBulkRequest(Selection.all(), BulkOperation.edit(patch), 1L, false, null);

        CustomerPatch read = ((BulkOperation.Edit) StoredBulkRequest.fromJson(request.toJson()).operation()).changes();

        assertThat(read.customChanges()).containsEntry("atomic", Optional.of(5L))
                .containsEntry("builder", Optional.of("text as a builder"))
                .containsEntry("queue", Optional.of(List.of("x", "y")));
    }

    @Test
    void aValueOfATypeNoFieldTakesIsRefusedOnItsPathBeforeAnythingIsWritten() {
        BulkOperation custom = BulkOperation.edit(CustomerPatch.builder(0).custom("points", new Object()).build());
        BulkOperation nested = BulkOperation.edit(CustomerPatch.builder(0).custom("tags", List.of("a",
                Thread.State.NEW)).build());

        assertThatThrownBy(() -> StoredBulkRequest.requireStorable(custom))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("changes.custom.points");
                    assertThat(e.errors().get(0).code()).isEqualTo("wrong_type");
                });
        assertThatThrownBy(() -> StoredBulkRequest.requireStorable(nested))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("changes.custom.tags[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"add_tags\",\"values\":[\"a\"]}",
        "{\"format\":2,\"job\":1}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"launch\","
            + "\"parameters\":{},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"add_tags\","
            + "\"parameters\":{\"tags\":[1]},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"assign\","
            + "\"parameters\":{},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":\"{\\\"version\\\":9}\",\"keyword\":\"\",\"ids\":[],"
            + "\"operation\":\"recycle_to_pool\",\"parameters\":{},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"edit\","
            + "\"parameters\":{\"version\":0,\"changes\":{\"status\":null},\"custom\":{}},\"confirmed\":false,"
            + "\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"edit\","
            + "\"parameters\":{\"version\":0,\"changes\":{},\"custom\":{\"d\":{\"kind\":\"decimal\","
            + "\"value\":\"12,5\"}}},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"edit\","
            + "\"parameters\":{\"version\":0,\"changes\":{},\"custom\":{\"d\":{\"kind\":\"money\","
            + "\"value\":\"1\"}}},\"confirmed\":false,\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"create_task\","
            + "\"parameters\":{\"title\":\"t\",\"dueAt\":\"tomorrow\",\"assignee\":null},\"confirmed\":false,"
            + "\"members\":null}",
        "{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":\"\",\"ids\":[],\"operation\":\"delete\","
            + "\"parameters\":{\"token\":\"t\",\"agreed\":true},\"confirmed\":true,\"members\":null}"})
    void whatDoesNotDescribeARequestIsUnreadableNamingThePart(String json) {
        assertThatThrownBy(() -> StoredBulkRequest.fromJson(json)).isInstanceOf(UnreadableBulkRequest.class)
                .hasMessageMatching("(?s)\\S+.*: .+");
    }

    @Test
    void anUnreadableRequestSaysWhereAndWhat() {
        assertThatThrownBy(() -> StoredBulkRequest.fromJson("{\"format\":1,\"job\":1,\"filter\":null,\"keyword\":"
                + "\"\",\"ids\":[],\"operation\":\"edit\",\"parameters\":{\"version\":0,\"changes\":{},\"custom\":"
                + "{\"d\":{\"kind\":\"decimal\",\"value\":\"12,5\"}}},\"confirmed\":false,\"members\":null}"))
                .hasMessageStartingWith("parameters.custom.d.value: not a decimal");
        assertThatThrownBy(() -> StoredBulkRequest.fromJson("{\"filter\":null,\"keyword\":\"\",\"ids\":[],"
                + "\"operation\":\"add_tags\",\"values\":[\"a\"]}"))
                .hasMessage("format: this kit reads format 1, got none");
    }
}
