package io.crmkit.api.error;

/**
 * The kit's configuration is invalid or the database cannot serve it: a bad builder setting, an unsupported
 * database, an unmigrated schema. Thrown by builders and at start-up, never later. The message names the
 * setting and the bad value.
 */
public class ConfigurationException extends CrmException {

    /** @param message the setting, its bad value and the accepted values */
    public ConfigurationException(String message) {
        super("configuration", message);
    }

    /**
     * @param message the setting, its bad value and the accepted values
     * @param cause   the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super("configuration", message, cause);
    }
}
