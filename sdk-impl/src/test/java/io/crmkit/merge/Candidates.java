package io.crmkit.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchReason;
import io.crmkit.api.merge.MatchRule;
import io.crmkit.api.merge.MatchRules;
import java.util.List;

/** What the duplicate tests ask of a search's result. */
final class Candidates {

    private Candidates() {
    }

    /** @return the one pair the search finds, failing the test when it finds another number */
    static DuplicateCandidate onlyPair(Crm crm, MatchRules rules) {
        List<DuplicateCluster> clusters = crm.merges().findDuplicates(rules, 100);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).pairs()).hasSize(1);
        return clusters.get(0).pairs().get(0);
    }

    /** @return the rules of the candidate's reasons, in order */
    static List<MatchRule> rules(DuplicateCandidate candidate) {
        return candidate.reasons().stream().map(MatchReason::rule).toList();
    }
}
