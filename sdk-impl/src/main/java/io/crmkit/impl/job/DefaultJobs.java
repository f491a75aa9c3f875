package io.crmkit.impl.job;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.Jobs;
import io.crmkit.impl.access.Access;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Jobs} for one actor, over the one job table ({@link JobStore}): a list is one query across the kinds, newest
 * first, and each job read is shown and cancelled by the {@link JobSource} of its kind, which checks the permission
 * cancelling it needs (reading needs {@code READ}). A kind stored by a newer kit is not shown. Waiting for a job
 * running in this kit takes the signal of {@link RunningJobs}; only a job held by another kit is read again, every
 * {@link #ELSEWHERE_CHECK}. Thread-safe.
 */
public final class DefaultJobs implements Jobs {

    /** How often a job running in another kit is read again while waiting for it. */
    static final Duration ELSEWHERE_CHECK = Duration.ofMillis(500);

    private final Actor actor;
    private final RunningJobs running;
    private final JobStore store;
    /** The source of each kind this view shows. */
    private final Map<JobKind, JobSource> sources = new EnumMap<>(JobKind.class);

    /**
     * @param store   the kit's stored jobs
     * @param sources the sources of the kinds shown, at most one per kind; {@code Crm.jobs()} gets them all
     */
    public DefaultJobs(Actor actor, RunningJobs running, JobStore store, List<JobSource> sources) {
        this.actor = actor;
        this.running = running;
        this.store = store;
        for (JobSource source : sources) {
            source.kinds().forEach(kind -> {
                if (this.sources.put(kind, source) != null) {
                    throw new IllegalArgumentException("two sources of " + kind + " jobs");
                }
            });
        }
    }

    @Override
    public Optional<Job> find(long id) {
        Access.require(actor, Permission.READ, "read jobs");
        return store.find(actor.tenantId(), id, sources.keySet()).map(this::job);
    }

    @Override
    public List<Job> latest(int limit) {
        checkLimit(limit);
        Access.require(actor, Permission.READ, "read jobs");
        return store.latest(actor.tenantId(), sources.keySet(), limit).stream().map(this::job).toList();
    }

    @Override
    public List<Job> latest(JobKind kind, int limit) {
        ValidationException.requireNonNull(kind, "kind");
        checkLimit(limit);
        Access.require(actor, Permission.READ, "read jobs");
        return store.latest(actor.tenantId(), sources.containsKey(kind) ? Set.of(kind) : Set.of(), limit).stream()
                .map(this::job).toList();
    }

    @Override
    public boolean cancel(long id) {
        Job job = find(id).orElseThrow(() -> notFound(id));
        return sourceOf(job).cancel(job);
    }

    @Override
    public Job await(long id, Duration timeout) throws InterruptedException {
        ValidationException.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw ValidationException.of("timeout", "negative", "timeout: must be zero or more, got " + timeout);
        }
        return awaitEnd(id, timeout);
    }

    /**
     * Waits for a job to end, as {@link #await}; a negative timeout reads it once.
     *
     * @throws NotFoundException when the tenant has no such job
     */
    public Job awaitEnd(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        Job job = find(id).orElseThrow(() -> notFound(id));
        while (job.state().isActive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return job;
            }
            RunningJobs.Wait waited = running.await(id, Duration.ofNanos(left));
            if (waited == RunningJobs.Wait.NOT_HERE) {
                // Held by another kit, or it ended here just now: read it again, and only then wait a while.
                job = find(id).orElseThrow(() -> notFound(id));
                if (!job.state().isActive()) {
                    return job;
                }
                Thread.sleep(Math.max(1, Math.min(ELSEWHERE_CHECK.toMillis(), (deadline - System.nanoTime())
                        / 1_000_000)));
            }
            job = find(id).orElseThrow(() -> notFound(id));
        }
        return job;
    }

    private Job job(StoredJob stored) {
        return sources.get(stored.kind()).job(stored);
    }

    private JobSource sourceOf(Job job) {
        return Optional.ofNullable(sources.get(job.kind())).orElseThrow(() -> notFound(job.id()));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw ValidationException.of("limit", "out_of_range", "limit: must be between 1 and " + MAX_LISTED
                    + ", got " + limit);
        }
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException("no job " + id + " in tenant '" + actor.tenantId() + "'");
    }
}
