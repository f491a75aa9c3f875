package io.crmkit.api.error;

/**
 * A status change that the customer's current status does not allow, such as identifying an already
 * assigned customer as valid. The message names the current status and the statuses the change accepts.
 * Nothing was written.
 */
public class StateTransitionException extends CrmException {

    /** @param message the refused change, the current status and what is allowed from it */
    public StateTransitionException(String message) {
        super("invalid_transition", message);
    }
}
