package io.crmkit.api.customer;

import java.util.Set;

/**
 * Where a customer is in the assignment flow of an agent team.
 *
 * <pre>
 *   NEW --identifyAsValid--> TO_BE_ASSIGNED --assign--> ASSIGNED
 *    |                            |                       |  ^ (reassign)
 *    +-----recycleToPool----------+-----------------------+--+
 *                                 v
 *                               POOL --assign--> ASSIGNED
 * </pre>
 *
 * Any other change is refused with a {@code StateTransitionException}.
 */
public enum CustomerStatus {
    /** Created by hand or imported, not yet checked by an agent. The status of every new customer without owner. */
    NEW,
    /** Identified as valid; waits for an owner. */
    TO_BE_ASSIGNED,
    /** Has an owner who follows it up. */
    ASSIGNED,
    /** Recycled to the customer pool: no owner, any agent may claim it by assignment. */
    POOL;

    /** @return the statuses from which {@code identifyAsValid} is allowed */
    public static Set<CustomerStatus> identifiableFrom() {
        return Set.of(NEW);
    }

    /** @return the statuses from which {@code assign} is allowed */
    public static Set<CustomerStatus> assignableFrom() {
        return Set.of(TO_BE_ASSIGNED, ASSIGNED, POOL);
    }

    /** @return the statuses from which {@code recycleToPool} is allowed */
    public static Set<CustomerStatus> recyclableFrom() {
        return Set.of(NEW, TO_BE_ASSIGNED, ASSIGNED);
    }
}
