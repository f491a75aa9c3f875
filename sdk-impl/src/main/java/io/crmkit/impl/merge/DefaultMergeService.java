package io.crmkit.impl.merge;

import io.crmkit.impl.audit.AuditLog;
import io.crmkit.impl.customer.CustomerReader;
import io.crmkit.impl.db.Database;
import io.crmkit.impl.db.IdGenerator;
import io.crmkit.impl.db.IdStatements;
import io.crmkit.impl.field.FieldCatalog;
import java.time.Clock;
import java.time.Duration;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergePreview;
import io.crmkit.api.merge.MergeRecord;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.api.merge.MergeService;
import io.crmkit.impl.access.Access;
import io.crmkit.impl.field.TenantFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** {@link MergeService} for one actor. Thread-safe. */
public final class DefaultMergeService implements MergeService {

    private final Actor actor;
    private final Database database;
    private final Clock clock;
    private final FieldCatalog fields;
    private final CustomerReader customers;
    private final Duration mergeRetention;
    private final DuplicateFinder finder;
    private final MergeRecords records;
    private final Merger merger;
    private final MergeUndo undo;

    public DefaultMergeService(Actor actor, String tablePrefix, Database database, IdGenerator ids, Clock clock,
            AuditLog audit, FieldCatalog fields, CustomerReader customers, IdStatements idSql,
            Duration mergeRetention) {
        this.actor = actor;
        this.database = database;
        this.clock = clock;
        this.fields = fields;
        this.customers = customers;
        this.mergeRetention = mergeRetention;
        this.finder = new DuplicateFinder(actor, tablePrefix, database);
        this.records = new MergeRecords(tablePrefix);
        MergeRows rows = new MergeRows(tablePrefix);
        this.merger = new Merger(actor, tablePrefix, ids, clock, audit, customers, idSql, mergeRetention, rows,
                records);
        this.undo = new MergeUndo(actor, tablePrefix, clock, audit, customers, idSql, rows, records);
    }

    @Override
    public List<DuplicateCluster> findDuplicates(MatchRules rules, int limit) {
        ValidationException.requireNonNull(rules, "rules");
        if (limit < 1 || limit > MAX_CLUSTERS) {
            throw ValidationException.of("limit", "out_of_range", "limit: must be 1 to " + MAX_CLUSTERS + ", got " + limit);
        }
        Access.require(actor, Permission.READ, "find duplicate customers");
        return finder.findDuplicates(rules, limit);
    }

    @Override
    public List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules) {
        ValidationException.requireNonNull(rules, "rules");
        Access.require(actor, Permission.READ, "find duplicate customers");
        return finder.duplicatesOf(customerId, rules);
    }

    @Override
    public MergePreview preview(long survivorId, long mergedId, MergeOptions options) {
        Access.require(actor, Permission.READ, "preview a merge");
        TenantFields fields = this.fields.of(actor.tenantId());
        MergePlan.checkOptions(options, fields);
        checkIds(survivorId, List.of(mergedId));
        return database.read("preview a merge", session -> {
            List<Customer> pair = merger.pair(session, survivorId, mergedId, fields);
            MergePlan plan = MergePlan.of(pair.get(0), pair.get(1), fields, options);
            return new MergePreview(plan.result(pair.get(0).version() + 1, clock.instant(), actor.actorId()),
                    plan.outcomes(), plan.conflicts());
        });
    }

    @Override
    public MergeResult merge(long survivorId, List<Long> mergedIds, MergeOptions options) {
        ValidationException.requireNonNull(mergedIds, "mergedIds");
        Access.require(actor, Permission.MERGE, "merge customers");
        TenantFields fields = this.fields.of(actor.tenantId());
        MergePlan.checkOptions(options, fields);
        checkIds(survivorId, mergedIds);
        return database.write("merge customers", session -> {
            List<Long> all = new ArrayList<>(mergedIds);
            all.add(survivorId);
            merger.lock(session, all);
            List<Long> mergeIds = new ArrayList<>();
            for (Long mergedId : mergedIds) {
                mergeIds.add(merger.merge(session, survivorId, mergedId, fields, options));
            }
            Customer survivor = customers.read(session, actor.tenantId(), List.of(survivorId), fields).get(0);
            Instant until = clock.instant().plus(mergeRetention);
            return new MergeResult(mergeIds, survivor, mergedIds, until);
        });
    }

    @Override
    public Customer undo(long mergeId) {
        Access.require(actor, Permission.MERGE, "undo a merge");
        TenantFields fields = this.fields.of(actor.tenantId());
        return database.write("undo a merge", session -> undo.undo(session, mergeId, fields));
    }

    @Override
    public List<MergeRecord> history(long customerId) {
        Access.require(actor, Permission.READ, "list merges");
        return database.read("list merges", session -> records.history(session.getConnection(),
                actor.tenantId(), customerId));
    }

    @Override
    public long purgeExpired() {
        Access.require(actor, Permission.MERGE, "purge merges");
        return database.write("purge merges", session -> records.purge(session.getConnection(),
                actor.tenantId(), clock.instant()));
    }

    private static void checkIds(long survivorId, List<Long> mergedIds) {
        if (mergedIds.isEmpty() || mergedIds.size() > MAX_MERGED) {
            throw ValidationException.of("mergedIds", "out_of_range", "mergedIds: merge 1 to " + MAX_MERGED
                    + " customers into a survivor at once, got " + mergedIds.size());
        }
        if (mergedIds.contains(survivorId)) {
            throw ValidationException.of("mergedIds", "same_customer", "mergedIds: customer " + survivorId
                    + " is the survivor; a customer cannot be merged into itself");
        }
        if (new HashSet<>(mergedIds).size() != mergedIds.size()) {
            throw ValidationException.of("mergedIds", "duplicate", "mergedIds: a customer is listed twice: "
                    + mergedIds);
        }
    }
}
