package io.crmkit.samples.web;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchReason;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duplicates: the suggested pairs (the SDK's default rules), the merge of one customer into another with the
 * default survivorship, and its undo while the merge retention lasts.
 */
@RestController
@RequestMapping("/api/duplicates")
class DuplicateApi {

    /** Most suggested pairs per request. */
    static final int MAX_SUGGESTIONS = 100;

    private final Crm crm;

    DuplicateApi(Crm crm) {
        this.crm = crm;
    }

    /** @return up to {@code limit} (1-{@value #MAX_SUGGESTIONS}) suggested pairs, best score first */
    @GetMapping
    List<Suggestion> suggestions(@RequestParam(defaultValue = "20") int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_SUGGESTIONS));
        List<Suggestion> suggestions = new ArrayList<>();
        for (DuplicateCluster cluster : crm.merges().findDuplicates(MatchRules.defaults(), bounded)) {
            for (DuplicateCandidate pair : cluster.pairs()) {
                if (suggestions.size() == bounded) {
                    return suggestions;
                }
                List<String> reasons = pair.reasons().stream().map(MatchReason::detail).toList();
                suggestions.add(new Suggestion(summary(pair.customerId()), summary(pair.otherId()), pair.score(),
                        reasons));
            }
        }
        return suggestions;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: the survivor keeps its values and gains the other's
     * identities, tags and history; the merged customer goes away. 404 for an unknown customer, 409 when one
     * changed since it was read or the two hold conflicting identities.
     */
    @PostMapping("/merge")
    Merged merge(@RequestBody MergeRequest request) {
        MergeResult result = crm.merges().merge(request.survivorId(), request.mergedId(), MergeOptions.defaults());
        return new Merged(result.mergeIds(), summary(result.survivor()), result.mergedIds(), result.undoableUntil());
    }

    /** Undoes a merge: the merged customer comes back as it was. */
    @PostMapping("/merges/{mergeId}/undo")
    CustomerSummary undo(@PathVariable long mergeId) {
        return summary(crm.merges().undo(mergeId));
    }

    private CustomerSummary summary(long id) {
        return summary(crm.customers().get(id));
    }

    private static CustomerSummary summary(Customer customer) {
        return new CustomerSummary(customer.id(), customer.name(), customer.phones(), customer.emails(),
                customer.company(), customer.createdAt());
    }

    /** A suggested pair, with why it was suggested. */
    record Suggestion(CustomerSummary customer, CustomerSummary other, int score, List<String> reasons) {
    }

    /** What the page shows of each customer of a pair. */
    record CustomerSummary(long id, String name, List<String> phones, List<String> emails, String company,
                           Instant createdAt) {
    }

    /** The customer that stays and the one merged into it. */
    record MergeRequest(long survivorId, long mergedId) {
    }

    /** A done merge: what stayed, and until when it can be undone. */
    record Merged(List<Long> mergeIds, CustomerSummary survivor, List<Long> mergedIds, Instant undoableUntil) {
    }
}
