package io.crmkit.impl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.job.JobKind;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.schema.JobTable;
import io.crmkit.impl.job.JobStore;
import io.crmkit.impl.job.Lease;
import io.crmkit.impl.job.StoredJob;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The imports and exports among the stored jobs ({@link JobStore}): what only they store (the file's name, whether an
 * import is a dry run, an import's fingerprint as its run key and its counts so far as its result) and how their rows
 * read as {@link TransferJob}s. Their life (queue, run, end) is the store's. Thread-safe.
 */
final class TransferJobRows {

    /** The kinds of an import's and an export's job. */
    static final Set<JobKind> TRANSFERS = Set.of(JobKind.IMPORT, JobKind.EXPORT);
    /** What running an import again is, for the error of a cancelled one. */
    static final String AGAIN = "run the same import again";
    private static final String HOW_TO_CONTINUE = AGAIN + " to continue after its last committed row, or cancel it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore jobs;

    TransferJobRows(JobStore jobs) {
        this.jobs = jobs;
    }

    /** An import's counts so far, as stored with each chunk. */
    record Counts(long rows, long created, long updated, long unchanged, long failed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        ImportResult result(long jobId, boolean dryRun, List<ImportFailure> listed) {
            return new ImportResult(jobId, dryRun, rows, created, updated, unchanged, failed, listed);
        }
    }

    /**
     * Stores a new job QUEUED, held by the lease, and starts renewing it. An import that is not a dry run holds its
     * fingerprint as its active key until it is DONE: a second unfinished run of the same import is refused.
     *
     * @param fingerprint an import's fingerprint (its file and settings); null for an export
     * @throws DuplicateKeyException when an unfinished import of the same fingerprint is stored
     */
    void insert(Lease lease, TransferJob.Kind kind, String actorId, String fileName, String fingerprint,
                boolean dryRun, long total) {
        boolean importing = kind == TransferJob.Kind.IMPORT;
        String name = fileName.length() > JobTable.FILE_NAME_MAX ? fileName.substring(0, JobTable.FILE_NAME_MAX)
                : fileName;
        jobs.insertQueued(lease, JobStore.newJob(JobKind.valueOf(kind.name()), actorId, total)
                .set(JobTable.FILE_NAME, name).set(JobTable.DRY_RUN, dryRun).set(JobTable.RUN_KEY, fingerprint)
                .set(JobTable.ACTIVE_KEY, importing && !dryRun ? fingerprint : null)
                .set(JobTable.RESULT, importing ? toJson(Counts.NONE) : null));
    }

    /** @return the tenant's import or export with this id */
    Optional<TransferJob> find(String tenantId, long id) {
        return jobs.find(tenantId, id, TRANSFERS).map(TransferJobRows::job);
    }

    /** @return the latest import with this fingerprint that is not a dry run */
    Optional<TransferJob> latestImport(String tenantId, String fingerprint) {
        return jobs.latestRun(tenantId, JobKind.IMPORT, fingerprint).map(TransferJobRows::job);
    }

    /** @return the latest imports and exports, at most {@code limit}, newest first */
    List<TransferJob> latest(String tenantId, int limit) {
        return jobs.latest(tenantId, TRANSFERS, limit).stream().map(TransferJobRows::job).toList();
    }

    /** @return a stored import or export as the host sees it; an import with its counts so far */
    static TransferJob job(StoredJob stored) {
        long id = stored.id();
        boolean dryRun = stored.dryRun();
        Optional<ImportResult> imported = Optional.ofNullable(stored.text(JobTable.RESULT))
                .map(json -> countsFromJson(json).result(id, dryRun, List.of()));
        return new TransferJob(id, TransferJob.Kind.valueOf(stored.kind().name()), stored.text(JobTable.FILE_NAME),
                stored.actorId(), TransferJob.State.valueOf(stored.state().name()), stored.done(), stored.total(),
                imported, stored.error(HOW_TO_CONTINUE), stored.createdAt(), stored.updatedAt());
    }

    /** @return the stored counts of an import */
    static Counts counts(TransferJob job) {
        return job.imported().map(result -> new Counts(result.rows(), result.created(), result.updated(),
                result.unchanged(), result.failed())).orElse(Counts.NONE);
    }

    /** @return counts as stored with their import */
    static String toJson(Counts counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import's counts could not be written as JSON", e);
        }
    }

    private static Counts countsFromJson(String json) {
        try {
            return JSON.readValue(json, Counts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import result is not readable: " + e.getMessage(), e);
        }
    }
}
