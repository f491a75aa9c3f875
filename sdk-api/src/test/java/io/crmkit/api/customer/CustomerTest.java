package io.crmkit.api.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    private static Customer.Builder minimal() {
        return Customer.builder().id(7).stage("lead").createdAt(CREATED).createdBy("agent-1")
                .updatedAt(CREATED).updatedBy("agent-1");
    }

    private static Customer everythingSet() {
        return Customer.builder().id(42).name("Lan").nickname("Lanny").gender(Gender.FEMALE)
                .birthday(Optional.of(LocalDate.of(1990, 4, 12))).company("Lotus")
                .address(Address.of("Vietnam", "Hanoi", "Hanoi", "Ba Dinh", "12 Kim Ma")).remark("calls after 5pm")
                .avatarUrl("https://cdn.example.com/lan.png").source("fair").ownerId(Optional.of("agent-7")).status(CustomerStatus.ASSIGNED).stage("prospect")
                .identities(List.of(new Identity(IdentityType.PHONE, "", "+84912345678", true)))
                .tags(List.of("b2b", "vip")).custom(Map.of("tier", "gold")).createdAt(CREATED).createdBy("agent-1")
                .updatedAt(CREATED.plusSeconds(60)).updatedBy("agent-2").version(3).build();
    }

    @Test
    void aCustomerFromAMinimalBuilderHasTheDocumentedDefaults() {
        Customer customer = minimal().build();

        assertThat(customer.name()).isEmpty();
        assertThat(customer.gender()).isEqualTo(Gender.UNKNOWN);
        assertThat(customer.birthday()).isEmpty();
        assertThat(customer.address()).isEqualTo(Address.EMPTY);
        assertThat(customer.ownerId()).isEmpty();
        assertThat(customer.status()).isEqualTo(CustomerStatus.NEW);
        assertThat(customer.identities()).isEmpty();
        assertThat(customer.tags()).isEmpty();
        assertThat(customer.custom()).isEmpty();
    }

    @Test
    void toBuilderCarriesEveryComponent() {
        Customer customer = everythingSet();

        assertThat(customer.toBuilder().build()).isEqualTo(customer).hasSameHashCodeAs(customer);
        for (String component : components()) {
            assertThat(read(customer.toBuilder().build(), component)).as(component)
                    .isEqualTo(read(customer, component));
        }
    }

    @Test
    void customersDifferingInAnyOneComponentAreNotEqual() throws ReflectiveOperationException {
        Customer customer = everythingSet();
        Customer other = Customer.builder().id(43).name("Other").nickname("Oth").gender(Gender.MALE)
                .birthday(Optional.of(LocalDate.of(1991, 1, 1))).company("Acme").address(Address.EMPTY)
                .remark("r").avatarUrl("https://cdn.example.com/other.png").source("web").ownerId(Optional.empty()).status(CustomerStatus.POOL).stage("lead")
                .identities(List.of()).tags(List.of("x")).custom(Map.of()).createdAt(CREATED.minusSeconds(1))
                .createdBy("agent-9").updatedAt(CREATED).updatedBy("agent-9").version(4).build();
        List<String> unchecked = new ArrayList<>();
        for (String component : components()) {
            Method setter = setter(component);
            Customer changed = ((Customer.Builder) setter.invoke(customer.toBuilder(), read(other, component)))
                    .build();
            if (changed.equals(customer) || changed.toString().equals(customer.toString())) {
                unchecked.add(component);
            }
        }
        assertThat(unchecked).as("components that equals or toString leave out").isEmpty();
    }

    @Test
    void theCollectionsAreCopiedAndUnmodifiable() {
        List<String> tags = new ArrayList<>(List.of("vip"));
        Customer customer = minimal().tags(tags).build();
        tags.add("late");

        assertThat(customer.tags()).containsExactly("vip");
        assertThatThrownBy(() -> customer.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> customer.custom().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "gender", "birthday", "address", "ownerId", "status", "stage", "identities",
            "tags", "custom", "createdAt", "createdBy", "updatedAt", "updatedBy"})
    void aNullComponentIsAValidationErrorNamingIt(String component) throws ReflectiveOperationException {
        Customer.Builder builder = (Customer.Builder) setter(component).invoke(minimal(), new Object[] {null});

        assertThatThrownBy(builder::build).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors().get(0))
                .extracting(FieldError::field, FieldError::code).containsExactly(component, "required");
    }

    @Test
    void everyComponentHasAnAccessorAndABuilderSetter() {
        assertThat(components()).hasSize(21).allSatisfy(component -> {
            assertThat(Customer.class.getMethod(component)).isNotNull();
            assertThat(setter(component)).isNotNull();
        });
        assertThat(Modifier.isFinal(Customer.class.getModifiers())).isTrue();
        assertThat(Customer.class.isRecord()).isFalse();
        assertThat(Customer.class.getConstructors()).as("public constructors").isEmpty();
    }

    private static List<String> components() {
        return Arrays.stream(Customer.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toList();
    }

    private static Method setter(String component) throws NoSuchMethodException {
        Class<?> type = Customer.class.getMethod(component).getReturnType();
        return Customer.Builder.class.getMethod(component, type);
    }

    private static Object read(Customer customer, String component) {
        try {
            return Customer.class.getMethod(component).invoke(customer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(component, e);
        }
    }
}
