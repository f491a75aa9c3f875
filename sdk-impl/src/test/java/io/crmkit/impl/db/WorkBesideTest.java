package io.crmkit.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.StorageException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The caller of work beside its own gets its result or its failure as it was, and never goes on (or reports) while
 * the work still runs, also when interrupted: the interrupt then ends the wait with a storage failure once the work
 * ended, and stays set.
 */
class WorkBesideTest {

    @Test
    void theCallerGetsTheResultOrTheFailureAsItWas() {
        try (WorkBeside beside = new WorkBeside("test-beside")) {
            assertThat(WorkBeside.result(beside.submit(() -> 42))).isEqualTo(42);
            IllegalArgumentException failure = new IllegalArgumentException("lost");
            assertThatThrownBy(() -> WorkBeside.result(beside.submit(() -> {
                throw failure;
            }))).isSameAs(failure);
            AssertionError error = new AssertionError("broken");
            assertThatThrownBy(() -> WorkBeside.result(beside.submit(() -> {
                throw error;
            }))).isSameAs(error);
        }
    }

    @Test
    void anInterruptedCallerWaitsUntilTheWorkEndedThenStops() throws InterruptedException {
        AtomicBoolean ended = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        try (WorkBeside beside = new WorkBeside("test-beside")) {
            Future<String> work = beside.submit(() -> {
                started.countDown();
                Thread.sleep(300);
                ended.set(true);
                return "committed";
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> WorkBeside.result(work)).isInstanceOf(StorageException.class)
                        .hasMessageContaining("interrupted");
                assertThat(ended).isTrue();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aFailingCallerKeepsTheFailureOfTheWorkBesideAsSuppressed() {
        try (WorkBeside beside = new WorkBeside("test-beside")) {
            IllegalStateException own = new IllegalStateException("beside");
            RuntimeException caller = new RuntimeException("first");
            WorkBeside.ended(beside.submit(() -> {
                throw own;
            }), caller);
            assertThat(caller.getSuppressed()).containsExactly(own);
        }
    }
}
