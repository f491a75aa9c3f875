package io.crmkit.impl.activity;

import io.crmkit.api.Actor;
import io.crmkit.api.activity.Orders;
import io.crmkit.impl.KitContext;
import io.crmkit.api.activity.Order;
import io.crmkit.api.activity.OrderDraft;
import io.crmkit.api.activity.OrderStatus;
import io.crmkit.api.activity.PageRequest;
import io.crmkit.api.filter.Page;
import java.util.Optional;

/** {@link Orders} for one actor. Not built yet. */
final class DefaultOrders implements Orders {

    private final Actor actor;
    private final KitContext kit;

    DefaultOrders(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    @Override
    public Order create(long customerId, OrderDraft draft) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Order changeStatus(long orderId, OrderStatus status, long version) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Optional<Order> find(long orderId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Optional<Order> findByNumber(String number) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Page<Order> ofCustomer(long customerId, PageRequest page) {
        throw new UnsupportedOperationException("not built yet");
    }
}
