package io.crmkit.impl.filter;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.field.FieldCatalog;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.SavedFilter;
import io.crmkit.api.filter.SavedFilters;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.customer.CustomerStore;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.validation.Errors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** {@link SavedFilters} for one actor. */
final class DefaultSavedFilters implements SavedFilters {

    private static final int NAME_MAX = 80;

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;
    private final SegmentCache segments;
    private final DefaultFilterService filters;

    DefaultSavedFilters(Actor actor, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            FieldCatalog fields, SegmentCache segments, DefaultFilterService filters) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.fields = fields;
        this.segments = segments;
        this.filters = filters;
    }

    @Override
    public SavedFilter create(String name, Filter filter) {
        ValidationException.requireNonNull(filter, "filter");
        Access.require(actor, Permission.WRITE, "save a filter");
        String clean = name(name);
        filters.check(filter, Set.of());
        SavedFilterRow row = SavedFilterRow.of(actor.tenantId(), ids.next(), clean, FilterJson.toJson(filter),
                actor.actorId(), clock.instant());
        try {
            database.write("save a filter", session -> {
                SavedFilterStatements mapper = new SavedFilterStatements(session);
                if (mapper.count(actor.tenantId()) >= MAX_SAVED_FILTERS) {
                    Errors limit = new Errors();
                    limit.add("name", "too_many", "a tenant has at most " + MAX_SAVED_FILTERS
                            + " saved filters; delete one first", MAX_SAVED_FILTERS);
                    limit.throwIfAny();
                }
                mapper.insert(row);
                audit.record(session, actor, "filter.save", "saved_filter", row.id, "");
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw nameTaken(clean);
        }
        return toSaved(row);
    }

    @Override
    public SavedFilter rename(long id, String name) {
        Access.require(actor, Permission.WRITE, "rename a saved filter");
        String clean = name(name);
        return change(id, "filter.rename", row -> row.name = clean);
    }

    @Override
    public SavedFilter copy(long id, String name) {
        SavedFilter original = find(id).orElseThrow(() -> notFound(id));
        return create(name, original.filter());
    }

    @Override
    public SavedFilter update(long id, Filter filter) {
        ValidationException.requireNonNull(filter, "filter");
        Access.require(actor, Permission.WRITE, "change a saved filter");
        filters.check(filter, Set.of(id));
        filters.checkReferrers(id, filter);
        return change(id, "filter.update", row -> row.filterJson = FilterJson.toJson(filter));
    }

    @Override
    public void delete(long id) {
        Access.require(actor, Permission.WRITE, "delete a saved filter");
        database.write("delete a saved filter", session -> {
            SavedFilterStatements mapper = new SavedFilterStatements(session);
            for (SavedFilterRow other : mapper.list(actor.tenantId())) {
                if (other.id != id && SavedFilterInliner.references(FilterJson.parse(other.filterJson)).contains(id)) {
                    throw new ConflictException("saved filter " + id + " is used by saved filter '" + other.name
                            + "' (" + other.id + "); change that one first");
                }
            }
            if (mapper.delete(actor.tenantId(), id) == 0) {
                throw notFound(id);
            }
            audit.record(session, actor, "filter.delete", "saved_filter", id, "");
            return null;
        });
    }

    @Override
    public SavedFilter markSegment(long id, boolean segment) {
        Access.require(actor, Permission.WRITE, "change a saved filter");
        return change(id, "filter.segment", row -> row.segment = segment);
    }

    @Override
    public List<SavedFilter> segmentsOf(long customerId) {
        Access.require(actor, Permission.READ, "read saved filters");
        List<SavedFilterRow> segments = database.read("read segments",
                session -> new SavedFilterStatements(session).segments(actor.tenantId()));
        Long version = database.read("read a customer",
                session -> CustomerStore.version(session, actor.tenantId(), customerId));
        if (version == null) {
            throw new NotFoundException("no customer " + customerId + " in tenant '" + actor.tenantId() + "'");
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        StringBuilder key = new StringBuilder(actor.tenantId()).append('|').append(customerId).append('|')
                .append(version).append('|').append(fields.of(actor.tenantId()).stamp());
        segments.forEach(row -> key.append('|').append(row.id).append(':').append(row.version));
        List<Long> member = this.segments.get(key.toString(), ignored -> filters.segmentsOf(customerId, segments));
        return segments.stream().filter(row -> member.contains(row.id)).map(this::toSaved).toList();
    }

    @Override
    public Optional<SavedFilter> find(long id) {
        Access.require(actor, Permission.READ, "read saved filters");
        return Optional.ofNullable(database.read("read a saved filter",
                session -> new SavedFilterStatements(session).find(actor.tenantId(), id))).map(this::toSaved);
    }

    @Override
    public List<SavedFilter> list() {
        Access.require(actor, Permission.READ, "read saved filters");
        return database.read("list saved filters",
                session -> new SavedFilterStatements(session).list(actor.tenantId())).stream()
                .map(this::toSaved).toList();
    }

    private SavedFilter change(long id, String action, Consumer<SavedFilterRow> edit) {
        try {
            SavedFilterRow changed = database.write(action, session -> {
                SavedFilterStatements mapper = new SavedFilterStatements(session);
                SavedFilterRow row = mapper.find(actor.tenantId(), id);
                if (row == null) {
                    throw notFound(id);
                }
                long version = row.version;
                edit.accept(row);
                row.version = version + 1;
                row.updatedAt = clock.instant();
                if (mapper.update(row, version) == 0) {
                    throw new ConflictException("saved filter " + id + " was changed by someone else; try again");
                }
                audit.record(session, actor, action, "saved_filter", id, "");
                return row;
            });
            return toSaved(changed);
        } catch (DuplicateKeyException e) {
            throw nameTaken("that name");
        }
    }

    private static String name(String name) {
        Errors errors = new Errors();
        String clean = errors.requiredText("name", name, NAME_MAX, "a saved filter");
        errors.throwIfAny();
        return clean;
    }

    private SavedFilter toSaved(SavedFilterRow row) {
        return new SavedFilter(row.id, row.name, FilterJson.parse(row.filterJson), row.segment, row.createdBy,
                row.createdAt, row.updatedAt, row.version);
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException("no saved filter " + id + " in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("a saved filter named '" + name + "' exists already; choose another name");
    }
}
