package io.crmkit.spring;

import io.crmkit.api.customer.Customer;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergePreview;
import io.crmkit.api.merge.MergeRecord;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.api.merge.MergeService;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Times merges on {@code crmkit.merges} and counts the customers merged away on {@code crmkit.merges.customers};
 * undo, previews and duplicate finding pass through.
 */
final class MeteredMerges implements MergeService {

    private final MergeService merges;
    private final CrmMeters meters;

    MeteredMerges(MergeService merges, CrmMeters meters) {
        this.merges = merges;
        this.meters = meters;
    }

    @Override
    public MergeResult merge(long survivorId, List<Long> mergedIds, MergeOptions options) {
        MergeResult result = meters.time(CrmMeters.MERGES, Tags.empty(),
                () -> merges.merge(survivorId, mergedIds, options));
        meters.count(CrmMeters.MERGES + ".customers", Tags.empty(), result.mergedIds().size());
        return result;
    }

    @Override
    public List<DuplicateCluster> findDuplicates(MatchRules rules, int limit) {
        return merges.findDuplicates(rules, limit);
    }

    @Override
    public List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules) {
        return merges.duplicatesOf(customerId, rules);
    }

    @Override
    public MergePreview preview(long survivorId, long mergedId, MergeOptions options) {
        return merges.preview(survivorId, mergedId, options);
    }

    @Override
    public Customer undo(long mergeId) {
        return merges.undo(mergeId);
    }

    @Override
    public List<MergeRecord> history(long customerId) {
        return merges.history(customerId);
    }

    @Override
    public long purgeExpired() {
        return merges.purgeExpired();
    }
}
