package io.crmkit.impl.filter;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import java.time.Clock;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.Actor;
import io.crmkit.api.Page;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.filter.CustomerGroup;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.Query;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.Session;
import io.crmkit.impl.validation.Errors;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@link Groups} for one actor. */
final class DefaultGroups implements Groups {

    private static final int NAME_MAX = 80;

    private final Actor actor;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;
    private final DefaultFilterService filters;

    DefaultGroups(Actor actor, Database database, IdGenerator ids, Clock clock, AuditLog audit,
            DefaultFilterService filters) {
        this.actor = actor;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.filters = filters;
    }

    @Override
    public CustomerGroup create(String name) {
        Access.require(actor, Permission.WRITE, "create a group");
        String clean = name(name);
        GroupRow row = GroupRow.of(actor.tenantId(), this.ids.next(), clean, actor.actorId(), clock.instant());
        try {
            database.write("create a group", session -> {
                GroupStatements mapper = new GroupStatements(session);
                if (mapper.count(actor.tenantId()) >= MAX_GROUPS) {
                    Errors limit = new Errors();
                    limit.add("name", "too_many", "a tenant has at most " + MAX_GROUPS + " groups; delete one first",
                            MAX_GROUPS);
                    limit.throwIfAny();
                }
                mapper.insert(row);
                audit.record(session, actor, "group.create", "group", row.id, "");
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw nameTaken(clean);
        }
        return toGroup(row);
    }

    @Override
    public int add(long groupId, Collection<Long> customerIds) {
        return changeByIds(groupId, customerIds, "add customers to a group", "group.add",
                (mapper, ids) -> mapper.addIds(actor.tenantId(), groupId, ids, clock.instant()));
    }

    @Override
    public int addMatching(long groupId, Filter filter) {
        ValidationException.requireNonNull(filter, "filter");
        Access.require(actor, Permission.WRITE, "add customers to a group");
        SearchStatement matching = filters.matching(filter);
        long count = filters.count(filter);
        if (count > MAX_MEMBERS_FROM_FILTER) {
            Errors limit = new Errors();
            limit.add("filter", "too_many", "adds at most " + MAX_MEMBERS_FROM_FILTER + " customers at once, the filter"
                    + " matches " + count, MAX_MEMBERS_FROM_FILTER);
            limit.throwIfAny();
        }
        return changeMembers(groupId, "group.add", mapper -> mapper.addMatching(matching, groupId,
                clock.instant()));
    }

    @Override
    public int remove(long groupId, Collection<Long> customerIds) {
        return changeByIds(groupId, customerIds, "remove customers from a group", "group.remove",
                (mapper, ids) -> mapper.removeIds(actor.tenantId(), groupId, ids));
    }

    /** Adds or removes members by id: checks the ids, and does nothing but check the group when there are none. */
    private int changeByIds(long groupId, Collection<Long> customerIds, String operation, String action,
                            BiFunction<GroupStatements, List<Long>, Integer> change) {
        ValidationException.requireNonNull(customerIds, "customerIds");
        Access.require(actor, Permission.WRITE, operation);
        List<Long> ids = ids(customerIds);
        if (ids.isEmpty()) {
            requireGroup(groupId);
            return 0;
        }
        return changeMembers(groupId, action, mapper -> change.apply(mapper, ids));
    }

    @Override
    public Page<Customer> members(long groupId, Query query) {
        ValidationException.requireNonNull(query, "query");
        Access.require(actor, Permission.READ, "read groups");
        requireGroup(groupId);
        Filter member = Filter.eq(FilterSql.GROUP, groupId);
        Filter filter = query.filter().map(other -> Filter.all(member, other)).orElse(member);
        return filters.search(new Query(Optional.of(filter), query.keyword(), query.sort(), query.pageSize(),
                query.cursor(), query.withTotal()));
    }

    @Override
    public CustomerGroup rename(long groupId, String name) {
        Access.require(actor, Permission.WRITE, "rename a group");
        String clean = name(name);
        try {
            return database.write("rename a group", session -> {
                GroupStatements mapper = new GroupStatements(session);
                if (mapper.rename(actor.tenantId(), groupId, clean, clock.instant()) == 0) {
                    throw notFound(groupId);
                }
                audit.record(session, actor, "group.rename", "group", groupId, "");
                return toGroup(mapper.find(actor.tenantId(), groupId));
            });
        } catch (DuplicateKeyException e) {
            throw nameTaken(clean);
        }
    }

    @Override
    public void delete(long groupId) {
        Access.require(actor, Permission.WRITE, "delete a group");
        database.write("delete a group", session -> {
            GroupStatements mapper = new GroupStatements(session);
            if (mapper.delete(actor.tenantId(), groupId) == 0) {
                throw notFound(groupId);
            }
            mapper.deleteMembers(actor.tenantId(), groupId);
            audit.record(session, actor, "group.delete", "group", groupId, "");
            return null;
        });
    }

    @Override
    public Optional<CustomerGroup> find(long groupId) {
        Access.require(actor, Permission.READ, "read groups");
        return Optional.ofNullable(read(mapper -> mapper.find(actor.tenantId(), groupId))).map(this::toGroup);
    }

    @Override
    public List<CustomerGroup> list() {
        Access.require(actor, Permission.READ, "read groups");
        return read(mapper -> mapper.list(actor.tenantId())).stream().map(this::toGroup).toList();
    }

    /** Adds or removes members under the group's row lock; a concurrent add of the same member is retried. */
    private int changeMembers(long groupId, String action, Function<GroupStatements, Integer> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.write(action, session -> {
                    GroupStatements mapper = new GroupStatements(session);
                    if (mapper.touch(actor.tenantId(), groupId, clock.instant()) == 0) {
                        throw notFound(groupId);
                    }
                    int changed = change.apply(mapper);
                    audit.record(session, actor, action, "group", groupId, changed + " customer(s)");
                    return changed;
                });
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private void requireGroup(long groupId) {
        if (read(mapper -> mapper.find(actor.tenantId(), groupId)) == null) {
            throw notFound(groupId);
        }
    }

    private <T> T read(Function<GroupStatements, T> query) {
        return database.read("read groups", (Session session) -> query.apply(new GroupStatements(session)));
    }

    private static List<Long> ids(Collection<Long> customerIds) {
        List<Long> ids = customerIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.size() > MAX_IDS_PER_CALL) {
            Errors limit = new Errors();
            limit.add("customerIds", "too_many", "at most " + MAX_IDS_PER_CALL + " ids per call, got " + ids.size(),
                    MAX_IDS_PER_CALL);
            limit.throwIfAny();
        }
        return ids;
    }

    private static String name(String name) {
        Errors errors = new Errors();
        String clean = errors.requiredText("name", name, NAME_MAX, "a group");
        errors.throwIfAny();
        return clean;
    }

    private CustomerGroup toGroup(GroupRow row) {
        return new CustomerGroup(row.id, row.name, row.createdBy, row.createdAt, row.updatedAt);
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException("no group " + id + " in tenant '" + actor.tenantId() + "'");
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("a group named '" + name + "' exists already; choose another name");
    }
}
