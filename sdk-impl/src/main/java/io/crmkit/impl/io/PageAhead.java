package io.crmkit.impl.io;

import io.crmkit.api.error.StorageException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reads the next page (of an export's customers, of an import's parsed rows) on a thread of its own while the caller
 * writes the current one, so that the reading and the writing overlap. At most one read is under way: memory holds the page being written and
 * the page being read. One instance per export run, used by one thread; {@link #close} waits for a read under way
 * and ends the thread.
 *
 * @param <P> a page
 */
final class PageAhead<P> implements AutoCloseable {

    private final ExecutorService thread;
    private Future<P> next;

    /** @param name the reading thread's name */
    PageAhead(String name) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread reader = new Thread(runnable, name);
            reader.setDaemon(true);
            return reader;
        });
    }

    /**
     * Starts reading the next page.
     *
     * @throws IllegalStateException when a read is under way: {@link #take} it first
     */
    void read(Supplier<P> page) {
        if (next != null) {
            throw new IllegalStateException("a page is being read already; take it first");
        }
        next = thread.submit(page::get);
    }

    /** @return whether the read {@link #read} started has ended, so that {@link #take} returns without waiting */
    boolean ready() {
        return next != null && next.isDone();
    }

    /**
     * @return the page {@link #read} started, once it is read
     * @throws RuntimeException what the read threw, as it threw it
     * @throws StorageException when the waiting thread is interrupted (its interrupt flag stays set)
     */
    P take() {
        if (next == null) {
            throw new IllegalStateException("no page is being read; call read first");
        }
        Future<P> reading = next;
        next = null;
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading a page failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(false);
            throw new StorageException("interrupted while reading ahead", e);
        }
    }

    /** Waits for a read under way (its page is dropped, its failure ignored) and ends the reading thread. */
    @Override
    public void close() {
        thread.shutdown();
        if (next != null) {
            try {
                next.get();
            } catch (ExecutionException ignored) {
                // the export already ended for its own reason
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next = null;
        }
    }
}
