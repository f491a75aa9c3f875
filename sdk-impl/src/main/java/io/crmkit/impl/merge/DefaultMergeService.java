package io.crmkit.impl.merge;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergePreview;
import io.crmkit.api.merge.MergeRecord;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.api.merge.MergeService;
import io.crmkit.impl.KitContext;
import io.crmkit.impl.access.Access;
import java.util.List;
import java.util.Objects;

/** {@link MergeService} for one actor. Thread-safe. */
public final class DefaultMergeService implements MergeService {

    private final Actor actor;
    private final KitContext kit;
    private final DuplicateFinder finder;

    public DefaultMergeService(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
        this.finder = new DuplicateFinder(actor, kit);
    }

    @Override
    public List<DuplicateCluster> findDuplicates(MatchRules rules, int limit) {
        Objects.requireNonNull(rules, "rules");
        if (limit < 1 || limit > MAX_CLUSTERS) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_CLUSTERS + ", got " + limit);
        }
        Access.require(actor, Permission.READ, "find duplicate customers");
        return finder.findDuplicates(rules, limit);
    }

    @Override
    public List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules) {
        Objects.requireNonNull(rules, "rules");
        Access.require(actor, Permission.READ, "find duplicate customers");
        return finder.duplicatesOf(customerId, rules);
    }

    @Override
    public MergePreview preview(long survivorId, long mergedId, MergeOptions options) {
        throw new UnsupportedOperationException("merge is not built yet");
    }

    @Override
    public MergeResult merge(long survivorId, List<Long> mergedIds, MergeOptions options) {
        throw new UnsupportedOperationException("merge is not built yet");
    }

    @Override
    public Customer undo(long mergeId) {
        throw new UnsupportedOperationException("merge is not built yet");
    }

    @Override
    public List<MergeRecord> history(long customerId) {
        throw new UnsupportedOperationException("merge is not built yet");
    }

    @Override
    public long purgeExpired() {
        throw new UnsupportedOperationException("merge is not built yet");
    }
}
