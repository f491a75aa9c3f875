package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkIssue;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.impl.customer.ChunkWrites;
import java.util.ArrayList;
import java.util.List;

/** Running totals of one run of a bulk operation. Not thread-safe. */
final class Tally {

    private final String operation;
    private final long total;
    private long changed;
    private long unchanged;
    private long skipped;
    private long failed;
    private final List<BulkIssue> issues = new ArrayList<>();

    Tally(String operation, long total) {
        this.operation = operation;
        this.total = total;
    }

    void add(ChunkWrites.Outcome outcome) {
        changed += outcome.changed.size();
        unchanged += outcome.unchanged;
        skipped += outcome.skipped.size();
        failed += outcome.failed.size();
        for (List<BulkIssue> list : List.of(outcome.skipped, outcome.failed)) {
            for (BulkIssue issue : list) {
                if (issues.size() < BulkResult.MAX_ISSUES) {
                    issues.add(issue);
                }
            }
        }
    }

    long done() {
        return changed + unchanged + skipped + failed;
    }

    BulkResult result() {
        return new BulkResult(operation, Math.max(total, done()), changed, unchanged, skipped, failed, issues);
    }
}
