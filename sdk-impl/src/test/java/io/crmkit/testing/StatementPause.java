package io.crmkit.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Forces an interleaving of two transactions: a DataSource whose connections hold the first statement that
 * matches, once armed, until the test releases it. The test runs the other transaction meanwhile; if that one
 * waits for a lock the held transaction took, {@link #whileHeld} gives up waiting after a while and releases.
 */
public final class StatementPause {

    /** How long the other transaction may wait for a lock of the held one before the held one goes on. */
    private static final long BLOCKED_MILLIS = 2000;

    private final Predicate<String> matches;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** @param matches the SQL of the statement to hold, before it runs */
    public StatementPause(Predicate<String> matches) {
        this.matches = matches;
    }

    /** @return the data source, holding the first matching statement after {@link #arm()} */
    public DataSource wrap(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                });
    }

    /** Holds the next matching statement. */
    public void arm() {
        armed.set(true);
    }

    /**
     * Runs {@code held} on a thread of its own until it reaches the statement, then {@code other} in this thread
     * (on another thread of its own, waited for at most two seconds since it may wait for the held one's lock),
     * then lets the held one go on.
     *
     * @return the outcomes: held first, then other
     */
    public String[] whileHeld(Callable<String> held, Callable<String> other) throws Exception {
        return whileHeld(held, other, Duration.ofMillis(BLOCKED_MILLIS));
    }

    /**
     * Like {@link #whileHeld(Callable, Callable)}, waiting up to {@code otherMayTake} for {@code other} before the
     * held one goes on: for another side that does not wait for a lock of the held one but watches it while it is
     * held.
     */
    public String[] whileHeld(Callable<String> held, Callable<String> other, Duration otherMayTake)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            arm();
            Future<String> first = threads.submit(held);
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the held transaction never reached the statement");
            }
            Future<String> second = threads.submit(other);
            try {
                second.get(otherMayTake.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException blocked) {
                // The other transaction waits for a lock of the held one: the order the locks promise.
            }
            released.countDown();
            return new String[] {first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)};
        } finally {
            released.countDown();
            threads.shutdownNow();
        }
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                            && matches.test(sql) && armed.compareAndSet(true, false)) {
                        reached.countDown();
                        released.await(60, TimeUnit.SECONDS);
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
