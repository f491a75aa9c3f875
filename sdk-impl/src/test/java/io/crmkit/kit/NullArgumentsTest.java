package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A null argument to a service is a ValidationException naming the parameter, never a NullPointerException. */
class NullArgumentsTest {

    @DbTest
    void servicesNameTheNullArgument(TestDb db) {
        Crm crm = db.crm();
        assertRefused(() -> crm.customers().create(null), "draft");
        assertRefused(() -> crm.customers().update(1L, null), "patch");
        assertRefused(() -> crm.customers().findByPhone(null), "phone");
        assertRefused(() -> crm.filters().search(null), "query");
        assertRefused(() -> crm.filters().count(null), "filter");
        assertRefused(() -> crm.bulk().previewDelete(null), "selection");
        assertRefused(() -> crm.jobs().await(1L, null), "timeout");
        assertRefused(() -> db.kit().as(null), "actor");
    }

    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo(field)));
    }
}
