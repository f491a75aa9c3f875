package io.crmkit.api.bulk;

import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ValidationException;
import java.util.Collection;
import java.util.List;

/**
 * What a bulk operation does to each selected customer. Every operation leaves a customer it has nothing to
 * do for unchanged (no new version), so running the same operation again after an interruption finishes
 * the rest without doing anything twice.
 */
public sealed interface BulkOperation {

    /** @return the operation's name as stored with its job: edit, add_tags, ..., delete */
    String name();

    /**
     * Sets attributes (built-in and custom fields) with the validation of a single update. The patch's
     * version is ignored: each customer changes at its current version. Identities (phones, emails,
     * channels, external and WeChat ids) are unique per customer and cannot be set in bulk.
     */
    record Edit(CustomerPatch changes) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public Edit {
            ValidationException.requireNonNull(changes, "changes");
        }

        @Override
        public String name() {
            return "edit";
        }
    }

    /** Adds tags; a customer would exceed 100 tags is reported as failed. */
    record AddTags(List<String> tags) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public AddTags {
            tags = ValidationException.requireNoNulls(tags, "tags");
        }

        @Override
        public String name() {
            return "add_tags";
        }
    }

    /** Removes tags. */
    record RemoveTags(List<String> tags) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public RemoveTags {
            tags = ValidationException.requireNoNulls(tags, "tags");
        }

        @Override
        public String name() {
            return "remove_tags";
        }
    }

    /** Status NEW to TO_BE_ASSIGNED; customers in another status are skipped and reported. */
    record IdentifyAsValid() implements BulkOperation {
        @Override
        public String name() {
            return "identify_as_valid";
        }
    }

    /** Status to POOL, owner cleared; customers already in the pool are skipped and reported. */
    record RecycleToPool() implements BulkOperation {
        @Override
        public String name() {
            return "recycle_to_pool";
        }
    }

    /** Status to ASSIGNED with an owner; NEW customers (not yet identified as valid) are skipped and reported. */
    record Assign(String ownerId) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public Assign {
            ValidationException.requireNonNull(ownerId, "ownerId");
        }

        @Override
        public String name() {
            return "assign";
        }
    }

    /**
     * Moves the customers to the trash. Needs the token of {@link BulkService#previewDelete}, the actor's
     * agreement to the deletion statement, and a reason of 10 to 500 characters, which the audit log keeps.
     * It deletes the customers previewed, still matching, and no others; erasing them for good is a second
     * step, from the trash ({@code TrashService.erase}).
     */
    record Delete(String token, boolean agreed, String reason) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public Delete {
            ValidationException.requireNonNull(token, "token");
            ValidationException.requireNonNull(reason, "reason");
        }

        @Override
        public String name() {
            return "delete";
        }
    }

    /**
     * Creates one task on each customer (with {@code WRITE} as well as {@code BULK_EDIT}). Unlike the other
     * operations it is not idempotent: running it again creates more tasks.
     */
    record CreateTask(TaskDraft draft) implements BulkOperation {
        /** @throws ValidationException naming the component that is null or invalid */
        public CreateTask {
            ValidationException.requireNonNull(draft, "draft");
        }

        @Override
        public String name() {
            return "create_task";
        }
    }

    /** @return an edit of attributes */
    static BulkOperation edit(CustomerPatch changes) {
        return new Edit(changes);
    }

    /** @return adding tags */
    static BulkOperation addTags(Collection<String> tags) {
        return new AddTags(ValidationException.requireNoNulls(tags, "tags"));
    }

    /** @return removing tags */
    static BulkOperation removeTags(Collection<String> tags) {
        return new RemoveTags(ValidationException.requireNoNulls(tags, "tags"));
    }

    /** @return identifying customers as valid */
    static BulkOperation identifyAsValid() {
        return new IdentifyAsValid();
    }

    /** @return recycling customers to the pool */
    static BulkOperation recycleToPool() {
        return new RecycleToPool();
    }

    /** @return assigning customers to an owner */
    static BulkOperation assign(String ownerId) {
        return new Assign(ownerId);
    }

    /** @return creating a task on each customer */
    static BulkOperation createTask(TaskDraft draft) {
        return new CreateTask(draft);
    }

    /** @return the confirmed deletion of a previewed selection */
    static BulkOperation delete(String token, boolean agreed, String reason) {
        return new Delete(token, agreed, reason);
    }
}
