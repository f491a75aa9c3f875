package io.crmkit.spring;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.activity.ActivityService;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.customer.CustomerService;
import io.crmkit.api.field.FieldService;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.job.Jobs;
import io.crmkit.api.merge.MergeService;
import io.crmkit.api.trash.TrashService;
import java.util.List;

/**
 * The starter's {@link Crm} bean: each method asks the {@link ActorResolver} who acts now and answers with
 * {@code kit.as(actor)}'s service. A service obtained here keeps the actor of the call that returned it, so callers
 * write {@code crm.customers().get(id)} per use rather than keeping {@code crm.customers()} in a field.
 *
 * <p>It asks {@code kit.as(actor)} on every call, with no cache per actor: that scope is one small object that makes
 * only the service asked for, over parts the kit built once. A cache per actor would save a few small objects per call
 * and cost a bound to size, a lookup per call and the memory of actors long gone.
 */
final class CurrentActorCrm implements Crm {

    private final CrmKit kit;
    private final ActorResolver resolver;
    private final List<CrmDecorator> decorators;

    CurrentActorCrm(CrmKit kit, ActorResolver resolver, List<CrmDecorator> decorators) {
        this.kit = kit;
        this.resolver = resolver;
        this.decorators = List.copyOf(decorators);
    }

    private Crm current() {
        Actor actor = resolver.currentActor();
        if (actor == null) {
            throw new IllegalStateException("ActorResolver " + resolver.getClass().getName()
                    + " returned null: it must return the current actor, or throw when there is none");
        }
        Crm crm = kit.as(actor);
        for (CrmDecorator decorator : decorators) {
            crm = decorator.decorate(crm);
        }
        return crm;
    }

    @Override
    public Actor actor() {
        return current().actor();
    }

    @Override
    public CustomerService customers() {
        return current().customers();
    }

    @Override
    public FieldService fields() {
        return current().fields();
    }

    @Override
    public FilterService filters() {
        return current().filters();
    }

    @Override
    public BulkService bulk() {
        return current().bulk();
    }

    @Override
    public TrashService trash() {
        return current().trash();
    }

    @Override
    public ImportService imports() {
        return current().imports();
    }

    @Override
    public ExportService exports() {
        return current().exports();
    }

    @Override
    public MergeService merges() {
        return current().merges();
    }

    @Override
    public ActivityService activities() {
        return current().activities();
    }

    @Override
    public String toString() {
        return "Crm of the current actor (" + resolver.getClass().getName() + ")";
    }

    @Override
    public Jobs jobs() {
        return current().jobs();
    }
}
