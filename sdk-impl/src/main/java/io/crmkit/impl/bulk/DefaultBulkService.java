package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Task;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.ProgressListener;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerField;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.activity.TaskStore;
import io.crmkit.impl.activity.TaskValidator;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.filter.CompiledMatch;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.filter.FilterJson;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.LeaseLostException;
import io.crmkit.impl.trash.TrashStore;
import io.crmkit.impl.validation.Errors;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link BulkService} for one actor. */
public final class DefaultBulkService implements BulkService {

    /** How long a delete preview's token is accepted. */
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(15);
    private static final int REASON_MIN = 10;
    private static final int REASON_MAX = 500;
    private static final int JOBS_LISTED = 100;
    private static final Set<CustomerField> IDENTITY_FIELDS = EnumSet.of(CustomerField.PHONES, CustomerField.EMAILS,
            CustomerField.CHANNELS, CustomerField.EXTERNAL_ID, CustomerField.WECHAT_OPENID);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Actor actor;
    private final KitContext kit;
    private final DefaultFilterService filters;
    private final JobStore jobs;
    private final ChunkWrites writes;
    private final TrashStore trash;
    private final TaskStore tasks;

    public DefaultBulkService(Actor actor, KitContext kit, DefaultFilterService filters) {
        this.actor = actor;
        this.kit = kit;
        this.filters = filters;
        this.jobs = new JobStore(kit);
        this.writes = new ChunkWrites(kit);
        this.trash = new TrashStore(kit.tablePrefix(), kit.idSql());
        this.tasks = new TaskStore(kit.tablePrefix());
    }

    @Override
    public BulkResult run(Selection selection, BulkOperation operation, ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        Prepared prepared = prepare(selection, operation);
        return execute(prepared, listener);
    }

    @Override
    public long submit(Selection selection, BulkOperation operation) {
        Prepared prepared = prepare(selection, operation);
        kit.jobs().execute(() -> {
            try {
                execute(prepared, ProgressListener.NONE);
            } catch (RuntimeException e) {
                // execute stored the failure with the job.
            }
        });
        return prepared.jobId();
    }

    @Override
    public DeletePreview previewDelete(Selection selection) {
        Objects.requireNonNull(selection, "selection");
        Access.require(actor, Permission.BULK_DELETE, "delete customers in bulk");
        long count = count(selection);
        requireWithinLimit(count, "delete");
        String bound = fingerprint(selection);
        if (!selection.byIds()) {
            List<Long> members = members(selection);
            count = members.size();
            bound = PreviewedMembers.of(members).after(bound);
        }
        byte[] random = new byte[16];
        TOKENS.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        jobs.insert(actor.tenantId(), kit.ids().next(), actor.actorId(), "delete", bound, BulkJob.State.PENDING, token,
                count);
        return new DeletePreview(count, token, kit.clock().instant().plus(TOKEN_VALIDITY), DeletePreview.STATEMENT);
    }

    @Override
    public Optional<BulkJob> job(long id) {
        Access.require(actor, Permission.READ, "read bulk jobs");
        return jobs.find(actor.tenantId(), id).map(JobStore.Row::job);
    }

    @Override
    public List<BulkJob> jobs() {
        Access.require(actor, Permission.READ, "list bulk jobs");
        return jobs.latest(actor.tenantId(), JOBS_LISTED).stream().map(JobStore.Row::job).toList();
    }

    @Override
    public BulkJob await(long id, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            BulkJob job = job(id).orElseThrow(() -> new NotFoundException("no bulk job " + id + " in tenant '"
                    + actor.tenantId() + "'"));
            boolean over = job.state() != BulkJob.State.RUNNING && job.state() != BulkJob.State.PENDING
                    && job.state() != BulkJob.State.QUEUED;
            if (over || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    /**
     * An operation checked and counted, with its job row stored as QUEUED under the lease.
     *
     * @param task    the cleaned draft of a task creation, else null
     * @param members the ids a delete's preview bound, in order, when it selects by query; else null
     * @param match   the selection's query, compiled to check each chunk again under lock; null for all or ids
     */
    private record Prepared(Lease lease, Selection selection, BulkOperation operation, long total, List<String> tags,
                            String reason, TaskDraft task, List<Long> members, CompiledMatch match) {
        long jobId() {
            return lease.jobId();
        }

        Chunks chunks(DefaultFilterService filters) {
            return members != null ? Chunks.of(members) : new Chunks(selection, filters);
        }
    }

    private Prepared prepare(Selection selection, BulkOperation operation) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(operation, "operation");
        boolean delete = operation instanceof BulkOperation.Delete;
        Access.require(actor, delete ? Permission.BULK_DELETE : Permission.BULK_EDIT,
                operation.name().replace('_', ' ') + " customers in bulk");
        List<String> tags = List.of();
        String reason = "";
        TaskDraft task = null;
        if (operation instanceof BulkOperation.Edit edit) {
            checkEdit(edit);
        } else if (operation instanceof BulkOperation.AddTags add) {
            tags = ChunkWrites.cleanTags(add.tags());
            if (tags.isEmpty()) {
                throw ValidationException.of("tags", "required", "tags: name at least one tag to add");
            }
        } else if (operation instanceof BulkOperation.RemoveTags remove) {
            tags = remove.tags().stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip)
                    .distinct().toList();
            if (tags.isEmpty() || tags.size() > CustomerLimits.TAGS_MAX) {
                throw ValidationException.of("tags", tags.isEmpty() ? "required" : "too_many", "tags: name 1 to "
                        + CustomerLimits.TAGS_MAX + " tags to remove, got " + tags.size());
            }
        } else if (operation instanceof BulkOperation.Assign assign) {
            Errors errors = new Errors();
            String owner = errors.text("ownerId", assign.ownerId(), CustomerLimits.SOURCE_MAX);
            if (owner.isEmpty()) {
                errors.add("ownerId", "required", "an owner id is needed to assign customers");
            }
            errors.throwIfAny();
        } else if (operation instanceof BulkOperation.Delete confirmation) {
            reason = checkConfirmation(confirmation);
        } else if (operation instanceof BulkOperation.CreateTask create) {
            Access.require(actor, Permission.WRITE, "create tasks in bulk");
            task = TaskValidator.clean(create.draft());
        }
        long total = count(selection);
        requireWithinLimit(total, operation.name());
        CompiledMatch match = byQuery(selection) ? filters.compile(selection.filter(), selection.keyword()) : null;
        List<Long> members = null;
        Lease lease;
        if (operation instanceof BulkOperation.Delete confirmation) {
            JobStore.Row pending = pendingDelete(confirmation.token(), selection);
            Optional<PreviewedMembers> previewed = PreviewedMembers.boundIn(pending.selection());
            if (previewed.isPresent()) {
                members = members(selection);
                requireSameMembers(previewed.get(), members);
                total = members.size();
            }
            long jobId = pending.job().id();
            lease = jobs.newLease(actor.tenantId(), jobId);
            if (!jobs.start(lease, total)) {
                throw usedToken();
            }
            String detail = total + " customer(s): " + confirmation.reason().strip();
            try {
                kit.database().write("audit a bulk delete", session -> {
                    kit.audit().record(session, actor, "bulk.delete", "bulk_job", jobId, detail);
                    return null;
                });
            } catch (RuntimeException e) {
                jobs.fail(lease, e.getMessage() == null ? e.toString() : e.getMessage());
                kit.leases().release(lease);
                throw e;
            }
        } else {
            lease = queue(selection, operation, total, runKey(selection, task != null ? task : operation));
        }
        return new Prepared(lease, selection, operation, total, tags, reason, task, members, match);
    }

    /**
     * Stores the job of an operation QUEUED under a new lease: the unfinished job of the same operation on the same
     * selection when there is one (failed, or its process stopped), so that running it again finishes that job.
     *
     * @throws ConflictException when that job is queued or running, held by a live lease
     */
    private Lease queue(Selection selection, BulkOperation operation, long total, String runKey) {
        Optional<JobStore.Row> earlier = jobs.latestRun(actor.tenantId(), runKey);
        if (earlier.isPresent() && earlier.get().job().state() != BulkJob.State.DONE) {
            long id = earlier.get().job().id();
            Lease lease = jobs.newLease(actor.tenantId(), id);
            if (!jobs.claim(lease, total)) {
                throw new ConflictException("the same operation on the same selection is running as job " + id
                        + "; wait for it", id);
            }
            return lease;
        }
        Lease lease = jobs.newLease(actor.tenantId(), kit.ids().next());
        try {
            jobs.insertQueued(lease, actor.actorId(), operation.name(), fingerprint(selection), runKey, total);
        } catch (DuplicateKeyException e) {
            // Another run stored the same operation between our look-up and our insert.
            long holder = jobs.latestRun(actor.tenantId(), runKey).map(row -> row.job().id()).orElse(0L);
            throw new ConflictException("the same operation on the same selection is running as job " + holder
                    + "; wait for it", holder);
        }
        return lease;
    }

    /** @return a digest of what an operation does (its cleaned parameters) and to which selection */
    private static String runKey(Selection selection, Object parameters) {
        return sha256(parameters + " on " + fingerprint(selection));
    }

    private static void checkEdit(BulkOperation.Edit edit) {
        if (edit.changes().isEmpty()) {
            throw ValidationException.of("changes", "required", "changes: name at least one field to set");
        }
        for (CustomerField field : edit.changes().changes().keySet()) {
            if (IDENTITY_FIELDS.contains(field)) {
                throw ValidationException.of("changes." + field.key(), "not_allowed", "changes." + field.key()
                        + ": identities are unique per customer and cannot be set in bulk");
            }
        }
    }

    private String checkConfirmation(BulkOperation.Delete confirmation) {
        Errors errors = new Errors();
        if (!confirmation.agreed()) {
            errors.add("agreed", "required", "agreed: the actor must read and agree to the deletion statement");
        }
        String reason = confirmation.reason().strip();
        if (reason.codePointCount(0, reason.length()) < REASON_MIN) {
            errors.add("reason", "too_short", "reason: give a reason of at least " + REASON_MIN + " characters, got "
                    + reason.codePointCount(0, reason.length()));
        } else {
            errors.text("reason", reason, REASON_MAX);
        }
        errors.throwIfAny();
        return reason;
    }

    private JobStore.Row pendingDelete(String token, Selection selection) {
        JobStore.Row row = jobs.findByToken(actor.tenantId(), token).orElseThrow(() -> ValidationException.of("token",
                "invalid", "token: not a delete confirmation of this tenant; preview the delete first"));
        if (!row.job().actorId().equals(actor.actorId())) {
            throw ValidationException.of("token", "invalid", "token: the delete was previewed by another actor");
        }
        if (row.job().createdAt().plus(TOKEN_VALIDITY).isBefore(kit.clock().instant())) {
            throw ValidationException.of("token", "expired", "token: the preview is older than "
                    + TOKEN_VALIDITY.toMinutes() + " minutes; preview the delete again");
        }
        if (!PreviewedMembers.fingerprint(row.selection()).equals(fingerprint(selection))) {
            throw ValidationException.of("token", "invalid", "token: it confirms a different selection; preview this"
                    + " one");
        }
        if (row.job().state() != BulkJob.State.PENDING) {
            throw usedToken();
        }
        return row;
    }

    private static ValidationException usedToken() {
        return ValidationException.of("token", "used", "token: this confirmation was used already; preview the"
                + " delete again");
    }

    /**
     * Refuses a delete whose query matches other customers than its preview counted: the token confirms the
     * customers the actor saw, not whoever matches later.
     */
    private static void requireSameMembers(PreviewedMembers previewed, List<Long> members) {
        if (previewed.count() != members.size()) {
            throw ValidationException.of("token", "changed", "token: the customers of the selection changed since the"
                    + " preview (" + previewed.count() + " previewed, " + members.size() + " now); preview the delete"
                    + " again");
        }
        if (!previewed.equals(PreviewedMembers.of(members))) {
            throw ValidationException.of("token", "changed", "token: other customers match the selection than at the"
                    + " preview (" + previewed.count() + " previewed, as many now but not the same); preview the"
                    + " delete again");
        }
    }

    /** @return the ids of the customers a query selection matches now, in ascending order */
    private List<Long> members(Selection selection) {
        List<Long> members = new ArrayList<>();
        Chunks chunks = new Chunks(selection, filters);
        for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
            members.addAll(chunk);
        }
        return members;
    }

    private void requireWithinLimit(long count, String operation) {
        if (count > MAX_CUSTOMERS) {
            throw new LimitExceededException(operation.replace('_', ' ') + " would act on " + count
                    + " customers, at most " + MAX_CUSTOMERS + " per operation; narrow the selection", MAX_CUSTOMERS,
                    count);
        }
    }

    private long count(Selection selection) {
        return selection.byIds() ? selection.ids().size()
                : filters.countMatching(selection.filter(), selection.keyword());
    }

    /**
     * Runs the job's chunks, each committing only while the run's lease holds the job.
     *
     * @throws LeaseLostException when the job was taken over elsewhere after the lease ended
     */
    private BulkResult execute(Prepared prepared, ProgressListener listener) {
        Tally tally = new Tally(prepared.operation.name(), prepared.total);
        try {
            if (!jobs.begin(prepared.lease)) {
                throw new LeaseLostException(prepared.jobId());
            }
            Chunks chunks = prepared.chunks(filters);
            for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
                tally.add(runChunk(prepared, chunk, tally.done() + chunk.size()));
                listener.progress(tally.done(), prepared.total);
            }
            BulkResult result = tally.result();
            jobs.finish(prepared.lease, result);
            return result;
        } catch (RuntimeException e) {
            jobs.fail(prepared.lease, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        } finally {
            kit.leases().release(prepared.lease);
        }
    }

    private ChunkWrites.Outcome runChunk(Prepared prepared, List<Long> chunk, long doneAfter) {
        String what = prepared.operation.name().replace('_', ' ') + " customers in bulk";
        return kit.database().write(what, session -> {
            Instant now = kit.clock().instant();
            ChunkWrites.Outcome rechecked = new ChunkWrites.Outcome();
            List<Long> targets = prepared.match == null ? chunk : stillMatching(session.getConnection(),
                    prepared.match, chunk, rechecked);
            ChunkWrites.Outcome outcome = targets.isEmpty() ? new ChunkWrites.Outcome()
                    : apply(session, prepared, targets, now);
            outcome.skipped.addAll(rechecked.skipped);
            outcome.failed.addAll(rechecked.failed);
            if (!outcome.changed.isEmpty()) {
                kit.audit().record(session, actor, "bulk." + prepared.operation.name(), "bulk_job", prepared.jobId(),
                        outcome.changed.size() + " customer(s)");
            }
            jobs.progress(session.getConnection(), prepared.lease, doneAfter);
            return outcome;
        });
    }

    /** @return whether a selection is a query that not every customer matches */
    private static boolean byQuery(Selection selection) {
        return selection.filter().isPresent() || !selection.keyword().isBlank();
    }

    /**
     * Locks the chunk's customers and checks them against the selection's query again: a customer that stopped
     * matching since the chunk was listed is skipped and reported, one that is gone is reported as failed.
     *
     * @return the locked customers that still match, in id order
     */
    private List<Long> stillMatching(Connection connection, CompiledMatch match, List<Long> chunk,
                                     ChunkWrites.Outcome outcome) {
        List<Long> locked = writes.lock(connection, actor.tenantId(), chunk, outcome);
        if (locked.isEmpty()) {
            return locked;
        }
        List<Long> matching = match.among(connection, locked);
        if (matching.size() < locked.size()) {
            Set<Long> still = new HashSet<>(matching);
            for (Long id : locked) {
                if (!still.contains(id)) {
                    outcome.skipped.add(new BulkIssue(id, "no_longer_matches", "customer " + id + " no longer"
                            + " matches the selection's query; left as it is"));
                }
            }
        }
        return matching;
    }

    private ChunkWrites.Outcome apply(Session session, Prepared prepared, List<Long> chunk, Instant now) {
        Connection connection = session.getConnection();
        BulkOperation operation = prepared.operation;
        if (operation instanceof BulkOperation.Edit edit) {
            return writes.edit(session, actor, chunk, edit.changes(), kit.fields().of(actor.tenantId()));
        } else if (operation instanceof BulkOperation.AddTags) {
            return writes.addTags(connection, actor, chunk, prepared.tags, now);
        } else if (operation instanceof BulkOperation.RemoveTags) {
            return writes.removeTags(connection, actor, chunk, prepared.tags, now);
        } else if (operation instanceof BulkOperation.IdentifyAsValid) {
            return writes.transition(connection, actor, chunk, CustomerStatus.TO_BE_ASSIGNED, null,
                    CustomerStatus.identifiableFrom(), "identify as valid", now);
        } else if (operation instanceof BulkOperation.RecycleToPool) {
            return writes.transition(connection, actor, chunk, CustomerStatus.POOL, null,
                    CustomerStatus.recyclableFrom(), "recycle to the pool", now);
        } else if (operation instanceof BulkOperation.Assign assign) {
            return writes.transition(connection, actor, chunk, CustomerStatus.ASSIGNED, assign.ownerId().strip(),
                    CustomerStatus.assignableFrom(), "assign", now);
        } else if (operation instanceof BulkOperation.CreateTask) {
            return createTasks(connection, prepared.jobId(), chunk, prepared.task, now);
        } else if (operation instanceof BulkOperation.Delete) {
            return delete(connection, chunk, prepared.reason, now);
        }
        throw new IllegalStateException("no chunk work for the bulk operation " + operation.name());
    }

    /**
     * Creates one task on each live customer of the chunk, whose rows stay locked until the chunk commits; a customer
     * that got its task from an earlier run of the same job (stopped by a crash) is left unchanged.
     */
    private ChunkWrites.Outcome createTasks(Connection connection, long jobId, List<Long> chunk, TaskDraft draft,
                                            Instant now) {
        ChunkWrites.Outcome outcome = new ChunkWrites.Outcome();
        List<Long> live = writes.lock(connection, actor.tenantId(), chunk, outcome);
        Set<Long> done = live.isEmpty() ? Set.of() : new HashSet<>(tasks.customersWithTaskOf(connection,
                actor.tenantId(), jobId, live, kit.idSql()));
        List<Task> created = new ArrayList<>(live.size());
        for (Long customerId : live) {
            if (done.contains(customerId)) {
                outcome.unchanged++;
            } else {
                created.add(TaskStore.newTask(kit.ids().next(), customerId, draft, now, actor.actorId()));
                outcome.changed.add(customerId);
            }
        }
        if (!created.isEmpty()) {
            tasks.insert(connection, actor.tenantId(), created, jobId);
        }
        return outcome;
    }

    private ChunkWrites.Outcome delete(Connection connection, List<Long> chunk, String reason, Instant now) {
        ChunkWrites.Outcome outcome = new ChunkWrites.Outcome();
        List<Long> moved = trash.moveToTrash(connection, actor.tenantId(), chunk, now, actor.actorId(), reason);
        outcome.changed.addAll(moved);
        ChunkWrites.reportMissing(chunk, new HashSet<>(moved), outcome);
        return outcome;
    }

    /**
     * What a selection is, as a short text: the filter's JSON and keyword, or a digest of the ids. A delete's
     * confirmation must carry the same.
     */
    private static String fingerprint(Selection selection) {
        String text = selection.byIds() ? "ids:" + selection.ids()
                : "filter:" + selection.filter().map(FilterJson::toJson).orElse("") + " keyword:" + selection.keyword();
        if (text.length() <= 2000) {
            return text;
        }
        return (selection.byIds() ? selection.ids().size() + " ids" : "filter") + " sha256:" + sha256(text);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Running totals of an operation. */
    private static final class Tally {
        private final String operation;
        private final long total;
        private long changed;
        private long unchanged;
        private long skipped;
        private long failed;
        private final List<BulkIssue> issues = new ArrayList<>();

        Tally(String operation, long total) {
            this.operation = operation;
            this.total = total;
        }

        void add(ChunkWrites.Outcome outcome) {
            changed += outcome.changed.size();
            unchanged += outcome.unchanged;
            skipped += outcome.skipped.size();
            failed += outcome.failed.size();
            for (List<BulkIssue> list : List.of(outcome.skipped, outcome.failed)) {
                for (BulkIssue issue : list) {
                    if (issues.size() < BulkResult.MAX_ISSUES) {
                        issues.add(issue);
                    }
                }
            }
        }

        long done() {
            return changed + unchanged + skipped + failed;
        }

        BulkResult result() {
            return new BulkResult(operation, Math.max(total, done()), changed, unchanged, skipped, failed, issues);
        }
    }
}
