package io.crmkit.api.activity;

import io.crmkit.api.Page;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.List;

/**
 * The events of customers. Recording needs {@code WRITE}, reading {@code READ}, registering a type
 * {@code FIELD_ADMIN}. Events can be used in filters: the condition
 * {@code Filter.occurred("purchase", 3, 30)} matches customers with at least 3 purchase events in the last 30
 * days.
 */
public interface Timeline {

    /**
     * The types every tenant has: the host's ({@code lifecycle, message, email, form, purchase, service, custom,
     * contact_record}; a {@code contact_record} carries a {@link ContactRecord}'s properties), then the ones the SDK
     * records by itself ({@link EventTypes#AUTOMATIC}), which a host cannot record.
     */
    List<String> BUILT_IN_TYPES = java.util.stream.Stream.concat(java.util.stream.Stream.of("lifecycle", "message",
            "email", "form", "purchase", "service", "custom", ContactRecord.TYPE), EventTypes.AUTOMATIC.stream())
            .toList();
    /** Most events per {@link #append} call. */
    int MAX_BATCH = 10_000;
    /** Most characters of an event's properties written as JSON. */
    int MAX_PROPERTIES_CHARS = 4_000;
    /** Most types a tenant can register. */
    int MAX_TYPES = 200;

    /**
     * Records one event and refreshes its customer's metrics moments later (see {@link Metrics}).
     *
     * @param draft the event; see {@link EventDraft} for the limits, reported on the field of the same name
     *              ({@code type}, {@code occurredAt}, {@code source}, {@code properties...}); not null
     * @return the event as stored, with its id and the time it was recorded
     * @throws ValidationException       naming what is wrong with the event; code {@code automatic} on {@code type}
     *                                   for a type the SDK records itself ({@link EventTypes}); a
     *                                   {@code contact_record} without a {@link ContactRecord}'s properties is
     *                                   refused on {@code properties.<key>}
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code WRITE}
     */
    Event record(EventDraft draft);

    /**
     * Records many events, for hosts that stream them, as JDBC batches in one transaction per call: all are
     * recorded or none. The customers are share-locked meanwhile, so that a merge or delete of one of them waits;
     * their metrics are refreshed in the same transaction.
     *
     * @param drafts 1 to {@value #MAX_BATCH} events, of any customers of the tenant
     * @return how many were recorded
     * @throws ValidationException       naming every invalid event by its index ({@code events[3].type}), and
     *                                   every customer that does not exist; nothing is recorded
     * @throws PermissionDeniedException without {@code WRITE}
     */
    int append(List<EventDraft> drafts);

    /**
     * @param customerId the customer whose events to read
     * @param query      the types, time window and page to read; not null
     * @return a page of the customer's events, newest first; empty items when none match
     * @throws ValidationException       with an unknown type, a malformed cursor, or a {@code from} or {@code to}
     *                                   outside the years 0001 to 9999 (fields {@code types}, {@code cursor},
     *                                   {@code from}, {@code to})
     * @throws NotFoundException         when the customer does not exist
     * @throws PermissionDeniedException without {@code READ}
     */
    Page<Event> read(long customerId, TimelineQuery query);

    /**
     * Registers an event type of the host's own, 1 to 40 characters of {@code a-z 0-9 _}; registering a type
     * twice is harmless.
     *
     * @param type the new type's name, 1 to 40 characters of {@code a-z 0-9 _} (field {@code type}); not null
     * @throws ValidationException       with a malformed name, over {@value #MAX_TYPES} types, or (code
     *                                   {@code automatic}) the name of a type the SDK records itself
     *                                   ({@link EventTypes#AUTOMATIC})
     * @throws PermissionDeniedException without {@code FIELD_ADMIN}
     */
    void registerType(String type);

    /** @return the built-in types, then the tenant's own in the order registered */
    List<String> types();
}
