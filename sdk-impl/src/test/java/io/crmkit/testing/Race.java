package io.crmkit.testing;

import io.crmkit.api.error.CrmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks at the same moment on threads of their own, for tests of concurrent writers. */
public final class Race {

    private Race() {
    }

    /**
     * Starts every task together (behind one latch) and waits for all of them.
     *
     * @return each task's outcome, in task order
     */
    @SafeVarargs
    public static List<String> run(Callable<String>... tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Runs one side of a race and says how it ended.
     *
     * @return what the work returned, or the refusal's class and message when it threw a {@link CrmException}
     */
    public static String attempt(Callable<String> work) throws Exception {
        try {
            return work.call();
        } catch (CrmException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
