package io.crmkit.impl.db;

import io.crmkit.api.error.StorageException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread of one call's own, on which database work runs beside the caller's (a second transaction on a
 * connection of its own, so that the database works on both with two cores). The caller waits for what it submitted
 * before it goes on or reports a failure, so that nothing of the call writes after the call ended; an interrupt does
 * not cut that wait short, it ends it with a {@link StorageException} once the work ended (the interrupt flag set
 * again). Closing stops the thread. Not thread-safe: used by the thread that opened it.
 */
public final class WorkBeside implements AutoCloseable {

    private final ExecutorService thread;

    /** @param name the thread's name */
    public WorkBeside(String name) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread beside = new Thread(runnable, name);
            beside.setDaemon(true);
            return beside;
        });
    }

    /** @return the work, started on the thread beside */
    public <T> Future<T> submit(Callable<T> work) {
        return thread.submit(work);
    }

    /**
     * Waits for work that ran beside the caller's.
     *
     * @return its result
     * @throws RuntimeException  what made it fail, as it was (an {@link Error} too); a checked exception wrapped in an
     *                           {@link IllegalStateException}
     * @throws StorageException  when the caller was interrupted meanwhile and the work succeeded (it did commit)
     */
    public static <T> T result(Future<T> work) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    T result = work.get();
                    if (interrupted) {
                        throw new StorageException("interrupted while database work ran beside this one; that work"
                                + " ended and committed", null);
                    }
                    return result;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for work beside the caller's to end, whatever its outcome: for a caller that failed and reports its own
     * failure once nothing of the call runs any more.
     *
     * @param failure the caller's failure, which keeps the work's own failure as suppressed
     */
    public static void ended(Future<?> work, Throwable failure) {
        try {
            result(work);
        } catch (RuntimeException | Error own) {
            failure.addSuppressed(own);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
