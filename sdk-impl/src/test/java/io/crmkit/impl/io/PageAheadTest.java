package io.crmkit.impl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PageAheadTest {

    @Test
    void readsOnItsOwnThreadAndHandsThePageOver() {
        AtomicReference<String> reader = new AtomicReference<>();
        try (PageAhead<List<Integer>> ahead = new PageAhead<>("reader-1")) {
            ahead.read(() -> {
                reader.set(Thread.currentThread().getName());
                return List.of(1, 2, 3);
            });
            assertThat(ahead.take()).containsExactly(1, 2, 3);
            ahead.read(() -> List.of(4));
            assertThat(ahead.take()).containsExactly(4);
        }
        assertThat(reader.get()).isEqualTo("reader-1");
    }

    @Test
    void rethrowsWhatTheReadThrewAsItThrewIt() {
        ValidationException failure = ValidationException.of("filter", "invalid", "filter: bad");
        try (PageAhead<List<Integer>> ahead = new PageAhead<>("reader-2")) {
            ahead.read(() -> {
                throw failure;
            });
            assertThatThrownBy(ahead::take).isSameAs(failure);
        }
    }

    @Test
    void holdsOneReadAtATime() {
        try (PageAhead<List<Integer>> ahead = new PageAhead<>("reader-3")) {
            assertThatThrownBy(ahead::take).isInstanceOf(IllegalStateException.class);
            ahead.read(List::of);
            assertThatThrownBy(() -> ahead.read(List::of)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("take it first");
        }
    }

    /** An export that stops early returns only once the read it started is over, so no query outlives it. */
    @Test
    void closeWaitsForTheReadUnderWay() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        PageAhead<List<Integer>> ahead = new PageAhead<>("reader-4");
        ahead.read(() -> {
            started.countDown();
            sleep(200);
            finished.set(true);
            throw new IllegalStateException("ignored: the export already ended");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        ahead.close();
        assertThat(finished).isTrue();
    }

    @Test
    void anInterruptedWaitIsAStorageExceptionAndKeepsTheFlag() {
        try (PageAhead<List<Integer>> ahead = new PageAhead<>("reader-5")) {
            ahead.read(() -> {
                sleep(300);
                return List.of(1);
            });
            Thread.currentThread().interrupt();
            assertThatThrownBy(ahead::take).isInstanceOf(StorageException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
