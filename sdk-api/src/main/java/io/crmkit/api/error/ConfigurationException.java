package io.crmkit.api.error;

import java.util.Optional;

/**
 * The kit's configuration is invalid or the database cannot serve it: a bad builder setting, an unsupported
 * database, an unmigrated schema. Thrown by builders and at start-up, never later.
 *
 * <p>It names the {@link #setting()} (the builder method, such as {@code jobThreads}), the bad {@link #value()}
 * where there is one, and the {@link #problem()}; the message joins them: "jobThreads: must be between 1 and 64,
 * got 0". Tools that report configuration their own way (the Spring Boot starter names its property) read these
 * parts, never the message text. A value that may hold a secret (a JDBC URL) is shown without its user info and
 * parameters.
 */
public class ConfigurationException extends CrmException {

    /** The builder setting, as {@link #setting()} returns it. */
    private final String setting;
    /** The bad value as text, or null when there is none; {@link #value()} wraps it. */
    private final String value;
    /** What is wrong with the value. */
    private final String problem;

    /**
     * @param setting the builder setting at fault, such as {@code "jobThreads"}
     * @param value   the bad value, or null where the failure has none (a missing setting, a database that
     *                cannot be reached); never a secret
     * @param problem what is wrong and what is accepted, without the setting's name or the value
     */
    public ConfigurationException(String setting, Object value, String problem) {
        this(setting, value, problem, null);
    }

    /**
     * @param setting the builder setting at fault
     * @param value   the bad value, or null where the failure has none; never a secret
     * @param problem what is wrong and what is accepted, without the setting's name or the value
     * @param cause   the underlying failure, or null
     */
    public ConfigurationException(String setting, Object value, String problem, Throwable cause) {
        super("configuration", message(setting, value, problem), cause);
        this.setting = setting;
        this.value = value == null ? null : String.valueOf(value);
        this.problem = problem;
    }

    private static String message(String setting, Object value, String problem) {
        if (value == null) {
            return setting + ": " + problem;
        }
        String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return setting + ": " + problem + ", got " + shown;
    }

    /** @return the builder setting at fault, such as {@code jobThreads} or {@code dataSource}; never null */
    public String setting() {
        return setting;
    }

    /** @return the bad value as text, or empty where the failure has none */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** @return what is wrong and what is accepted, without the setting's name or the value; never null */
    public String problem() {
        return problem;
    }
}
