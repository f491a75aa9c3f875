package io.crmkit.impl.activity;

import io.crmkit.api.activity.EventTypes;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.Orders;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Orders} for one actor. Creating an order and changing its status refresh the customer's metrics in the
 * same transaction, under the lock of the customer's row. The uniqueness of order numbers rests on the table's
 * unique key, so that concurrent creates of one number cannot both succeed.
 */
final class DefaultOrders implements Orders {

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final OrderStore store;
    private final LiveCustomer customers;
    private final MetricsStore metrics;

    DefaultOrders(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            IdStatements idSql) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.store = new OrderStore(tablePrefix, idSql);
        this.customers = new LiveCustomer(tablePrefix);
        this.metrics = new MetricsStore(tablePrefix, idSql);
    }

    @Override
    public Order create(long customerId, OrderDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        Access.require(actor, Permission.WRITE, "create an order");
        OrderDraft clean = OrderValidator.clean(draft);
        try {
            return database.write("create an order", session -> {
                Connection connection = session.getConnection();
                customers.lock(connection, actor.tenantId(), customerId);
                Instant now = clock.instant();
                Order order = new Order(ids.next(), customerId, clean.number(), clean.orderedAt(),
                        clean.status(), clean.amount().orElseThrow(), clean.currency(), clean.lines(), now,
                        actor.actorId(), 1);
                store.insert(connection, actor.tenantId(), order);
                metrics.refresh(connection, actor.tenantId(), List.of(customerId), now);
                audit.record(session, actor, "order.create", "order", order.id(), "customer " + customerId + ", "
                        + order.lines().size() + " line(s), " + order.status());
                audit.events().record(session, actor, customerId, EventTypes.ORDER_PLACED, CustomerEvents.properties("orderId",
                        Long.toString(order.id()), "amount", order.amount(), "currency", order.currency()));
                return order;
            });
        } catch (DuplicateKeyException e) {
            throw numberTaken(clean.number(), e);
        }
    }

    @Override
    public Order changeStatus(long orderId, OrderStatus status, long version) {
        ValidationException.requireNonNull(status, "status");
        Access.require(actor, Permission.WRITE, "change the status of an order");
        return database.write("change the status of an order", session -> {
            Connection connection = session.getConnection();
            Order current = store.find(connection, actor.tenantId(), orderId).orElseThrow(() -> notFound(orderId));
            customers.lock(connection, actor.tenantId(), current.customerId());
            if (current.version() != version) {
                throw stale(orderId, version, current.version());
            }
            if (current.status() == status) {
                return current;
            }
            Instant now = clock.instant();
            if (!store.changeStatus(connection, actor.tenantId(), current, status, now, actor.actorId())) {
                throw new ConflictException("order " + orderId + " changed while its status was being changed; read"
                        + " it again and apply the change to the current version");
            }
            metrics.refresh(connection, actor.tenantId(), List.of(current.customerId()), now);
            audit.record(session, actor, "order.status", "order", orderId, current.status() + " -> " + status);
            return store.find(connection, actor.tenantId(), orderId).orElseThrow();
        });
    }

    @Override
    public Optional<Order> find(long orderId) {
        Access.require(actor, Permission.READ, "read orders");
        return database.read("read an order", session -> store.find(session.getConnection(), actor.tenantId(),
                orderId));
    }

    @Override
    public Optional<Order> findByNumber(String number) {
        ValidationException.requireNonNull(number, "number");
        Access.require(actor, Permission.READ, "read orders");
        String clean = number.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return database.read("read an order", session -> store.findByNumber(session.getConnection(),
                actor.tenantId(), clean));
    }

    @Override
    public Page<Order> ofCustomer(long customerId, PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Access.require(actor, Permission.READ, "read orders");
        String list = "orders/" + customerId;
        Optional<ListCursor> cursor = ListCursor.of(page, list);
        return database.read("list a customer's orders", session -> {
            Connection connection = session.getConnection();
            customers.require(connection, actor.tenantId(), customerId);
            return ListCursor.page(store.ofCustomer(connection, actor.tenantId(), customerId, cursor,
                    page.size() + 1), page.size(), list, order -> 0);
        });
    }

    /**
     * @return the conflict naming the number and the order that holds it, or the failure itself when no order
     *         holds the number (another unique key refused the write)
     */
    private RuntimeException numberTaken(String number, DuplicateKeyException failure) {
        Optional<Long> holder = database.read("read an order", session -> store.idOf(session.getConnection(),
                actor.tenantId(), number));
        return holder.<RuntimeException>map(id -> new ConflictException("order number '" + number + "' is taken:"
                + " order " + id + " of tenant '" + actor.tenantId() + "' has it", id)).orElse(failure);
    }

    private NotFoundException notFound(long orderId) {
        return new NotFoundException("no order " + orderId + " in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException stale(long orderId, long given, long current) {
        return new ConflictException("order " + orderId + " is at version " + current + ", the change was made against"
                + " version " + given + "; read it again and apply the change to the current version");
    }
}
