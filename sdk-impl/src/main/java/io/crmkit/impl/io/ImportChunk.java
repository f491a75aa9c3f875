package io.crmkit.impl.io;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerChanges;
import io.crmkit.impl.activity.CustomerEvents;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportMode;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.MatchKey;
import io.crmkit.impl.customer.ChunkWrites;
import io.crmkit.impl.customer.CustomerBatch;
import io.crmkit.impl.customer.CustomerEditor;
import io.crmkit.impl.customer.CustomerUpdates;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports one chunk of rows inside the caller's transaction, in file order: matches each row to a customer,
 * creates, updates or fails it, and adds the import's groups. A dry run decides the same way and writes nothing.
 * Not thread-safe: one per import run, used by its writing thread, but for {@link #validateAhead}, which the
 * read-ahead thread calls on the rows of the next chunk.
 */
final class ImportChunk {

    /** How a channel account's identity type starts: "channel:whatsapp". */
    private static final String CHANNEL = "channel:";

    private final String tablePrefix;
    private final IdGenerator ids;
    private final Clock clock;
    private final CustomerReader customers;
    private final IdStatements idSql;
    private final Actor actor;
    private final ImportRequest request;
    private final TenantFields fields;
    private final ImportMatcher matcher;
    private final CustomerBatch batch;
    private final CustomerEditor editor;
    private final Settings settings;
    private final String prefix;

    ImportChunk(String tablePrefix, Database database, IdGenerator ids, Clock clock, CustomerReader customers,
            IdStatements idSql, CustomerEditor editor, Actor actor, ImportRequest request, TenantFields fields,
            Settings settings) {
        this.tablePrefix = tablePrefix;
        this.ids = ids;
        this.clock = clock;
        this.customers = customers;
        this.idSql = idSql;
        this.actor = actor;
        this.request = request;
        this.fields = fields;
        this.settings = settings;
        this.prefix = tablePrefix;
        this.matcher = new ImportMatcher(prefix, idSql, database.dialect(),
                request.matchBy());
        this.batch = new CustomerBatch(tablePrefix, editor);
        this.editor = editor;
    }

    /**
     * The request's settings, checked.
     *
     * @param source the source of created customers whose row names none
     * @param tags   the clean tags every imported customer gets
     */
    record Settings(String source, List<String> tags) {
    }

    /** What a chunk did. */
    static final class Outcome {
        long created;
        long updated;
        long unchanged;
        final List<ImportFailure> failures = new ArrayList<>();
        final List<List<String>> failedCells = new ArrayList<>();
        /** The automatic timeline events of the customers the chunk created and changed. */
        final List<CustomerEvents.Change> events = new ArrayList<>();
        /** Each changed customer as it was before the chunk, for its events. */
        private final Map<Long, Customer> changedFrom = new java.util.LinkedHashMap<>();

        void fail(ParsedRow row, List<String> reasons) {
            failures.add(new ImportFailure(row.number, reasons));
            failedCells.add(row.cells);
        }
    }

    Outcome run(Session session, List<ParsedRow> rows) {
        Connection connection = session.getConnection();
        String tenant = actor.tenantId();
        if (!request.dryRun()) {
            matcher.forget();
        }
        matcher.load(connection, tenant, rows);
        List<Long> targets = rows.stream().map(matcher::target).filter(id -> id != null).distinct().toList();
        Map<Long, Customer> loaded = new HashMap<>();
        for (Customer customer : this.customers.read(session, tenant, targets, fields)) {
            loaded.put(customer.id(), customer);
        }
        Outcome outcome = new Outcome();
        Creates creates = new Creates();
        CustomerUpdates updates = new CustomerUpdates(tablePrefix, editor);
        Set<Long> members = new LinkedHashSet<>();
        for (ParsedRow row : rows) {
            Long target = matcher.target(row);
            List<String> reasons = new ArrayList<>(row.errors);
            reasons.addAll(conflicts(row, target));
            if (target == null) {
                create(row, creates, members, reasons, outcome);
            } else if (reasons.isEmpty()) {
                if (!request.dryRun() && (creates.ids.contains(target) || updates.has(target))) {
                    creates.flush(connection);
                    updates.flush(connection, actor, clock.instant());
                    this.customers.read(session, tenant, List.of(target), fields)
                            .forEach(customer -> loaded.put(customer.id(), customer));
                }
                update(row, target, loaded.get(target), creates, updates, members, reasons, outcome);
            }
            if (!reasons.isEmpty()) {
                outcome.fail(row, reasons);
            }
        }
        if (!request.dryRun()) {
            creates.flush(connection);
            updates.flush(connection, actor, clock.instant());
            join(connection, members);
            // One read of the changed customers tells each one's events.
            for (Customer after : this.customers.read(session, tenant, List.copyOf(outcome.changedFrom.keySet()),
                    fields)) {
                outcome.events.addAll(CustomerChanges.between(outcome.changedFrom.get(after.id()), after));
            }
        }
        return outcome;
    }

    /** @return why the row cannot be imported as the customer it matches (or as a new one) */
    private List<String> conflicts(ParsedRow row, Long target) {
        List<String> reasons = new ArrayList<>();
        // Without a chosen key, an id the tenant does not hold is no error: the row matches by phone or email or
        // creates a customer, so that an export of another tenant (or from before a deletion) imports as it is.
        boolean matchesById = request.matchBy().map(key -> key == MatchKey.ID).orElse(false);
        if (row.id != null && matchesById && !matcher.exists(row.id)) {
            reasons.add("id: no customer " + row.id + " in this tenant; leave the id empty to create a customer");
        }
        for (String key : row.keys) {
            Long owner = matcher.owner(key);
            if (owner != null && !owner.equals(target)) {
                int bar = key.indexOf('|');
                reasons.add(field(key.substring(0, bar)) + ": " + shown(key, bar) + " belongs to customer "
                        + owner + (target == null ? "" : ", not to customer " + target + " that the row matches"));
            }
        }
        return reasons;
    }

    /** Creates the row's customer; with reasons already found, only adds the customer rules it breaks too. */
    private void create(ParsedRow row, Creates creates, Set<Long> members, List<String> reasons, Outcome outcome) {
        if (request.mode() == ImportMode.UPDATE_ONLY && reasons.isEmpty()) {
            reasons.add("no customer matches this row (by " + request.matchBy().map(Enum::name)
                    .orElse("id, phone or email") + ") and the import only updates");
            return;
        }
        if (row.asCreated == null) {
            validate(row);
        }
        if (row.asCreated.valid() == null) {
            reasons.addAll(row.asCreated.problems());
            return;
        }
        if (!reasons.isEmpty()) {
            return;
        }
        CustomerBatch.Valid valid = row.asCreated.valid();
        long id = this.ids.next();
        creates.add(valid, id);
        matcher.created(id, valid.identityKeys());
        members.add(id);
        outcome.created++;
        outcome.events.add(new CustomerEvents.Change(id, EventTypes.CUSTOMER_CREATED, Map.of("via", "import")));
    }

    /**
     * Validates the row as the customer it creates if nothing matches it, ahead of its chunk: the read-ahead thread
     * calls it while the chunk before is written (the rules depend on the row, the tenant's fields and the
     * request's settings only). Safe to call from that thread: it reads only immutable state and thread-safe
     * collaborators and writes only the row, which the writing thread takes after the chunk is handed over. An
     * import that only updates creates nothing, so it leaves its rows to {@link #create} (which validates a row
     * only to list every reason of one that fails).
     */
    void validateAhead(ParsedRow row) {
        if (request.mode() != ImportMode.UPDATE_ONLY) {
            validate(row);
        }
    }

    private void validate(ParsedRow row) {
        try {
            row.asCreated = new ParsedRow.AsCreated(batch.validate(row.draft(settings.source(), settings.tags()),
                    fields, new Errors()), List.of());
        } catch (ValidationException invalid) {
            row.asCreated = new ParsedRow.AsCreated(null, messages(invalid));
        }
    }

    private void update(ParsedRow row, long target, Customer current, Creates creates, CustomerUpdates updates,
                        Set<Long> members, List<String> reasons, Outcome outcome) {
        if (request.mode() == ImportMode.CREATE_ONLY) {
            reasons.add("matches customer " + target + " and the import only creates");
            return;
        }
        if (current == null) {
            if (creates.ids.contains(target)) {
                outcome.updated++;
                return;
            }
            reasons.add("customer " + target + " was deleted while the import ran");
            return;
        }
        try {
            Set<String> newTags = new LinkedHashSet<>(ChunkWrites.cleanTags(row.tags));
            newTags.addAll(settings.tags());
            newTags.removeAll(current.tags());
            if (current.tags().size() + newTags.size() > CustomerLimits.TAGS_MAX) {
                reasons.add("tags: at most " + CustomerLimits.TAGS_MAX + " tags per customer, customer " + target
                        + " has " + current.tags().size() + " and the row adds " + newTags.size());
                return;
            }
            CustomerPatch patch = row.patch(current);
            boolean changed = request.dryRun() ? editor.wouldChange(current, patch, fields) || !newTags.isEmpty()
                    : updates.add(current, patch, newTags, fields);
            if (changed) {
                outcome.updated++;
                if (!request.dryRun()) {
                    outcome.changedFrom.putIfAbsent(target, current);
                }
            } else {
                outcome.unchanged++;
            }
            members.add(target);
        } catch (ValidationException invalid) {
            reasons.addAll(messages(invalid));
        }
    }

    /** Adds the imported customers to the request's groups, where they are not members yet. */
    private void join(Connection connection, Set<Long> members) {
        if (members.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (long group : request.groups()) {
            idSql.update(connection, "INSERT INTO " + prefix + "group_member (tenant_id, group_id, customer_id,"
                    + " added_at) SELECT c.tenant_id, ?, c.id, ? FROM " + prefix + "customer c WHERE c.tenant_id = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM " + prefix + "group_member m WHERE m.tenant_id = c.tenant_id"
                    + " AND m.group_id = ? AND m.customer_id = c.id) AND c.id IN ",
                    List.of(group, now, actor.tenantId(), group), members);
        }
    }

    private static List<String> messages(ValidationException invalid) {
        return invalid.errors().stream().map(FieldError::message).toList();
    }

    /** @return the identity's value as the file wrote it: a channel account with its channel */
    private static String shown(String key, int bar) {
        return key.startsWith(CHANNEL) ? key.substring(CHANNEL.length(), bar) + ":" + key.substring(bar + 1)
                : key.substring(bar + 1);
    }

    private static String field(String identityType) {
        if (identityType.startsWith(CHANNEL)) {
            return "channels";
        }
        return switch (identityType) {
            case "phone" -> "phones";
            case "email" -> "emails";
            case "external_id" -> "externalId";
            case "wechat_openid" -> "wechatOpenId";
            default -> identityType;
        };
    }

    /** The chunk's new customers, inserted together. */
    private final class Creates {
        final List<CustomerBatch.Valid> customers = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();

        void add(CustomerBatch.Valid customer, long id) {
            customers.add(customer);
            ids.add(id);
        }

        void flush(Connection connection) {
            if (!customers.isEmpty()) {
                batch.insert(connection, actor, customers, ids, clock.instant());
                customers.clear();
            }
        }
    }
}
