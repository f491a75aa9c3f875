package io.crmkit.impl.filter;

import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.field.FieldCatalog;
import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.ListViews;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link ListViews} for one actor. */
final class DefaultListViews implements ListViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final int NAME_MAX = 80;

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final FieldCatalog fields;

    DefaultListViews(Actor actor, Database database, IdGenerator ids, Clock clock, FieldCatalog fields) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.fields = fields;
    }

    @Override
    public ListView save(String name, List<String> columns) {
        ValidationException.requireNonNull(columns, "columns");
        Access.require(actor, Permission.READ, "save a list view");
        Errors errors = new Errors();
        String clean = errors.requiredText("name", name, NAME_MAX, "a list view");
        checkColumns(columns, this.fields.of(actor.tenantId()), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        ListViewRow row = new ListViewRow();
        row.tenantId = actor.tenantId();
        row.id = ids.next();
        row.actorId = actor.actorId();
        row.name = clean;
        row.columnsJson = write(columns);
        row.createdAt = now;
        row.updatedAt = now;
        for (int attempt = 1; ; attempt++) {
            try {
                return database.write("save a list view", session -> {
                    ListViewStatements mapper = new ListViewStatements(session);
                    ListViewRow existing = mapper.find(actor.tenantId(), actor.actorId(), clean);
                    if (existing == null) {
                        mapper.insert(row);
                        return toView(row);
                    }
                    existing.columnsJson = row.columnsJson;
                    existing.updatedAt = now;
                    mapper.update(existing);
                    return toView(existing);
                });
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<ListView> find(String name) {
        ValidationException.requireNonNull(name, "name");
        Access.require(actor, Permission.READ, "read list views");
        return Optional.ofNullable(database.read("read a list view", session -> new ListViewStatements(session)
                .find(actor.tenantId(), actor.actorId(), name.strip())))
                .map(DefaultListViews::toView);
    }

    @Override
    public List<ListView> list() {
        Access.require(actor, Permission.READ, "read list views");
        return database.read("list list views", session -> new ListViewStatements(session)
                .list(actor.tenantId(), actor.actorId())).stream().map(DefaultListViews::toView).toList();
    }

    @Override
    public void delete(String name) {
        ValidationException.requireNonNull(name, "name");
        Access.require(actor, Permission.READ, "delete a list view");
        database.write("delete a list view", session -> new ListViewStatements(session)
                .delete(actor.tenantId(), actor.actorId(), name.strip()));
    }

    private static void checkColumns(List<String> columns, TenantFields fields, Errors errors) {
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            errors.add("columns", columns.isEmpty() ? "required" : "too_many", "a view shows 1 to " + MAX_COLUMNS
                    + " columns, got " + columns.size(), MAX_COLUMNS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String path = "columns[" + i + "]";
            if (column == null || !ListColumns.isKnown(column, fields)) {
                errors.add(path, "unknown_field", "no field '" + column + "' to show");
            } else if (!seen.add(column)) {
                errors.add(path, "duplicate", "'" + column + "' is listed twice");
            }
        }
    }

    private static String write(List<String> columns) {
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("columns cannot be written as JSON", e);
        }
    }

    private static ListView toView(ListViewRow row) {
        try {
            return new ListView(row.id, row.name, JSON.readValue(row.columnsJson, STRINGS));
        } catch (JsonProcessingException e) {
            throw new StorageException("the columns of list view '" + row.name + "' are not a JSON list", e);
        }
    }
}
