package io.crmkit.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class FieldPermissionTest {

    /** Every permission but FIELD_ADMIN. */
    private static final Permission[] ALL_BUT_FIELD_ADMIN = {Permission.READ, Permission.WRITE, Permission.DELETE,
            Permission.BULK_EDIT, Permission.BULK_DELETE, Permission.IMPORT, Permission.EXPORT, Permission.MERGE};

    @DbTest
    void definingAFieldNeedsFieldAdmin(TestDb db) {
        Crm crm = db.crm(ALL_BUT_FIELD_ADMIN);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().define(
                FieldDraft.builder("points", FieldType.NUMBER).build()));

        assertThat(denied.missing()).isEqualTo(Permission.FIELD_ADMIN);
        assertThat(denied.getMessage()).contains("FIELD_ADMIN").contains("agent-2");
        assertThat(db.crm().fields().find("points")).isEmpty();
    }

    @DbTest
    void definingAFieldNeedsFieldAdminEvenForAnInvalidDraft(TestDb db) {
        Crm crm = db.crm(Permission.READ);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().define(
                FieldDraft.builder("Bad Key", FieldType.NUMBER).maxLength(3).build()));

        assertThat(denied.missing()).isEqualTo(Permission.FIELD_ADMIN);
    }

    @DbTest
    void updatingAFieldNeedsFieldAdmin(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Crm crm = db.crm(ALL_BUT_FIELD_ADMIN);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().update("points",
                FieldUpdate.of(1).withLabel("Points")));

        assertThat(denied.missing()).isEqualTo(Permission.FIELD_ADMIN);
        assertThat(denied.getMessage()).contains("FIELD_ADMIN");
        assertThat(db.crm().fields().find("points")).contains(defined);
    }

    @DbTest
    void updatingAnUnknownFieldWithoutFieldAdminIsDeniedRatherThanNotFound(TestDb db) {
        Crm crm = db.crm(Permission.READ);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().update("nothing",
                FieldUpdate.of(1)));

        assertThat(denied.missing()).isEqualTo(Permission.FIELD_ADMIN);
    }

    @DbTest
    void retiringAFieldNeedsFieldAdmin(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Crm crm = db.crm(ALL_BUT_FIELD_ADMIN);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().retire("points"));

        assertThat(denied.missing()).isEqualTo(Permission.FIELD_ADMIN);
        assertThat(denied.getMessage()).contains("FIELD_ADMIN");
        assertThat(db.crm().fields().find("points")).contains(defined);
    }

    @DbTest
    void fieldAdminAloneMayDefineAField(TestDb db) {
        Crm crm = db.crm(Permission.FIELD_ADMIN);

        FieldDefinition defined = crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        assertThat(db.crm().fields().list()).containsExactly(defined);
    }

    @DbTest
    void listingFieldsNeedsRead(TestDb db) {
        db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Crm crm = db.crm(Permission.WRITE, Permission.FIELD_ADMIN);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().list());

        assertThat(denied.missing()).isEqualTo(Permission.READ);
        assertThat(denied.getMessage()).contains("READ");
    }

    @DbTest
    void findingAFieldNeedsRead(TestDb db) {
        db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Crm crm = db.crm(Permission.WRITE, Permission.FIELD_ADMIN);

        PermissionDeniedException denied = deniedWithoutWriting(db, () -> crm.fields().find("points"));

        assertThat(denied.missing()).isEqualTo(Permission.READ);
    }

    @DbTest
    void aReaderMayListAndFindFields(TestDb db) {
        FieldDefinition defined = db.crm().fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        Crm crm = db.crm(Permission.READ);

        assertThat(crm.fields().list()).containsExactly(defined);
        assertThat(crm.fields().find("points")).contains(defined);
    }

    private static PermissionDeniedException deniedWithoutWriting(TestDb db, ThrowingCallable call) {
        List<Integer> before = db.allCounts();
        PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class, call);
        assertThat(denied).as("a PermissionDeniedException").isNotNull();
        assertThat(denied.code()).isEqualTo("permission_denied");
        assertThat(db.allCounts()).as("rows of customer, identity, tag, custom_value, field and audit")
                .isEqualTo(before);
        return denied;
    }
}
