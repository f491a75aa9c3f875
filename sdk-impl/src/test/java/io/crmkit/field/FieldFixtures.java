package io.crmkit.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small builders and checks shared by the custom field tests. */
final class FieldFixtures {

    private FieldFixtures() {
    }

    /** @return a field of that key and type defined with defaults (choice types get options a, b, c) */
    static FieldDefinition define(Crm crm, String key, FieldType type) {
        FieldDraft.Builder draft = FieldDraft.builder(key, type);
        if (type.isChoice()) {
            draft.options("a", "b", "c");
        }
        return crm.fields().define(draft.build());
    }

    /** @return a customer named "x" created with one custom value */
    static Customer createWith(Crm crm, String key, Object value) {
        return crm.customers().create(CustomerDraft.builder().name("x").custom(key, value).build());
    }

    /** @return the value of the key on a customer created with it, as read back from the database */
    static Object roundTrip(Crm crm, String key, Object value) {
        Customer created = createWith(crm, key, value);
        Customer read = crm.customers().get(created.id());
        assertThat(read.custom()).as("custom values read back").isEqualTo(created.custom());
        return read.custom().get(key);
    }

    /**
     * Runs a write that must be refused and checks that it wrote nothing to any table of the tenant.
     *
     * @return the refusal
     */
    static ValidationException refusal(TestDb db, ThrowingCallable write) {
        List<Integer> before = db.allCounts();
        ValidationException refused = catchThrowableOfType(ValidationException.class, write);
        assertThat(refused).as("a ValidationException").isNotNull();
        assertThat(db.allCounts()).as("rows of customer, identity, tag, custom_value, field and audit")
                .isEqualTo(before);
        return refused;
    }

    /** @return the single error of a refused write that wrote nothing */
    static FieldError onlyError(TestDb db, ThrowingCallable write) {
        ValidationException refused = refusal(db, write);
        assertThat(refused.errors()).as("errors of: " + refused.getMessage()).hasSize(1);
        return refused.errors().get(0);
    }

    /** @return options o1 .. on */
    static List<String> options(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "o" + i).toList();
    }
}
