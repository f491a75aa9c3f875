package io.crmkit.api.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerFieldTest {

    @Test
    void findsBuiltInFieldsIgnoringCaseAndUnderscores() {
        assertThat(CustomerField.byKey("external_id")).contains(CustomerField.EXTERNAL_ID);
        assertThat(CustomerField.byKey("EXTERNALID")).contains(CustomerField.EXTERNAL_ID);
        assertThat(CustomerField.byKey("created_at")).contains(CustomerField.CREATED_AT);
        assertThat(CustomerField.byKey("loyalty_points")).isEmpty();
    }

    @Test
    void aPatchKeepsOnlyWhatWasSetAndRecordsClears() {
        CustomerPatch patch = CustomerPatch.builder(3).name(null).company("Co").custom("points", null).build();

        assertThat(patch.version()).isEqualTo(3);
        assertThat(patch.changes()).containsOnlyKeys(CustomerField.NAME, CustomerField.COMPANY);
        assertThat(patch.changes().get(CustomerField.NAME)).isEmpty();
        assertThat(patch.customChanges().get("points")).isEmpty();
        assertThat(CustomerPatch.builder(1).build().isEmpty()).isTrue();
    }

    @Test
    void aPatchRefusesFieldsThatOnlyTheirOwnOperationsChange() {
        java.util.Map<CustomerField, java.util.Optional<Object>> changes = new java.util.EnumMap<>(CustomerField.class);
        changes.put(CustomerField.OWNER, java.util.Optional.of("agent-9"));
        changes.put(CustomerField.TAGS, java.util.Optional.of(java.util.List.of("x")));
        changes.put(CustomerField.NAME, null);

        io.crmkit.api.error.ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.crmkit.api.error.ValidationException.class, () -> new CustomerPatch(1, changes, java.util.Map.of()));

        assertThat(e.errors()).extracting(io.crmkit.api.error.FieldError::field, io.crmkit.api.error.FieldError::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ownerId", "not_allowed"),
                        org.assertj.core.groups.Tuple.tuple("tags", "not_allowed"),
                        org.assertj.core.groups.Tuple.tuple("name", "invalid"));
    }
}
