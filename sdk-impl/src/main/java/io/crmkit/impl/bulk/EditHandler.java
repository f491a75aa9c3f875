package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.field.FieldCatalog;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import io.crmkit.impl.db.Session;

/** Sets attributes with the validation of a single update; identities cannot be set in bulk. */
final class EditHandler implements BulkHandler<BulkOperation.Edit> {

    private static final Set<CustomerField> IDENTITY_FIELDS = EnumSet.of(CustomerField.PHONES, CustomerField.EMAILS,
            CustomerField.CHANNELS, CustomerField.EXTERNAL_ID, CustomerField.WECHAT_OPENID);

    private final ChunkWrites writes;
    private final FieldCatalog fields;

    EditHandler(ChunkWrites writes, FieldCatalog fields) {
        this.writes = writes;
        this.fields = fields;
    }

    @Override
    public ChunkWork prepare(Actor actor, BulkOperation.Edit edit) {
        if (edit.changes().isEmpty()) {
            throw ValidationException.of("changes", "required", "changes: name at least one field to set");
        }
        for (CustomerField field : edit.changes().changes().keySet()) {
            if (IDENTITY_FIELDS.contains(field)) {
                throw ValidationException.of("changes." + field.key(), "not_allowed", "changes." + field.key()
                        + ": identities are unique per customer and cannot be set in bulk");
            }
        }
        return new ChunkWork() {
            @Override
            public Object parameters() {
                return edit;
            }

            @Override
            public ChunkWrites.Outcome apply(Session session, Actor by, long jobId, List<Long> chunk,
                                             Instant now) {
                return writes.edit(session, by, chunk, edit.changes(), fields.of(by.tenantId()), now);
            }
        };
    }
}
