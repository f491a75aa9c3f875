package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.impl.activity.TaskStore;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.GrowingTables;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.trash.TrashStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The handler of each permitted class of the sealed {@link BulkOperation}; a test checks that none is missing. */
final class BulkHandlers {

    private final Map<Class<? extends BulkOperation>, BulkHandler<?>> handlers = new HashMap<>();

    BulkHandlers(ChunkWrites writes, FieldCatalog fields, TrashStore trash, TaskStore tasks, IdGenerator ids,
                 IdStatements idSql, GrowingTables growing, String tablePrefix) {
        add(BulkOperation.Edit.class, new EditHandler(writes, fields));
        add(BulkOperation.AddTags.class, new AddTagsHandler(writes));
        add(BulkOperation.RemoveTags.class, new RemoveTagsHandler(writes));
        add(BulkOperation.IdentifyAsValid.class, new TransitionHandler<>(writes, CustomerStatus.TO_BE_ASSIGNED,
                CustomerStatus.identifiableFrom(), "identify as valid"));
        add(BulkOperation.RecycleToPool.class, new TransitionHandler<>(writes, CustomerStatus.POOL,
                CustomerStatus.recyclableFrom(), "recycle to the pool"));
        add(BulkOperation.Assign.class, new AssignHandler(writes));
        add(BulkOperation.CreateTask.class, new CreateTaskHandler(writes, tasks, ids, idSql));
        add(BulkOperation.Delete.class, new DeleteHandler(trash, growing, tablePrefix));
    }

    private <O extends BulkOperation> void add(Class<O> type, BulkHandler<O> handler) {
        handlers.put(type, handler);
    }

    /** @return the handler of the operation's class */
    @SuppressWarnings("unchecked")
    <O extends BulkOperation> BulkHandler<O> of(O operation) {
        return (BulkHandler<O>) handlers.get(operation.getClass());
    }

    /** @return the operation classes that have a handler */
    Set<Class<? extends BulkOperation>> handled() {
        return Set.copyOf(handlers.keySet());
    }
}
