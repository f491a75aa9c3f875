package io.crmkit.impl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.bulk.BulkOperation;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of bulk operation has its handler: a new permitted class of BulkOperation without one fails here. */
class BulkHandlersTest {

    private final BulkHandlers handlers = new BulkHandlers(null, null, null, null, null, null, null, "crm_");

    @Test
    void everyPermittedOperationHasAHandler() {
        Set<Class<?>> permitted = Arrays.stream(BulkOperation.class.getPermittedSubclasses())
                .collect(Collectors.toSet());

        assertThat(permitted).isNotEmpty();
        assertThat(Set.<Class<?>>copyOf(handlers.handled())).isEqualTo(permitted);
    }

    @Test
    void aDeleteNeedsTheBulkDeletePermissionAndEveryOtherOperationBulkEdit() {
        assertThat(handlers.of(BulkOperation.delete("t", true, "a good reason")).permission().name())
                .isEqualTo("BULK_DELETE");
        assertThat(handlers.of(BulkOperation.recycleToPool()).permission().name()).isEqualTo("BULK_EDIT");
        assertThat(handlers.of(BulkOperation.assign("owner")).permission().name()).isEqualTo("BULK_EDIT");
    }
}
