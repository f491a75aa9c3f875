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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Jobs} for one actor, over the sources of every kind. Waiting for a job running in this kit takes the
 * signal of {@link RunningJobs}; only a job held by another kit is read again, every {@link #ELSEWHERE_CHECK}.
 * Thread-safe.
 */
public final class DefaultJobs implements Jobs {

    /** How often a job running in another kit is read again while waiting for it. */
    static final Duration ELSEWHERE_CHECK = Duration.ofMillis(500);
    private static final Comparator<Job> NEWEST_FIRST = Comparator.comparing(Job::createdAt)
            .thenComparingLong(Job::id).reversed();

    private final Actor actor;
    private final RunningJobs running;
    private final List<JobSource> sources;

    /** @param sources one per kind, together covering every {@link JobKind} */
    public DefaultJobs(Actor actor, RunningJobs running, List<JobSource> sources) {
        this.actor = actor;
        this.running = running;
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<Job> find(long id) {
        Access.require(actor, Permission.READ, "read jobs");
        for (JobSource source : sources) {
            Optional<Job> job = source.find(id);
            if (job.isPresent()) {
                return job;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Job> latest(int limit) {
        checkLimit(limit);
        Access.require(actor, Permission.READ, "read jobs");
        List<Job> all = new ArrayList<>();
        for (JobSource source : sources) {
            all.addAll(source.latest(limit));
        }
        all.sort(NEWEST_FIRST);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public List<Job> latest(JobKind kind, int limit) {
        ValidationException.requireNonNull(kind, "kind");
        checkLimit(limit);
        Access.require(actor, Permission.READ, "read jobs");
        List<Job> all = new ArrayList<>();
        for (JobSource source : sources) {
            if (source.kinds().contains(kind)) {
                all.addAll(source.latest(kind, limit));
            }
        }
        all.sort(NEWEST_FIRST);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
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

    private JobSource sourceOf(Job job) {
        return sources.stream().filter(source -> source.kinds().contains(job.kind())).findFirst()
                .orElseThrow(() -> notFound(job.id()));
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
