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
}
