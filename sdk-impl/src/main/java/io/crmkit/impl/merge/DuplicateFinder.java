package io.crmkit.impl.merge;

import io.crmkit.api.Actor;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.impl.KitContext;
import java.util.List;

/** Finds duplicate candidates of one tenant. Not built yet: see issue 6. */
final class DuplicateFinder {

    private final Actor actor;
    private final KitContext kit;

    DuplicateFinder(Actor actor, KitContext kit) {
        this.actor = actor;
        this.kit = kit;
    }

    List<DuplicateCluster> findDuplicates(MatchRules rules, int limit) {
        throw new UnsupportedOperationException("duplicate detection is not built yet");
    }

    List<DuplicateCandidate> duplicatesOf(long customerId, MatchRules rules) {
        throw new UnsupportedOperationException("duplicate detection is not built yet");
    }
}
