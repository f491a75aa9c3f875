package io.crmkit.api.bulk;

import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operations on many customers of the actor's tenant. Edits, tags and status changes need
 * {@code BULK_EDIT}; deletes need {@code BULK_DELETE}.
 *
 * <p>An operation processes its customers in chunks of {@value #CHUNK_SIZE}, each in its own transaction:
 * a failure leaves each customer either fully processed or untouched, and a retryable database error
 * (deadlock, serialization failure) is retried. A selection by query is evaluated chunk by chunk in id order,
 * so customers that start to match while it runs may be included; each chunk's customers are locked and checked
 * against the query again before they are changed, and one that stopped matching meanwhile is left as it is and
 * reported as skipped ({@code no_longer_matches}).
 *
 * <p>A delete acts on exactly the customers its preview counted: for a selection by query the token binds
 * their number and their ids, and a delete whose query matches other customers by then (one more, one fewer,
 * or as many but not the same) is refused with a {@link ValidationException} on {@code token} asking for a new
 * preview. A token confirms one delete: a second use, even at the same moment from another thread, is refused.
 *
 * <p>A submitted operation is stored with its job and is {@link BulkJob.State#QUEUED} until the scheduler of a kit on
 * the database takes it; running, it is held by that kit (a lease renewed every few seconds). When that kit dies,
 * another kit's scheduler continues the job once its lease ended. Running the same operation with the same
 * parameters on the same selection while its job is queued or held gets a {@code ConflictException}; once that job
 * failed or its process stopped ({@link BulkJob.State#INTERRUPTED}, seconds after the process died), running it
 * again continues that job from any kit. Customers already processed are left as they are and counted unchanged:
 * attributes, tags and statuses are set once, a task creation skips the customers that got their task, and a delete
 * finds them in the trash.
 *
 * <p>At most {@value #MAX_CUSTOMERS} customers per operation, and at most {@value #MAX_DELETE} per delete (the
 * Customer Center's rule for deletes); a larger selection gets a {@link LimitExceededException} before anything is
 * written. A selection by ids holds at most {@link Selection#MAX_IDS} ids: larger operations select by query. The
 * memory an operation holds does not grow with its size: it reads, locks and writes one chunk at a time (a delete by
 * query also keeps the ids its preview bound, 8 bytes each).
 */
public interface BulkService {

    /** Customers per chunk (transaction). */
    int CHUNK_SIZE = 1000;

    /** Most customers one edit, tag, status change, assignment or task creation acts on. */
    long MAX_CUSTOMERS = 1_000_000;

    /** Most customers one delete acts on. */
    long MAX_DELETE = 100_000;

    /**
     * Runs an operation now, in the calling thread.
     *
     * @param selection the customers to act on, by ids or by query; not null
     * @param operation what to do to them; a delete carries the token of {@link #previewDelete}; not null
     * @return what was done: customers changed, unchanged, skipped and failed, with the reasons of the first
     *         skipped and failed ones
     * @throws ValidationException       when the operation's values are invalid (nothing is written), or a
     *                                   delete's token, agreement or reason is missing or wrong, or its token was
     *                                   used, or the customers of its selection changed since the preview
     * @throws LimitExceededException    when the selection holds more than {@value #MAX_CUSTOMERS} customers
     *                                   ({@value #MAX_DELETE} for a delete)
     * @throws PermissionDeniedException without the operation's permission
     */
    default BulkResult run(Selection selection, BulkOperation operation) {
        return run(selection, operation, ProgressListener.NONE);
    }

    /**
     * Like {@link #run(Selection, BulkOperation)}, telling the listener after each chunk.
     *
     * @param selection the customers to act on, by ids or by query; not null
     * @param operation what to do to them; not null
     * @param listener  told customers done / total after each committed chunk, in the calling thread;
     *                  {@link ProgressListener#NONE} for none; not null
     * @return what was done, as {@link #run(Selection, BulkOperation)} returns it
     * @throws ValidationException       as {@link #run(Selection, BulkOperation)}
     * @throws LimitExceededException    when the selection holds more than {@value #MAX_CUSTOMERS} customers
     *                                   ({@value #MAX_DELETE} for a delete)
     * @throws PermissionDeniedException without the operation's permission
     */
    BulkResult run(Selection selection, BulkOperation operation, ProgressListener listener);

    /**
     * The first step of a bulk delete: counts the selection and returns a token that a
     * {@link BulkOperation.Delete} of the same selection by the same actor must carry within 15 minutes. For a
     * selection by query the token binds the customers counted (see above); for one by ids, the ids.
     *
     * @param selection the customers a delete will act on; not null
     * @return the number of customers selected and the token that confirms their delete
     * @throws LimitExceededException    when the selection holds more than {@value #MAX_DELETE} customers
     * @throws PermissionDeniedException without {@code BULK_DELETE}
     */
    DeletePreview previewDelete(Selection selection);

    /**
     * Starts an operation as a job and returns at once. The checks of {@link #run(Selection, BulkOperation)} run
     * first and throw here. Every operation is then handed to the kit's scheduler with its selection and all its
     * parameters stored in the database (an edit's typed custom values, a task's draft, a delete's reason and the
     * customers its preview bound): any kit on the database may run it, and when the kit running it stops, another
     * kit continues it once the first kit's job lease ended (customers already processed are left as they are and
     * counted unchanged). A delete's token is consumed here, before its job is scheduled, and the job runs only as
     * the job the token confirmed: a second submission or run with the token is refused, even from another kit at the
     * same moment.
     *
     * @param selection the customers to act on, by ids or by query; not null
     * @param operation what to do to them; not null
     * @return the job's id, for {@link #job(long)} and {@code Crm.jobs()}; for a delete, the job its preview stored
     * @throws ValidationException       when the operation's values are invalid, or a delete's confirmation is
     *                                   missing or wrong (nothing is written); on {@code changes.key} or
     *                                   {@code changes.custom.key}, code {@code wrong_type}, for an edit's value of a
     *                                   Java type no field takes (text, numbers, booleans, dates, date-times, URIs and
     *                                   collections of these can be stored)
     * @throws LimitExceededException    when the selection holds more than {@value #MAX_CUSTOMERS} customers
     *                                   ({@value #MAX_DELETE} for a delete)
     * @throws PermissionDeniedException without the operation's permission
     */
    long submit(Selection selection, BulkOperation operation);

    /**
     * Reads a bulk job; {@code Crm.jobs()} shows it too, with cancel.
     *
     * @param id the job's id, as {@link #submit} returned it
     * @return the job of the actor's tenant with this id; empty when the tenant has no bulk job with it
     * @throws PermissionDeniedException without {@code READ}
     */
    Optional<BulkJob> job(long id);

    /**
     * Lists the tenant's bulk jobs, pending deletes included.
     *
     * @return the tenant's latest 100 jobs, newest first; empty when it has none
     * @throws PermissionDeniedException without {@code READ}
     */
    List<BulkJob> jobs();

    /**
     * Waits for a submitted job to end: the same as {@code Crm.jobs().await(id, timeout)}, which also serves imports
     * and exports. A job running in this kit wakes the caller when it ends; a pending delete is returned at once.
     *
     * @param id      the job's id, as {@link #submit} returned it
     * @param timeout how long to wait at most; zero or negative reads the job once; not null
     * @return the job as stored when it ended, or at the timeout (then still queued or running)
     * @throws NotFoundException         when the tenant has no bulk job with this id
     * @throws PermissionDeniedException without {@code READ}
     * @throws InterruptedException      when the calling thread is interrupted while it waits
     */
    BulkJob await(long id, Duration timeout) throws InterruptedException;
}
