package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static io.crmkit.field.FieldFixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

class BooleanValueTest {

    @DbTest
    void storesTrue(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "subscribed", FieldType.BOOLEAN);

        assertThat(roundTrip(crm, "subscribed", true)).isEqualTo(Boolean.TRUE);
    }

    @DbTest
    void storesFalseRatherThanLeavingTheFieldEmpty(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "subscribed", FieldType.BOOLEAN);

        assertThat(roundTrip(crm, "subscribed", false)).isEqualTo(Boolean.FALSE);
        assertThat(db.count("custom_value")).isEqualTo(1);
    }

    @DbTest
    void acceptsTheTextTrueOrFalseInAnyCase(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "subscribed", FieldType.BOOLEAN);

        assertThat(roundTrip(crm, "subscribed", "false")).isEqualTo(Boolean.FALSE);
        assertThat(roundTrip(crm, "subscribed", " TRUE ")).isEqualTo(Boolean.TRUE);
    }

    @DbTest
    void refusesYes(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "subscribed", FieldType.BOOLEAN);

        FieldError error = onlyError(db, () -> createWith(crm, "subscribed", "yes"));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.subscribed", "wrong_type");
        assertThat(error.message()).contains("true or false").contains("yes");
    }

    @DbTest
    void refusesOneAndZero(TestDb db) {
        Crm crm = db.crm();
        FieldFixtures.define(crm, "subscribed", FieldType.BOOLEAN);

        for (Object value : new Object[] {1, "1", 0, "0"}) {
            FieldError error = onlyError(db, () -> createWith(crm, "subscribed", value));

            assertThat(error).as("%s", value).extracting(FieldError::field, FieldError::code)
                    .containsExactly("custom.subscribed", "wrong_type");
        }
    }
}
