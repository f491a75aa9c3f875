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
        /**
         * @param changes the fields to set, each with the limits of a single update; only built-in fields that
         *                are not identities, and custom fields; not null
         * @throws ValidationException on field {@code changes}, code {@code required}, when it is null
         */
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
        /**
         * @param tags the tags to add, 1 to 64 characters each after trimming, at least one (field {@code tags},
         *             checked when the operation runs); neither the list nor a tag may be null
         * @throws ValidationException code {@code required}, on field {@code tags} when it is null, on
         *                             {@code tags[index]} for a null tag
         */
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
        /**
         * @param tags the tags to remove, compared after trimming; 1 to 100 distinct non-blank tags (field
         *             {@code tags}, checked when the operation runs); neither the list nor a tag may be null
         * @throws ValidationException code {@code required}, on field {@code tags} when it is null, on
         *                             {@code tags[index]} for a null tag
         */
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
        /**
         * @param ownerId the new owner, 1 to 64 characters after trimming (field {@code ownerId}, checked when the
         *                operation runs); not null
         * @throws ValidationException on field {@code ownerId}, code {@code required}, when it is null
         */
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
        /**
         * The confirmation is checked when the operation runs, each problem on the field of the same name.
         *
         * @param token  the token of {@link BulkService#previewDelete}, of this actor and this selection, unused and
         *               not expired; not null
         * @param agreed whether the actor agreed to the deletion statement; must be true
         * @param reason why the customers are deleted, 10 to 500 characters, kept in the audit log; not null
         * @throws ValidationException on field {@code token} or {@code reason}, code {@code required}, when it is null
         */
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
        /**
         * @param draft the task to create on each customer, with the limits of {@link TaskDraft}; not null
         * @throws ValidationException on field {@code draft}, code {@code required}, when it is null
         */
        public CreateTask {
            ValidationException.requireNonNull(draft, "draft");
        }

        @Override
        public String name() {
            return "create_task";
        }
    }

    /**
     * @param changes the fields to set; see {@link Edit}
     * @return an edit of attributes
     * @throws ValidationException on field {@code changes}, code {@code required}, when it is null
     */
    static BulkOperation edit(CustomerPatch changes) {
        return new Edit(changes);
    }

    /**
     * @param tags the tags to add; see {@link AddTags}
     * @return adding tags
     * @throws ValidationException code {@code required}, on field {@code tags} when it is null, on
     *                             {@code tags[index]} for a null tag
     */
    static BulkOperation addTags(Collection<String> tags) {
        return new AddTags(ValidationException.requireNoNulls(tags, "tags"));
    }

    /**
     * @param tags the tags to remove; see {@link RemoveTags}
     * @return removing tags
     * @throws ValidationException code {@code required}, on field {@code tags} when it is null, on
     *                             {@code tags[index]} for a null tag
     */
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

    /**
     * @param ownerId the new owner, 1 to 64 characters after trimming
     * @return assigning customers to an owner
     * @throws ValidationException on field {@code ownerId}, code {@code required}, when it is null
     */
    static BulkOperation assign(String ownerId) {
        return new Assign(ownerId);
    }

    /**
     * @param draft the task to create on each customer
     * @return creating a task on each customer
     * @throws ValidationException on field {@code draft}, code {@code required}, when it is null
     */
    static BulkOperation createTask(TaskDraft draft) {
        return new CreateTask(draft);
    }

    /**
     * @param token  the token of {@link BulkService#previewDelete} for the same selection
     * @param agreed whether the actor agreed to the deletion statement; must be true
     * @param reason why the customers are deleted, 10 to 500 characters
     * @return the confirmed deletion of a previewed selection
     * @throws ValidationException on field {@code token} or {@code reason}, code {@code required}, when it is null
     */
    static BulkOperation delete(String token, boolean agreed, String reason) {
        return new Delete(token, agreed, reason);
    }
}
