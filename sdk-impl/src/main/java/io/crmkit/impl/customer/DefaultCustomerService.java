package io.crmkit.impl.customer;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.activity.CustomerChanges;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import io.crmkit.impl.identity.PhoneNormalizer;
import java.time.Clock;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerLimits;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerService;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.StateTransitionException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDefinition;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.field.TenantFields;
import io.crmkit.impl.identity.EmailNormalizer;
import io.crmkit.impl.trash.TrashStore;
import io.crmkit.impl.validation.Errors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link CustomerService} for one actor. */
public final class DefaultCustomerService implements CustomerService {

    private final Actor actor;
    private final String tablePrefix;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final FieldCatalog fields;
    private final PhoneNormalizer phones;
    private final IdStatements idSql;
    private final CustomerValidator validator;
    private final CustomerEditor editor;

    public DefaultCustomerService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, FieldCatalog fields, PhoneNormalizer phones, IdStatements idSql, CustomerEditor editor) {
        this.actor = actor;
        this.tablePrefix = tablePrefix;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.fields = fields;
        this.phones = phones;
        this.idSql = idSql;
        this.validator = editor.validator();
        this.editor = editor;
    }

    @Override
    public Customer create(CustomerDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        Access.require(actor, Permission.WRITE, "create a customer");
        TenantFields fields = this.fields.of(actor.tenantId());
        CleanCustomer clean = validator.validate(draft, fields, fields.requiredKeys(), Set.of(), field -> true,
                new Errors());
        Instant now = clock.instant();
        CustomerStatus status = clean.ownerId().isEmpty() ? CustomerStatus.NEW : CustomerStatus.ASSIGNED;
        CustomerRow row = CustomerRow.of(clean, actor.tenantId(), ids.next(), status, now,
                actor.actorId(), 1);
        try {
            database.write("create a customer", session -> {
                CustomerStore.insert(session, row, clean);
                audit.record(session, actor, "customer.create", "customer", row.id(), "");
                audit.events().record(session, actor, row.id(), EventTypes.CUSTOMER_CREATED, Map.of("via", "manual"));
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw CustomerStore.identityConflict(database, actor.tenantId(), row.id(), clean.identities());
        }
        List<Identity> identities = clean.identities().stream().map(IdentityKinds::toIdentity).toList();
        List<String> tags = clean.tags().stream().sorted().toList();
        return row.toCustomer(identities, tags, customValues(clean, fields));
    }

    @Override
    public Customer get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Customer> find(long id) {
        Access.require(actor, Permission.READ, "read customers");
        TenantFields fields = this.fields.of(actor.tenantId());
        return database.read("read a customer",
                session -> CustomerStore.loadConsistent(session, actor.tenantId(), id, fields));
    }

    @Override
    public Customer update(long id, CustomerPatch patch) {
        ValidationException.requireNonNull(patch, "patch");
        Access.require(actor, Permission.WRITE, "update a customer");
        TenantFields fields = this.fields.of(actor.tenantId());
        if (patch.isEmpty()) {
            Customer current = database.read("read a customer",
                    session -> CustomerStore.loadConsistent(session, actor.tenantId(), id, fields))
                    .orElseThrow(() -> notFound(id));
            if (current.version() != patch.version()) {
                throw staleVersion(id, patch.version(), current.version());
            }
            return current;
        }
        List<IdentityRow> attempted = new ArrayList<>();
        try {
            return database.write("update a customer", session -> {
                attempted.clear();
                Customer current = CustomerStore.load(session, actor.tenantId(), id, fields)
                        .orElseThrow(() -> notFound(id));
                if (current.version() != patch.version()) {
                    throw staleVersion(id, patch.version(), current.version());
                }
                editor.apply(session, actor, current, patch, fields, attempted);
                audit.record(session, actor, "customer.update", "customer", id, changedFields(patch));
                Customer updated = CustomerStore.load(session, actor.tenantId(), id, fields).orElseThrow();
                audit.events().recordAll(session, actor, CustomerChanges.between(current, updated));
                return updated;
            });
        } catch (DuplicateKeyException e) {
            throw CustomerStore.identityConflict(database, actor.tenantId(), id, attempted);
        }
    }

    @Override
    public void delete(long id) {
        Access.require(actor, Permission.DELETE, "delete a customer");
        TrashStore trash = new TrashStore(tablePrefix, idSql);
        database.write("delete a customer", session -> {
            if (trash.moveToTrash(session.getConnection(), actor.tenantId(), List.of(id), clock.instant(),
                    actor.actorId(), "").isEmpty()) {
                throw notFound(id);
            }
            audit.record(session, actor, "customer.delete", "customer", id, "");
            audit.events().record(session, actor, id, EventTypes.DELETED, Map.of());
            return null;
        });
    }

    @Override
    public Optional<Customer> findByPhone(String phone) {
        ValidationException.requireNonNull(phone, "phone");
        Access.require(actor, Permission.READ, "read customers");
        return phones.tryNormalize(phone).flatMap(e164 -> findBy(IdentityType.PHONE, "", e164));
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        ValidationException.requireNonNull(email, "email");
        Access.require(actor, Permission.READ, "read customers");
        return findBy(IdentityType.EMAIL, "", EmailNormalizer.forLookup(email));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        return findByIdentity(IdentityType.EXTERNAL_ID, externalId);
    }

    @Override
    public Optional<Customer> findByIdentity(IdentityType type, String value) {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(value, "value");
        Access.require(actor, Permission.READ, "read customers");
        return switch (type) {
            case PHONE -> findByPhone(value);
            case EMAIL -> findByEmail(value);
            case CHANNEL -> {
                int colon = value.indexOf(':');
                yield colon <= 0 ? Optional.empty()
                        : findBy(type, value.substring(0, colon).strip(), value.substring(colon + 1).strip());
            }
            default -> findBy(type, "", value.strip());
        };
    }

    private Optional<Customer> findBy(IdentityType type, String channel, String value) {
        TenantFields fields = this.fields.of(actor.tenantId());
        String column = IdentityKinds.column(type, channel);
        return database.read("find a customer by identity", session -> {
            Long id = new CustomerStatements(session).customerOfIdentity(actor.tenantId(), column, value);
            return id == null ? Optional.empty() : CustomerStore.loadConsistent(session, actor.tenantId(), id, fields);
        });
    }

    @Override
    public Customer markVerified(long id, IdentityType type, String value) {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(value, "value");
        Access.require(actor, Permission.WRITE, "verify a customer identity");
        Identity wanted = identityKey(type, value);
        String column = IdentityKinds.column(wanted.type(), wanted.channel());
        return changeIdentitiesOrTags(id, "customer.verify", column, (session, mapper, current) -> {
            Optional<Identity> held = current.identities().stream()
                    .filter(identity -> identity.type() == wanted.type() && identity.channel().equals(wanted.channel())
                            && identity.value().equals(wanted.value()))
                    .findFirst();
            if (held.isEmpty()) {
                throw new NotFoundException("customer " + id + " has no " + column.replace('_', ' ') + " '"
                        + value.strip() + "'");
            }
            return !held.get().verified() && mapper.markVerified(actor.tenantId(), id, column, wanted.value()) > 0;
        });
    }

    private Identity identityKey(IdentityType type, String value) {
        String trimmed = value.strip();
        return switch (type) {
            case PHONE -> new Identity(type, "", phones.tryNormalize(trimmed).orElse(trimmed), false);
            case EMAIL -> new Identity(type, "", EmailNormalizer.forLookup(trimmed), false);
            case CHANNEL -> {
                int colon = trimmed.indexOf(':');
                if (colon <= 0) {
                    throw ValidationException.of("value", "invalid",
                            "value: a channel identity is written 'channel:account', got '" + trimmed + "'");
                }
                yield new Identity(type, trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip(), false);
            }
            default -> new Identity(type, "", trimmed, false);
        };
    }

    @Override
    public Customer addTags(long id, Collection<String> tags) {
        ValidationException.requireNonNull(tags, "tags");
        Access.require(actor, Permission.WRITE, "tag a customer");
        Errors errors = new Errors();
        List<String> clean = CustomerValidator.tags(tags, errors);
        errors.throwIfAny();
        return changeIdentitiesOrTags(id, "customer.tag", clean.size() + " tag(s) added", (session, mapper, current) -> {
            Set<String> added = new LinkedHashSet<>(clean);
            current.tags().forEach(added::remove);
            if (current.tags().size() + added.size() > CustomerLimits.TAGS_MAX) {
                throw ValidationException.of("tags", "too_many", "tags: at most " + CustomerLimits.TAGS_MAX
                        + " tags per customer, customer " + id + " has " + current.tags().size() + " and would get "
                        + added.size() + " more");
            }
            if (added.isEmpty()) {
                return false;
            }
            mapper.insertTags(actor.tenantId(), id, added, clock.instant());
            return true;
        });
    }

    @Override
    public Customer removeTags(long id, Collection<String> tags) {
        ValidationException.requireNonNull(tags, "tags");
        Access.require(actor, Permission.WRITE, "untag a customer");
        List<String> trimmed = tags.stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip).toList();
        return changeIdentitiesOrTags(id, "customer.untag", trimmed.size() + " tag(s) removed",
                (session, mapper, current) -> current.tags().stream().anyMatch(trimmed::contains)
                        && mapper.deleteTags(actor.tenantId(), id, trimmed) > 0);
    }

    @Override
    public Customer identifyAsValid(long id) {
        return transition(id, CustomerStatus.TO_BE_ASSIGNED, null, CustomerStatus.identifiableFrom(),
                "identify as valid");
    }

    @Override
    public Customer assign(long id, String ownerId) {
        Access.require(actor, Permission.WRITE, "assign a customer");
        Errors errors = new Errors();
        String owner = errors.text("ownerId", ownerId, CustomerLimits.SOURCE_MAX);
        if (owner.isEmpty()) {
            errors.add("ownerId", "required", "an owner id is needed to assign a customer");
        }
        errors.throwIfAny();
        return transition(id, CustomerStatus.ASSIGNED, owner, CustomerStatus.assignableFrom(), "assign");
    }

    @Override
    public Customer recycleToPool(long id) {
        return transition(id, CustomerStatus.POOL, null, CustomerStatus.recyclableFrom(), "recycle to the pool");
    }

    private Customer transition(long id, CustomerStatus to, String ownerId, Set<CustomerStatus> from, String verb) {
        Access.require(actor, Permission.WRITE, verb + " a customer");
        TenantFields fields = this.fields.of(actor.tenantId());
        List<String> allowed = from.stream().map(Enum::name).sorted().toList();
        return database.write(verb + " a customer", session -> {
            CustomerStatements mapper = new CustomerStatements(session);
            // Locked first, so that the status the event says it changed from is the one the change replaced.
            Optional<Customer> before = audit.events().enabled() && mapper.lock(actor.tenantId(), id) != null
                    ? CustomerStore.load(session, actor.tenantId(), id, fields) : Optional.empty();
            int changed = mapper.changeStatus(actor.tenantId(), id, to.name(), ownerId, allowed, clock.instant(),
                    actor.actorId());
            if (changed == 0) {
                CustomerRow row = mapper.find(actor.tenantId(), id);
                if (row == null) {
                    throw notFound(id);
                }
                throw new StateTransitionException("cannot " + verb + " customer " + id + ": its status is "
                        + row.status() + ", and " + verb + " is allowed only from " + allowed);
            }
            audit.record(session, actor, "customer.status", "customer", id, to.name());
            Customer after = CustomerStore.load(session, actor.tenantId(), id, fields).orElseThrow();
            before.ifPresent(old -> audit.events().recordAll(session, actor, CustomerChanges.between(old, after)));
            return after;
        });
    }

    /**
     * A change to a customer's identities or tags. The customer row is locked first, so that changes of one
     * customer run one after the other; the version is bumped and the change audited only if something
     * changed.
     */
    private Customer changeIdentitiesOrTags(long id, String action, String detail, Change change) {
        TenantFields fields = this.fields.of(actor.tenantId());
        return database.write("change the tags or identities of customer " + id, session -> {
            CustomerStatements mapper = new CustomerStatements(session);
            if (mapper.lock(actor.tenantId(), id) == null) {
                throw notFound(id);
            }
            Customer current = CustomerStore.load(session, actor.tenantId(), id, fields).orElseThrow();
            if (!change.apply(session, mapper, current)) {
                return current;
            }
            mapper.touch(actor.tenantId(), id, clock.instant(), actor.actorId());
            audit.record(session, actor, action, "customer", id, detail);
            Customer after = CustomerStore.load(session, actor.tenantId(), id, fields).orElseThrow();
            audit.events().recordAll(session, actor, CustomerChanges.between(current, after));
            return after;
        });
    }

    @FunctionalInterface
    private interface Change {
        /** @return whether anything changed */
        boolean apply(Session session, CustomerStatements mapper, Customer current);
    }

    /** The values as a read would return them: in field definition order. */
    private static Map<String, Object> customValues(CleanCustomer clean, TenantFields fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields.active()) {
            Object value = clean.custom().get(field);
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    private static String changedFields(CustomerPatch patch) {
        List<String> names = new ArrayList<>();
        patch.changes().keySet().forEach(field -> names.add(field.key()));
        patch.customChanges().keySet().forEach(key -> names.add("custom." + key));
        return String.join(",", names);
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException("no customer " + id + " in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException staleVersion(long id, long given, long current) {
        return new ConflictException("customer " + id + " is at version " + current + ", the change was made against"
                + " version " + given + "; read it again and apply the change to the current version");
    }
}
