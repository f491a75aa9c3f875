package io.crmkit.impl.field;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldService;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.validation.Errors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link FieldService} for one actor. */
public final class DefaultFieldService implements FieldService {

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;

    public DefaultFieldService(Actor actor, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            FieldCatalog fields) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.fields = fields;
    }

    @Override
    public FieldDefinition define(FieldDraft draft) {
        Access.require(actor, Permission.FIELD_ADMIN, "define a custom field");
        Errors errors = new Errors();
        FieldRules.check(draft, errors);
        String label = FieldRules.label(draft.label(), draft.key(), errors);
        List<String> options = FieldRules.options(draft.type(), draft.options(), errors);
        errors.throwIfAny();

        Instant now = clock.instant();
        FieldRow row = new FieldRow();
        row.tenantId = actor.tenantId();
        row.id = ids.next();
        row.fieldKey = draft.key();
        row.label = label;
        row.fieldType = draft.type().name();
        row.required = draft.required();
        row.maxLength = draft.maxLength().isPresent() ? draft.maxLength().getAsInt() : null;
        row.minValue = draft.min().orElse(null);
        row.maxValue = draft.max().orElse(null);
        row.options = FieldCatalog.writeOptions(options);
        row.version = 1;
        row.createdAt = now;
        row.updatedAt = now;
        try {
            database.write("define a custom field", session -> {
                FieldStatements mapper = new FieldStatements(session);
                mapper.lockActive(actor.tenantId());
                int active = mapper.countActive(actor.tenantId());
                if (active >= MAX_ACTIVE_FIELDS) {
                    Errors limit = new Errors();
                    limit.add("key", "too_many", "a tenant has at most " + MAX_ACTIVE_FIELDS
                            + " active custom fields; retire one first", MAX_ACTIVE_FIELDS);
                    limit.throwIfAny();
                }
                mapper.insert(row);
                audit.record(session, actor, "field.define", "field", row.id, draft.key());
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("custom field key '" + draft.key() + "' is already taken"
                    + (fresh().byKey(draft.key()).map(FieldDefinition::retired).orElse(false)
                    ? " by a retired field; retired keys are not reused" : ""));
        } finally {
            fields.invalidate(actor.tenantId());
        }
        return FieldCatalog.toDefinition(row);
    }

    @Override
    public FieldDefinition update(String key, FieldUpdate update) {
        Access.require(actor, Permission.FIELD_ADMIN, "update a custom field");
        FieldDefinition current = fresh().byKey(key).orElseThrow(() -> notFound(key));
        if (current.version() != update.version()) {
            throw staleVersion(key, update.version(), current.version());
        }
        Errors errors = new Errors();
        String label = update.label().isPresent() ? FieldRules.label(update.label().get(), key, errors) : current.label();
        OptionalInt maxLength = update.maxLength().isPresent() ? update.maxLength() : current.maxLength();
        Optional<BigDecimal> min = update.removeMin() ? Optional.empty() : update.min().or(current::min);
        Optional<BigDecimal> max = update.removeMax() ? Optional.empty() : update.max().or(current::max);
        FieldRules.checkLimits(current.type(), maxLength, min, max, errors);
        List<String> options = update.options().isPresent()
                ? FieldRules.options(current.type(), update.options().get(), errors) : current.options();
        errors.throwIfAny();

        FieldRow row = toRow(current);
        row.label = label;
        row.required = update.required().orElse(current.required());
        row.maxLength = maxLength.isPresent() ? maxLength.getAsInt() : null;
        row.minValue = min.orElse(null);
        row.maxValue = max.orElse(null);
        row.options = FieldCatalog.writeOptions(options);
        return save(row, current, "field.update");
    }

    @Override
    public FieldDefinition retire(String key) {
        Access.require(actor, Permission.FIELD_ADMIN, "retire a custom field");
        FieldDefinition current = fresh().byKey(key).orElseThrow(() -> notFound(key));
        if (current.retired()) {
            return current;
        }
        FieldRow row = toRow(current);
        row.retired = true;
        return save(row, current, "field.retire");
    }

    @Override
    public Optional<FieldDefinition> find(String key) {
        Access.require(actor, Permission.READ, "read custom fields");
        return fields.of(actor.tenantId()).byKey(key);
    }

    @Override
    public List<FieldDefinition> list() {
        Access.require(actor, Permission.READ, "read custom fields");
        return fields.of(actor.tenantId()).active();
    }

    private FieldDefinition save(FieldRow row, FieldDefinition current, String action) {
        row.version = current.version() + 1;
        row.updatedAt = clock.instant();
        try {
            int updated = database.write(action, session -> {
                int count = new FieldStatements(session).update(row, current.version());
                if (count == 1) {
                    audit.record(session, actor, action, "field", row.id, row.fieldKey);
                }
                return count;
            });
            if (updated == 0) {
                throw new ConflictException("custom field '" + row.fieldKey + "' was changed by someone else since"
                        + " version " + current.version() + "; read it again and retry");
            }
        } finally {
            fields.invalidate(actor.tenantId());
        }
        return FieldCatalog.toDefinition(row);
    }

    /** The tenant's definitions as the database has them now, for read-modify-write. */
    private TenantFields fresh() {
        fields.invalidate(actor.tenantId());
        return fields.of(actor.tenantId());
    }

    private FieldRow toRow(FieldDefinition definition) {
        FieldRow row = new FieldRow();
        row.tenantId = actor.tenantId();
        row.id = definition.id();
        row.fieldKey = definition.key();
        row.label = definition.label();
        row.fieldType = definition.type().name();
        row.required = definition.required();
        row.maxLength = definition.maxLength().isPresent() ? definition.maxLength().getAsInt() : null;
        row.minValue = definition.min().orElse(null);
        row.maxValue = definition.max().orElse(null);
        row.options = FieldCatalog.writeOptions(definition.options());
        row.retired = definition.retired();
        row.version = definition.version();
        row.createdAt = definition.createdAt();
        row.updatedAt = definition.updatedAt();
        return row;
    }

    private NotFoundException notFound(String key) {
        return new NotFoundException("no custom field '" + key + "' in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException staleVersion(String key, long given, long current) {
        return new ConflictException("custom field '" + key + "' is at version " + current + ", the update was made"
                + " against version " + given + "; read it again and retry");
    }
}
