package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.Timeline;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code crm.filters().fields()}: what it lists for a tenant, and that it never disagrees with the filters the SDK
 * runs. Every field and operator it offers is run through search and count with a value of the type it states;
 * every operator it does not offer is refused, naming the field.
 */
class FilterMetadataTest {

    /** A tenant with a custom field of every type (and a retired one), a group, a saved filter and own events. */
    private static final class Tenant {
        final Crm crm;
        final Customer lan;
        final CustomerGroup group;
        final SavedFilter saved;

        Tenant(Crm crm) {
            this.crm = crm;
            crm.fields().define(FieldDraft.builder("note", FieldType.TEXT).label("Note").build());
            crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
            crm.fields().define(FieldDraft.builder("ratio", FieldType.DECIMAL).build());
            crm.fields().define(FieldDraft.builder("member", FieldType.BOOLEAN).build());
            crm.fields().define(FieldDraft.builder("first_visit", FieldType.DATE).build());
            crm.fields().define(FieldDraft.builder("last_call", FieldType.DATETIME).build());
            crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).label("Tier")
                    .options("bronze", "silver", "gold").build());
            crm.fields().define(FieldDraft.builder("colors", FieldType.MULTIPLE_CHOICE).options("red", "blue")
                    .build());
            crm.fields().define(FieldDraft.builder("backup_email", FieldType.EMAIL).build());
            crm.fields().define(FieldDraft.builder("work_phone", FieldType.PHONE).build());
            crm.fields().define(FieldDraft.builder("homepage", FieldType.URL).build());
            crm.fields().define(FieldDraft.builder("old_code", FieldType.TEXT).build());
            crm.fields().retire("old_code");
            crm.activities().timeline().registerType("webinar");
            lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678")
                    .email("lan@example.com").address(Address.of("Vietnam", "Ha Noi", "Hanoi", "Ba Dinh", "1 Hoa Ma"))
                    .tag("vip").custom("points", 5).custom("tier", "gold").custom("colors", List.of("red"))
                    .custom("member", true).build());
            crm.customers().create(CustomerDraft.builder().name("Minh").externalId("erp-1").build());
            crm.activities().timeline().record(EventDraft.of(lan.id(), "webinar", Instant.now()));
            group = crm.filters().groups().create("Fair visitors");
            crm.filters().groups().add(group.id(), List.of(lan.id()));
            saved = crm.filters().saved().create("Hanoi", Filter.eq("city", "Hanoi"));
        }

        Map<String, FieldMetadata> fields() {
            return crm.filters().fields().stream().collect(Collectors.toMap(FieldMetadata::key, Function.identity()));
        }
    }

    @DbTest
    void listsTheBuiltInFieldsActiveCustomFieldsMembershipsAndEventTypesOfTheTenant(TestDb db) {
        Tenant tenant = new Tenant(db.crm());

        List<FieldMetadata> fields = tenant.crm.filters().fields();
        List<String> keys = fields.stream().map(FieldMetadata::key).toList();

        assertThat(keys).doesNotHaveDuplicates()
                .startsWith("name", "nickname", "company")
                .contains("phones", "emails", "externalId", "wechatOpenId", "channels", "tags", "verified", "address",
                        "stage", "status", "gender", "createdAt", "orderCount", "note", "tier", "colors", "group",
                        "savedFilter", "events.purchase", "events.webinar")
                .doesNotContain("old_code", "custom.old_code");
        assertThat(keys.subList(keys.indexOf("note"), keys.indexOf("homepage") + 1)).containsExactly("note",
                "points", "ratio", "member", "first_visit", "last_call", "tier", "colors", "backup_email", "work_phone",
                "homepage");
        assertThat(keys.subList(keys.indexOf("group"), keys.size())).startsWith("group", "savedFilter")
                .containsAll(Timeline.BUILT_IN_TYPES.stream().map(type -> "events." + type).toList())
                .endsWith("events.webinar");
        assertThat(fields).allSatisfy(field -> {
            assertThat(field.operators()).as(field.key()).isNotEmpty();
            assertThat(field.label()).as(field.key()).isNotBlank();
            assertThat(field.optionsComplete()).as(field.key()).isTrue();
        });
    }

    @DbTest
    void describesEachFieldWithItsTypeOperatorsOptionsAndWhetherItIsAColumnOrSortKey(TestDb db) {
        Tenant tenant = new Tenant(db.crm());
        Map<String, FieldMetadata> fields = tenant.fields();

        FieldMetadata name = fields.get("name");
        assertThat(name).extracting(FieldMetadata::label, FieldMetadata::kind, FieldMetadata::type,
                FieldMetadata::column, FieldMetadata::sortable).containsExactly("Name", FieldMetadata.Kind.BUILT_IN,
                FieldMetadata.ValueType.TEXT, true, true);
        assertThat(name.operator(Operator.IN)).hasValue(new FieldMetadata.AllowedOperator(Operator.IN,
                Operator.Arity.MANY, FieldMetadata.ValueType.TEXT));

        FieldMetadata stage = fields.get("stage");
        assertThat(stage.type()).isEqualTo(FieldMetadata.ValueType.CHOICE);
        assertThat(stage.operator(Operator.CONTAINS)).isEmpty();
        assertThat(stage.options()).extracting(FieldMetadata.Option::value)
                .containsExactly("lead", "prospect", "customer", "churned");
        assertThat(fields.get("gender").options()).extracting(FieldMetadata.Option::value)
                .contains("MALE", "FEMALE");

        FieldMetadata created = fields.get("createdAt");
        assertThat(created.operator(Operator.WITHIN_LAST_DAYS)).hasValue(new FieldMetadata.AllowedOperator(
                Operator.WITHIN_LAST_DAYS, Operator.Arity.ONE, FieldMetadata.ValueType.WHOLE_NUMBER));
        assertThat(created.operator(Operator.BETWEEN)).hasValue(new FieldMetadata.AllowedOperator(Operator.BETWEEN,
                Operator.Arity.TWO, FieldMetadata.ValueType.DATETIME));

        FieldMetadata phones = fields.get("phones");
        assertThat(phones.kind()).isEqualTo(FieldMetadata.Kind.IDENTITY);
        assertThat(phones.type()).isEqualTo(FieldMetadata.ValueType.PHONE);
        assertThat(phones.operators()).extracting(FieldMetadata.AllowedOperator::operator).containsExactly(
                Operator.EQ, Operator.CONTAINS, Operator.STARTS_WITH, Operator.IN, Operator.IS_EMPTY,
                Operator.IS_NOT_EMPTY);
        assertThat(fields.get("emails").type()).isEqualTo(FieldMetadata.ValueType.EMAIL);
        assertThat(fields.get("verified").operators()).extracting(FieldMetadata.AllowedOperator::operator)
                .containsExactly(Operator.EQ, Operator.IS_TRUE, Operator.IS_FALSE);
        assertThat(fields.get("address")).extracting(FieldMetadata::column, FieldMetadata::sortable)
                .containsExactly(false, false);
        assertThat(fields.get("tags")).extracting(FieldMetadata::kind, FieldMetadata::column, FieldMetadata::sortable)
                .containsExactly(FieldMetadata.Kind.TAGS, true, false);
        assertThat(fields.get("orderCount")).extracting(FieldMetadata::kind, FieldMetadata::column,
                FieldMetadata::sortable).containsExactly(FieldMetadata.Kind.METRIC, false, true);

        FieldMetadata tier = fields.get("tier");
        assertThat(tier).extracting(FieldMetadata::label, FieldMetadata::kind, FieldMetadata::type,
                FieldMetadata::column, FieldMetadata::sortable).containsExactly("Tier", FieldMetadata.Kind.CUSTOM,
                FieldMetadata.ValueType.CHOICE, true, false);
        assertThat(tier.options()).extracting(FieldMetadata.Option::value).containsExactly("bronze", "silver", "gold");
        assertThat(fields.get("colors").operator(Operator.HAS_ALL)).hasValue(new FieldMetadata.AllowedOperator(
                Operator.HAS_ALL, Operator.Arity.MANY, FieldMetadata.ValueType.CHOICE));
        assertThat(fields.get("points").type()).isEqualTo(FieldMetadata.ValueType.NUMBER);
        assertThat(fields.get("id").type()).isEqualTo(FieldMetadata.ValueType.WHOLE_NUMBER);

        FieldMetadata group = fields.get("group");
        assertThat(group).extracting(FieldMetadata::kind, FieldMetadata::type, FieldMetadata::column)
                .containsExactly(FieldMetadata.Kind.GROUP, FieldMetadata.ValueType.ID, false);
        assertThat(group.options()).containsExactly(new FieldMetadata.Option(tenant.group.id(), "Fair visitors"));
        assertThat(fields.get("savedFilter").options())
                .containsExactly(new FieldMetadata.Option(tenant.saved.id(), "Hanoi"));

        FieldMetadata webinar = fields.get("events.webinar");
        assertThat(webinar).extracting(FieldMetadata::kind, FieldMetadata::label)
                .containsExactly(FieldMetadata.Kind.EVENTS, "Events: webinar");
        assertThat(webinar.operators()).containsExactly(new FieldMetadata.AllowedOperator(Operator.OCCURRED_AT_LEAST,
                Operator.Arity.TWO, FieldMetadata.ValueType.WHOLE_NUMBER));
    }

    @DbTest
    void everyColumnItOffersCanBeShownAndEverySortKeySorts(TestDb db) {
        Tenant tenant = new Tenant(db.crm());
        List<FieldMetadata> fields = tenant.crm.filters().fields();

        List<String> columns = fields.stream().filter(FieldMetadata::column).map(FieldMetadata::key).toList();
        for (int from = 0; from < columns.size(); from += 50) {
            tenant.crm.filters().views().save("all " + from, columns.subList(from, Math.min(columns.size(), from + 50)));
            assertThat(tenant.crm.filters().searchView(Query.all(), "all " + from).items()).hasSize(2);
        }
        fields.stream().filter(FieldMetadata::sortable).forEach(field ->
                assertThat(tenant.crm.filters().search(Query.all().sortedBy(Sort.desc(field.key()))).items())
                        .as(field.key()).hasSize(2));
        fields.stream().filter(field -> !field.column()).forEach(field ->
                assertThatThrownBy(() -> tenant.crm.filters().views().save("bad", List.of(field.key())))
                        .as(field.key()).isInstanceOf(ValidationException.class));
    }

    @DbTest
    void everyOperatorItOffersRunsInSearchAndCountWithValuesOfTheStatedType(TestDb db) {
        Tenant tenant = new Tenant(db.crm());
        List<String> failures = new ArrayList<>();
        int conditions = 0;

        for (FieldMetadata field : tenant.crm.filters().fields()) {
            for (FieldMetadata.AllowedOperator allowed : field.operators()) {
                Filter.Condition condition = new Filter.Condition(field.key(), allowed.operator(),
                        values(field, allowed.operator(), allowed.valueType()));
                conditions++;
                try {
                    long total = tenant.crm.filters().search(Query.where(condition).includeTotal()).total()
                            .orElseThrow();
                    assertThat(tenant.crm.filters().count(condition)).as(condition.toString()).isEqualTo(total);
                    assertThat(total).as(condition.toString()).isBetween(0L, 2L);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(condition + ": " + e.getMessage());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(conditions).isGreaterThan(250);
    }

    @DbTest
    void everyOperatorItDoesNotOfferIsRefusedNamingTheField(TestDb db) {
        Tenant tenant = new Tenant(db.crm());
        List<String> failures = new ArrayList<>();

        for (FieldMetadata field : tenant.crm.filters().fields()) {
            Set<Operator> offered = EnumSet.noneOf(Operator.class);
            field.operators().forEach(allowed -> offered.add(allowed.operator()));
            for (Operator operator : EnumSet.complementOf(EnumSet.copyOf(offered))) {
                Filter.Condition condition = new Filter.Condition(field.key(), operator,
                        values(field, operator, field.type()));
                ValidationException search = catchThrowableOfType(ValidationException.class,
                        () -> tenant.crm.filters().search(Query.where(Filter.all(Filter.isNotEmpty("name"),
                                condition))));
                ValidationException count = catchThrowableOfType(ValidationException.class,
                        () -> tenant.crm.filters().count(condition));
                if (search == null || count == null) {
                    failures.add(condition + " was accepted");
                    continue;
                }
                if (!search.errors().get(0).field().equals("filter.all[1]")
                        || !search.errors().get(0).message().contains("'" + field.key() + "'")
                        || !count.errors().get(0).message().contains("'" + field.key() + "'")) {
                    failures.add(condition + " was refused with " + search.errors() + " / " + count.errors());
                }
            }
        }

        assertThat(failures).isEmpty();
    }

    @DbTest
    void leavesOutARetiredFieldAndShowsANewOneAtOnce(TestDb db) {
        Tenant tenant = new Tenant(db.crm());

        tenant.crm.fields().retire("note");
        tenant.crm.fields().define(FieldDraft.builder("shoe_size", FieldType.NUMBER).label("Shoe size").build());

        Map<String, FieldMetadata> fields = tenant.fields();
        assertThat(fields).doesNotContainKey("note").containsKey("shoe_size");
        assertThat(fields.get("shoe_size").label()).isEqualTo("Shoe size");
    }

    @DbTest
    void describesOnlyTheActorsTenantAndNeedsRead(TestDb db) {
        new Tenant(db.crm());

        Map<String, FieldMetadata> other = db.otherTenant().filters().fields().stream()
                .collect(Collectors.toMap(FieldMetadata::key, Function.identity()));
        assertThat(other).doesNotContainKeys("tier", "events.webinar");
        assertThat(other.get("group").options()).isEmpty();
        assertThat(db.crm(Permission.READ).filters().fields()).isNotEmpty();
        assertThatThrownBy(() -> db.crm(Permission.WRITE).filters().fields())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
    }

    @DbTest
    void aVerifiedIdentityIsWhatTheVerifiedFieldFinds(TestDb db) {
        Tenant tenant = new Tenant(db.crm());
        tenant.crm.customers().markVerified(tenant.lan.id(), IdentityType.PHONE, "0912 345 678");

        assertThat(tenant.crm.filters().count(Filter.where("verified", Operator.IS_TRUE))).isEqualTo(2);
        tenant.crm.customers().create(CustomerDraft.builder().name("Hoa").email("hoa@example.org").build());
        assertThat(tenant.crm.filters().count(Filter.where("verified", Operator.IS_FALSE))).isEqualTo(1);
    }

    /**
     * @return values of the type for the operator's arity: existing options for choices and ids, a count and days
     *         for events (whole numbers), a part of a phone or email for the substring operators
     */
    private static List<Object> values(FieldMetadata field, Operator operator, FieldMetadata.ValueType type) {
        List<Object> pair = switch (type) {
            case TEXT -> List.of("Lan", "Hanoi");
            case PHONE -> operator == Operator.CONTAINS || operator == Operator.STARTS_WITH
                    ? List.of("0912 345", "345") : List.of("+84 912 345 678", "0987654321");
            case EMAIL -> operator == Operator.CONTAINS || operator == Operator.STARTS_WITH
                    ? List.of("Lan@", "example") : List.of("LAN@example.com", "x@example.org");
            case NUMBER -> List.of(1L, new BigDecimal("10.5"));
            case WHOLE_NUMBER -> List.of(1L, 30L);
            case DATE -> List.of(LocalDate.of(1990, 1, 1), LocalDate.of(2090, 1, 1));
            case DATETIME -> List.of(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2090-01-01T00:00:00Z"));
            case BOOLEAN -> List.of(true, false);
            case CHOICE, ID -> List.of(field.options().get(0).value(),
                    field.options().get(field.options().size() - 1).value());
        };
        return switch (operator.arity()) {
            case NONE -> List.of();
            case ONE -> pair.subList(0, 1);
            case TWO, MANY -> pair;
        };
    }
}
