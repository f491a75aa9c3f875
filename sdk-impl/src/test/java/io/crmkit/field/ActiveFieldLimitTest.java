package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldService;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.SerializableToo;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.concurrent.Callable;

@SerializableToo
class ActiveFieldLimitTest {

    @DbTest
    void the201stActiveFieldIsRefusedAndNothingIsWritten(TestDb db) {
        Crm crm = db.crm();
        defineActiveFields(crm, FieldService.MAX_ACTIVE_FIELDS);

        FieldError error = onlyError(db, () -> crm.fields().define(FieldDraft.builder("one_too_many", FieldType.TEXT)
                .build()));

        assertThat(error).extracting(FieldError::code).isEqualTo("too_many");
        assertThat(error.limit()).contains("200");
        assertThat(error.message()).contains("200").contains("retire");
        assertThat(crm.fields().find("one_too_many")).isEmpty();
        assertThat(crm.fields().list()).hasSize(FieldService.MAX_ACTIVE_FIELDS);
    }

    @DbTest
    void twoConcurrentDefinesCannotBothTakeTheLastPlace(TestDb db) throws Exception {
        Crm crm = db.crm();
        defineActiveFields(crm, FieldService.MAX_ACTIVE_FIELDS - 1);

        List<String> results = Race.run(define(crm, "last_a"), define(crm, "last_b"));

        assertThat(results).containsExactlyInAnyOrder("defined", "too_many");
        assertThat(crm.fields().list()).hasSize(FieldService.MAX_ACTIVE_FIELDS);
    }

    private static Callable<String> define(Crm crm, String key) {
        return () -> {
            try {
                crm.fields().define(FieldDraft.builder(key, FieldType.TEXT).build());
                return "defined";
            } catch (ValidationException e) {
                return e.errors().get(0).code();
            }
        };
    }

    @DbTest
    void retiringAFieldMakesRoomForExactlyOneMore(TestDb db) {
        Crm crm = db.crm();
        defineActiveFields(crm, FieldService.MAX_ACTIVE_FIELDS);

        crm.fields().retire("f_17");
        FieldDefinition replacement = crm.fields().define(FieldDraft.builder("replacement", FieldType.TEXT).build());
        FieldError error = onlyError(db, () -> crm.fields().define(FieldDraft.builder("one_too_many", FieldType.TEXT)
                .build()));

        assertThat(crm.fields().list()).hasSize(FieldService.MAX_ACTIVE_FIELDS).endsWith(replacement);
        assertThat(error.code()).isEqualTo("too_many");
        assertThat(db.count("field")).isEqualTo(FieldService.MAX_ACTIVE_FIELDS + 1);
    }

    private static void defineActiveFields(Crm crm, int count) {
        for (int i = 0; i < count; i++) {
            crm.fields().define(FieldDraft.builder("f_" + i, FieldType.TEXT).build());
        }
    }
}
