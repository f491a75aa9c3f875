package io.crmkit.impl.activity;

import io.crmkit.api.activity.ContactRecord;
import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.EventDraft;
import io.crmkit.api.activity.Timeline;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.validation.Errors;
import io.crmkit.impl.validation.StoredTimes;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link Timeline} for one actor. Thread-safe. */
final class DefaultTimeline implements Timeline {

    /** Problems reported at most per call, so that a bad stream of 10,000 events gets a readable error. */
    private static final int ERRORS_MAX = 100;
    private static final int SOURCE_MAX = 64;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,40}");

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final MetricsRefresher refresher;
    private final EventStore store;
    private final LiveCustomer live;

    DefaultTimeline(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            IdStatements idSql, MetricsRefresher refresher) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.refresher = refresher;
        this.store = new EventStore(tablePrefix, idSql);
        this.live = new LiveCustomer(tablePrefix);
    }

    @Override
    public Event record(EventDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        Access.require(actor, Permission.WRITE, "record an event");
        List<EventStore.Row> rows = check(List.of(draft), "event");
        Event event = database.write("record an event", session -> {
            Connection connection = session.getConnection();
            live.lock(connection, actor.tenantId(), draft.customerId());
            Instant now = clock.instant();
            store.insert(connection, actor.tenantId(), rows, now, actor.actorId());
            audit.record(session, actor, "event.record", "customer", draft.customerId(), "type "
                    + rows.get(0).type());
            EventStore.Row row = rows.get(0);
            return new Event(row.id(), row.customerId(), row.type(), row.occurredAt(), row.source(),
                    EventProperties.fromJson(row.properties()), now, actor.actorId());
        });
        refresher.changed(actor.tenantId(), List.of(draft.customerId()), 1);
        return event;
    }

    @Override
    public int append(List<EventDraft> drafts) {
        ValidationException.requireNonNull(drafts, "drafts");
        Access.require(actor, Permission.WRITE, "record events");
        if (drafts.isEmpty() || drafts.size() > MAX_BATCH) {
            throw ValidationException.of("events", "out_of_range", "events: append 1 to " + MAX_BATCH
                    + " events per call, got " + drafts.size());
        }
        List<EventStore.Row> rows = check(drafts, "events");
        Set<Long> customers = new LinkedHashSet<>();
        rows.forEach(row -> customers.add(row.customerId()));
        int recorded = database.write("record events", session -> {
            Connection connection = session.getConnection();
            Set<Long> lockedLive = store.lockLiveCustomers(connection, actor.tenantId(), customers,
                    database.dialect().shareLock());
            if (lockedLive.size() < customers.size()) {
                Errors errors = new Errors();
                for (int i = 0; i < rows.size() && errors.size() < ERRORS_MAX; i++) {
                    if (!lockedLive.contains(rows.get(i).customerId())) {
                        errors.add("events[" + i + "].customerId", "not_found", "no customer "
                                + rows.get(i).customerId() + " in tenant '" + actor.tenantId() + "'");
                    }
                }
                errors.throwIfAny();
            }
            Instant now = clock.instant();
            store.insert(connection, actor.tenantId(), rows, now, actor.actorId());
            audit.record(session, actor, "event.append", "customer", rows.get(0).customerId(), rows.size()
                    + " event(s) of " + customers.size() + " customer(s)");
            return rows.size();
        });
        refresher.changed(actor.tenantId(), customers, recorded);
        return recorded;
    }

    @Override
    public Page<Event> read(long customerId, TimelineQuery query) {
        ValidationException.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "read a timeline");
        String list = "events/" + customerId;
        Optional<ListCursor> after = ListCursor.of(query.page(), list);
        Errors window = new Errors();
        query.from().filter(from -> !StoredTimes.holds(from)).ifPresent(from -> window.add("from", "out_of_range",
                "from: must lie in " + StoredTimes.RANGE + ", got " + from));
        query.to().filter(to -> !StoredTimes.holds(to)).ifPresent(to -> window.add("to", "out_of_range",
                "to: must lie in " + StoredTimes.RANGE + ", got " + to));
        window.throwIfAny();
        List<String> types = new ArrayList<>(query.types());
        if (!types.isEmpty()) {
            Set<String> known = new LinkedHashSet<>(types());
            Errors errors = new Errors();
            types.stream().filter(type -> !known.contains(type)).forEach(type -> errors.add("types", "unknown",
                    "'" + type + "' is not an event type of this tenant; the types are " + known));
            errors.throwIfAny();
            types.sort(null);
        }
        int size = query.page().size();
        return database.read("read a timeline", session -> {
            Connection connection = session.getConnection();
            // A customer in the trash keeps its events, but has no timeline to read until restored.
            live.require(connection, actor.tenantId(), customerId);
            List<Event> events = store.page(connection, actor.tenantId(), customerId, types, query.from(), query.to(),
                    after, size);
            if (events.size() <= size) {
                return new Page<>(events, Optional.empty(), OptionalLong.empty());
            }
            Event last = events.get(size - 1);
            return new Page<>(events.subList(0, size), Optional.of(new ListCursor(list, 0, last.occurredAt(),
                    last.id()).encode()), OptionalLong.empty());
        });
    }

    @Override
    public void registerType(String type) {
        ValidationException.requireNonNull(type, "type");
        Access.require(actor, Permission.FIELD_ADMIN, "register an event type");
        if (!TYPE.matcher(type).matches()) {
            throw ValidationException.of("type", "invalid", "type: '" + type + "' must be 1 to 40 characters of"
                    + " a-z 0-9 _");
        }
        if (EventTypes.AUTOMATIC.contains(type)) {
            throw ValidationException.of("type", "automatic", "type: '" + type + "' is recorded by the SDK itself;"
                    + " register another name");
        }
        if (BUILT_IN_TYPES.contains(type)) {
            return;
        }
        database.write("register an event type", session -> {
            Connection connection = session.getConnection();
            List<String> own = store.types(connection, actor.tenantId());
            if (own.contains(type)) {
                return null;
            }
            if (own.size() >= MAX_TYPES) {
                throw new io.crmkit.api.error.LimitExceededException("type: a tenant registers at most " + MAX_TYPES
                        + " event types", MAX_TYPES, own.size() + 1);
            }
            store.addType(connection, actor.tenantId(), type, clock.instant());
            audit.record(session, actor, "event.type", "event_type", 0, "registered " + type);
            return null;
        });
    }

    @Override
    public List<String> types() {
        Access.require(actor, Permission.READ, "list event types");
        // A type a tenant registered before the SDK took its name for an automatic one is listed once.
        Set<String> types = new LinkedHashSet<>(BUILT_IN_TYPES);
        types.addAll(database.read("list event types", session -> store.types(session.getConnection(),
                actor.tenantId())));
        return List.copyOf(types);
    }

    /** Checks every draft; throws naming every problem (up to {@value #ERRORS_MAX}) before anything is written. */
    private List<EventStore.Row> check(List<EventDraft> drafts, String path) {
        Set<String> known = new LinkedHashSet<>(BUILT_IN_TYPES);
        known.addAll(database.read("list event types", session -> store.types(session.getConnection(),
                actor.tenantId())));
        Errors errors = new Errors();
        List<EventStore.Row> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size() && errors.size() < ERRORS_MAX; i++) {
            EventDraft draft = drafts.get(i);
            String at = drafts.size() == 1 && path.equals("event") ? "" : path + "[" + i + "].";
            if (draft == null) {
                errors.add(path + "[" + i + "]", "required", "is null");
                continue;
            }
            if (EventTypes.AUTOMATIC.contains(draft.type())) {
                errors.add(at + "type", "automatic", "'" + draft.type() + "' is recorded by the SDK itself when the"
                        + " change happens (a type registered under this name before can no longer be recorded);"
                        + " record another type");
            } else if (!known.contains(draft.type())) {
                errors.add(at + "type", "unknown", "'" + draft.type() + "' is not an event type of this tenant;"
                        + " register it first, or use one of " + known);
            } else if (draft.type().equals(ContactRecord.TYPE)) {
                ContactRecords.check(draft.properties(), at + "properties", errors);
            }
            Instant occurredAt = ActivityTimes.check(errors, at + "occurredAt", draft.occurredAt());
            String source = errors.text(at + "source", draft.source(), SOURCE_MAX);
            String properties = EventProperties.toJson(draft.properties(), at + "properties", errors);
            rows.add(new EventStore.Row(ids.next(), draft.customerId(), draft.type(), occurredAt, source,
                    properties));
        }
        errors.throwIfAny();
        return rows;
    }
}
