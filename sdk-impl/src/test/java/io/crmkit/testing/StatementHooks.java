package io.crmkit.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * DataSources whose connections do something before they prepare a matching statement: wait a while (to make a job
 * slow enough for a test to act in the middle of it), fail (to make a job fail at a given step), or record it.
 */
public final class StatementHooks {

    /** What happens before a matching statement is prepared; returns the SQL to prepare instead. */
    @FunctionalInterface
    private interface Hook {
        String before(String sql) throws SQLException, InterruptedException;
    }

    private StatementHooks() {
    }

    /** @return the data source, waiting {@code delay} before it prepares each statement that matches */
    public static DataSource slow(DataSource real, Predicate<String> matches, Duration delay) {
        return wrap(real, sql -> {
            if (matches.test(sql)) {
                Thread.sleep(delay.toMillis());
            }
            return sql;
        });
    }

    /** @return the data source, failing with an SQLException of this message on each statement that matches */
    public static DataSource failing(DataSource real, Predicate<String> matches, String message) {
        return wrap(real, sql -> {
            if (matches.test(sql)) {
                throw new SQLException(message, "XX000");
            }
            return sql;
        });
    }

    /** @return the data source, handing {@code each} the SQL of every statement before it is prepared */
    public static DataSource recording(DataSource real, Consumer<String> each) {
        return wrap(real, sql -> {
            each.accept(sql);
            return sql;
        });
    }

    /** @return the data source, preparing what {@code rewrite} makes of each statement's SQL instead */
    public static DataSource rewriting(DataSource real, UnaryOperator<String> rewrite) {
        return wrap(real, rewrite::apply);
    }

    private static DataSource wrap(DataSource real, Hook hook) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result, hook) : result;
                });
    }

    private static Connection connection(Connection real, Hook hook) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        args[0] = hook.before(sql);
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
