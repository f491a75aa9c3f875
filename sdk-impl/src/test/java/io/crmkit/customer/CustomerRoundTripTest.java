package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer with every field and every kind of custom value set to something other than its default comes back
 * from the trash and from an undone merge exactly as it was: every component of {@link Customer} (each of its
 * instance fields, read through its accessor) is compared by reflection, so a column that a future change adds and
 * forgets in the trash copy or the merge copy fails here.
 */
class CustomerRoundTripTest {

    @DbTest
    void aRestoredCustomerHasEveryComponentItHadBeforeTheDelete(TestDb db) {
        Crm crm = db.crm();
        Customer before = everythingSet(crm, "1");

        crm.customers().delete(before.id());
        assertThat(crm.trash().restore(List.of(before.id())).restored()).containsExactly(before.id());

        assertSameComponents(crm.customers().get(before.id()), before);
    }

    @DbTest
    void aMergedCustomerComesBackFromUndoWithEveryComponentItHad(TestDb db) {
        Crm crm = db.crm();
        Customer before = everythingSet(crm, "2");
        Customer survivor = crm.customers().create(CustomerDraft.builder().name("Survivor").build());

        MergeResult merged = crm.merges().merge(survivor.id(), before.id(), MergeOptions.defaults());
        crm.merges().undo(merged.mergeIds().get(0));

        // An undo is a write to the customer that came back: it moves the version on (an edit made against the
        // version read before the merge is stale) and records when; everything else is as it was.
        Customer after = crm.customers().get(before.id());
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        assertSameComponents(after, before, "version", "updatedAt", "updatedBy");
    }

    /** A customer whose every component differs from what a customer made from a name alone has. */
    private static Customer everythingSet(Crm crm, String n) {
        defineOneFieldOfEachType(crm);
        Customer created = crm.customers().create(CustomerDraft.builder()
                .name("Nguyễn Thị Lan " + n).nickname("Lan " + n).gender(Gender.FEMALE)
                .birthday(LocalDate.of(1990, 4, 12)).company("Lotus Trading " + n)
                .address(Address.of("Vietnam", "Hanoi", "Hanoi", "Ba Dinh", "12 Kim Ma"))
                .phones(List.of("0912 345 67" + n, "0987 654 32" + n, "+1 650 253 000" + n))
                .emails(List.of("lan" + n + "@example.com", "lan" + n + "@lotus.vn"))
                .channel("whatsapp", "wa-" + n).channel("web", "web-" + n)
                .externalId("erp-" + n).wechatOpenId("openid-" + n)
                .remark("prefers calls after 5pm").avatarUrl("https://cdn.lotus.vn/avatars/" + n + ".png?size=64")
                .source("fair 2026").stage("prospect")
                .tags(List.of("vip", "fair", "b2b"))
                .custom("t_text", "shoe size 38").custom("t_number", 42L).custom("t_decimal", new BigDecimal("12.50"))
                .custom("t_boolean", true).custom("t_date", LocalDate.of(2024, 5, 31))
                .custom("t_datetime", Instant.parse("2024-05-31T08:15:30.123456Z"))
                .custom("t_single", "b").custom("t_multiple", List.of("a", "c"))
                .custom("t_email", "work" + n + "@lotus.vn").custom("t_phone", "0912 000 00" + n)
                .custom("t_url", "https://lotus.vn/" + n)
                .build());
        crm.customers().identifyAsValid(created.id());
        crm.customers().assign(created.id(), "agent-7");
        Customer customer = crm.customers().get(created.id());
        for (Identity identity : customer.identities()) {
            if (!identity.verified()) {
                String value = identity.channel() == null || identity.channel().isEmpty() ? identity.value()
                        : identity.channel() + ":" + identity.value();
                crm.customers().markVerified(customer.id(), identity.type(), value);
            }
        }
        Customer everything = crm.customers().get(customer.id());
        assertThat(everything.status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(everything.ownerId()).contains("agent-7");
        assertThat(everything.identities()).hasSize(9).allMatch(Identity::verified);
        assertThat(everything.custom()).hasSize(FieldType.values().length);
        return everything;
    }

    private static void defineOneFieldOfEachType(Crm crm) {
        if (!crm.fields().list().isEmpty()) {
            return;
        }
        Map<FieldType, String> keys = Map.ofEntries(Map.entry(FieldType.TEXT, "t_text"),
                Map.entry(FieldType.NUMBER, "t_number"), Map.entry(FieldType.DECIMAL, "t_decimal"),
                Map.entry(FieldType.BOOLEAN, "t_boolean"), Map.entry(FieldType.DATE, "t_date"),
                Map.entry(FieldType.DATETIME, "t_datetime"), Map.entry(FieldType.SINGLE_CHOICE, "t_single"),
                Map.entry(FieldType.MULTIPLE_CHOICE, "t_multiple"), Map.entry(FieldType.EMAIL, "t_email"),
                Map.entry(FieldType.PHONE, "t_phone"), Map.entry(FieldType.URL, "t_url"));
        assertThat(keys.keySet()).as("one custom field of every type").containsExactlyInAnyOrder(FieldType.values());
        keys.forEach((type, key) -> {
            FieldDraft.Builder draft = FieldDraft.builder(key, type);
            if (type.isChoice()) {
                draft.options("a", "b", "c");
            }
            crm.fields().define(draft.build());
        });
    }

    /**
     * Compares every component but the named ones, naming those that differ. A component is a stored field of
     * {@link Customer} read through its accessor of the same name, so a component added later is compared too.
     */
    private static void assertSameComponents(Customer actual, Customer expected, String... written) {
        Map<String, String> differences = new TreeMap<>();
        List<String> compared = new ArrayList<>(List.of(written));
        List<String> components = components();
        for (String component : components) {
            if (List.of(written).contains(component)) {
                continue;
            }
            Object got = value(component, actual);
            Object want = value(component, expected);
            compared.add(component);
            if (!got.equals(want)) {
                differences.put(component, "was " + want + ", now " + got);
            }
        }
        assertThat(components).as("the components of Customer").hasSizeGreaterThanOrEqualTo(20);
        assertThat(compared).hasSameSizeAs(components);
        assertThat(differences).as("components changed by the round trip").isEmpty();
    }

    private static List<String> components() {
        return Arrays.stream(Customer.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toList();
    }

    private static Object value(String component, Customer customer) {
        try {
            return Customer.class.getMethod(component).invoke(customer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Customer has no public accessor " + component + "()", e);
        }
    }
}
