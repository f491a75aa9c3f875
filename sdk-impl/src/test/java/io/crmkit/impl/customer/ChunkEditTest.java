package io.crmkit.impl.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.impl.db.schema.Column;
import io.crmkit.impl.db.schema.CustomerTable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkEditTest {

    /** A built-in column added to the table but not to the patch's mapping would be silently skipped by bulk edits. */
    @Test
    void everyColumnAnUpdateWritesBelongsToAnEditableField() {
        List<Column> mapped = new ArrayList<>();
        for (CustomerField field : CustomerPatch.EDITABLE) {
            mapped.addAll(CustomerRow.columns(field));
        }
        List<Column> edited = new ArrayList<>(CustomerTable.EDITED);
        edited.removeAll(List.of(CustomerTable.UPDATED_AT, CustomerTable.UPDATED_BY));

        assertThat(mapped).containsExactlyInAnyOrderElementsOf(edited);
    }

    @Test
    void aPatchWritesTheColumnsOfItsFieldsInTableOrder() {
        Set<CustomerField> patched = EnumSet.of(CustomerField.STAGE, CustomerField.ADDRESS, CustomerField.NAME,
                CustomerField.PHONES);

        assertThat(ChunkEdit.patchedColumns(patched)).extracting(Column::name).containsExactly("name", "country",
                "province", "city", "area", "address_detail", "stage");
    }
}
