package io.crmkit.api.error;

/**
 * The record does not exist in the actor's tenant. A record of another tenant is reported the same way,
 * so that ids leak nothing across tenants.
 */
public class NotFoundException extends CrmException {

    /** @param message which record was looked for */
    public NotFoundException(String message) {
        super("not_found", message);
    }
}
