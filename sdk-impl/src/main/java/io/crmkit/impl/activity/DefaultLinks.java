package io.crmkit.impl.activity;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Link;
import io.crmkit.api.activity.Links;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.validation.Errors;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link Links} for one actor. A link is added and removed under the lock of its customer's row, so that the
 * count against {@link Links#MAX_PER_CUSTOMER} holds under concurrent adds; the uniqueness of a customer's link to
 * one object rests on the table's unique key.
 */
final class DefaultLinks implements Links {

    static final int TYPE_MAX = 40;
    static final int EXTERNAL_ID_MAX = 255;
    static final int LABEL_MAX = 200;

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_-]{1," + TYPE_MAX + "}");

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final LinkStore store;
    private final LiveCustomer customers;

    DefaultLinks(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.store = new LinkStore(tablePrefix);
        this.customers = new LiveCustomer(tablePrefix);
    }

    @Override
    public Link add(long customerId, String type, String externalId, String label) {
        ValidationException.requireNonNull(type, "type");
        ValidationException.requireNonNull(externalId, "externalId");
        ValidationException.requireNonNull(label, "label");
        Access.require(actor, Permission.WRITE, "link a customer to an object");
        Errors errors = new Errors();
        String cleanType = type.strip();
        if (!TYPE.matcher(cleanType).matches()) {
            errors.add("type", "invalid", "1 to " + TYPE_MAX + " characters of a-z 0-9 _ -, such as ticket, got '"
                    + (cleanType.length() > TYPE_MAX + 10 ? cleanType.substring(0, TYPE_MAX + 10) + "..." : cleanType)
                    + "'", TYPE_MAX);
        }
        String cleanId = errors.text("externalId", externalId, EXTERNAL_ID_MAX);
        if (cleanId.isEmpty()) {
            errors.add("externalId", "required", "a link needs the id of the object in the host application");
        }
        String cleanLabel = errors.text("label", label, LABEL_MAX);
        errors.throwIfAny();
        try {
            return database.write("link a customer to an object", session -> {
                Connection connection = session.getConnection();
                customers.lock(connection, actor.tenantId(), customerId);
                int count = store.count(connection, actor.tenantId(), customerId);
                if (count >= MAX_PER_CUSTOMER) {
                    throw new LimitExceededException("customer " + customerId + " has " + count + " links, at most "
                            + MAX_PER_CUSTOMER + "; remove one first", MAX_PER_CUSTOMER, count + 1L);
                }
                Link link = new Link(ids.next(), customerId, cleanType, cleanId, cleanLabel,
                        clock.instant(), actor.actorId());
                store.insert(connection, actor.tenantId(), link);
                audit.record(session, actor, "link.add", "link", link.id(), "customer " + customerId + ", type "
                        + cleanType);
                return link;
            });
        } catch (DuplicateKeyException e) {
            String message = "customer " + customerId + " already has a link to " + cleanType + " '" + cleanId + "'";
            Optional<Long> holder = database.read("read a link", session -> store.idOf(
                    session.getConnection(), actor.tenantId(), customerId, cleanType, cleanId));
            throw holder.<RuntimeException>map(id -> new ConflictException(message + " (link " + id + ")", id))
                    .orElse(e);
        }
    }

    @Override
    public List<Link> of(long customerId) {
        Access.require(actor, Permission.READ, "read links");
        return database.read("list a customer's links", session -> {
            Connection connection = session.getConnection();
            customers.require(connection, actor.tenantId(), customerId);
            return store.of(connection, actor.tenantId(), customerId);
        });
    }

    @Override
    public boolean remove(long linkId) {
        Access.require(actor, Permission.WRITE, "remove a link");
        return database.write("remove a link", session -> {
            Connection connection = session.getConnection();
            Optional<Long> customerId = store.customerOf(connection, actor.tenantId(), linkId);
            if (customerId.isEmpty() || !customers.tryLock(connection, actor.tenantId(), customerId.get())
                    || !store.delete(connection, actor.tenantId(), linkId)) {
                return false;
            }
            audit.record(session, actor, "link.remove", "link", linkId, "customer " + customerId.get());
            return true;
        });
    }
}
