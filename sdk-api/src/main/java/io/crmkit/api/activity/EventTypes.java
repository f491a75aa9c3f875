package io.crmkit.api.activity;

import java.util.List;

/**
 * The event types the SDK records by itself on a customer's timeline, in the same transaction as the change and
 * with the actor who made it (unless the kit is built with automatic events off). Their names are stable: a host
 * may store them and filter on them ({@code Filter.occurred("stage_changed", 1, 30)}).
 *
 * <p>Their properties name what changed, never personal values: a field change lists field names, an identity
 * event its type. Status, stage and owner changes carry {@code from} and {@code to}; these are codes and actor ids,
 * not personal data. A host cannot record these types itself ({@link Timeline#record} refuses them with code
 * {@code automatic}), so the timeline's record of changes can be trusted. A merge and its undo are recorded as
 * {@value #MERGED} and {@value #UNMERGED} only: those events stand for the survivor's fields, tags and identities
 * the merge changed (the merge record holds what changed). They are not customer activity:
 * {@link CustomerMetrics}' activity counts and last activity leave them out.
 *
 * <table>
 *   <caption>Automatic event types</caption>
 *   <tr><th>type</th><th>recorded when</th><th>properties</th></tr>
 *   <tr><td>{@value #CUSTOMER_CREATED}</td><td>a customer is created</td><td>{@code via}: {@code manual} or
 *       {@code import}</td></tr>
 *   <tr><td>{@value #FIELDS_CHANGED}</td><td>fields other than those below change</td><td>{@code fields}: the
 *       names ({@code name}, {@code address}, {@code custom.tier}, ...)</td></tr>
 *   <tr><td>{@value #STATUS_CHANGED}</td><td>the status changes</td><td>{@code from}, {@code to}</td></tr>
 *   <tr><td>{@value #STAGE_CHANGED}</td><td>the stage changes</td><td>{@code from}, {@code to}</td></tr>
 *   <tr><td>{@value #ASSIGNED}</td><td>the owner changes</td><td>{@code from}, {@code to} (null for none)</td></tr>
 *   <tr><td>{@value #TAG_ADDED} / {@value #TAG_REMOVED}</td><td>tags are added / removed</td><td>{@code tags}</td></tr>
 *   <tr><td>{@value #IDENTITY_ADDED} / {@value #IDENTITY_REMOVED}</td><td>an identity is added / removed</td>
 *       <td>{@code type} ({@code phone}, {@code email}, ...)</td></tr>
 *   <tr><td>{@value #IDENTITY_VERIFIED}</td><td>an identity is marked verified</td><td>{@code type}</td></tr>
 *   <tr><td>{@value #MERGED}</td><td>another customer is merged into this one (the merged customer
 *       leaves the list; its events move here)</td><td>{@code mergeId}, {@code mergedCustomerId}</td></tr>
 *   <tr><td>{@value #UNMERGED}</td><td>a merge into this customer is undone</td><td>{@code mergeId},
 *       {@code restoredCustomerId}</td></tr>
 *   <tr><td>{@value #DELETED} / {@value #RESTORED}</td><td>moved to / back from the trash (also by undoing a
 *       merge)</td><td>none</td></tr>
 *   <tr><td>{@value #TASK_CREATED} / {@value #TASK_CLOSED}</td><td>a task is created / done or cancelled</td>
 *       <td>{@code taskId}, {@code status} when closed</td></tr>
 *   <tr><td>{@value #ORDER_PLACED}</td><td>an order is recorded</td><td>{@code orderId}, {@code amount},
 *       {@code currency}</td></tr>
 * </table>
 */
public final class EventTypes {

    /** A customer was created. */
    public static final String CUSTOMER_CREATED = "customer_created";
    /** Fields changed (names only). */
    public static final String FIELDS_CHANGED = "fields_changed";
    /** The status changed. */
    public static final String STATUS_CHANGED = "status_changed";
    /** The stage changed. */
    public static final String STAGE_CHANGED = "stage_changed";
    /** The owner changed. */
    public static final String ASSIGNED = "assigned";
    /** Tags were added. */
    public static final String TAG_ADDED = "tag_added";
    /** Tags were removed. */
    public static final String TAG_REMOVED = "tag_removed";
    /** An identity was added. */
    public static final String IDENTITY_ADDED = "identity_added";
    /** An identity was removed. */
    public static final String IDENTITY_REMOVED = "identity_removed";
    /** An identity was marked verified. */
    public static final String IDENTITY_VERIFIED = "identity_verified";
    /** Another customer was merged into this one. */
    public static final String MERGED = "merged";
    /** A merge into this customer was undone. */
    public static final String UNMERGED = "unmerged";
    /** The customer was moved to the trash. */
    public static final String DELETED = "deleted";
    /** The customer came back from the trash. */
    public static final String RESTORED = "restored";
    /** A task was created for the customer. */
    public static final String TASK_CREATED = "task_created";
    /** A task of the customer was closed (done or cancelled). */
    public static final String TASK_CLOSED = "task_closed";
    /** An order of the customer was recorded. */
    public static final String ORDER_PLACED = "order_placed";

    /** Every automatic type, in the order of the table above. */
    public static final List<String> AUTOMATIC = List.of(CUSTOMER_CREATED, FIELDS_CHANGED, STATUS_CHANGED,
            STAGE_CHANGED, ASSIGNED, TAG_ADDED, TAG_REMOVED, IDENTITY_ADDED, IDENTITY_REMOVED, IDENTITY_VERIFIED, MERGED,
            UNMERGED, DELETED, RESTORED, TASK_CREATED, TASK_CLOSED, ORDER_PLACED);

    private EventTypes() {
    }
}
