package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.impl.db.BulkRows;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.db.schema.EventTable;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the automatic timeline events ({@link io.crmkit.api.activity.EventTypes}) on the caller's session, so
 * that they commit or roll back with the change they record, stamped with the actor and the kit's clock. Many
 * events go in at once ({@link BulkRows}: COPY on PostgreSQL with pgjdbc, multi-row inserts elsewhere), so a bulk
 * chunk or an import chunk pays a statement or two for its events. With automatic events off ({@link #OFF})
 * nothing is written.
 * Thread-safe.
 */
public final class CustomerEvents {

    /** Writes nothing: a kit built with automatic events off. */
    public static final CustomerEvents OFF = new CustomerEvents(null, null);

    /** One automatic event of one customer. */
    public record Change(long customerId, String type, Map<String, Object> properties) {
    }

    private final IdGenerator ids;
    private final Clock clock;

    /** @param ids the kit's id generator; @param clock the kit's clock */
    public CustomerEvents(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param keysAndValues a key, its value, the next key, ...; a value may be null
     * @return the properties in the order given, as the event keeps them
     */
    public static Map<String, Object> properties(Object... keysAndValues) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /**
     * Names listed in one event's properties take at most this many characters of JSON (each name counted as if every
     * character were escaped), so that an event of 100 long tags or 200 custom fields stays within
     * {@link io.crmkit.api.activity.Timeline#MAX_PROPERTIES_CHARS}.
     */
    static final int NAMES_BUDGET = 3_000;

    /**
     * @return {@code {key: names}} with as many names, in order, as {@value #NAMES_BUDGET} characters of JSON hold,
     *         and {@code more}: the number left out, when some were
     */
    public static Map<String, Object> names(String key, List<String> names) {
        int used = 0;
        int kept = 0;
        while (kept < names.size() && used + 2 * names.get(kept).length() + 3 <= NAMES_BUDGET) {
            used += 2 * names.get(kept).length() + 3;
            kept++;
        }
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put(key, List.copyOf(names.subList(0, kept)));
        if (kept < names.size()) {
            properties.put("more", names.size() - kept);
        }
        return properties;
    }

    /** @return whether events are written */
    public boolean enabled() {
        return ids != null;
    }

    /** Records one event of one customer. */
    public void record(Session session, Actor actor, long customerId, String type, Map<String, Object> properties) {
        recordAll(session, actor, List.of(new Change(customerId, type, properties)));
    }

    /** Records the same event, with the same properties, for each customer. */
    public void recordEach(Session session, Actor actor, Collection<Long> customerIds, String type,
                           Map<String, Object> properties) {
        if (!enabled() || customerIds.isEmpty()) {
            return;
        }
        List<Change> changes = new ArrayList<>(customerIds.size());
        customerIds.forEach(id -> changes.add(new Change(id, type, properties)));
        recordAll(session, actor, changes);
    }

    /** Records the events at once ({@link BulkRows}: COPY on PostgreSQL with pgjdbc, multi-row inserts elsewhere). */
    public void recordAll(Session session, Actor actor, List<Change> changes) {
        if (!enabled() || changes.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<io.crmkit.impl.db.schema.Row> rows = new ArrayList<>(changes.size());
        Map<Map<String, Object>, String> json = new HashMap<>();
        for (Change change : changes) {
            rows.add(row(actor, change, now, json.computeIfAbsent(change.properties(), CustomerEvents::json)));
        }
        BulkRows.insert(session.getConnection(), session.prefix(), rows);
    }

    private static String json(Map<String, Object> properties) {
        Errors errors = new Errors();
        String text = EventProperties.toJson(properties, "properties", errors);
        errors.throwIfAny(); // built here from names and codes: a failure is a defect of the SDK, not of input
        return text;
    }

    private io.crmkit.impl.db.schema.Row row(Actor actor, Change change, LocalDateTime now, String properties) {
        return new io.crmkit.impl.db.schema.Row(EventTable.TABLE)
                .set(EventTable.TENANT_ID, actor.tenantId())
                .set(EventTable.ID, ids.next())
                .set(EventTable.CUSTOMER_ID, change.customerId())
                .set(EventTable.EVENT_TYPE, change.type())
                .set(EventTable.OCCURRED_AT, now.toInstant(ZoneOffset.UTC))
                .set(EventTable.SOURCE, "crmkit")
                .set(EventTable.PROPERTIES, properties)
                .set(EventTable.RECORDED_AT, now.toInstant(ZoneOffset.UTC))
                .set(EventTable.RECORDED_BY, actor.actorId());
    }
}
