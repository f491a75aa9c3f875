package io.crmkit.impl.filter;

import io.crmkit.api.Actor;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Groups;
import io.crmkit.api.filter.SavedFilters;
import io.crmkit.api.filter.SplitTarget;
import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.DuplicateKeyException;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.validation.Errors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.crmkit.impl.db.Session;

/**
 * Splits the customers a filter matches into parts of equal size ({@link SplitPlanner} over the stream of their
 * (createdAt, id) keys) and saves the parts as saved filters or as groups filled with their customers, in one
 * transaction. Thread-safe.
 */
final class SplitWriter {

    /** Longest name of a saved split (the part number follows). */
    static final int SPLIT_NAME_MAX = 70;

    private final Actor actor;
    private final MatchingCustomers matching;
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditLog audit;

    SplitWriter(Actor actor, MatchingCustomers matching, Database database, IdGenerator ids, Clock clock,
                AuditLog audit) {
        this.actor = actor;
        this.matching = matching;
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    /** @return the filter of each of {@code parts} parts of the customers the filter matches now */
    List<Filter> split(Filter filter, int parts) {
        SearchStatement statement = matching.matching(filter);
        SplitPlanner planner = database.stream("split customers", session -> {
            FilterStatements mapper = new FilterStatements(session);
            SplitPlanner plan = new SplitPlanner(mapper.count(statement), parts);
            mapper.keys(statement, plan);
            return plan;
        });
        return planner.filters(filter);
    }

    /**
     * @return the name the parts of a split start with
     * @throws ValidationException on field {@code name} when it is blank or longer than {@value #SPLIT_NAME_MAX}
     */
    static String namePrefix(String name) {
        Errors errors = new Errors();
        String prefix = errors.requiredText("name", name, SPLIT_NAME_MAX, "a split");
        errors.throwIfAny();
        return prefix;
    }

    /**
     * Saves the parts of a split, named {@code "<prefix> <n>/<parts>"}.
     *
     * @return the ids of the saved filters or groups, in part order
     * @throws ConflictException   when one of the names is taken
     * @throws ValidationException when the tenant would have more saved filters or groups than allowed
     */
    List<Long> save(List<Filter> split, String prefix, SplitTarget target) {
        List<SearchStatement> members = target == SplitTarget.GROUPS ? split.stream().map(matching::matching).toList()
                : List.of();
        Instant now = clock.instant();
        try {
            return database.write("save a split", session -> {
                List<Long> saved = new ArrayList<>();
                for (int part = 0; part < split.size(); part++) {
                    long id = ids.next();
                    String partName = prefix + " " + (part + 1) + "/" + split.size();
                    if (target == SplitTarget.GROUPS) {
                        new GroupStatements(session).insert(GroupRow.of(actor.tenantId(), id, partName,
                                actor.actorId(), now));
                        new GroupStatements(session).addMatching(members.get(part), id, now);
                    } else {
                        new SavedFilterStatements(session).insert(SavedFilterRow.of(actor.tenantId(), id,
                                partName, FilterJson.toJson(split.get(part)), actor.actorId(), now));
                    }
                    saved.add(id);
                }
                requireWithinLimit(session, target);
                audit.record(session, actor, "filter.split", target.name().toLowerCase(Locale.ROOT), saved.get(0),
                        split.size() + " part(s)");
                return saved;
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a " + (target == SplitTarget.GROUPS ? "group" : "saved filter") + " named '"
                    + prefix + " <n>/" + split.size() + "' exists already; choose another name");
        }
    }

    private void requireWithinLimit(Session session, SplitTarget target) {
        int count = target == SplitTarget.GROUPS ? new GroupStatements(session).count(actor.tenantId())
                : new SavedFilterStatements(session).count(actor.tenantId());
        int limit = target == SplitTarget.GROUPS ? Groups.MAX_GROUPS : SavedFilters.MAX_SAVED_FILTERS;
        if (count > limit) {
            throw ValidationException.of("parts", "too_many", "parts: the tenant would have " + count + " "
                    + (target == SplitTarget.GROUPS ? "groups" : "saved filters") + ", at most " + limit);
        }
    }
}
