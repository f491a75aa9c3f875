package io.crmkit.impl.bulk;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kit's threads for the jobs that run only in the kit that started them: dry-run imports, exports to a host file
 * and activity metric refreshes (submitted bulk operations, imports and exports into the database run on the
 * scheduler, {@code JobScheduler}). Daemon threads named {@code crmkit-job-N}, an unbounded queue. A job that throws is
 * logged, whether it was passed to {@code execute} or {@code submit}: a job's own failure is also stored with the job,
 * this catches what escapes it.
 */
public final class JobThreads {

    private static final Logger LOG = LoggerFactory.getLogger(JobThreads.class);

    private JobThreads() {
    }

    /** @return an executor of {@code threads} threads */
    public static ExecutorService open(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "crmkit-job-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }) {
            @Override
            protected void afterExecute(Runnable job, Throwable thrown) {
                super.afterExecute(job, thrown);
                Throwable failure = thrown != null ? thrown : failureOf(job);
                if (failure != null) {
                    LOG.error("A CRMKit job thread ended a job on an uncaught failure", failure);
                }
            }
        };
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** @return what a finished {@code submit}ted job threw, or null */
    private static Throwable failureOf(Runnable job) {
        if (!(job instanceof Future<?> future) || !future.isDone() || future.isCancelled()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops taking jobs, interrupts running ones after 30 seconds. */
    public static void close(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
